"""Settings for bench/load_benchmark.py: the site's own, plus a bare view at /bare/ to compare."""

from archive.settings import *  # noqa: F403

ROOT_URLCONF = "load_urls"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
