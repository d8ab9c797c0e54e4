"""Extraction: press releases and news articles in, meetings, people, statements out.

Plain Python (spaCy and our own rules and data), no Django and no other room of the app: it may
import only the standard library, spaCy, its own data files and well-kept data packages. The
output's shape is `schema.py`: the JSON of shared/eval/SCHEMA.md plus the extra keys listed there.
"""

from .document import DocumentError, read_document
from .pipeline import Extractor

# Bump when the output for the same text changes (ingest records it with each document).
EXTRACTOR_VERSION = "2026.11.5"

__all__ = ["EXTRACTOR_VERSION", "DocumentError", "Extractor", "read_document"]
