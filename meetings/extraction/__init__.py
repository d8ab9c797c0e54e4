"""Extraction: press releases and news articles in, meetings, people, statements out.

Plain Python (spaCy and our own rules and data), no Django: see CONTRACTS.md §1 and
shared/eval/SCHEMA.md for the shape of the output.
"""

from .document import DocumentError, read_document
from .pipeline import Extractor

# Bump when the output for the same text changes (ingest records it with each document).
EXTRACTOR_VERSION = "2026.11.5"

__all__ = ["EXTRACTOR_VERSION", "DocumentError", "Extractor", "read_document"]
