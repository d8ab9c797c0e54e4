"""One organization under several names, and what a candidate is: whether two candidates name
the same body ("IEPF" and "International Eurasia Press Fund", "Arab League Council" and "Council
of the Arab League", "Agência Brasil" and "Agência Brazil"), and a candidate's kind and country."""

from __future__ import annotations

import difflib
import re

from .countries import country_mentions, find_country
from .org_data import (
    COMPANY_HEADS,
    HEADS,
    INTERNATIONAL,
    LEGISLATURE_HEADS,
    NGO_HEADS,
    STATE_BODY_HEADS,
    _Candidate,
    _data,
    _is_media_name,
    _words,
)


def same_organization(a: _Candidate, b: _Candidate) -> bool:
    """Whether two candidates name one body: the same entry, name or acronym, a name and its
    acronym, a name said both ways round, a shorter form of a name, or a spelling variant."""
    aw, bw = _words(a.name), _words(b.name)
    if a.entry is not None and a.entry == b.entry:
        return True
    if aw == bw:
        return True
    acronyms = {_words(x) for x in (a.acronym, b.acronym) if x}
    if (aw in acronyms and b.acronym and _words(b.acronym) == aw) or (
        bw in acronyms and a.acronym and _words(a.acronym) == bw
    ):
        return True
    if a.acronym and b.acronym and _words(a.acronym) == _words(b.acronym):
        return True
    if reordered(a.name, b.name):
        return True  # "Arab League Council" and "Council of the Arab League"
    shorter, longer = sorted((aw, bw), key=len)
    if longer.startswith(shorter + " of ") and find_country(longer[len(shorter) + 4 :]):
        return True  # "Milli Majlis" and "Milli Majlis of the Republic of Azerbaijan"
    if len(shorter.split()) >= 2 and len(shorter) > 6 and longer.endswith(" " + shorter):
        return not re.search(r"\b(?:of|for|on|and|the)$", longer[: -len(shorter)].strip())  # "Minsk Group"
    if len(shorter) < 10 or len(shorter) < 0.9 * len(longer):
        return False
    return difflib.SequenceMatcher(None, aw, bw).ratio() >= 0.9  # "Agência Brasil" / "Agência Brazil"


_HEAD_WORDS = {head.lower().rstrip(".") for head in HEADS}


def _head_first(words: str) -> str | None:
    """ "council of arab league" for "arab league council": a name ending in its head word, said
    the other way round (in comparison form, without "the")."""
    parts = words.split()
    if len(parts) < 2 or parts[-1] not in _HEAD_WORDS:
        return None
    return f"{parts[-1]} of {' '.join(parts[:-1])}"


def reordered(a: str, b: str) -> bool:
    """Whether two names are one said both ways round; the first written is then kept."""
    aw, bw = (re.sub(r"\b(of|for) the\b", r"\1", _words(x)) for x in (a, b))
    return _head_first(aw) == bw or _head_first(bw) == aw


def _names_international_body(name: str) -> bool:
    """Whether a name starts with a well-known international body ("ASEAN Secretariat")."""
    data = _data()
    first = name.split()[0]
    index = data["acronyms"].get(first, data["names"].get(first))
    return index is not None and data["entries"][index]["kind"] == "international"


def describe(cand: _Candidate) -> None:
    """Fill in the known entry, kind and country of a candidate."""
    data = _data()
    if cand.entry is None:
        cand.entry = data["by_words"].get(_words(cand.name))
        if cand.entry is None and cand.acronym:
            cand.entry = data["by_words"].get(_words(cand.acronym))
    if cand.entry is not None:
        entry = data["entries"][cand.entry]
        cand.acronym = cand.acronym or entry["acronym"]
        if cand.acronym == cand.name:
            cand.name = entry["name"]
        cand.kind, cand.country = entry["kind"], entry["country"]
        return
    codes = {code for _, _, code in country_mentions(cand.name)}
    cand.country = next(iter(codes)) if len(codes) == 1 else None
    words = cand.name.split()
    head = next((w for w in words if w in HEADS), None)
    if cand.kind:
        pass
    elif _is_media_name(cand.name):
        cand.kind = "media"
    elif head in NGO_HEADS:
        cand.kind = "ngo"
    elif head in COMPANY_HEADS:
        cand.kind = "other"
    elif (
        (INTERNATIONAL.search(cand.name) and not cand.country)
        or len(codes) > 1
        or _names_international_body(cand.name)
    ):
        cand.kind = "international"
    elif cand.country and set(words) & (LEGISLATURE_HEADS | STATE_BODY_HEADS):
        cand.kind = "government"
    else:
        cand.kind = "other"
    if cand.kind == "international":
        cand.country = None
