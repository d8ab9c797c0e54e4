"""Shared fixtures. Each area keeps its own fixtures in its own test modules."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_DOCUMENTS = ROOT / "fixtures" / "documents"


@pytest.fixture
def seed_paths():
    return sorted(SEED_DOCUMENTS.glob("*.txt"))
