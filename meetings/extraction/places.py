"""Where a meeting took place: a city named in its sentences, a landmark ("the White House"),
the dateline, the host's greeting ("welcome you to Baku"), the host's country.
"""

from __future__ import annotations

import re

from . import titles
from .countries import LANDMARK_CITIES, country_by_code, country_mentions, country_of_city, find_country
from .datelines import read_dateline
from .document import doc_text
from .encounters import MeetingDraft
from .gazetteer import city_country, city_state, event_city
from .people import Person
from .roles import resolve_reference, title_head

_IN_PLACE = re.compile(
    r"\b(?:in|at|to|visited|visiting|visits)\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+(?:de|da|do|del|al|el|of|la|le)?\s*[A-Z][\w'’.-]*){0,3})"
)
_DATELINE_OPENING = re.compile(r"^[A-Z][^\n]{0,70}?(?:\d{4}|\d{1,2}|\([^)]{2,30}\))\s*(?:--|[-–—])\s+")
_SIDELINES = re.compile(r"\b(?:sidelines?|margins?|fringes?)\s+of\b", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?:Location:\s*)?(?P<city>[A-Z][A-Za-z.'’ -]{1,30}?)\s*(?:,|\(|–|—|-{1,2}\s|:\s|\.\s)", re.MULTILINE
)
_WELCOME = re.compile(
    r"\b(?:welcome(?: you)?|see you|receive you|host you|greet you|you here|to be(?: back| here)?)\s+"
    r"(?:again\s+)?(?:to|in)\s+"
    r"(?P<place>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)"
)


def find_place(
    draft: MeetingDraft, sentences, text: str, body_start: int, narrative, speech=(), heading=None
) -> tuple[str | None, str | None]:
    """(city, country) where a meeting took place: a city named in its sentences or the
    sentences about the meeting, a landmark, the headline ("hold talks in Vientiane"), the
    dateline, a destination ("visit to Kazakhstan"), the host's country when someone "received"
    a guest."""
    about = list(draft.sentences) + [
        s
        for s in sentences
        if s not in draft.sentences
        and re.search(r"\b(meetings?|talks|met|visit|took place|summit)\b", s.text, re.I)
    ]
    for sent in about:
        city = _city_in(sent, wide=sent in draft.sentences)
        if city:
            return city
    for sent in about:  # "on the margins of the Munich Security Conference"
        city = event_city(sent.text)
        if city:
            return city
    city = _headline_city(heading)
    if city:
        return city
    city = dateline_city(text, body_start)
    stated = _country_stated(about)
    if stated and (city is None or city[1] != stated):
        return None, stated  # "bilateral meetings in Mexico, where he arrived" under a Havana dateline
    if any(_SIDELINES.search(sent.text) for sent in draft.sentences):
        # on the margins of an event the text does not place, a dateline in a capital is the
        # home desk's ("WASHINGTON: ... on the margins of the Arctic Council Ministerial"), one
        # elsewhere the event's ("Chicago, 21 May 2012 ... on the margins of the NATO Summit")
        capital = (
            city is not None
            and (country_by_code(city[1]) or None) is not None
            and (country_by_code(city[1]).capital == city[0])
        )
        return city if city and not capital else (None, None)
    if city:
        return city
    for start, end in speech:  # the host's greeting: "I am glad to welcome you to Baku"
        for match in _WELCOME.finditer(text[start:end]):
            found = _as_city(match.group("place"))
            if found:
                return found
            code = find_country(match.group("place"))
            if code:
                return None, code
    host = host_country(draft)
    if host:
        return None, host
    for start, end in narrative:
        for match in re.finditer(r"\bin\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)", text[start:end]):
            code = country_of_city(match.group(1)) if not find_country(match.group(1)) else None
            if code:
                return match.group(1), code
    for sent in draft.sentences:
        for start, _end, code in country_mentions(sent.text):
            if re.search(r"\b(visit to|arrived in|to|in)\s+(the\s+)?$", sent.text[:start]):
                return None, code
    for person in draft.people:
        if title_head(person.role) in titles.HEAD_OF_STATE | titles.HEAD_OF_GOVERNMENT and person.country:
            return None, person.country
    return None, None


_HEADLINE_MEETING = re.compile(r"\b(?:talks|meets?|met|meeting|receives?|hosts?|visits?)\b", re.IGNORECASE)


def _headline_city(heading) -> tuple[str, str] | None:
    """A city the headline says the meeting was "in" or "at": "Lavrov and Wang hold talks in
    Vientiane" (a city after a verb of meeting, not one standing for its government)."""
    if heading is None or not _HEADLINE_MEETING.search(heading.text):
        return None
    for match in re.finditer(
        r"\b(?:in|at)\s+(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})", heading.text
    ):
        if _HEADLINE_MEETING.search(heading.text[: match.start()]):
            found = _as_city(match.group("place"))
            if found:
                return found
    return None


_STATED_IN = re.compile(
    r"\b(?:meetings?|talks|met|arrived|visit(?:ing)?|held)\b[^.;]{0,40}?\bin\s+(?:the\s+)?$", re.IGNORECASE
)


def _country_stated(sentences) -> str | None:
    """A country the meeting is said to be held in, with no city: "meetings in Mexico", "arrived
    in Mexico", "talks held in Georgia"."""
    for sent in sentences:
        for start, _end, code in country_mentions(sent.text):
            if _STATED_IN.search(sent.text[max(0, start - 60) : start]):
                return code
    return None


# "met the minister at his official residence": the subject is at home
_OWN_RESIDENCE = re.compile(
    r"\b(?:at|in)\s+(?:his|her)\s+(?:own\s+|official\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:residence|office|palace)\b"
)


def host_country(draft: MeetingDraft) -> str | None:
    """The country of whoever "received", "hosted" or "welcomed" the guest, or met them "at his
    official residence": the meeting was at home. The subject may be a title before the name
    ("the Minister of X, Ms Y, hosted ...")."""
    for sent in draft.sentences:
        for token in sent:
            at_home = token.dep_ == "ROOT" and _OWN_RESIDENCE.search(sent.text)
            if (token.lemma_.lower() in ("receive", "host", "welcome") or at_home) and token.pos_ == "VERB":
                subjects = [c for c in token.children if c.dep_ == "nsubj"]
                if not subjects:
                    continue
                first, last = subjects[0].left_edge.idx, subjects[0].right_edge.idx
                for person in draft.people:
                    if person.country and any(first <= m.start <= last for m in person.mentions):
                        return person.country
    return None


_NATIONAL_CAPITAL = re.compile(
    r"\b(?:in|to|at|arrived\s+in)\s+the\s+(?P<nation>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+capital\b"
)


def _capital_in(text: str) -> tuple[str, str] | None:
    """ "in the Chinese capital", "travelled to the Ukrainian capital": the capital city of the
    country named by its adjective."""
    for match in _NATIONAL_CAPITAL.finditer(text):
        code = find_country(match.group("nation"))
        country = country_by_code(code) if code else None
        if country is not None and country.capital:
            return country.capital, code
    return None


def _city_in(sent, wide: bool = True) -> tuple[str, str] | None:
    """A city named in a sentence as a place (the gazetteer's cities too when ``wide``: in the
    meeting's own sentences; in sentences merely about it, only the curated list)."""
    capital = _capital_in(sent.text)
    if capital:
        return capital
    low = sent.text.lower()
    for landmark, city in LANDMARK_CITIES.items():
        at = low.find(landmark)
        # "the Kremlin said", "according to the White House": the institution speaking, no venue
        speaking = re.match(
            r"\W*(?:has\s+|had\s+)?(?:said|says|announced|stated|reported)\b", low[at + len(landmark) :]
        )
        cited = re.search(r"according to\s+(?:the\s+)?$", low[:at])
        if at >= 0 and not speaking and not cited:
            return city, country_of_city(city)
    text = doc_text(sent.doc)
    opening = _DATELINE_OPENING.match(sent.text)  # "HAVANA, Cuba, Jan 8 (ACN) - ...": the dateline
    dateline_end = opening.end() if opening else 0
    # "in Washington" before "travel to New York": where they are, before where they go
    prepositional = sorted(
        (m for m in _IN_PLACE.finditer(sent.text)),
        key=lambda m: not m.group(0).lower().startswith(("in ", "at ")),
    )
    # in a sentence merely about the meeting, "to X" is where someone goes next, not where they met
    prepositional = [
        m.group("place") for m in prepositional if wide or not m.group(0).lower().startswith(("to ", "to\t"))
    ]
    entities = [
        e.text
        for e in sent.ents
        if e.label_ in ("GPE", "LOC", "FAC")
        and not re.search(r"\bfrom\s+(the\s+)?$", text[max(0, e.start_char - 12) : e.start_char])
        and not _metonymy(e)
        and not _destination(e)
        and e.start_char >= sent.start_char + dateline_end
    ]  # a city someone comes "from" is not where they meet; "Stockholm still needed" is its government
    for name in prepositional + entities:
        found = _as_city(name, wide)
        if found and not _names_venue(sent.text, found[0]):
            return found
    for match in _IN_PLACE.finditer(sent.text):  # "talks in Singapore": a city-state is its own city
        place = match.group("place").strip(",.’'")
        if city_state(place) and not match.group(0).lower().startswith("to"):
            return place, city_state(place)
    return None


_DEPARTING = ("leave", "depart", "head", "fly", "proceed", "travel", "continue", "go")


def _destination(entity) -> bool:
    """Whether a place is where someone goes next: "before he leaves for Geneva", "then
    travels on to Paris", "and then to Geneva" after a departure."""
    root = entity.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("for", "to"):
        return False
    verb = prep.head
    while verb.dep_ in ("conj", "prep", "advmod") and verb.head.i != verb.i and verb.pos_ != "VERB":
        verb = verb.head
    return verb.lemma_.lower() in _DEPARTING


# A capital as the subject or owner ("Stockholm still needed to act", "Ankara's demands") stands
# for its government, not for the place of a meeting.
_METONYMY = ("nsubj", "nsubjpass", "poss")


def _metonymy(entity) -> bool:
    """Whether a place name stands for something else: its government ("Stockholm still needed"),
    or an issue when it qualifies a noun outside a phrase of location ("a Gaza cease-fire deal";
    but "at the official London residence" is a place)."""
    root = entity.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "Moscow and Bishkek have confirmed"
        root = root.head
    if root.dep_ in _METONYMY:
        return True
    if root.dep_ in ("compound", "amod"):
        head = root.head
        while head.dep_ in ("compound", "amod") and head.head is not head:
            head = head.head
        return not (head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "inside", "near"))
    return False


def _names_venue(text: str, city: str) -> bool:
    """Whether a city's name begins a building's in the sentence ("at the Shangri-La Hotel ...
    the Shangri-La Dialogue"): the sentence is about the building, not the town. ("the official
    London residence" is in London.)"""
    following = [
        m.group(1) for m in re.finditer(rf"\b{re.escape(city)}\b(?:[ \t]+([A-Za-z]+))?", text, re.IGNORECASE)
    ]
    return any(w and w.lower() in titles.NAMED_BUILDING_NOUNS for w in following)


def _as_city(name: str, wide: bool = True) -> tuple[str, str] | None:
    if name.isupper():
        name = name.title()  # "NAIROBI —" datelines
    words = name.replace("—", " ").split()
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size]).strip(",.’'")
        if find_country(phrase):
            continue
        code = city_country(phrase) if wide else country_of_city(phrase)
        if code:
            if (
                phrase.endswith(" City")
                and city_country(phrase[:-5]) == code
                and not find_country(phrase[:-5])
            ):
                phrase = phrase[:-5]  # "New York City" -> "New York"
            return phrase, code
    return None


def dateline_city(text: str, body_start: int) -> tuple[str, str] | None:
    """A dateline at the head of the story: "Baku, December 2, AZERTAC", "TOKYO –", "Location: ..."."""
    found = read_dateline(text, body_start)
    if found:
        return found
    head = text[: body_start + 400]
    for line in head.splitlines():  # a line of its own under the date: "November 9, 2023 / Astana"
        name = line.strip()
        if 0 < len(name) <= 30 and re.fullmatch(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}", name):
            found = _as_city(name.title() if name.isupper() else name, False)
            if found and found[0] == (name.title() if name.isupper() else name):
                return found
    for match in _DATELINE.finditer(head):
        name = match.group("city").strip()
        candidate = name.title() if name.isupper() else name
        found = _as_city(candidate, False)
        if found:
            return found
    return None


def visitors(sentences, people: list[Person], candidates: list[Person]) -> dict:
    """Who came from abroad, and to which country: the subject of "visits China", "arrived in
    Baku", "made a working visit to Kazakhstan". A visitor is not of the country visited."""
    found: dict = {}
    for sent in sentences:
        text = doc_text(sent.doc)
        for person in people:  # "met with visiting Brazilian President Lula"
            for mention in person.mentions:
                if sent.start_char <= mention.start < sent.end_char and re.search(
                    r"\bvisiting\s+(?:[\w’'.-]+\s+){0,5}$", text[max(0, mention.start - 60) : mention.start]
                ):
                    found.setdefault(person, set()).add("*")
        for token in sent:
            guest = _guest_of(token)  # "X received Y", "Y was received by X": Y came from elsewhere
            if guest is not None:
                person = next((p for p in people for m in p.mentions if m.start <= guest.idx < m.end), None)
                if person is not None:
                    found.setdefault(person, set()).add("*")
            if token.pos_ != "VERB" or token.lemma_.lower() not in (
                "visit",
                "arrive",
                "travel",
                "pay",
                "make",
            ):
                continue
            target = _visit_target(token)
            if target is None:
                continue
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if not subjects:
                continue
            subject = subjects[0]
            person = next((p for p in people for m in p.mentions if m.start <= subject.idx < m.end), None)
            if person is None:
                phrase = "".join(t.text_with_ws for t in subject.subtree if t.i <= subject.i).strip()
                person = resolve_reference(phrase, candidates, [])
            if person is not None:
                found.setdefault(person, set()).add(target)
    return found


def _guest_of(token):
    """The token naming whom a host receives: the object of active "received", the subject of
    passive "was received by"."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("receive", "host", "welcome"):
        return None
    wanted = "nsubjpass" if any(c.dep_ == "auxpass" for c in token.children) else "dobj"
    return next((c for c in token.children if c.dep_ == wanted), None)


def _visit_target(token) -> str | None:
    """The country a visit verb points at: "visits China", "arrived in Baku", "a visit to X"."""
    lemma = token.lemma_.lower()
    words = []
    for child in token.children:
        if lemma == "visit" and child.dep_ == "dobj":
            words.append(child)
        if child.dep_ == "prep" and child.lower_ in ("in", "to"):
            words += [g for g in child.children if g.dep_ == "pobj"]
        if lemma in ("pay", "make") and child.dep_ == "dobj" and child.lemma_.lower() == "visit":
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    words += [g for g in prep.children if g.dep_ == "pobj"]
    for word in words:
        phrase = " ".join(t.text for t in word.subtree)
        code = find_country(phrase) or find_country(word.text) or country_of_city(word.text)
        if code:
            return code
    return None
