"""Shared fixtures. Each area keeps its own fixtures in its own test modules."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_DOCUMENTS = ROOT / "fixtures" / "documents"


@pytest.fixture(scope="session")
def extractor():
    """One extractor for the run, shared by the extraction tests: loading spaCy's model is the slow part."""
    from meetings.extraction import Extractor

    return Extractor()


@pytest.fixture
def seed_paths():
    return sorted(SEED_DOCUMENTS.glob("*.txt"))


@pytest.fixture
def plain_http(settings):
    """Production settings (tests run with DEBUG off), but plain HTTP and static files without a
    collected manifest. Modules that request pages use it: `pytest.mark.usefixtures("plain_http")`."""
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with an empty page cache: data rolled back between tests returns to the same
    data version, which must not find the previous test's pages."""
    from django.conf import settings

    if settings.configured:
        from django.core.cache import cache

        cache.clear()
    yield
