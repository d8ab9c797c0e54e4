"""Extraction: press releases and news articles in, meetings, people, statements out.

Plain Python (spaCy and our own rules and data), no Django and no other room of the app: it may
import only the standard library, spaCy, its own data files and well-kept data packages. The
output's shape is `schema.py`: the JSON of shared/eval/SCHEMA.md plus the extra keys listed there.

Confidence: every meeting, participant and statement carries an extra key ``confidence``, a
number in 0..1 (``confidence.py``) that ranks records by the evidence they rest on. It is not a
calibrated probability. Thresholds for ingest:
  - below 0.5: uncertain; flag the record for an editor's review (e.g. a one-word name, a
    meeting with one participant, a short statement whose speaker was resolved from a pronoun);
  - 0.5 to 0.8: plausible; keep it, without flagging;
  - 0.8 and above: well supported (on the dev set about nine in ten such participants and
    statements match the gold).
"""

from .document import DocumentError, read_document
from .pipeline import Extractor

# Bump when the output for the same text changes (ingest records it with each document).
EXTRACTOR_VERSION = "2026.12.3"

__all__ = ["EXTRACTOR_VERSION", "DocumentError", "Extractor", "read_document"]
