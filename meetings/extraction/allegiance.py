"""Whom each participant represents: the country (or international body) a participant speaks
for, when the text gives no country word beside the name.

In order: the person one assists ("assistant to the Ambassador"), the dateline's country for a
title the reporter leaves unqualified, the country the document is about most (the publisher's
own official: "Federal Foreign Minister X", "the Foreign Secretary"), the meeting's country for
hosts at home, and last a title that belongs to one country ("Taoiseach"). Also here: a
title given elsewhere without the name ("speaks with President of France"), and names listed
after a plural title of as many countries ("the foreign ministers of Brazil and Argentina, A
and B").
"""

from __future__ import annotations

import re
from collections import Counter

from . import titles
from .countries import country_mentions, find_country
from .people import Person, fold
from .roles import resolve_reference, title_country, title_head


def fill_countries(
    drafts, guests=None, home: str | None = None, text: str = "", title: str | None = None
) -> None:
    """Country of participants the text gives none for: the person they assist ("assistant to
    the Ambassador"), the dateline's or the document's own country, else the meeting's country
    for officials of no international body. A meeting at an event (told in its own sentences,
    or by a headline naming the event in the meeting's city) has nobody at home."""
    everyone = [p for d in drafts for p in d.people]
    multilateral = {(d.city, d.country) for d in drafts if at_multilateral_event(d)}
    if title and _EVENT.search(_OWN_SUMMITS.sub("", title.lower())):
        multilateral |= {(d.city, d.country) for d in drafts if d.city and d.city in title}
    # the host's counterpart in one meeting is a guest in the others too
    guests_anywhere = {
        id(person)
        for draft in drafts
        for person in draft.people
        if person.role and _has_counterpart(person, draft)
    }
    for draft in drafts:  # a title of one country first ("Federal Minister for Foreign Affairs")
        for person in draft.people:
            shared = (person.role or "").lower() in titles.SHARED_TITLES
            code = title_country(person.role) if person.country is None and not shared else None
            if code and all(o.country != code for o in draft.people if o is not person):
                person.country = code
    for draft in drafts:
        for person in draft.people:
            # those the person meets, in this meeting or another of the release, are of other states
            others = {
                o.country
                for d in drafts
                if person in d.people
                for o in d.people
                if o is not person and o.country
            }
            visited = (guests or {}).get(person, ())
            visiting = (
                draft.country in visited or "*" in visited or (draft.city, draft.country) in multilateral
            )
            own = next(
                (
                    c
                    for c in (
                        # a dateline at an event abroad ("MUNICH --") is the event's, not the desk's
                        None if visiting and home == draft.country else home,
                        None if visiting else draft.country,
                        title_country(person.role),
                    )
                    if c and c not in others
                ),
                None,
            ) or document_country(
                text,
                # a visitor is not of the country visited, whoever else is known there yet
                {p.country for p in everyone if p is not person and p.country}
                | ({draft.country} if draft.country and draft.country in visited else set()),
                least=2 if person.role and person is draft.people[0] else 3,
            )
            if (
                person.country is None
                and own
                and own not in others
                and not international(person)
                and not (own == draft.country and (draft.country in visited or "*" in visited))
                and (person.role or person is draft.people[0])
            ):
                # "Federal Foreign Minister X met his Iranian counterpart": the publisher's own
                # official is of the country the document is about most
                person.country = own
    for draft in drafts:
        for person in draft.people:
            role = (person.role or "").lower()
            if person.country is None and " to " in role and title_head(role) in titles.ASSISTANT_TITLES:
                served = role.split(" to ", 1)[1]
                other = resolve_reference(served, [p for p in draft.people if p is not person], [])
                if other is not None and other.country:
                    person.country = other.country
        if (draft.city, draft.country) in multilateral:
            continue  # "on the sidelines of the G7 Summit": nobody is at home there
        for person in draft.people:
            visited = (guests or {}).get(person, ())
            visiting = draft.country in visited or "*" in visited
            counterpart = _has_counterpart(person, draft)
            others = {o.country for o in draft.people if o is not person and o.country}
            if person.country is None and home and others and home not in others and draft.country != home:
                # "SEOUL (Yonhap) -- President Yoon ... summit in Tokyo" with Japan's Prime Minister,
                # "Riyadh (SPA) -- the Minister received a phone call from Iran's Foreign Minister":
                # the title the reporter leaves unqualified is of the dateline's country
                person.country = home if not international(person) else None
            if (
                person.country is None
                and draft.country
                and not international(person)
                and not visiting
                and not (counterpart and person.role)
                and id(person) not in guests_anywhere
            ):
                person.country = draft.country
    for draft in drafts:
        for person in draft.people:
            if person.country is None:
                person.country = title_country(person.role)


def document_country(text: str, besides=frozenset(), least: int = 3) -> str | None:
    """The country a document mentions most besides those of others (``besides``), when it
    stands out (named at least ``least`` times and more often than any other): the publisher's
    own, as a rule. The meeting's leading person with a title but no country word ("Foreign
    Minister X met his Iranian counterpart") needs less: two mentions."""
    counts = Counter(code for _start, _end, code in country_mentions(text) if code not in besides)
    counts = counts.most_common(2)
    if not counts or counts[0][1] < least or (len(counts) > 1 and counts[1][1] >= counts[0][1]):
        return None
    return counts[0][0]


def _has_counterpart(person: Person, draft) -> bool:
    """Whether someone else in the meeting holds the person's office for the meeting's country:
    two holders of one office of one state do not meet, so the person is the host's guest."""
    return any(
        o is not person and o.country == draft.country and _same_office(o.role, person.role)
        for o in draft.people
    )


# two people before journalists, two leaders' own summit, a legislature: no event of many
_OWN_SUMMITS = re.compile(
    r"\b(?:press|news) conference\b|\b(?:their|bilateral|two-way) summit\b"
    r"|\b(?:national|legislative|constituent|people['’]s|state|federal) assembly\b"
)
_EVENT = re.compile(
    r"\b(sidelines|margins|summit|forum|conference|assembly|congress|ministerial|to attend)\b"
    r"|\bministers['’]? meeting\b"
)


def at_multilateral_event(draft) -> bool:
    text = " ".join(s.text for s in draft.sentences).lower()
    return bool(_EVENT.search(_OWN_SUMMITS.sub("", text)))


def affiliate(people: list[Person], organizations: list[dict]) -> None:
    """The body a person speaks for, when their title names one ("IEPF Vice-President",
    "ASEAN Secretary General"); kept with its kind to tell international officials apart."""
    for person in people:
        role = person.role or ""
        for org in organizations:
            names = [n for n in (org.get("acronym"), org.get("name")) if n] + _short_forms(org.get("name"))
            if any(re.search(rf"\b{re.escape(n)}\b", role) for n in names):
                person.organization = org["name"]
                person.organization_kind = org.get("kind")
                break


def _short_forms(name: str | None) -> list[str]:
    """The last two or more words of an international body's name, as titles cite it: "President
    of the General Assembly" for the United Nations General Assembly."""
    words = (name or "").split()
    return [
        " ".join(words[i:])
        for i in range(1, len(words) - 1)
        if words[i][:1].isupper() and words[i - 1][:1].isupper()
    ]


_RANK = re.compile(r"\b(?:" + "|".join(titles.RANK_WORDS) + r")\b", re.IGNORECASE)


def _same_office(one: str | None, other: str | None) -> bool:
    """ "Foreign Minister" and "Minister" are one office; "Deputy Foreign Minister" is another."""
    head = title_head(one)
    return head is not None and head == title_head(other) and not _RANK.search(f"{one} {other}")


def international(person: Person) -> bool:
    """Whether the person speaks for an international body rather than a state."""
    if person.organization_kind == "international":
        return True
    role = (person.role or "").lower()
    return any(office in role for office in titles.INTERNATIONAL_OFFICES)


def country_from_titles(person: Person, text: str) -> str | None:
    """A country the text gives a person's title elsewhere, without the name: "Prime Minister
    speaks with President of France" gives President Macron FR, "the Kenyan President" KE."""
    if not person.role:
        return None
    role = re.escape(person.role)
    found = set()
    for match in re.finditer(
        rf"\b{role}\s+of\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}})", text
    ):
        if re.search(r"[A-Z][\w-]*\s+$", text[max(0, match.start() - 30) : match.start()]):
            continue  # "Foreign Minister of Argentina" is not the title "Minister" of Argentina
        code = find_country(match.group(1))
        if code:
            found.add(code)
    for match in re.finditer(rf"\b([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)\s+{role}\b(?!\s+[A-Z])", text):
        code = find_country(match.group(1))
        if code:
            found.add(code)
    return found.pop() if len(found) == 1 else None


# "the foreign ministers of Brazil and Argentina": a plural title with its countries after "of"
_PLURAL_TITLE_OF = re.compile(r"\b(?P<title>[A-Za-z]+?)s\s+of\s+(?=(?:the\s+)?[A-Z])")


def respective_countries(people: list[Person], text: str) -> None:
    """ "The foreign ministers of Brazil and Argentina, Ana Ruiz and Karl Brandt": a list of
    names after a title naming as many countries takes them in order."""
    owner = {(m.start, m.end): p for p in people for m in p.mentions}
    spans = sorted(owner)
    ordered = sorted(owner)
    index = 0
    while index < len(ordered):
        start, end = ordered[index]
        chain = [(start, end)]
        while index + len(chain) < len(ordered):
            nxt = ordered[index + len(chain)]
            if not re.fullmatch(r",?\s+and\s+|,\s+", text[chain[-1][1] : nxt[0]]):
                break
            chain.append(nxt)
        index += len(chain)
        if len(chain) < 2 or not re.search(r",\s*$", text[max(0, start - 3) : start]):
            continue
        floor = max([e for s_, e in spans if e <= start - 2] + [text.rfind("\n", 0, start) + 1])
        clause = text[floor : text.rindex(",", 0, start)]
        plural = _PLURAL_TITLE_OF.search(clause)
        if not plural or fold(plural.group("title")) not in titles.TITLE_HEADS:
            continue
        codes = [code for _s, _e, code in country_mentions(clause[plural.end() :])]
        if len(codes) != len(chain) or len(set(codes)) != len(codes):
            continue
        for span, code in zip(chain, codes, strict=True):
            owner[span].country = code
