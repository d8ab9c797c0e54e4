"""People in a document: finding their names, grouping the forms of one name, titles and countries.

"Sergey Lavrov", "S.Lavrov" and "Lavrov" are one person; "Russian Foreign Minister Sergey Lavrov"
gives him the role "Foreign Minister" and the country RU; "Dear Sergey Viktorovich" is a form of
address, not a new person. The rules of names themselves (cleaning, comparing forms) are in
``names.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import titles
from .countries import country_mentions, country_of_city, find_country
from .document import doc_text
from .names import (
    _AFTER_TITLE,
    _FUNCTION_WORDS,
    _INITIAL_SURNAME,
    _NAME_SEQUENCE,
    _NOT_NAME_WORDS,
    _NOT_PERSON_LABELS,
    _OCCUPATIONS,
    _TITLE_ALTERNATION,
    _is_patronymic,
    _is_place_word,
)
from .names import clean_name as clean_name
from .names import compatible as compatible
from .names import fold as fold
from .names import name_tokens as name_tokens


@dataclass
class Mention:
    start: int
    end: int
    text: str  # as written
    name: str  # cleaned
    in_speech: bool = False


@dataclass(eq=False)  # people are compared by identity: two mentions, one person
class Person:
    """One person of the document: the fullest name and every mention."""

    name: str
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    organization: str | None = None
    organization_kind: str | None = None
    counterpart_of: Person | None = None

    @property
    def first(self) -> Mention:
        return min(self.mentions, key=lambda m: m.start)

    def forms(self) -> list[str]:
        """Other forms of the name seen in the document, as written, in order."""
        seen, out = {self.name}, []
        for mention in sorted(self.mentions, key=lambda m: m.start):
            if mention.name not in seen:
                seen.add(mention.name)
                out.append(mention.name)
        return out


def find_mentions(text: str, doc, speech_spans: list[tuple[int, int]], limit: int) -> list[Mention]:
    """Candidate mentions of people: spaCy's PERSON entities, names after a title or honorific,
    initials with a surname ("S.Lavrov"), each cleaned of titles; overlapping ones merged."""
    raw: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            raw.append((ent.start_char, ent.end_char))
    window = text[:limit]
    for match in _AFTER_TITLE.finditer(window):
        raw.append((match.start("name"), match.end("name")))
    for match in _INITIAL_SURNAME.finditer(window):
        raw.append((match.start(), match.end()))
    for match in _NAME_SEQUENCE.finditer(window):
        if match.end() - match.start() < 5 or "\n" in match.group():
            continue
        for word in re.finditer(r"\S+", match.group()):
            name = clean_name(match.group()[word.start() :])
            if not name or len(name.split()) < 2:
                continue
            start = match.start() + match.group().find(name, word.start())
            if start >= match.start() and _follows_title(window, start):
                raw.append((start, start + len(name)))
                break
    for match in _NAME_SEQUENCE.finditer(window):
        # names the entity recogniser missed, known by what follows: "Antony Blinken, the U.S.
        # Secretary of State, met ...", "Rex Tillerson said ..."
        name = clean_name(match.group())
        if not name or len(name.split()) < 2 or any(not w[:1].isalpha() for w in name.split()):
            continue
        start = match.start() + max(match.group().find(name), 0)
        end = start + len(name)
        if _PERSON_AFTER.match(window[end : end + 80]):
            raw.append((start, end))
    mentions: list[Mention] = []
    for start, end in sorted(raw, key=lambda se: (se[0], -(se[1] - se[0]))):
        while start > 0 and re.match(r"[A-Za-z.]", text[start - 1]):
            start -= 1  # a name begins at a word's start: the recogniser's "E. Moussa" of "H.E. Moussa"
        patronymic = re.match(r"\s+([\w’']+)", text[end : end + 20])
        if patronymic and _is_patronymic(patronymic.group(1)):
            end += patronymic.end()  # "Ilham Heydar oglu": a form of address, whole
            surname = re.match(r" [A-Z][\w’'-]+", text[end : end + 40])
            end += surname.end() if surname else 0  # "Heydar Alirza oglu Aliyev": a full name
        joined = re.match(r"[ \u00a0](?:al|el|ad|as|ash|at|az|ar|an)-[A-Z][\w’'-]+", text[end : end + 40])
        end += joined.end() if joined else 0  # "Abdel Fattah" + "el-Sisi"
        if (
            _inside_other_name(doc, start, end)
            or re.search(r"\bthe\s+$", text[max(0, start - 5) : start])
            and (" " not in text[start:end].strip())
        ):
            continue  # "Human Rights Watch", "the Kurdistan Workers Party"; "the Sahel"
        if " " not in text[start:end].strip() and _VOCATIVE.search(text[max(0, start - 30) : start]):
            continue  # "Thank you, Tony", "my friend Jay": a given name as a form of address
        if " " not in text[start:end].strip() and _after_other_capital(text, start):
            continue  # "the Peace Formula meeting": a lone word that ends another name
        if " " not in text[start:end].strip() and _ends_place_name(text, start, end):
            continue  # "Sri Lanka", "Costa Rica": a lone word that ends a country's or city's name
        start = _trim_lead(doc, text, start, end)
        if _PORTFOLIO_BEFORE.search(text[max(0, start - 80) : start]):
            continue  # "the Minister for Foreign Affairs and Regional Integration": a portfolio
        written = text[start:end]
        if "\n" in written:
            continue
        name = clean_name(written)
        if not name:
            continue
        offset = written.find(name.split()[0]) if not written.isupper() else 0
        start = start + max(offset, 0)
        end = start + len(name) if text[start : start + len(name)] == name else end
        if any(m.start <= start < m.end or start <= m.start < end for m in mentions):
            mentions = _keep_longer(mentions, Mention(start, end, text[start:end], name))
            continue
        mentions.append(Mention(start, end, text[start:end], name))
    for mention in mentions:
        mention.in_speech = any(s <= mention.start < e for s, e in speech_spans)
    return sorted(mentions, key=lambda m: m.start)


_TITLE_OR_COUNTRY_BEFORE = re.compile(
    rf"(?i:\b(?:{_TITLE_ALTERNATION})s?)\s*[-–,]?\s*$|"
    rf"(?i:\b(?:{_TITLE_ALTERNATION}))\s+(?:to|of|for)\s+(?:the\s+)?[A-Z][\w ’']{{2,40}},?\s*$|\b(?:of|from)\s+(?:the\s+)?[A-Z][\w ’']{{2,40}}\s*[-–]?\s*$"
)


_PERSON_AFTER = re.compile(
    rf"^(?:,\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+)?(?:[\w.’'-]+\s+){{0,4}}?(?i:{_TITLE_ALTERNATION})\b"
    r"|\s+(?:has\s+|had\s+|also\s+|on\s+\w+\s+)?(?:said|says|told|tells|met|meets|received|receives|held|holds|"
    r"visited|visits|noted|notes|stressed|stresses|added|stated|emphasi[sz]ed|expressed|thanked|welcomed|hosted|"
    r"spoke|speaks|praised|urged|announced|arrived|paid|underlined|highlighted|recalled)\b)"
)


def _after_other_capital(text: str, start: int) -> bool:
    """Whether a capitalised word that is no title, honorific, country or name particle stands
    just before `start` on the same line ("Peace Formula")."""
    match = re.search(r"(?<![\w.’'-])([A-Z][a-z]+)[ \t]+$", text[max(0, start - 30) : start])
    if not match:
        return False
    word = fold(match.group(1))
    return not (
        word in titles.TITLE_HEADS
        or word in titles.TITLE_MODIFIERS
        or word in titles.HONORIFICS
        or word in titles.PARTY_LABELS
        or word in _OCCUPATIONS
        or word in _FUNCTION_WORDS
        or _is_place_word(match.group(1))
        or word in {"a", "an"}
    )


# "Minister for Foreign Affairs and " + capitalised words: the rest of the office's portfolio
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Department|Cabinet Secretary)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'-]*\s+){1,4}(?:and|&)\s+$"
)


def _ends_place_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised word just before `start` and the words up to `end` name a country
    or a city ("Sri" + "Lanka")."""
    match = re.search(r"([A-Z][\w.’'-]*)[ \t]+$", text[max(0, start - 30) : start])
    if not match:
        return False
    phrase = f"{match.group(1)} {text[start:end].strip()}"
    return bool(find_country(phrase) or country_of_city(phrase))


_VOCATIVE = re.compile(r"(?i:\b(?:thank you|thanks|dear|my (?:dear |good )?friend|welcome|hello|hi),?\s+)$")


def _inside_other_name(doc, start: int, end: int) -> bool:
    """Whether the words are part of a longer name that is not a person's: they hold a plural noun,
    which no personal name does ("Human Rights Watch"), or complete an organization's head
    ("State Commission for Manned Flights"). (The recogniser also glues a country to a name,
    "Kazakhstan Kassym-Jomart Tokayev": kept.)"""
    for ent in doc.ents:
        if (
            ent.start_char <= start
            and end <= ent.end_char
            and (ent.end_char - ent.start_char) > (end - start)
        ):
            plural = any(t.tag_ in ("NNS", "NNPS") for t in ent if start <= t.idx < end)
            before = doc_text(doc)[ent.start_char : start]
            complement = re.search(r"\b(\w+)\s+(?:for|of|on)\s+(?:the\s+)?$", before)
            headed = bool(complement) and fold(complement.group(1)) in _NOT_NAME_WORDS
            return ent.label_ in _NOT_PERSON_LABELS and (plural or headed)
    return False


def _follows_title(text: str, start: int) -> bool:
    """Whether the words before `start` end with a title or "of <Country>": a name follows."""
    before = text[max(0, start - 80) : start]
    before = before.split("\n")[-1]
    if _TITLE_OR_COUNTRY_BEFORE.search(before):
        return True
    for c_start, c_end, _code in country_mentions(before):
        if not before[c_end:].strip(" -–,"):  # "the Foreign Minister of Norway, Espen Barth Eide"
            return bool(re.search(rf"(?i:\b(?:{_TITLE_ALTERNATION}))", before[:c_start]))
    return False


def _trim_lead(doc, text: str, start: int, end: int) -> int:
    """A name's start without a word that only stands before it: a verb ("Welcoming Edward ..."),
    a plural noun ending a title ("... and Expatriates Ayman Safadi"), a word in capitals
    ("POWER Mohammad ..."), the end of a country's name ("Sri Lanka Abdul ...")."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    tokens = [t for t in span if not t.is_space and t.idx >= start] if span is not None else []
    while len(tokens) > 2 or (len(tokens) == 2 and tokens[1].text[:1].isupper()):
        first, following = tokens[0], tokens[1]
        previous = doc[first.i - 1].text if first.i > 0 else ""
        capitals = (  # "POWER Mohammad Abunayyan", not "KAMIKAWA Yoko" (a surname first, in capitals)
            first.text.isupper() and len(first.text) > 2 and not following.text.isupper() and len(tokens) > 2
        )
        country_end = bool(previous) and find_country(f"{previous} {first.text}") is not None
        # "Minister of Foreign Affairs and Expatriates Ayman Safadi": a plural ends the title
        title_end = (
            first.text.endswith("s") and first.text[:1].isupper() and previous.lower() in ("and", "of")
        )
        if first.tag_ in ("VBG", "NNS") or capitals or country_end or title_end:
            tokens = tokens[1:]
            start = tokens[0].idx
            continue
        break
    return start


def _keep_longer(mentions: list[Mention], new: Mention) -> list[Mention]:
    overlapping = [m for m in mentions if m.start < new.end and new.start < m.end]
    if all(len(name_tokens(new.name)) > len(name_tokens(m.name)) for m in overlapping):
        return [m for m in mentions if m not in overlapping] + [new]
    return mentions


def group_people(mentions: list[Mention], text: str, limit: int) -> list[Person]:
    """Group mentions into people (fullest, earliest name first), then find the remaining
    mentions of each known name that the entity recogniser missed ("Kishida Fumio", "Retno")."""
    people: list[Person] = []
    for mention in sorted(mentions, key=lambda m: (-len(name_tokens(m.name)), m.start)):
        person = _best_match(people, mention.name)
        if person is None:
            people.append(Person(mention.name, [mention]))
        else:
            person.mentions.append(mention)
    taken = [(m.start, m.end) for p in people for m in p.mentions]
    window = text[:limit]
    for match in _NAME_SEQUENCE.finditer(window):
        for word in re.finditer(r"\S+", match.group()):
            start, end = match.start() + word.start(), match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            name = clean_name(text[start:end])
            person = _best_match(people, name) if name else None
            if person is not None and len(name_tokens(person.name)) >= 2:
                s = text.find(name.split()[0], start, end)
                s = start if s < 0 else s
                person.mentions.append(Mention(s, s + len(name), text[s : s + len(name)], name))
                taken.append((s, s + len(name)))
                break
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
    people.sort(key=lambda p: p.first.start)
    return people


def _best_match(people: list[Person], name: str) -> Person | None:
    candidates = [p for p in people if compatible(name, p.name)]
    if not candidates:
        return None
    return max(candidates, key=lambda p: (len(p.mentions), len(name_tokens(p.name)), -p.first.start))


def mark_speech(people: list[Person], speech_spans: list[tuple[int, int]]) -> None:
    for person in people:
        for mention in person.mentions:
            mention.in_speech = any(s <= mention.start < e for s, e in speech_spans)


def person_at(people: list[Person], start: int, end: int) -> Person | None:
    """The person one of whose mentions overlaps the span."""
    for person in people:
        for mention in person.mentions:
            if mention.start < end and start < mention.end:
                return person
    return None
