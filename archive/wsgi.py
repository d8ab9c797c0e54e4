"""WSGI entry point: gunicorn (docker-compose.yml) and runserver both load the site from here."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

# The site signs sessions and CSRF tokens: refuse to start rather than fail on the first request.
try:
    settings.SECRET_KEY  # noqa: B018 - Django raises on reading an empty key
except ImproperlyConfigured:
    raise ImproperlyConfigured(settings.MISSING_SECRET_KEY) from None
