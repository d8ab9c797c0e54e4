"""Reading sources into text with their metadata: plain text, saved web pages and PDFs.

`read_source(raw, name, ...)` turns the bytes of one document into a `Source`: the text the
extractor reads (statements point into it by offsets, so it is what is stored) and where it came
from — title, publication date, publisher, canonical URL and format. `source_items(args)` lists
what command-line arguments name: files, folders (their .txt, .html, .htm and .pdf files) and
http(s) URLs, each with a loader that reads it only when its turn comes.

Anything that cannot be read raises `SourceError` with a one-line reason: an empty or binary
file, a page with no article text, a PDF without a text layer, a URL that is not http(s).
"""

import codecs
import datetime
import functools
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

SUFFIX_FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}
# A page with less article text than this is a listing, a login page or an error page.
MIN_ARTICLE_CHARS = 80
_URL_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]{1,15}):")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class SourceError(Exception):
    """A source that cannot be read as a document; str(error) is one human-readable line."""


@dataclass
class Source:
    """One document as read: its text and what is known of where it came from."""

    name: str
    text: str
    format: str = "text"
    title: str = ""
    published: datetime.date | None = None
    publisher: str = ""
    url: str = ""
    extra: dict = field(default_factory=dict)


def web_url(value):
    """`value` if it is an http(s) URL with a host, else None."""
    try:
        parts = urlsplit(value or "")
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def looks_like_url(arg):
    """Whether a command-line argument names a URL rather than a file ("C:\\x" is a file)."""
    if isinstance(arg, Path):
        return False
    match = _URL_SCHEME.match(arg)
    return bool(match) and len(match.group(1)) > 1 and not Path(arg).exists()


@dataclass
class SourceItem:
    """One document named on the command line or in a feed, not read yet: `load()` reads it
    (returns the `Source`, raises `SourceError`); `url` when it is fetched from the web."""

    name: str
    load: object
    url: str = ""


def source_items(args):
    """A `SourceItem` for each document the arguments name, in order: files as given, folders
    expanded to their .txt/.html/.htm/.pdf files (recursively, sorted, hidden files left out),
    URLs fetched (http and https only; any other scheme fails with its reason)."""
    for arg in args:
        if looks_like_url(arg):
            yield url_item(arg.strip())
            continue
        path = Path(arg)
        if path.is_dir():
            found = (
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIX_FORMATS and p.is_file() and not p.name.startswith(".")
            )
            for p in sorted(found):
                yield SourceItem(p.name, functools.partial(read_file, p))
        elif path.is_file():
            yield SourceItem(path.name, functools.partial(read_file, path))
        else:
            yield SourceItem(path.name or arg, functools.partial(_fail, "no such file or folder"))


def url_item(url, name=None):
    """A `SourceItem` fetching `url` when loaded (see `meetings.ingest.fetch`)."""
    if not web_url(url):
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        reason = f"not an http(s) URL ({scheme}:)" if scheme else "not an http(s) URL"
        return SourceItem(name or url[:255], functools.partial(_fail, reason))
    return SourceItem(name or url[:255], functools.partial(_fetch_source, url, name), url=url)


def _fail(reason):
    raise SourceError(reason)


def _fetch_source(url, name):
    from meetings.ingest.fetch import FetchError, fetch_source  # late: fetch imports this module

    try:
        return fetch_source(url, name)
    except FetchError as err:
        raise SourceError(str(err)) from None


def read_file(path):
    """A `Source` from a file, read by its suffix (.html/.htm, .pdf, anything else as text)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise SourceError("is a folder, not a file") from None
    except OSError as error:
        raise SourceError(f"cannot be read ({error.strerror or error})") from None
    return read_source(raw, path.name, fmt=SUFFIX_FORMATS.get(path.suffix.lower(), "text"))


def read_source(raw, name, fmt="text", url="", charset=None):
    """A `Source` from the bytes of a document in format `fmt` ("text", "html" or "pdf");
    `url`: where it was fetched; `charset`: the one its server declared, if any."""
    if not raw.strip():
        raise SourceError("empty file")
    if fmt == "pdf":
        source = _read_pdf(raw, name)
    elif fmt == "html":
        source = _read_html(raw, name, url, charset)
    else:
        source = Source(name, _clean_text(decode_text(raw, charset)), "text")
    if url and not source.url:
        source.url = url
    return source


# -- plain text ---------------------------------------------------------------------------------


def decode_text(raw, declared=None):
    """Bytes to text: UTF-16 with BOM, UTF-8 (with or without BOM), a declared charset, then a
    detected legacy one for non-Latin scripts (cp1251, koi8-r, ...), else Windows-1252."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceError("broken UTF-16 text") from None
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if b"\x00" in raw:
        raise SourceError("binary file, not text (contains NUL bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return raw.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    detected = _detect_non_latin(raw)
    if detected is not None:
        return detected
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # cp1252 leaves five bytes undefined; Latin-1 maps every byte


def _detect_non_latin(raw):
    """The text in the legacy encoding charset-normalizer finds, if that gives a non-Latin script;
    Latin text stays with Windows-1252, which detection tells apart from Mac or DOS pages badly."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    if best is None:
        return None
    try:
        text = raw.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    letters = [c for c in text[:20_000] if c.isalpha()]
    non_latin = sum(1 for c in letters if ord(c) > 0x24F)
    return text if letters and non_latin > len(letters) // 4 else None


def _clean_text(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:20_000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\t\f\v")
    if "\x00" in text or controls > max(8, len(sample) // 100):
        raise SourceError("binary file, not text")
    if not text.strip():
        raise SourceError("empty file")
    return text


# -- web pages ----------------------------------------------------------------------------------


def _read_html(raw, name, url, charset):
    import trafilatura

    if not charset and raw.startswith(codecs.BOM_UTF8):
        charset = "utf-8"
    if not charset:
        match = _META_CHARSET.search(raw[:4096])
        charset = match.group(1).decode("ascii") if match else None
    page = _clean_text(decode_text(raw, charset))
    found = trafilatura.bare_extraction(
        page,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise SourceError("no article text found in the page (not an article?)")
    title = (found.title or "").strip()
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline is part of what the extractor reads
    hostname = (found.hostname or "").strip()
    publisher = (found.sitename or "").strip()
    if publisher.lower() in {hostname.lower(), urlsplit(url or "").netloc.lower()}:
        publisher = ""  # trafilatura's stand-in when the page names no site: a feed's title is better
    return Source(
        name,
        text + "\n",
        "html",
        title=title,
        published=_iso_date(found.date),
        publisher=publisher,
        url=web_url(found.url) or web_url(url) or "",
        extra={"hostname": hostname or urlsplit(url or "").hostname or ""},
    )


def _iso_date(value):
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


# -- PDF ----------------------------------------------------------------------------------------


def _read_pdf(raw, name):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except SourceError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise SourceError(f"not a readable PDF ({type(err).__name__})") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text.strip():
        raise SourceError("the PDF has no text layer (a scanned document? run OCR on it first)")
    title, published = "", None
    if info is not None:
        title = str(info.title or "").strip()
        try:
            created = info.creation_date
        except (ValueError, TypeError):
            created = None
        published = created.date() if created else None
    return Source(name, _clean_text(text) + "\n", "pdf", title=title[:500], published=published)
