"""Citing a record: a meeting, a statement, a person or a source document.

A `Citation` names the author (the publisher of the source the record comes from; the archive
itself for a person, who has no single source), the title, the date the source was published
(else the meeting's date), the record's address in the archive and the day it was accessed. It
renders as a ready sentence (`text`), a BibTeX entry (`bibtex`), CSL-JSON (`csl_json`, what Zotero,
Mendeley and pandoc read) and Highwire Press `citation_*` meta tags (`meta_tags`, which Zotero and
Google Scholar read from a page head).

The builders take a record (with its related records loaded as each says) and absolute URLs, and
run at most one query for the record's source.
"""

import datetime
import json
import re
from dataclasses import dataclass, field

SITE_NAME = "Diplomatic Meetings Archive"
KINDS = ("meeting", "statement", "person", "source")


@dataclass(frozen=True)
class Citation:
    kind: str  # one of KINDS
    identifier: str  # slug or id: the record's identifier in the archive
    author: str  # an organization (the publisher): cited as one literal name
    title: str
    url: str  # the record's page in the archive, absolute
    accessed: datetime.date
    issued: datetime.date | None = None
    original_url: str = ""  # where the source was published, when known
    container: str = SITE_NAME
    notes: list[str] = field(default_factory=list)

    @property
    def key(self):
        """A BibTeX key from the kind and identifier: ASCII letters, digits and hyphens."""
        return re.sub(r"[^A-Za-z0-9-]+", "-", f"{self.kind}-{self.identifier}").strip("-")[:80]

    @property
    def text(self):
        """The ready citation: Author. “Title.” Archive, 6 April 2016. URL (accessed 1 December 2026)."""
        issued = f", {long_date(self.issued)}" if self.issued else ""
        title = self.title if self.title.endswith((".", "?", "!", "…")) else f"{self.title}."
        return f"{self.author}. “{title}” {self.container}{issued}. {self.url} (accessed {long_date(self.accessed)})."

    @property
    def bibtex(self):
        fields = [
            ("author", "{" + bibtex_escape(self.author) + "}"),  # double braces: one corporate name
            ("title", "{" + bibtex_escape(self.title) + "}"),
        ]
        if self.issued:
            fields += [("year", str(self.issued.year)), ("date", self.issued.isoformat())]
        fields += [
            ("howpublished", bibtex_escape(self.container)),
            ("url", bibtex_url(self.url)),
            ("urldate", self.accessed.isoformat()),
        ]
        notes = [*self.notes, *([f"Original: {self.original_url}"] if self.original_url else [])]
        if notes:
            fields.append(("note", bibtex_escape("; ".join(notes))))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}\n"

    @property
    def csl_item(self):
        item = {
            "id": self.key,
            "type": "webpage" if self.kind == "person" else "article",
            "title": self.title,
            "author": [{"literal": self.author}],
            "container-title": self.container,
            "URL": self.url,
            "accessed": date_parts(self.accessed),
        }
        if self.issued:
            item["issued"] = date_parts(self.issued)
        notes = [*self.notes, *([f"Original: {self.original_url}"] if self.original_url else [])]
        if notes:
            item["note"] = "; ".join(notes)
        return item

    @property
    def csl_json(self):
        """CSL-JSON: an array holding the one item, as reference managers import it."""
        return json.dumps([self.csl_item], ensure_ascii=False, indent=2)

    @property
    def meta_tags(self):
        """(name, content) pairs of Highwire Press tags for the page head (escaped by the template)."""
        tags = [("citation_title", self.title), ("citation_author", self.author)]
        if self.issued:
            tags.append(("citation_publication_date", self.issued.strftime("%Y/%m/%d")))
        tags += [("citation_publisher", self.container), ("citation_public_url", self.url)]
        return tags


def long_date(day):
    return f"{day.day} {day:%B %Y}"


def date_parts(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    # BibTeX balances braces even after a backslash, so a lone brace needs a command of its own.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_BIBTEX_SPECIAL_RE = re.compile("|".join(re.escape(char) for char in _BIBTEX_SPECIAL))
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def bibtex_escape(text):
    """Text for a BibTeX field: LaTeX's special characters escaped, so braces always balance;
    line breaks and control characters become spaces."""
    text = _CONTROL.sub(" ", str(text)).replace("\n", " ").replace("\r", " ")
    return _BIBTEX_SPECIAL_RE.sub(lambda match: _BIBTEX_SPECIAL[match.group()], text)


def bibtex_url(url):
    """A URL for BibTeX's url field (read verbatim): only braces need percent-encoding."""
    return str(url).replace("{", "%7B").replace("}", "%7D").replace("\n", "")


def first_source(sources):
    """The earliest published of a record's sources (an iterable of SourceDocument), or None."""
    sources = list(sources)
    dated = sorted((s for s in sources if s.published), key=lambda s: (s.published, s.pk))
    return dated[0] if dated else (min(sources, key=lambda s: s.pk) if sources else None)


def _from_source(source, fallback_date=None):
    if source is None:
        return {"author": SITE_NAME, "issued": fallback_date, "original_url": ""}
    return {
        "author": source.publisher or SITE_NAME,
        "issued": source.published or fallback_date,
        "original_url": source.url if source.url.lower().startswith(("https://", "http://")) else "",
    }


def meeting_citation(meeting, url, accessed, sources=None):
    """`sources`: the meeting's source documents, if already loaded (else one query)."""
    source = first_source(meeting.sources.all() if sources is None else sources)
    return Citation(
        "meeting",
        meeting.slug,
        title=meeting.title,
        url=url,
        accessed=accessed,
        **_from_source(source, meeting.date),
    )


def statement_citation(statement, url, accessed):
    """`statement` with its meeting, speaker and source loaded."""
    meeting = statement.meeting
    speaker = statement.speaker.name if statement.speaker else statement.attribution or "Unattributed"
    when = f", {long_date(meeting.date)}" if meeting.date else ""
    return Citation(
        "statement",
        str(statement.pk),
        title=f"Statement by {speaker} at “{meeting.title}”{when}",
        url=url,
        accessed=accessed,
        **_from_source(statement.source, meeting.date),
    )


def person_citation(person, url, accessed):
    notes = [f"Wikidata: {person.wikidata_id}"] if person.wikidata_id else []
    return Citation(
        "person", person.slug, author=SITE_NAME, title=person.name, url=url, accessed=accessed, notes=notes
    )


def source_citation(source, url, accessed):
    return Citation(
        "source", str(source.pk), title=str(source), url=url, accessed=accessed, **_from_source(source)
    )
