"""Organizations: every named body a document mentions, with its acronym, kind and country.

Counted: international bodies and their organs, legislatures, councils, agencies, NGOs,
companies and news media. Not counted: countries, and a state's executive offices (ministries,
embassies, presidential administrations, press services).

Candidates come from five places, then overlapping ones are resolved (the longest span wins,
so "OSCE" inside "OSCE Minsk Group" is not a second organization) and the rest are merged
("IEPF" and "International Eurasia Press Fund"; "the Minsk Group" and "OSCE Minsk Group"):

1. acronym definitions: "International Eurasia Press Fund (IEPF)", "ASEAN (Association of ...)",
   also in another language ("Andean Community (CAN)"); a treaty's, plan's or area's definition
   ("Joint Plan of Action (JPOA)") makes its acronym no organization anywhere in the text;
2. well-known organizations by name, alias or acronym (``data/organizations.json``), also
   joined by a hyphen to another party ("ASEAN-EU relations"); a social network where the text
   names it as a place to read or watch ("on Telegram", "the ministry's X account");
3. names built around a head word: "... Council", "... Commission for Manned Flights",
   "Senate of Mexico", "Hitachi Zosen Corp.";
4. news media cited as a source: "according to APA", "Trend reports", "Jakarta (Indonesia
   Window) –", "Baku, December 2, AZERTAC", "© APA", photo credits, the outlet's web address;
5. spaCy ORG entities, when the pipeline passes its Doc, for acronyms and media names the
   rules above cannot see ("MGIMO", "Eurasia Diary").

Finders 3 and 4 live in ``org_heads.py`` and ``org_media.py``; the word lists, the data file of
well-known bodies and the candidate record in ``org_data.py``; telling whether two candidates
are one body, and a candidate's kind and country, in ``org_merge.py``.
"""

from __future__ import annotations

import re

from .countries import find_country
from .org_data import (
    _ACRONYM_IN_PARENS,
    _CAPS_ACRONYM,
    EXECUTIVE,
    HEADS,
    NOT_ACRONYMS,
    TITLE_INITIALS,
    _acronym_matches,
    _Candidate,
    _cited_names,
    _data,
    _is_country_or_place,
    _is_media_name,
    _words,
    is_known_organization_name,
    names_no_body,
)
from .org_heads import _headed, after_kind_noun, foreign_acronym
from .org_media import _media, _title_follows
from .org_merge import describe, reordered, same_organization


def _definitions(text: str) -> list[_Candidate]:
    """ "Long Name (ACR)" and "ACR (Long Name)"."""
    found = []
    for match in _ACRONYM_IN_PARENS.finditer(text):
        acronym = match.group(1)
        if sum(c.isupper() for c in acronym) < 2 or acronym.upper() in NOT_ACRONYMS:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start()].rstrip()
        words = before.split()[-(len(acronym) + 5) :]
        window = " ".join(words)
        offset = _acronym_matches(acronym, window)
        if offset is not None:
            long_form = window[offset:]
            if long_form[:1].isupper() and len(long_form.split()) >= 2:
                start = match.start() - len(text[line_start : match.start()]) + before.rfind(long_form)
                # the span stops before the acronym, so that "(OSCE) Minsk Group" can follow it
                found.append(_Candidate(start, match.start(1), long_form, acronym, strength=3))
                continue
        # "ASEAN (Association of Southeast Asian Nations)"
    for match in re.finditer(r"\b([A-Z][A-Za-z0-9&\-]{1,11})\s+\(([A-Z][^()\n]{5,120})\)", text):
        acronym, long_form = match.group(1), match.group(2).strip()
        if sum(c.isupper() for c in acronym) < 2:
            continue
        if _acronym_matches(acronym, long_form) == 0:
            found.append(_Candidate(match.start(), match.end(), long_form, acronym, strength=3))
    return [c for c in found if not EXECUTIVE.search(c.name) and not _is_country_or_place(c.name)]


def _no_bodies(definitions: list[_Candidate]) -> tuple[list[_Candidate], set[str]]:
    """The definitions of bodies, and the acronyms defined for treaties, plans and areas (which
    are then no organization wherever they recur: "the JPOA")."""
    bodies, others = [], set()
    for cand in definitions:
        if names_no_body(cand.name) and not is_known_organization_name(cand.acronym):
            others.add(cand.acronym)
        else:
            bodies.append(cand)
    return bodies, others


def _known(text: str) -> list[_Candidate]:
    """Well-known organizations by name, alias or acronym."""
    data = _data()
    found = []
    cited_spans = [(start, end) for start, end, _ in _cited_names(text)]
    forms = [(m.start(), m.end(), m.group(1)) for m in data["pattern"].finditer(text)] + _paired_forms(text)
    platform_end = -1  # the end of the last social network named as a place to read
    for start, end, form in sorted(forms):
        is_acronym = form in data["acronyms"] and form not in data["names"]
        index = data["acronyms"][form] if is_acronym else data["names"][form]
        entry = data["entries"][index]
        needs_citation = entry.get("acronym_only_when_cited") if is_acronym else entry.get("only_when_cited")
        cited = any(s <= start and end <= e for s, e in cited_spans) or (
            entry.get("platform")
            and (
                _PLATFORM_BEFORE.search(text, max(0, start - 40), start)
                or _PLATFORM_AFTER.match(text, end)
                or (platform_end >= 0 and _PLATFORM_LIST.fullmatch(text, platform_end, start))
            )
        )
        if cited and entry.get("platform"):
            platform_end = end
        if needs_citation and not cited:
            continue
        if is_acronym and _in_caps_run(text, start, end):
            continue
        if " " not in form and not is_acronym and _OF_A_NAME.match(text, end):
            continue  # the first word of another name
        name = entry["name"] if is_acronym else form
        found.append(
            _Candidate(start, end, name, entry["acronym"], entry["kind"], entry["country"], index, 2)
        )
    return found


# after a one-word name, what makes it the first word of a longer one: "Commonwealth of Dominica",
# "Foreign, Commonwealth & Development Office", "Foreign and Commonwealth Office"
_OF_A_NAME = re.compile(
    r"[ \t]+(?:of[ \t]+(?:the[ \t]+)?[A-Z]|&[ \t]+[A-Z]|(?:Office|Ministry|Department)\b)"
)
_HYPHEN_PAIR = re.compile(r"(?<![\w.\-])([A-Z][\w.+]*)-([A-Z][\w.+]*)(?![\w\-])")


def _paired_forms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of well-known names joined by a hyphen to another party, a body or a
    country: "ASEAN-EU relations", "EU-China summit"."""
    found = []
    for pair in _HYPHEN_PAIR.finditer(text):
        for side, other in ((1, 2), (2, 1)):
            form, partner = pair.group(side), pair.group(other)
            if is_known_organization_name(form) and (
                is_known_organization_name(partner) or find_country(partner)
            ):
                found.append((pair.start(side), pair.end(side), form))
    return found


# "Follow us on Telegram", "Watch on YouTube", "via Twitter": a social network as a place to read
_PLATFORM_BEFORE = re.compile(
    r"\b(?:[Oo]n|[Vv]ia|[Tt]hrough)[ \t]+(?:(?:the|our|its|his|her|their|official)[ \t]+)*$"
)
# "the ministry's X account", "its Telegram channel"; "on Facebook, Twitter and YouTube"
_PLATFORM_AFTER = re.compile(r"[ \t]+(?:account|page|channel|handle|post|feed|profile|livestream)s?\b")
_PLATFORM_LIST = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|&[ \t]*|and[ \t]+|or[ \t]+)")


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Whether an all-capital word sits among other all-capital words (a headline or a credit in
    capitals: "COURTESY OF JAPAN FOREIGN MINISTRY")."""
    before = re.search(r"([A-Za-z]+)[ \t/]*$", text[max(0, start - 30) : start])
    after = re.match(r"[ \t/]*([A-Za-z]+)", text[end : end + 30])
    return any(
        m
        and m.group(1).isupper()
        and len(m.group(1)) > 1
        and not is_known_organization_name(m.group(1))  # "AFP/EPA", "VNA/VNS Photo": a credit
        and m.group(1) not in TITLE_INITIALS  # "EU HR/VP Borrell": a title
        for m in (before, after)
    )


def _is_edition(name: str) -> bool:
    """An event's edition: a year after an acronym ("MSC2023"), a number after a word that names
    no body ("COP28", "EXPO2025")."""
    match = re.fullmatch(r"([A-Za-z]+)[-–]?(\d+)", name)
    return bool(match) and (
        re.fullmatch(r"(?:19|20)\d\d", match.group(2)) or match.group(1).upper() in NOT_ACRONYMS
    )


def _from_spacy(doc) -> list[_Candidate]:
    """spaCy ORG entities the rules cannot see: undefined acronyms ("MGIMO") and media names."""
    found = []
    if doc is None:
        return found
    text = doc.text
    pieces = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or "\n" in ent.text:
            continue
        offset = ent.start_char  # "MENAFN- Jordan News Agency": a dash between two names
        for piece in re.split(r"(\s*[-–—]\s+|\s+[-–—]\s*)", ent.text):
            if piece and not re.fullmatch(r"\s*[-–—]\s*", piece):
                pieces.append((offset, piece))
            offset += len(piece)
    for start, name in pieces:
        if name.lower().startswith("the "):
            start, name = start + 4, name[4:]
        name = re.sub(r"['’]s$", "", name)
        if (
            not name
            or re.search(r"[^\w\s.’'&\-]", name)
            or EXECUTIVE.search(name)
            or _is_country_or_place(name)
        ):
            continue
        is_acronym = (
            " " not in name
            and _CAPS_ACRONYM.match(name)
            and name.upper() not in NOT_ACRONYMS
            and not _is_edition(name)
        )
        if is_acronym and not _in_caps_run(text, start, start + len(name)):
            found.append(_Candidate(start, start + len(name), name))
        elif (
            " " in name
            and _is_media_name(name)
            and all(w[:1].isupper() for w in name.split())
            and not _title_follows(text, start + len(name))  # "Pentagon Press Secretary"
        ):
            found.append(_Candidate(start, start + len(name), name, kind="media"))
    return found


def _resolve_overlaps(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """Keep the longest of overlapping spans (then the best-attested); return in text order.

    A longer name ending where a defined one ends takes its acronym: "U.S. International
    Development Finance Corporation (DFC)", where "(DFC)" spells only the last three words."""
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.strength, c.start)):
        keeper = next((c for c in chosen if not (cand.end <= c.start or cand.start >= c.end)), None)
        if keeper is None:
            chosen.append(cand)
        elif (
            cand.acronym
            and not keeper.acronym
            and keeper.entry is None
            and keeper.start < cand.start < keeper.end
            and re.match(r"[ \t]*\([ \t]*" + re.escape(cand.acronym) + r"[ \t]*\)", text[keeper.end :])
            and not re.search(r"\b(?:of|for|on|and|the|to)[ \t]+$", text[keeper.start : cand.start])
        ):
            keeper.acronym = cand.acronym  # not "Council ... of the Kora Union (KU)": the Union's
    return sorted(chosen, key=lambda c: c.start)


def _cut_before_person(cand: _Candidate, text: str, doc) -> _Candidate:
    """Cut a name where a person's name follows its head word: "European Bank for Reconstruction
    and Development Odile Renaud-Basso" ends at "Development" (a well-known name, or spaCy's
    PERSON entity, tells where)."""
    cut = None
    for match in _data()["pattern"].finditer(text, cand.start, cand.end):
        if (
            match.start() == cand.start
            and (cand.head_end or 0) <= match.end() < cand.end  # not "OPEC+ Monitoring Committee"
            and match.group(1) in _data()["names"]
        ):
            rest = text[match.end() : cand.end].split()
            if rest and rest[0][:1].isupper() and rest[0] not in HEADS:
                cut = match.end()
        break
    if doc is not None and cut is None:
        for ent in doc.ents:
            if ent.label_ == "PERSON" and cand.head_end <= ent.start_char < cand.end:
                cut = ent.start_char
                break
    if cut is None:
        return cand
    name = re.sub(r"(?:\s+(?:of|for|on|and|in|the|&))+\s*$", "", text[cand.start : cut].rstrip())
    name = " ".join(name.replace("(", " ").replace(")", " ").split())
    cand.end, cand.name = cand.start + len(text[cand.start : cut].rstrip()), name
    return cand


# "Blinken.The", "Gaza.In": two sentences without a space (not "Azernews.Az", a web address)
_RUN_TOGETHER = re.compile(
    r"[a-z]\.(?:The|In|On|At|He|She|It|This|These|They|We|A|An|During|According|Both)\b"
)


def _malformed(name: str) -> bool:
    """A name no organization has: sentences run together, a number or a stop at its start."""
    return bool(_RUN_TOGETHER.search(name) or re.match(r"[\d.]", name) or " . " in name)


def find_organizations(text: str, doc=None) -> list[dict]:
    """Every named organization ``text`` mentions, in order of first mention.

    Each is ``{"name", "acronym", "kind", "country"}``: kind is "government", "international",
    "ngo", "media" or "other"; country an ISO alpha-2 code or None. ``doc`` is the spaCy Doc of
    the same text, when the caller has one (it finds acronyms and media names the rules miss).
    """
    text = text or ""
    definitions, not_bodies = _no_bodies(_definitions(text))
    defined = {c.acronym: c.name for c in definitions}
    headed = [_cut_before_person(c, text, doc) for c in _headed(text, defined) + after_kind_noun(text)]
    for cand in headed:
        acronym = foreign_acronym(cand, text)
        if acronym and acronym not in defined:
            cand.acronym, defined[acronym] = acronym, cand.name
    candidates = definitions + _known(text) + headed + _media(text) + _from_spacy(doc)
    candidates = [c for c in candidates if c.entry is not None or not EXECUTIVE.search(c.name)]
    candidates = [
        c
        for c in candidates
        if not _is_country_or_place(c.name) and not _malformed(c.name) and c.name not in not_bodies
    ]
    text_words = f" {_words(text)} "

    def written(name: str) -> bool:
        return f" {_words(name)} " in text_words

    merged: list[_Candidate] = []
    for cand in _resolve_overlaps(candidates, text):
        if cand.acronym is None and cand.name in defined:  # a later bare "IEPF"
            cand.acronym, cand.name = cand.name, defined[cand.name]
        describe(cand)
        twin = next((m for m in merged if same_organization(m, cand)), None)
        if twin is None:
            merged.append(cand)
            continue
        twin.acronym = twin.acronym or cand.acronym
        longer = len(_words(cand.name)) > len(_words(twin.name))
        if (
            (written(cand.name) and (longer or not written(twin.name)))  # the text's form beats the data's
            and cand.name != cand.acronym
            and not reordered(twin.name, cand.name)
        ):
            twin.name = cand.name
        twin.country = twin.country or cand.country
        if twin.kind == "other" and cand.kind != "other":
            twin.kind = cand.kind
    return [{"name": m.name, "acronym": m.acronym, "kind": m.kind, "country": m.country} for m in merged]
