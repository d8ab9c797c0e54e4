"""Public pages and API answers cached under the data version, with validators for browsers.

Everything public changes only when records change (ingest, feed fetches, an editor's save or
merge), and each of those moves `DataVersion` on (meetings/models/versions.py, apps.py). So:

- a rendered page is kept in Django's cache under (data version, address): the next request for
  the same address renders nothing until the data changes, and after a change the old entries are
  simply never asked for again (they expire). A change is visible on the very next request, in
  every process, because the version is read from the database on each request (one indexed row).
- every answer carries `ETag` (the data version) and `Last-Modified` (when it last changed), and
  `Cache-Control: public, max-age=PAGE_MAX_AGE`; a conditional request (If-None-Match /
  If-Modified-Since) for unchanged data is answered 304 before any view runs.

Only anonymous GET/HEAD requests are cached: not the admin, not a request carrying a session
cookie (an editor), not a response that sets a cookie, varies on cookies, or is streamed (CSV).
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from meetings.models import DataVersion

logger = logging.getLogger(__name__)
CACHE_SECONDS = 24 * 3600  # entries of an old data version are never read again; let them go


def is_cacheable_request(request):
    if request.method not in ("GET", "HEAD") or request.path.startswith(("/admin/", settings.STATIC_URL)):
        return False
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META


def is_storable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "cookie" not in response.get("Vary", "").lower()
        and "private" not in response.get("Cache-Control", "")
    )


def page_key(request, version):
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    return f"page:{version}:{address}"


def add_validators(response, etag, last_modified):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
    return response


def _cache_call(method, *args):
    """A cache that is down (a Redis restart) makes pages slower, never fail."""
    try:
        return method(*args)
    except Exception:  # the backends raise their client's own errors
        logger.warning("page cache unavailable", exc_info=True)
        return None


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        version, changed = DataVersion.current()
        etag, last_modified = f'"d{version}"', int(changed.timestamp())  # HTTP dates have whole seconds
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            return add_validators(not_modified, etag, last_modified)
        key = page_key(request, version)
        response = _cache_call(cache.get, key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if response.status_code != 200 or "cookie" in response.get("Vary", "").lower():
            return response
        add_validators(response, etag, last_modified)
        if is_storable(response):
            _cache_call(cache.set, key, response, CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response
