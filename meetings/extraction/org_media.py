"""News media cited as a source: "according to APA", "Trend reports", "Jakarta (Indonesia
Window) –", "Baku, December 2, AZERTAC", "© 2024 APA", photo credits ("AFP/EPA", "Photo
credit: X", "AP Photo"), bylines ("By Ana Soto, KNA"), a page title's last piece ("... | Kora
Herald"), sign-offs ("— Kora", "///nCa, 9 May"), the outlet's web address."""

from __future__ import annotations

import re

from . import titles
from .org_data import (
    _CAPS_ACRONYM,
    _CREDIT_BOUNDARY,
    _DATELINE_AGENCY,
    _DATELINE_COMMA,
    _DATELINE_PARENS,
    _DOMAIN,
    EXECUTIVE,
    NOT_ACRONYMS,
    _Candidate,
    _cited_names,
    _data,
    _is_country_or_place,
    _is_media_name,
    _words,
)


def _media(text: str) -> list[_Candidate]:
    """News media cited as sources, in datelines, photo credits and the outlet's web address."""
    data = _data()
    found = []

    def add(start: int, end: int, name: str, strength: int = 1):
        name = name.strip(" .,")
        if name.startswith("the "):
            start, name = start + 4, name[4:]
        end = start + len(name)
        if name and not EXECUTIVE.search(name) and not _is_country_or_place(name):
            found.append(_Candidate(start, end, name, kind="media", strength=strength))

    def trusted(name: str) -> bool:
        name = name.strip(" .,")  # "Photo: Kora Times." ends a sentence
        return bool(
            name in data["names"]
            or _CAPS_ACRONYM.match(name)
            or _DOMAIN.fullmatch(name)
            or _is_media_name(name)
        )

    for start, end, name in _cited_names(text):
        if trusted(name) and name.upper() not in NOT_ACRONYMS:
            add(start, end, name)
    for regex in (_DATELINE_PARENS, _DATELINE_COMMA, _DATELINE_AGENCY):
        for match in regex.finditer(text[:3000]):
            name = match.group(1)
            if not re.search(r"\d", name) and name.upper() not in NOT_ACRONYMS:
                add(match.start(1), match.end(1), name, strength=2)
    for segment_start, segment in _credit_segments(text):
        if _END_MARK.search(text, text.rfind("\n", 0, segment_start) + 1, segment_start):
            continue  # "(END) NDP/SMA/RMB": a wire's editors by their initials
        offset = segment_start
        for piece in segment.split("/"):
            stripped = piece.strip()
            media_like = (
                stripped in data["names"] or _CAPS_ACRONYM.match(stripped) or _is_media_name(stripped)
            )
            if stripped and media_like and stripped.upper() not in NOT_ACRONYMS:
                where = offset + piece.index(stripped)
                add(where, where + len(stripped), stripped)
            offset += len(piece) + 1
    for regex in (_SOURCE_LINE, _SIGN_OFF, _BYLINE):
        for match in regex.finditer(text):
            name = match.group(1)
            if trusted(name) or regex is _SIGN_OFF:
                add(match.start(1), match.end(1), name, strength=2)
    top = text[:1500]
    for match in _TITLE_SUFFIX.finditer(top):
        index = data["names"].get(match.group(1))
        known_medium = index is not None and data["entries"][index]["kind"] == "media"
        plain = not known_medium and index is not None  # "Share on: Facebook | LinkedIn"
        if trusted(match.group(1)) and not plain and match.group(1).upper() not in NOT_ACRONYMS:
            add(match.start(1), match.end(1), match.group(1), strength=2)
    for match in _DOMAIN.finditer(top):
        full, label = match.group(1), match.group(2)
        if full[:1].isupper():  # "Agenda.ge", "News.Az": the outlet's name as it writes it
            add(match.start(1), match.end(1), full)
        elif (index := data["by_words"].get(_words(label))) is not None and data["entries"][index][
            "kind"
        ] == "media":
            entry = data["entries"][index]
            found.append(_Candidate(match.start(1), match.end(1), entry["name"], entry["acronym"], "media",
                                    entry["country"], index, 1))  # fmt: skip
    return found


# The end of a wire story, followed on its line by its editors' initials.
_END_MARK = re.compile(r"\((?:END|End)\)")
# A byline naming the writer's outlet: "By Ana Soto, Kora Herald", "By Staff Reporter | KNA".
_BYLINE = re.compile(
    r"^[ \t]*By[ \t]+[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,3}[ \t]*[,|/–—-][ \t]*"
    r"(?:the[ \t]+|The[ \t]+)?([A-Z][\w.’'&\-]*(?:[ \t]+[A-Z][\w.’'&\-]*){0,3})[ \t]*$",
    re.M,
)
# A page title ending with the outlet's name: "Ministers meet in Lima | Kora Herald".
_TITLE_SUFFIX = re.compile(
    r"^[^\n]{10,200}?[ \t][|–—-][ \t]+(?:The[ \t]+)?([A-Z][\w.’'&\-]*(?:[ \t]+[A-Z][\w.’'&\-]*){0,3})[ \t]*$",
    re.M,
)
# The outlet's name on a line of its own with "Source" ("Kora News Source").
_SOURCE_LINE = re.compile(r"^[ \t]*([A-Z][\w.\-]*(?:[ \t][A-Z][\w.\-]*){0,2})[ \t]+Source[ \t]*$", re.M)
# A wire's name signing off the story after a dash ("... on Monday. — Kora"), or a credit line
# ("///Kora, 9 May 2024").
_SIGN_OFF = re.compile(
    r"(?:[.!?”\"][ \t]+(?:[—–][ \t]*(?=[A-Z])|/{2,}[ \t]*)|^/{2,}[ \t]*)([A-Za-z][\w\-]+(?:[ \t][A-Z][\w\-]+){0,2})(?=[ \t]*(?:,[^\n]*)?$)",
    re.M,
)


def _credit_segments(text: str):
    """(start, text) of each stretch of a line that holds slashes: "Quique Garcia/Agência Lusa/EPA"."""
    done = -1
    for slash in re.finditer("/", text):
        if slash.start() < done:
            continue
        starts = [
            m.end() for m in _CREDIT_BOUNDARY.finditer(text, max(0, slash.start() - 200), slash.start())
        ]
        start = starts[-1] if starts else max(0, slash.start() - 200)
        stop = _CREDIT_BOUNDARY.search(text, slash.end(), slash.end() + 200)
        end = stop.start() if stop else min(len(text), slash.end() + 200)
        done = end
        yield start, text[start:end]


def _title_follows(text: str, end: int) -> bool:
    following = re.match(r"[ \t]+([A-Z][\w\-]*)", text[end : end + 40])
    return bool(following) and following.group(1) in titles.WORDS_ENDING_AN_ORGANIZATION_NAME
