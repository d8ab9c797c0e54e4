"""Fetching pages, PDFs and feeds over HTTP(S), within limits.

`fetch(url)` returns a `Fetched` (final URL, status, content type, charset, body, ETag and
Last-Modified) or raises `FetchError` with a one-line reason: a URL that is not http(s), a
timeout, too many redirects (a loop), an HTTP error status, a content type the archive does not
read, or a body over the size limit (checked on Content-Length and again while reading, so a
server that lies cannot make it read more). Conditional requests: pass the `etag` and
`last_modified` of the previous fetch; a 304 comes back as `Fetched(status=304)` with no body.
"""

from dataclasses import dataclass

import httpx

from meetings.ingest.sources import web_url

TIMEOUT_SECONDS = 20
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "DiplomaticMeetingsArchive/1.0 (+ingest)"

DOCUMENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/pdf": "pdf",
}
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
}


class FetchError(Exception):
    """A URL that could not be fetched; str(error) is one human-readable line."""


@dataclass
class Fetched:
    url: str
    status: int
    content_type: str = ""
    charset: str | None = None
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""

    @property
    def document_format(self):
        """ "html", "text" or "pdf" by the content type (None for another type)."""
        return DOCUMENT_TYPES.get(self.content_type)


def fetch(url, *, accept=None, etag="", last_modified="", max_bytes=MAX_BYTES, timeout=TIMEOUT_SECONDS):
    """GET `url` within the module's limits; `accept`: the content types allowed (default: the
    document types). Raises `FetchError`."""
    if not web_url(url):
        scheme = url.split(":", 1)[0] if ":" in url else ""
        raise FetchError(f"not an http(s) URL{f' ({scheme}:)' if scheme else ''}")
    accept = accept or set(DOCUMENT_TYPES)
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout, headers=headers
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code == 304:
                return Fetched(str(response.url), 304, etag=etag, last_modified=last_modified)
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            if not web_url(str(response.url)):
                raise FetchError("redirected to a URL that is not http(s)")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type not in accept:
                raise FetchError(f"content type {content_type or 'missing'} is not one the archive reads")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"larger than {max_bytes // (1024 * 1024)} MB ({int(declared)} bytes)")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(f"larger than {max_bytes // (1024 * 1024)} MB")
            return Fetched(
                str(response.url),
                response.status_code,
                content_type,
                response.charset_encoding,
                bytes(body),
                response.headers.get("etag", ""),
                response.headers.get("last-modified", ""),
            )
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects (a redirect loop?)") from None
    except httpx.TimeoutException:
        raise FetchError(f"no answer within {timeout} s (timed out)") from None
    except httpx.UnsupportedProtocol:
        raise FetchError("redirected to a URL that is not http(s)") from None
    except httpx.HTTPError as err:
        raise FetchError(f"could not be fetched ({type(err).__name__}: {err})".strip()) from None


def fetch_source(url, name=None):
    """The `Source` of the page, PDF or text at `url` (its final URL after redirects)."""
    from meetings.ingest.sources import SourceError, read_source

    fetched = fetch(url)
    try:
        return read_source(
            fetched.body, name or url, fmt=fetched.document_format, url=fetched.url, charset=fetched.charset
        )
    except SourceError as err:
        raise FetchError(str(err)) from None
