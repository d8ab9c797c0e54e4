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

from . import titles
from .dates import resolve_date
from .document import doc_text
from .encounters import MeetingDraft, has_explicit_day, people_in
from .people import Person
from .planning import planned
from .roles import resolve_reference

# Verbs whose subject meets their object (or the object of their "with").
ENCOUNTER_VERBS = {
    "meet", "receive", "host", "welcome", "greet", "confer", "talk", "hold", "have", "exchange",
    "discuss", "speak", "call", "visit", "converse", "phone", "telephone", "sit", "accept",
    "evaluate", "review", "assess",
}  # fmt: skip
# Verbs of talking something over: their "with" names the one talked with; without it, or two
# subjects, they tell no encounter ("discussed the situation", "spoke at the forum").
_DISCUSSION_VERBS = {"discuss", "speak", "talk", "converse"}
# Verbs of talking a subject over with someone: "discussed relations with X", "reviewed ties with X".
_TALKED_OVER = {"discuss", "evaluate", "review", "assess", "exchange"}
# Verbs whose two coordinated subjects met each other ("A and B discussed ...", "A and B met").
_RECIPROCAL_VERBS = {"meet", "discuss", "talk", "confer", "exchange", "hold", "have", "converse", "speak"}
# Nouns of an encounter that tell it alone, with "with" ("During his conversation with X, ...").
_ENCOUNTER_NOUNS_ALONE = {"meeting", "talks", "conversation", "discussion", "call", "consultations"}
# "held talks with", "had a meeting with": the noun carries the counterpart.
ENCOUNTER_NOUNS = {
    "meeting", "meetings", "talks", "talk", "conversation", "conversations", "exchange", "call",
    "audience", "discussion", "discussions", "consultations", "views", "view", "session", "encounter",
    "consultation", "negotiation", "negotiations", "dialogue", "interview", "visit", "courtesy",
}  # fmt: skip
_TOGETHER = re.compile(
    r"\b(?:trilateral|tripartite|quadrilateral|three-way|four-way|joint(?:ly)?|together|all three|"
    r"round-?table|multilateral|group of)\b",
    re.IGNORECASE,
)
_REMOTE = re.compile(r"\b(?:tele)?phone|video|call from|call with", re.IGNORECASE)
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


def _trigger(sent):
    """The verb of meeting a sentence turns on, or None."""
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX") or lemma not in ENCOUNTER_VERBS:
            continue
        if lemma in ("hold", "have", "exchange", "sit", "accept") and not any(
            _encounter_noun(t) for t in token.subtree
        ):
            continue
        preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
        objects = [c for c in token.children if c.dep_ == "dobj"]
        preps |= {p.lower_ for o in objects for p in o.children if p.dep_ == "prep" and lemma in _TALKED_OVER}
        if lemma in _DISCUSSION_VERBS | _TALKED_OVER - {"exchange"} and not (
            preps & {"with", "to"} or _coordinated_subject(token)
        ):
            continue  # "discussed the situation", "spoke at the forum"
        if lemma == "call" and not (preps & {"on", "upon"} or _REMOTE.search(sent.text)):
            continue  # "called for restraint"
        return token
    for token in sent:  # "after meetings in Washington with A, B and C": the noun alone
        if (
            token.tag_ == "NNS"
            and token.lemma_.lower() == "meeting"
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
        ):
            return token
    for token in sent:  # "During his conversation with X, ...", "Their meeting with X was ..."
        if _encounter_told_by_noun(token):
            return token
    return None


def _coordinated_subject(verb):
    """The subject of a verb when it is two coordinated words ("A and B discussed"), or None."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and any(c.dep_ == "conj" for c in subject.children):
        return subject
    return None


def _encounter_told_by_noun(token) -> bool:
    """Whether a noun of meeting tells, by itself, an encounter that took place: it stands in
    "during"/"after" with a "with" ("during the talks with X", "in his conversation with X");
    not one still ahead ("ahead of his meeting with X"). (An owner alone, "his meeting with X
    was ...", did not carry over to the held-out documents.)"""
    if token.pos_ != "NOUN" or token.lower_ not in _ENCOUNTER_NOUNS_ALONE:
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return False
    if any(a.lower_ in ("ahead", "before", "prior", "for", "until") for a in token.ancestors):
        return False
    return token.dep_ == "pobj" and token.head.lower_ in ("during", "in", "at", "after", "following")


def _told_as_past(trigger) -> bool:
    """Whether the meeting is what came before ("following meetings with X, he will travel on",
    "after talks with X"), whatever the sentence says of the future."""
    return any(a.lower_ in ("following", "after") for a in trigger.ancestors)


def _side_positions(trigger) -> tuple[set[int], set[int]]:
    """Character offsets of the tokens on the acting side and the met side of a trigger verb."""
    acting, met = set(), set()
    passive = any(c.dep_ == "auxpass" for c in trigger.children)
    for child in trigger.children:
        offsets = {t.idx for t in child.subtree}
        if child.dep_ in ("nsubj",) or (child.dep_ == "poss" and trigger.pos_ == "NOUN"):
            acting |= offsets
        elif child.dep_ == "nsubjpass":
            met |= offsets
        elif child.dep_ == "agent" and passive:
            acting |= offsets
        elif child.dep_ in ("dobj", "prep", "dative", "pobj", "attr", "npadvmod", "oprd", "advcl"):
            if child.dep_ == "prep" and child.lower_ not in ("with", "to", "on", "upon", "by", "between"):
                continue
            met |= offsets
    names_met = any(
        t.idx in met and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "") for t in trigger.subtree
    )
    if trigger.lemma_.lower() in _RECIPROCAL_VERBS and not names_met:
        # "A and B discussed trade": A met B (the parser may also make B a second subject)
        subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
        joined = [c for s in subjects[:1] for c in s.children if c.dep_ == "conj"]
        for other in subjects[1:] + joined:
            others = {t.idx for t in other.subtree}
            acting -= others
            met |= others
    if not acting and trigger.dep_ in ("xcomp", "conj", "advcl") and trigger.head.i != trigger.i:
        for child in trigger.head.children:  # "went on to meet", "arrived and met"
            if child.dep_ == "nsubj":
                acting |= {t.idx for t in child.subtree}
    return acting, met


_PASSING_DEPS = {
    "prep",
    "pobj",
    "dobj",
    "conj",
    "appos",
    "nsubjpass",
    "agent",
    "dative",
    "cc",
    "punct",
    "compound",
    "attr",
    "npadvmod",
    "nsubj",
    "amod",
    "nmod",
}


def _name_head(doc, start: int, end: int):
    """The token heading a name's words in the parse (its last word, usually)."""
    tokens = [t for t in doc if start <= t.idx < end]
    for token in tokens:
        if not (start <= token.head.idx < end) or token.head.i == token.i:
            return token
    return tokens[-1] if tokens else None


def met_directly(trigger, token) -> bool:
    """Whether a name is met by the trigger itself, not merely named inside what is met:
    "welcomed President X" and "held talks with the Ambassador of China, X" are, "welcomed the
    progress of talks between X and Y" and "discussed Xi Jinping's visit" are not."""
    while token.i != trigger.i:
        if token.dep_ == "poss" or token.dep_ not in _PASSING_DEPS:
            return False
        head = token.head
        if head.i == token.i:
            return False
        if (
            head.i != trigger.i
            and head.pos_ == "NOUN"
            and not (_encounter_noun(head) or _title_word(head) or _talked_over_with(trigger, head, token))
        ):
            return False
        token = head
    return True


def _talked_over_with(trigger, noun, prep) -> bool:
    """ "discussed bilateral relations with Minister X", "evaluated ties with X": the parser hangs
    the "with" on what was talked over; it names the one talked with."""
    return (
        trigger.lemma_.lower() in _TALKED_OVER
        and noun.dep_ == "dobj"
        and noun.head.i == trigger.i
        and prep.dep_ == "prep"
        and prep.lower_ == "with"
    )


def _names_titled_object(trigger, head, start: int) -> bool:
    """Whether a name set off by a comma names the title the trigger's object is ("received the
    Minister Delegate to X in charge of Relations with Y, Félix Mbayu"), though the parser hangs
    it on the last noun before it: nothing between the title and the name is a verb or a name."""
    if head.dep_ != "appos":
        return False
    title = next((c for c in trigger.children if c.dep_ == "dobj" and _title_word(c)), None)
    if title is None or not title.i < head.i:
        return False
    between = [t for t in head.doc[title.i + 1 : head.i] if t.idx < start]
    return not any(t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON" for t in between) and any(
        t.text == "," for t in between[-3:]
    )


def _encounter_noun(token) -> bool:
    return token.lemma_.lower() in ENCOUNTER_NOUNS or token.lower_ in ENCOUNTER_NOUNS


def _title_word(token) -> bool:
    lemma = token.lemma_.lower()
    return (
        lemma in titles.TITLE_HEADS
        or lemma.rstrip("s") in titles.TITLE_HEADS
        or lemma
        in (
            "counterpart",
            "counterparts",
            "envoy",
            "envoys",
            "ambassador",
            "ambassadors",
            "delegation",
            "chair",
        )
    )


def _listed_as_group(sent, person: Person) -> bool:
    """A list of names after a plural title ("Co-chairs A, B and C") is one group met together."""
    doc = sent.doc
    mention = min(
        (m for m in person.mentions if sent.start_char <= m.start < sent.end_char), key=lambda m: m.start
    )
    before = [t for t in doc[sent.start : sent.end] if t.idx < mention.start][-2:]
    return any(_title_word(t) and (t.tag_ in ("NNS", "NNPS") or t.lower_.endswith("s")) for t in before)


def encounter_in(sent, people: list[Person]) -> Encounter | None:
    """The encounter a sentence tells, read from the parse, or None when it tells none."""
    if not any(sent.start_char <= m.start < sent.end_char for p in people for m in p.mentions):
        return None
    trigger = _trigger(sent)
    if trigger is None or (planned(sent) and not _told_as_past(trigger)):
        return None
    acting, met = _side_positions(trigger)
    present = people_in(sent.start_char, sent.end_char, people, doc_text(sent.doc))
    found = Encounter(sentence=sent)
    for person in present:
        starts = {m.start for m in person.mentions if sent.start_char <= m.start < sent.end_char}
        if starts & acting:
            found.actors.append(person)
        elif starts:
            mention = min((m for m in starts if m in met), default=min(starts))
            end = next(m.end for m in person.mentions if m.start == mention)
            head = _name_head(sent.doc, mention, end)
            if head is None:
                continue
            if (mention in met and met_directly(trigger, head)) or _names_titled_object(
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
    told = {id(p) for actors, group, _ in pieces for p in actors + group}
    everywhere = [p for p in main.people if len(drafts) > 1 and all(p in d.people for d in drafts[1:])]
    for person in main.people:
        if id(person) in told:
            continue
        for draft in out if person in everywhere else out[:1]:
            if person not in draft.people:
                draft.people.append(person)
    for extra in drafts[1:]:
        if all(not set(map(id, extra.people)) <= set(map(id, d.people)) for d in out):
            out.append(extra)
    return out
