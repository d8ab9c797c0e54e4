"""Meetings: which sentences report an encounter, who was present, when and where it took place.

A meeting is reported by a sentence with a verb or noun of meeting ("met with", "received",
"held talks", "a telephone conversation between") naming people; those people, the ones said to
attend or accompany, and the speakers of speech blocks are the participants. People merely
mentioned (a president who "sends greetings") are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import titles
from .countries import country_mentions
from .dates import resolve_date
from .document import doc_text
from .people import Person
from .planning import planned
from .presence import absent, narrator
from .roles import resolve_reference

_PHONE = re.compile(
    r"\b(?:tele)?phon(?:e|ic)\b|\b(?<!courtesy )(?<!farewell )calls?\s+(?:with|from)\b|\bcalled\b.*\bby phone|\b(?:received|made|had) a call\b",
    re.IGNORECASE,
)
_VIDEO = re.compile(
    r"\bvideo ?(conference|link|call)\b|\bvideoconference\b|\bvirtual (meeting|talks)\b", re.IGNORECASE
)
_SEPARATE = re.compile(r"\bseparate(ly)? (meetings|talks|conversations)\b", re.IGNORECASE)


@dataclass
class MeetingDraft:
    sentences: list  # spaCy spans reporting it
    people: list[Person] = field(default_factory=list)
    date: date | None = None
    city: str | None = None
    country: str | None = None
    kind: str = "in_person"
    evidence: str = "sentence"  # "sentence", "encounter" (read from the parse), "transcript"


def is_meeting_sentence(sent) -> bool:
    """Whether a sentence reports an encounter (a verb or noun of meeting)."""
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in ("exchange", "discuss") and _two_named_subjects(token):
            return True  # "Minister A and Minister B exchanged views on ...": they spoke together
        if token.pos_ in ("VERB", "AUX") and lemma in titles.MEETING_VERBS:
            if lemma == "call" and not any(c.lower_ in ("on", "upon") for c in token.children):
                continue
            if lemma == "speak" and not (_REMOTE_WORDS.search(sent.text) or _spoke_with_someone(token)):
                continue  # "spoke at the forum" is no encounter; "spoke with Modi" is
            needs_noun = lemma in ("hold", "present", "join", "sit", "accept", "welcome")
            welcomes_someone = lemma in ("welcome", "greet") and _has_person_object(token)
            if needs_noun and not welcomes_someone and not _has_meeting_noun(sent):
                continue
            return True
        if lemma == "summit" and any(
            c.dep_ == "poss" or c.lower_ in ("bilateral", "two-way") for c in token.children
        ):
            return True  # "during their summit in Tokyo": the two leaders met (not "the G7 Summit")
        if (
            token.pos_ in ("NOUN", "PROPN")
            and lemma in titles.MEETING_NOUNS
            and lemma not in ("ceremony", "summit")
            and not (lemma == "conference" and not _remote(token))
        ):
            return True
    return False


def _two_named_subjects(token) -> bool:
    """Whether a verb's subject is two coordinated names ("A and B exchanged views")."""
    for subject in (c for c in token.children if c.dep_ == "nsubj"):
        if subject.pos_ == "PROPN" and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in subject.children):
            return True
    return False


def _remote(token) -> bool:
    """A conference held by video or phone is a meeting; a press conference is not."""
    previous = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return previous in ("video", "phone", "telephone", "web", "online") or token.lower_ != "conference"


_REMOTE_WORDS = re.compile(r"\b(phone|telephone|video|call)\b", re.IGNORECASE)


def _spoke_with_someone(token) -> bool:
    """ "President Biden spoke today with Prime Minister Modi": a conversation between two people."""
    return any(
        child.dep_ == "prep"
        and child.lower_ in ("with", "to")
        and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children)
        for child in token.children
    )


def _has_person_object(token) -> bool:
    """ "welcomed President Joko Widodo": the object is a person (a name), not "the progress"."""
    return any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") for c in token.children)


# The core verbs of a meeting, without the looser ones of titles.MEETING_VERBS ("call", "attend").
_MEETING_ACTS = ("meet", "receive", "host", "visit", "hold")


def _has_meeting_verb(sent) -> bool:
    return any(t.pos_ == "VERB" and t.lemma_.lower() in _MEETING_ACTS for t in sent)


def _has_meeting_noun(sent) -> bool:
    return any(t.lemma_.lower() in titles.MEETING_NOUNS for t in sent)


def people_in(
    span_start: int, span_end: int, people: list[Person], text: str = "", narrative_only=True
) -> list[Person]:
    """People mentioned in a span as present (in narration; not someone's sender)."""
    out = []
    for person in people:
        if len(person.name.split()) == 1 and person.role is None:
            continue  # a lone word the recogniser took for a name, with no title to vouch for it
        if narrator(person):
            continue  # the spokesperson telling of the meeting
        for mention in person.mentions:
            if not span_start <= mention.start < span_end or (narrative_only and mention.in_speech):
                continue
            if not (text and absent(text, mention.start)):
                out.append(person)
                break
    return sorted(out, key=lambda p: min(m.start for m in p.mentions if span_start <= m.start < span_end))


def find_meetings(
    sentences, people: list[Person], title_sentence, reference: date | None
) -> list[MeetingDraft]:
    """The meetings a document reports, with their participants (attendance sentences included).

    The first meeting sentences of the narration (the title if the body has none) make the main
    meeting, read until it has two people; a later meeting sentence with a date of its own
    starts another meeting; "separate meetings with A, B and C" make one meeting per guest.
    """
    meeting_sents = [s for s in sentences if is_meeting_sentence(s)]
    main: list = []
    found: set[int] = set()
    for sent in meeting_sents[:4]:
        if planned(sent):
            continue  # "he is due to hold meetings with ...": not the meeting told
        persons = people_in(sent.start_char, sent.end_char, people, doc_text(sent.doc))
        if not persons and main:
            continue
        main.append(sent)
        found.update(id(p) for p in persons)
        if len(found) >= 2:
            break
    if len(found) < 2 and title_sentence is not None and is_meeting_sentence(title_sentence):
        main.insert(0, title_sentence)
        found.update(
            id(p)
            for p in people_in(
                title_sentence.start_char, title_sentence.end_char, people, doc_text(title_sentence.doc)
            )
        )
    if not main or not found:
        return []
    draft = MeetingDraft(sentences=list(main))
    for sent in main:
        _give_group_country(sent, people)
        for person in people_in(sent.start_char, sent.end_char, people, doc_text(sent.doc)):
            if person not in draft.people:
                draft.people.append(person)
    listing = False
    everywhere: list[Person] = []
    for sent in sentences:
        bullet = bool(re.match(r"^\s*(?:[-–—•*·]|\d{1,2}[.)])\s", sent.text))
        listing = listing and bullet  # "was attended by:" then "- Name, title;" lines
        if (_is_attendance(sent.text) or listing) and not planned(
            sent
        ):  # not "an upcoming visit by X and an accompanying delegation"
            _give_group_country(sent, people)
            for person in people_in(sent.start_char, sent.end_char, people, doc_text(sent.doc)):
                if person not in draft.people:
                    draft.people.append(person)
                if re.search(
                    r"\b(?:all|both)?\s*(?:the|these)\s+(?:meetings|talks and meetings)\b", sent.text
                ):
                    everywhere.append(person)  # "also attended the meetings": each of them
            listing = listing or sent.text.rstrip().endswith(":")
    draft.date = _meeting_date(main, sentences, reference)
    drafts = [draft]
    for sent in meeting_sents:
        if sent in main or sent.start_char < main[-1].end_char:
            continue
        when = resolve_date(sent.text, reference)
        persons = people_in(sent.start_char, sent.end_char, people, doc_text(sent.doc))
        if (
            when
            and when != draft.date
            and persons
            and has_explicit_day(sent.text)
            and _has_meeting_verb(sent)
            and not planned(sent)
        ):
            extra = MeetingDraft(sentences=[sent], people=persons, date=when)
            drafts.append(extra)
        elif (
            _ANOTHER.search(sent.text)
            and _has_meeting_verb(sent)
            and not planned(sent)
            and any(p in draft.people for p in persons)
            and any(
                p not in draft.people
                and all(p not in d.people for d in drafts)
                and any(m.start >= sent.end_char for m in p.mentions)
                for p in persons
            )
        ):
            # "Later in the day, Minister Vos also met with President Pinto. Pinto stressed ...":
            # another meeting, told of further (a passing "also met X and Y" is not reported)
            drafts.append(MeetingDraft(sentences=[sent], people=persons, date=when or draft.date))
    for extra in drafts[1:]:
        extra.people += [p for p in everywhere if p not in extra.people]
    if _SEPARATE.search(main[0].text) and len(draft.people) > 2:
        host, guests = draft.people[0], draft.people[1:]
        drafts[0:1] = [
            MeetingDraft(sentences=draft.sentences, people=[host, g], date=draft.date) for g in guests
        ]
    return drafts


def transcript_meeting(speakers: list[Person], heading, reference: date | None) -> MeetingDraft:
    """The meeting of a transcript whose people speak in turn; its heading says when and where."""
    people = []
    for person in speakers:
        if person not in people:
            people.append(person)
    sentences = [heading] if heading is not None else []
    when = resolve_date(heading.text, reference) if heading is not None else None
    return MeetingDraft(sentences=sentences, people=people, date=when or reference, evidence="transcript")


_ANOTHER = re.compile(r"\b(?:also|later|separately|afterwards|subsequently|then)\b", re.IGNORECASE)


def _is_attendance(text: str) -> bool:
    low = text.lower()
    if any(word in low for word in titles.ATTENDANCE_WORDS):
        return True
    # "The delegation included ...", "talks that also included ...": only of a meeting or a party
    return bool(re.search(r"\b(includ\w+)\b", low)) and bool(
        re.search(r"\b(delegation|meeting|talks|ministers|officials|party|entourage)\b", low)
    )


_GROUP_AFTER = re.compile(
    r"^\W{0,3}(?:[\w-]+\s+){0,2}?(?:congressmen|congresswomen|lawmakers|senators|officials|ministers|diplomats|"
    r"parliamentarians|deputies|MPs|envoys|delegates|co-chairs|members|representatives)\b",
    re.IGNORECASE,
)


def _group_country(sent, people: list[Person]) -> tuple[str | None, int, int]:
    """The country of a group whose members a sentence lists, and the span of the list:
    "The Georgian delegation included ...", "U.S. congressmen Jim McDermott, ...", "The
    Chancellor was accompanied by ..." (the party of the one accompanied)."""
    none = (None, 0, 0)
    first = min(
        (m.start for p in people for m in p.mentions if sent.start_char <= m.start < sent.end_char),
        default=None,
    )
    if first is None:
        return none
    text = doc_text(sent.doc)
    before = text[sent.start_char : first]
    accompanied = re.search(r"\b(?:was|were)\s+(?:also\s+)?accompanied by\b", before)
    if accompanied:
        head = before[: accompanied.start()]
        for person in people:
            if person.country and any(
                sent.start_char <= m.start < first and m.text in head for m in person.mentions
            ):
                return person.country, first, sent.end_char
        other = resolve_reference(head.strip(), [p for p in people if p.country], [])
        return (other.country, first, sent.end_char) if other else none
    if re.search(r"\bdelegation\b", before, re.IGNORECASE) and not country_mentions(before):
        leader = _delegation_leader(text[: sent.start_char], people)
        if leader is not None:  # "a delegation led by Senator Hale of the United States ... The
            return leader.country, first, sent.end_char  # delegation included ...": his party
    for start, end, code in country_mentions(before):
        if re.search(r"\bto\s+(the\s+)?$", before[:start]):
            continue
        if "delegation" in before.lower():
            return code, first, sent.end_char
        group = _GROUP_AFTER.match(before[end:])
        if group:
            list_start = sent.start_char + end + group.end()
            verb = _LIST_ENDS.search(text, list_start, sent.end_char)
            return code, list_start, verb.start() if verb else sent.end_char
    return none


def _delegation_leader(before: str, people: list[Person]) -> Person | None:
    """The person a delegation was "led by" or "headed by", told before, with a known country."""
    found = None
    for match in re.finditer(r"\bdelegation\s+(?:\w+\s+){0,3}?(?:led|headed)\s+by\s+", before, re.IGNORECASE):
        for person in people:
            if person.country and any(match.end() <= m.start < match.end() + 60 for m in person.mentions):
                found = person
    return found


def _give_group_country(sent, people: list[Person]) -> None:
    code, start, end = _group_country(sent, people)
    if code:
        for person in people_in(start, end, people):
            if person.country is None:
                person.country = code


_LIST_ENDS = re.compile(
    r"\b(?:met|meets|received|receives|held|holds|said|says|told|noted|stressed|discussed|agreed)\b"
)


def has_explicit_day(text: str) -> bool:
    return bool(
        re.search(r"\b(on|since)\s+(\w+\s+\d{1,2}\b|\d{1,2}\s+\w+)", text, re.IGNORECASE)
        or re.search(
            r"\b(on|last|this)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text, re.I
        )
        or re.search(r"\byesterday\b|\blast (?:night|evening|afternoon)\b", text, re.IGNORECASE)
    )


_RANGE = re.compile(r"\b\d{1,2}\s*(?:[-–]|\s(?:to|and|until)\s)\s*\d{1,2}\b|\bfrom\s+\w+\s+\d", re.IGNORECASE)


_TODAY = re.compile(r"\b(?:today|this (?:morning|afternoon|evening))\b", re.IGNORECASE)


def _one_day(text: str) -> bool:
    """A single day of its own ("on 18 September", "today"), not a span ("on May 5-7", "from 4
    to 6 May")."""
    return (has_explicit_day(text) or bool(_TODAY.search(text))) and not _RANGE.search(text)


_DATELINE_PREFIX = re.compile(r"^[A-Z][^\n]{0,70}?(?:\d{4}|\d{1,2}|\([^)]{2,30}\))\s*(?:--|[-–—])\s+")


# "meetings in Mexico, where he arrived on Tuesday": the day of arrival told aside, not the day of
# the meetings ("arrived on Monday and met ..." stays: one day).
_ARRIVAL = re.compile(
    r"\b(?:where|since|after)\b[^.;,]{0,20}?\barriv(?:ed|es|ing|al)\b[^.;]{0,40}?\bon\s+\w+(?:\s+\d{1,2}\b)?",
    re.IGNORECASE,
)


# "Ahead of the summit, to be held on Saturday, ...": the day of an event still to come.
_COMING_EVENT = re.compile(
    r"\b(?:(?:to|will|is to|are to|due to) be held|ahead of|in preparation for|prior to)\b[^.;]*?"
    r"(?:,(?!\s*(?:[A-Za-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]+|\d{4})\b)|$)",  # on through "Saturday, June 24,"
    re.IGNORECASE,
)


def _meeting_date(main, sentences, reference: date | None) -> date | None:
    """The date of the main meeting: a day given with "on" ("held talks ... on 18 September")
    outranks one of a longer visit ("paid a visit from 18 to 19 September") told before it."""
    for sent in sorted(main, key=lambda s: not _one_day(_DATELINE_PREFIX.sub("", s.text))):
        # "Jakarta, 8 July 2021 - ... met on Wednesday": the dateline is the publication's date
        told = _COMING_EVENT.sub(",", _ARRIVAL.sub("", _DATELINE_PREFIX.sub("", sent.text)))
        when = resolve_date(told, reference)
        if when:
            return when
    for sent in sentences[:12]:
        if sent in main:
            continue
        if re.search(r"\b(meeting|talks|met|visit|conversation)\b", sent.text, re.IGNORECASE):
            when = resolve_date(sent.text, reference)
            if when and (reference is None or abs((reference - when).days) < 60):
                return when
    return reference


def meeting_kind(main_sentences) -> str:
    text = " ".join(s.text for s in main_sentences)
    if _VIDEO.search(text):
        return "video"
    if _PHONE.search(text):
        return "phone"
    return "in_person"
