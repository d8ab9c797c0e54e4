"""The shape of a source document: its text, headline, paragraphs and speech blocks.

Everything here works on character offsets into the text `read_document` returns, so that every
statement found later can point back at its exact source.
"""

from __future__ import annotations

import codecs
import functools
import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .lexicon import quote_verbs

# Press releases are short; a longer text is analysed up to this many characters so that a
# 5 MB file costs seconds, not minutes. Offsets still refer to the whole text.
MAX_ANALYSED_CHARS = 100_000


class DocumentError(Exception):
    """A document that cannot be read as text; str(error) is one human-readable line."""


def document_paths(paths):
    """The documents that command-line `paths` name, as (path, problem) pairs: files as given,
    folders expanded to their *.txt files (recursively, sorted, hidden files left out); a path
    that does not exist comes back with the problem "no such file or folder"."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = (p for p in path.rglob("*.txt") if p.is_file() and not p.name.startswith("."))
            yield from ((p, None) for p in sorted(found))
        elif path.is_file():
            yield path, None
        else:
            yield path, "no such file or folder"


def read_document(path) -> str:
    """Read a file as text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Line endings become "\\n". Raises DocumentError for a missing, empty or binary file.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise DocumentError(f"{path.name}: is a folder, not a file") from None
    except OSError as error:
        raise DocumentError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    return decode_bytes(raw, path.name)


@functools.lru_cache(maxsize=16384)
def strip_accents(text: str) -> str:
    """The text without accents ("Bogotá" → "Bogota"): the one rule every comparison form uses."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def decode_bytes(raw: bytes, name: str = "document") -> str:
    """Bytes to text by the rules of `read_document`."""
    if not raw.strip():
        raise DocumentError(f"{name}: empty file")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError(f"{name}: broken UTF-16 text") from None
    elif raw.startswith(codecs.BOM_UTF8):
        text = _decode_8bit(raw[len(codecs.BOM_UTF8) :], name)
    else:
        if b"\x00" in raw:
            raise DocumentError(f"{name}: binary file, not text (contains NUL bytes)")
        text = _decode_8bit(raw, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CHARACTER_REFERENCE.search(text):  # text copied from a web page's source: "&ldquo;"
        text = html.unescape(text)
    controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\t\f\v")
    if "\x00" in text or controls > max(8, len(text[:20000]) // 100):
        raise DocumentError(f"{name}: binary file, not text")
    if not text.strip():
        raise DocumentError(f"{name}: empty file")
    return text


_CHARACTER_REFERENCE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def _decode_8bit(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte
        return raw.decode("latin-1")


def doc_text(doc) -> str:
    """A spaCy Doc's text, built once: `Doc.text` joins every token again on each access."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the document, stripped; `text == document_text[start:end]`."""

    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Every non-empty line, with offsets (press releases use one line per paragraph)."""
    out = []
    limit = min(len(text), MAX_ANALYSED_CHARS)
    for match in re.finditer(r"[^\n]+", text[:limit]):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        out.append(Paragraph(start, start + len(stripped), stripped))
    return out


# --- headline ----------------------------------------------------------------------------------

_BOILERPLATE = re.compile(
    r"\b(logo|banner|home\s*>|share this|share on|all rights reserved|privacy policy|subscribe|cookie|"
    r"photo:|©|copyright|scroll to top|read more|follow us)\b|>"
    r"|\|[^|\n]*\|",  # a menu or breadcrumb: "Home | News | Press releases"
    re.IGNORECASE,
)
_REFERENCE_NUMBER = re.compile(r"^(No|Nr|Ref)\.?\s*:?\s*[\w/.-]+\s*[,:–-]\s*", re.IGNORECASE)
_LOOKS_LIKE_DATE = re.compile(r"^[\W\d]*(\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|\d{1,2}:\d{2})")


def find_title(paras: list[Paragraph], date_span: tuple[int, int] | None = None) -> Paragraph | None:
    """The headline: a short line without a final full stop among the first lines, or None.

    A headline is at most 20 words, does not end like a sentence, and is not boilerplate, a date
    line or a one- or two-word label ("International").
    """
    for para in paras[:6]:
        text = para.text
        if date_span and para.start <= date_span[0] < para.end and _mostly_date(para, date_span):
            continue
        if _BOILERPLATE.search(text) or _LOOKS_LIKE_DATE.match(text):
            continue
        words = text.split()
        if len(words) < 3:
            continue
        if len(words) > 20 or text.endswith((".", ":", ";", ",")) and not text.endswith("..."):
            return None  # the body starts here: no headline
        if re.search(r"\b(reports?|published|posted|updated)\b.*\d", text, re.IGNORECASE):
            continue
        cleaned = _REFERENCE_NUMBER.sub("", text)
        offset = len(text) - len(cleaned)
        return Paragraph(para.start + offset, para.end, cleaned)
    return None


def _mostly_date(para: Paragraph, span: tuple[int, int]) -> bool:
    return (span[1] - span[0]) >= len(para.text) * 0.3 or len(para.text.split()) <= 6


# --- speech blocks -----------------------------------------------------------------------------

SPEECH_LEAD_VERBS = f"({quote_verbs()})"  # the speech lexicon's written forms (lexicon.py)
_LEAD_IN = re.compile(
    rf"^(?P<lead>.{{3,200}}?\b{SPEECH_LEAD_VERBS}\b[^:;]{{0,60}})(?::|;(?=\s*$))\s*(?P<rest>.*)$", re.DOTALL
)
_TURN = re.compile(
    r"^(?P<label>Q|A|[A-Z][A-Z.'’ -]{1,40}[A-Z.]|"
    r"[A-Z][\w.'’-]+(?:\s+(?:(?:of|the|for|and|de|da|al|bin|van|von|del)\s+)*[A-Z][\w.'’-]+){0,7})"
    r"(?:\s*\([^)\n]{1,30}\))?:\s+(?P<rest>\S.*)$"  # "... Erdogan (retranslated): ", "Carl Dinnen (ITV): "
)
_CAPS_TURN = re.compile(  # "MINISTER KISHIDA It is ...": a transcript's speaker in capitals, no colon
    r"^(?P<label>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){1,4})\s+(?P<rest>[A-Z][a-z].*)$"
)
FIELD_LABELS = {
    "date", "location", "by", "source", "photo", "photos", "tags", "published", "updated", "fonte",
    "share", "note", "editor", "author", "posted", "category", "read also", "see also", "related",
    "video", "tel", "email", "e-mail", "fax", "web", "website", "address", "contact", "time", "place",
    "subject", "topics", "keywords", "credit", "image", "caption", "press release",
}  # fmt: skip
_DASH = re.compile(r"^[-–—]\s*")
_OPEN_QUOTES = '“"«„'
_CLOSE_QUOTES = '”"»“'
_ATTRIBUTED_QUOTE = re.compile(
    rf"[”\"»]\s*[,.]?\s*[-–—]?\s*(?:[A-Z][\w.’'-]*\s+){{1,5}}{SPEECH_LEAD_VERBS}\b|[”\"»]\s*[,.]?\s*[-–—]?\s*{SPEECH_LEAD_VERBS}\s+[A-Z]"
)
_FIRST_OR_SECOND_PERSON = re.compile(r"\b(I|I'm|I’m|we|We|you|You|my|My|our|Our|your|Your|us|me)\b")


@dataclass
class SpeechBlock:
    """A speaker's turn: the lead-in ("President Ilham Aliyev said:", "SECRETARY KERRY") as written
    and the span of what was said (no dash, no quotation marks), across one or more paragraphs."""

    lead: str
    lead_start: int
    lead_end: int
    start: int
    end: int
    paragraph_indexes: list[int]
    is_turn: bool = False


def speech_blocks(text: str, paras: list[Paragraph]) -> list[SpeechBlock]:
    """Speech blocks: a lead-in ending in a colon ("X said:") followed by paragraphs of speech,
    an inline lead-in ("X said: Thank you ..."), or a transcript turn ("SECRETARY KERRY: ...").

    A block runs on over the next paragraphs while they read as speech (a dash, a lowercase start,
    first or second person, an open quotation) and stops at the next lead-in, turn, or a paragraph
    of narration. Remarks published under their speaker's name and embedded social-media posts are
    blocks too (speech_forms.py).
    """
    from .speech_forms import addressed_remarks, social_posts  # they build on this module

    blocks: list[SpeechBlock] = list(addressed_remarks(text, paras))
    # speakers in capitals without a colon make a transcript only when they speak in turn
    caps_turns = sum(1 for p in paras if _caps_turn(p.text)) >= 2
    i = blocks[0].paragraph_indexes[-1] + 1 if blocks else 0
    while i < len(paras):
        para = paras[i]
        head = _block_head(para, caps_turns)
        if head is None:
            i += 1
            continue
        lead, lead_end, rest_start, is_turn = head
        members: list[int] = []
        if rest_start < para.end:
            members.append(i)
            body_start = rest_start
        else:
            body_start = None
        j = i + 1
        quoted = False
        if body_start is not None:
            quoted = _opens_quote(text[body_start : para.end]) and not _closes_quote(
                text[body_start : para.end]
            )
        while j < len(paras):
            nxt = paras[j]
            if _block_head(nxt, caps_turns) is not None:
                break
            if body_start is None:
                members.append(j)
                body_start = nxt.start
                quoted = _opens_quote(nxt.text) and not _closes_quote(nxt.text)
                j += 1
                continue
            if quoted or _reads_as_speech(nxt.text):
                members.append(j)
                if quoted and _closes_quote(nxt.text):
                    quoted = False
                j += 1
                continue
            break
        if body_start is not None and members:
            start, end = _trim_speech(text, body_start, paras[members[-1]].end)
            if end > start:
                blocks.append(SpeechBlock(lead, para.start, lead_end, start, end, members, is_turn))
        i = max(j, i + 1)
    posts = [
        p for p in social_posts(text, paras) if not any(b.start < p.end and p.start < b.end for b in blocks)
    ]
    return sorted(blocks + posts, key=lambda b: b.start)


def _caps_turn(text: str):
    match = _CAPS_TURN.match(text)
    return match if match and match.group("label").lower() not in FIELD_LABELS else None


def _block_head(para: Paragraph, caps_turns: bool = False):
    """(lead text, lead end offset, offset where the speech starts, is_turn) or None."""
    text = para.text
    match = _LEAD_IN.match(text)
    if match and not _opens_quote(match.group("lead")[:1]):
        lead = match.group("lead").strip()
        rest_offset = match.start("rest")
        return lead, para.start + match.end("lead"), para.start + rest_offset, False
    match = _TURN.match(text)
    if match:
        label = match.group("label").strip()
        if label.lower() in FIELD_LABELS:
            return None
        return label, para.start + match.end("label"), para.start + match.start("rest"), True
    match = _caps_turn(text) if caps_turns else None
    if match:
        return match.group("label"), para.start + match.end("label"), para.start + match.start("rest"), True
    return None


def _reads_as_speech(text: str) -> bool:
    if _ATTRIBUTED_QUOTE.search(text):
        return False  # "“...,” Scholz told reporters": narration quoting someone
    return bool(_DASH.match(text) or text[:1].islower() or _FIRST_OR_SECOND_PERSON.search(text))


def _opens_quote(text: str) -> bool:
    return text[:1] in _OPEN_QUOTES


def _closes_quote(text: str) -> bool:
    stripped = text.rstrip(" .")
    return len(stripped) > 1 and stripped[-1] in _CLOSE_QUOTES


def _trim_speech(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading dash and enclosing quotation marks from a speech span."""
    while start < end and text[start] in "-–— \t":
        start += 1
    if start < end and text[start] in _OPEN_QUOTES:
        start += 1
        pair = {"“": "”", "«": "»", "„": "“"}.get(text[start - 1], '"')
        closing = text.find(pair, start, end)
        if closing > 0 and text[closing + 1 : end].strip(" .,"):
            end = closing  # 'X said: "..." Y stressed ...': the quotation ends the speech
        stripped_end = end
        while stripped_end > start and text[stripped_end - 1] in " .":
            stripped_end -= 1
        if stripped_end > start and text[stripped_end - 1] in _CLOSE_QUOTES:
            end = stripped_end - 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end
