"""Several encounters told one after another: each gets its own meeting.

A release often tells a string of bilateral meetings ("X met A ... X also met with B ...", "X
held talks with A, B and C on the margins of ..."). The dependency parse of each meeting
sentence says who acts (the subject of "met", "received", "held talks") and whom they meet (the
object, "with ..." or the passive subject of "was received by"); each new counterpart is an
encounter of its own, unless the text says they met together ("trilateral", "jointly").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import resolve_date
from .document import doc_text
from .encounter_parse import (
    meeting_trigger,
    met_directly,
    name_head,
    names_titled_object,
    side_positions,
    title_word,
    told_as_past,
)
from .encounters import MeetingDraft, has_explicit_day, people_in
from .people import Person
from .planning import planned
from .roles import resolve_reference

_TOGETHER = re.compile(
    r"\b(?:trilateral|tripartite|quadrilateral|three-way|four-way|joint(?:ly)?|together|all three|"
    r"round-?table|multilateral|group of)\b",
    re.IGNORECASE,
)
_SEVERAL = re.compile(
    r"\b(?:separate(?:ly)?|respectively|meetings|bilaterals|bilateral (?:meetings|talks)|various|"
    r"a series of|a number of|several)\b",
    re.IGNORECASE,
)


@dataclass
class Encounter:
    """One encounter told by a sentence: who acts, whom they meet."""

    sentence: object
    actors: list[Person] = field(default_factory=list)
    counterparts: list[Person] = field(default_factory=list)
    titled: list[Person] = field(default_factory=list)  # the actor named by a title only


def _listed_as_group(sent, person: Person) -> bool:
    """A list of names after a plural title ("Co-chairs A, B and C") is one group met together."""
    doc = sent.doc
    mention = min(
        (m for m in person.mentions if sent.start_char <= m.start < sent.end_char), key=lambda m: m.start
    )
    before = [t for t in doc[sent.start : sent.end] if t.idx < mention.start][-2:]
    return any(title_word(t) and (t.tag_ in ("NNS", "NNPS") or t.lower_.endswith("s")) for t in before)


def encounter_in(sent, people: list[Person]) -> Encounter | None:
    """The encounter a sentence tells, read from the parse, or None when it tells none."""
    if not any(sent.start_char <= m.start < sent.end_char for p in people for m in p.mentions):
        return None
    trigger = meeting_trigger(sent)
    if trigger is None or (planned(sent) and not told_as_past(trigger)):
        return None
    acting, met = side_positions(trigger)
    present = people_in(sent.start_char, sent.end_char, people, doc_text(sent.doc))
    found = Encounter(sentence=sent)
    for person in present:
        starts = {m.start for m in person.mentions if sent.start_char <= m.start < sent.end_char}
        if starts & acting:
            found.actors.append(person)
        elif starts:
            mention = min((m for m in starts if m in met), default=min(starts))
            end = next(m.end for m in person.mentions if m.start == mention)
            head = name_head(sent.doc, mention, end)
            if head is None:
                continue
            if (mention in met and met_directly(trigger, head)) or names_titled_object(
                trigger, head, mention
            ):
                found.counterparts.append(person)
    if not found.counterparts:
        return None
    if not found.actors:  # "The Secretary-General met today with ...": the title stands for its holder
        owner = ("nsubj", "poss") if trigger.pos_ == "NOUN" else ("nsubj",)
        subject = next((c for c in trigger.children if c.dep_ in owner), None)
        if subject is not None and subject.pos_ != "PRON":
            words = list(subject.subtree)
            phrase = subject.doc[words[0].i : words[-1].i + 1].text
            others = [p for p in people if p not in found.counterparts]
            holder = resolve_reference(phrase, others, [])
            if holder is not None:
                found.titled.append(holder)
    return found


def _split_list(encounter: Encounter) -> bool:
    """Whether the several people a sentence's actor meets are met one by one."""
    if len(encounter.counterparts) < 2:
        return False
    text = encounter.sentence.text
    if _TOGETHER.search(text) or _listed_as_group(encounter.sentence, encounter.counterparts[0]):
        return False
    known = [p for p in encounter.counterparts if p.country]
    countries = {p.country for p in known}
    actor_countries = {p.country for p in encounter.actors if p.country}
    if _SEVERAL.search(text):
        return True
    # each of a different country (one of three or more may be of a country the text names oddly)
    return (
        len(countries) >= 2
        and not (countries & actor_countries)
        and len(countries) == len(known)
        and len(known) >= max(2, len(encounter.counterparts) - 1)
    )


def split_encounters(
    drafts: list[MeetingDraft], sentences, people: list[Person], reference
) -> list[MeetingDraft]:
    """The meetings of a document told as a string of encounters: one per counterpart, the
    acting person (the release's main person when the sentence names nobody acting) in each.
    Returns the drafts unchanged when the text tells only one encounter."""
    encounters = [e for e in (encounter_in(s, people) for s in sentences) if e is not None]
    if not drafts:
        if not encounters:
            return drafts
        first = encounters[0].sentence
        drafts = [MeetingDraft(sentences=[first], date=resolve_date(first.text, reference) or reference)]
    main = drafts[0]
    host = next((p for e in encounters for p in e.actors), main.people[0] if main.people else None)
    pieces: list[tuple[list[Person], list[Person], object]] = []
    for encounter in encounters:
        actors = encounter.actors or ([host] if host is not None else [])
        counterparts = [p for p in encounter.counterparts if p not in actors]
        groups = [[p] for p in counterparts] if _split_list(encounter) else [counterparts]
        for group in groups:
            if not group:
                continue
            if all(
                any({id(x) for x in actors + [p]} <= {id(y) for y in a + c} for a, c, _ in pieces)
                for p in group
            ):
                continue  # told again ("Onyeama also received ... Cui Jianchun, today")
            pieces.append((actors, group, encounter.sentence))
    told = {id(p) for actors, group, _ in pieces for p in actors + group}
    own = _meeting_of_its_own(main, pieces, told)
    if len(pieces) < 2 and (main.people or not pieces):
        # the one acting, named only by title in the sentence of meeting, when the meeting has
        # no other acting person: everyone in it is one they met
        told = [e for e in encounters if e.titled][:1]
        for encounter in told:
            actor = encounter.titled[0]
            acting = any(p in e.actors for e in encounters for p in main.people)
            if actor not in main.people and (len(main.people) < 2 or not acting):
                main.people.insert(0, actor)
        return drafts
    out = []
    for actors, group, sent in pieces:
        when = resolve_date(sent.text, reference) if has_explicit_day(sent.text) else None
        draft = MeetingDraft(
            evidence="encounter",
            sentences=[sent],
            people=list(dict.fromkeys(actors + group)),
            date=when or main.date,
        )
        out.append(draft)
    # people said to attend go with the first encounter, or with each when told at each before
    if own:  # "A and B met on Friday ... B also met C": A and B's meeting comes first
        out.insert(0, MeetingDraft(sentences=main.sentences, people=own, date=main.date))
    everywhere = [p for p in main.people if len(drafts) > 1 and all(p in d.people for d in drafts[1:])]
    for person in main.people:
        if id(person) in told or person in own:
            continue
        for draft in out if person in everywhere else out[:1]:
            if person not in draft.people:
                draft.people.append(person)
    for extra in drafts[1:]:
        if all(not set(map(id, extra.people)) <= set(map(id, d.people)) for d in out):
            out.append(extra)
    return out


def _meeting_of_its_own(main: MeetingDraft, pieces, told: set[int]) -> list[Person]:
    """The people of the release's first meeting sentence when it tells a meeting the parse did
    not read as an encounter, before all encounters, between two or more people no encounter
    names: theirs is a meeting of its own, not people attending the first encounter."""
    if not main.sentences or not pieces:
        return []
    first = main.sentences[0]
    if first.start_char >= min(sent.start_char for _, _, sent in pieces) or first in {
        s for _, _, s in pieces
    }:
        return []
    named = [
        p
        for p in main.people
        if id(p) not in told
        and any(first.start_char <= m.start < first.end_char and not m.in_speech for m in p.mentions)
    ]
    others = [
        p
        for p in main.people
        if id(p) in told and any(first.start_char <= m.start < first.end_char for m in p.mentions)
    ]
    return named + others if len(named + others) >= 2 and named else []
