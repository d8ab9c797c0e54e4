"""Statements: speech blocks and quotations (direct), sentences of reported speech, and who said them.

The speaker of a statement is resolved through the people of the document: a name in any of its
forms ("S.Lavrov"), a title phrase ("The Russian Minister", "the head of state"), or a pronoun
("He stressed ...") standing for the person last spoken of as a subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import SpeechBlock
from .lexicon import quote_verbs
from .people import Mention, Person, clean_name, compatible, person_at
from .roles import resolve_reference, title_head

_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“"}
_QUOTE_VERBS = quote_verbs()
_AFTER_QUOTE = re.compile(
    rf"^[,.]?[ \t]*[-–—]?[ \t]*(?P<attr>[^.“”\"\n]{{0,120}}?)\b{_QUOTE_VERBS}\b(?P<tail>[^.“”\"\n]{{0,80}})"
)
_BEFORE_QUOTE = re.compile(  # the verb nearest the quotation ("During the remarks, X said, “...")
    rf"(?P<attr>[^.“”\"\n]{{0,160}})\b{_QUOTE_VERBS}\b[^.“”\"\n]{{0,40}}?[,:;]\s*(?:adding,?\s*)?$"
)
_RESUMED_QUOTE = re.compile(
    rf"[,]?[ \t]*[^“”\"\n.]{{0,120}}?\b{_QUOTE_VERBS}\b[^“”\"\n.]{{0,60}}?,[ \t]*(?P<open>[“\"])"
)
_ACCORDING_TO = re.compile(r"^\W*according to (?P<who>[^,]{2,80}),", re.IGNORECASE)
_PRONOUNS = {"he", "she"}
_NOT_SPEAKERS = {"question", "q", "moderator", "participant", "audience", "reporter", "journalist", "voice"}


@dataclass
class Found:
    """A statement before it is tied to a meeting."""

    person: Person
    kind: str
    start: int
    end: int
    attribution: str


_HONORIFIC_BEFORE = {  # right before a name, or before the titles that follow it
    "he": re.compile(
        r"(?:\b(?:Mr|Mister|Sir|King|Prince|Sheikh|Emir|Lord)\.?\s+"
        r"|\bHis\s+(?:Excellency|Majesty|Highness|Holiness|Royal\s+Highness)\b[^.,;:]{0,40})$"
    ),
    "she": re.compile(
        r"(?:\b(?:Mrs|Ms|Miss|Madam|Madame|Mme|Dame|Lady|Queen|Princess|Sheikha)\.?\s+"
        r"|\bHer\s+(?:Excellency|Majesty|Highness|Royal\s+Highness)\b[^.,;:]{0,40})$"
    ),
}


class SpeakerContext:
    """Who can be meant by a title phrase or a pronoun at this point of the document. A pronoun
    skips people known to be of the other gender (by "Mr", "Ms", "His Excellency" before their
    name, or "his"/"her" before what they did: "X presented her credentials")."""

    def __init__(self, people: list[Person], candidates: list[Person]):
        self.people = people
        self.candidates = candidates or people
        self.recent: list[Person] = []
        self.text = ""  # set by whoever reads the document, for the honorifics before names
        self.genders: dict[int, str | None] = {}

    def note(self, person: Person | None) -> None:
        if person is not None:
            self.recent.append(person)

    def last(self, pronoun: str | None = None) -> Person | None:
        """The person last spoken of; for "he" or "she", the last one not known to be the other,
        and for "she" first a woman among the last three people spoken of (women are the fewer
        among officials, so a name with no sign of gender is more likely a man's)."""
        pronoun = (pronoun or "").lower()
        if pronoun not in ("he", "she"):
            return self.recent[-1] if self.recent else None
        latest = []
        for person in reversed(self.recent):
            if person not in latest:
                latest.append(person)
        genders = [self.gender(person) for person in latest[:3]]
        if pronoun == "she" and "she" in genders:
            return latest[genders.index("she")]
        return next((p for p in latest if self.gender(p) in (None, pronoun)), None)

    def gender(self, person: Person) -> str | None:
        """ "he", "she" or None (unknown) for a person of the document."""
        if id(person) not in self.genders:
            said = {
                pronoun
                for pronoun, before in _HONORIFIC_BEFORE.items()
                for mention in person.mentions
                if before.search(self.text[max(0, mention.start - 60) : mention.start])
            }
            self.genders[id(person)] = said.pop() if len(said) == 1 else None
        return self.genders[id(person)]

    def learn_gender(self, sent) -> None:
        """ "X presented her credentials", "X expressed his gratitude": the possessive before the
        object of what a named person did tells that person's gender."""
        for token in sent:
            if token.lower_ not in ("his", "her") or token.dep_ != "poss" or token.head.dep_ != "dobj":
                continue
            verb = token.head.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.pos_ == "PRON":
                continue
            person = person_at(self.people, subject.idx, subject.idx + len(subject.text))
            if person is not None and self.gender(person) is None:
                self.genders[id(person)] = "he" if token.lower_ == "his" else "she"

    def resolve_phrase(self, phrase: str, start: int, end: int) -> Person | None:
        """A name mention inside the span, else a title phrase, else a pronoun."""
        person = person_at(self.people, start, end)
        if person is not None:
            return person
        words = phrase.strip().split()
        if len(words) == 1 and words[0].lower() in _PRONOUNS:
            return self.last(words[0])
        name = clean_name(phrase)
        if name:
            matches = [p for p in self.people if compatible(name, p.name)]
            if len(matches) == 1:
                return matches[0]
        return resolve_reference(phrase, self.candidates, self.recent)


def block_statements(text: str, blocks: list[SpeechBlock], context: SpeakerContext):
    """Direct statements from speech blocks whose lead-in names a person; also returns the
    blocks that did not (a spokesperson's) so their text can be read as narration, and the
    questions of a transcript, which are neither."""
    found, unresolved, questions = [], [], []
    context.text = text
    for block in blocks:
        lead = block.lead
        if block.is_turn and lead.lower().strip(". ") in _NOT_SPEAKERS:
            questions.append(block)  # a reporter's question: neither a statement nor narration
            continue
        lead, lead_start = _last_sentence(lead, block.lead_start)
        person = context.resolve_phrase(lead, lead_start, block.lead_end)
        if (
            re.match(r"^(he|she)\b", lead, re.IGNORECASE)
            and person_at(context.people, lead_start, block.lead_end) is None
        ):
            # "He said:" after narration: the subject of the sentence before
            person = _previous_subject(text, lead_start, context)
        if person is None and block.is_turn:
            name = clean_name(lead)
            matches = [p for p in context.people if name and compatible(name, p.name)]
            person = matches[0] if len(matches) == 1 else _speaker_named_by_label(text, block, name, context)
        if person is None:
            unresolved.append(block)
            continue
        if block.is_turn and person.role is None:
            words = [w for w in lead.split() if title_head(w)]
            if words:
                person.role = " ".join(w.capitalize() for w in words)
        context.note(person)
        found.append(Found(person, "direct", block.start, block.end, _attribution(lead, person)))
    return found, unresolved, questions


def _speaker_named_by_label(text: str, block: SpeechBlock, name: str | None, context: SpeakerContext):
    """A transcript's speaker named in full only by the turn's label ("JULIE MORAN It is ..."):
    a person of the document, met nowhere else (the parser rarely knows names in capitals). Not
    a label of words the text also writes in small letters ("JOINT STATEMENT")."""
    if not name or len(name.split()) < 2 or block.lead != block.lead.upper():
        return None
    if any(re.search(rf"\b{re.escape(word.lower())}\b", text) for word in name.split()):
        return None
    person = Person(name, [Mention(block.lead_start, block.lead_end, block.lead, name)])
    context.people.append(person)
    return person


def _last_sentence(lead: str, start: int) -> tuple[str, int]:
    """The last sentence of a lead-in paragraph ("... praised the partnership. He said")."""
    cut = [m.end() for m in re.finditer(r"(?<=[a-z]{2})[.!?]\s+(?=[A-Z])", lead)]
    if not cut:
        return lead, start
    return lead[cut[-1] :], start + cut[-1]


def _previous_subject(text: str, position: int, context: SpeakerContext) -> Person | None:
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position].rstrip()
    if not before:
        return None
    sentence_start = line_start + max((m.end() for m in re.finditer(r"[.!?]\s+", before[:-1])), default=0)
    person = person_at(context.people, sentence_start, position)
    if person is not None:
        return person
    opening = re.sub(r"^[^,]*,\s*", "", text[sentence_start:position])  # "Addressing reporters, ..."
    words = re.match(r"((?:the\s+)?(?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+)\s+[a-z]+ed\b", opening)
    return resolve_reference(words.group(1), context.candidates, context.recent) if words else None


def _attribution(phrase: str, person: Person) -> str:
    for mention in person.mentions:
        if mention.text in phrase:
            return mention.text
    phrase = re.sub(r"\s*\b(said|says|stated|noted|added)\b.*$", "", phrase).strip(" ,:")
    return phrase[-120:] or person.name


def quotations(
    text: str, regions: list[tuple[int, int]], context: SpeakerContext, sentences=()
) -> list[Found]:
    """Direct statements from quotations attributed to a person ("“...” – Umud Mirzayev said",
    "X said: “...”", "... Retno said, adding, “...”"). Quotations of non-persons are left alone.
    The sentences before each quotation are read first, so that "..., he said" finds its "he"."""
    from .reported import _reported_speaker, _sentence_subject  # reported.py builds on this module

    found = []
    pending = list(sentences)
    said_last: list = [(None, "")]  # speaker and attribution of the last sentence read, if reported speech
    lone: list[tuple] = []  # an unattributed quotation that is a paragraph of its own

    context.text = text

    def read_up_to(position: int) -> None:
        while pending and pending[0].end_char <= position:
            sent = pending.pop(0)
            context.learn_gender(sent)
            person, phrase = _reported_speaker(sent, context)
            said_last[0] = (person, phrase)
            context.note(person or _sentence_subject(sent, context))

    def settle_lone() -> None:
        """A lone quoted paragraph not continued by an attributed one is the words of the person
        whose reported speech comes right before it ("He recalled that ..." | "“We want ...”")."""
        if lone:
            start, end, (speaker, phrase) = lone.pop()
            if speaker is not None:
                context.note(speaker)
                found.append(Found(speaker, "direct", start, end, phrase))

    skip_until = -1
    for index, (region_start, region_end) in enumerate(regions):
        if lone and (
            text[region_start : region_start + 1] not in _QUOTE_PAIRS or lone[0][1] < regions[index - 1][0]
        ):
            settle_lone()
        position = max(region_start, skip_until)
        while position < region_end:
            opening = _next_opening(text, position, region_end)
            if opening is None:
                break
            closing_char = _QUOTE_PAIRS[text[opening]]
            closing = text.find(closing_char, opening + 1, min(region_end, opening + 6000))
            if closing == -1:
                closing = _closing_in_later_paragraphs(text, regions[index + 1 :], closing_char)
                if closing != -1:
                    skip_until = closing + 1
            if closing == -1:
                closing = _unmatched_closing(text, opening, region_end)
                if closing == -1:
                    break
            position = closing + 1
            start, end = _strip_span(text, opening + 1, closing)
            content = text[start:end]
            if len(content.split()) < 3 or not content[:1].isupper():
                continue  # a phrase quoted inside a sentence of narration
            read_up_to(opening)
            person, attribution = _quote_speaker(text, opening, closing, context)
            if (
                person is None
                and found
                and found[-1].start >= region_start
                and not _attributed_to_other(text, closing)
            ):
                # a second quotation in the same paragraph continues the last speaker's words
                person, attribution = found[-1].person, found[-1].attribution
            if person is None:
                settle_lone()
                if opening == region_start and not text[closing + 1 : region_end].strip(" .,"):
                    lone.append((start, end, said_last[0]))
                continue
            if lone and opening == region_start:  # “...” | “...,” X said: one quotation, two paragraphs
                start = lone.pop()[0]
            settle_lone()
            resumed = _RESUMED_QUOTE.match(text, closing + 1, min(region_end, closing + 250))
            if resumed:  # “We are ready,” he said, “to continue the talks.”: one quotation
                second_close = text.find(_QUOTE_PAIRS[resumed.group("open")], resumed.end(), region_end)
                if second_close > 0 and text[resumed.end() : resumed.end() + 1].islower():
                    end = _strip_span(text, resumed.end(), second_close)[1]
                    position = second_close + 1
            context.note(person)
            found.append(Found(person, "direct", start, end, attribution))
    settle_lone()
    return found


def _closing_in_later_paragraphs(text: str, later, closing_char: str) -> int:
    """A quotation running over paragraphs, each opening with a quotation mark and only the last
    one closed: where it closes, or -1."""
    for start, end in later[:8]:
        if text[start : start + 1] not in _QUOTE_PAIRS:
            return -1
        closing = text.find(closing_char, start + 1, end)
        if closing != -1:
            return closing
    return -1


def _unmatched_closing(text: str, opening: int, paragraph_end: int) -> int:
    """Where a quotation closes when its closing mark is not the pair of its opening one: another
    closing mark in the paragraph (“... world."), else the paragraph's end when a lead-in attributes
    the quotation before it (X said, “... with no closing mark); -1 when neither."""
    for index in range(opening + 1, paragraph_end):
        if text[index] in '”"»':
            return index
    line_start = max(text.rfind("\n", 0, opening) + 1, opening - 300)
    return paragraph_end if _BEFORE_QUOTE.search(text[line_start:opening]) else -1


def _attributed_to_other(text: str, closing: int) -> bool:
    after = text[closing + 1 : closing + 200]
    return bool(re.match(rf"^[,.]?[ \t]*[-–—]?[ \t]*[^.“”\"\n]{{0,120}}?\b{_QUOTE_VERBS}\b", after))


def _next_opening(text: str, position: int, limit: int) -> int | None:
    for index in range(position, limit):
        char = text[index]
        if char in _QUOTE_PAIRS:
            if char == '"' and index > 0 and text[index - 1].isalnum():
                continue
            return index
    return None


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n\t-–—":
        start += 1
    while end > start and text[end - 1] in " \n\t,":
        end -= 1
    return start, end


def _quote_speaker(text: str, opening: int, closing: int, context: SpeakerContext):
    after = text[closing + 1 : closing + 200]
    match = _AFTER_QUOTE.match(after)
    if match:
        attr_start = closing + 1 + match.start("attr")
        attr_end = closing + 1 + match.end("attr")
        phrase = match.group("attr").strip(" ,–-")
        if not phrase:  # "said Abdullah Gul": the speaker follows the verb
            attr_start = closing + 1 + match.start("tail")
            attr_end = closing + 1 + match.end("tail")
            phrase = match.group("tail").strip(" ,")
            phrase = re.split(r"\b(at|in|on|after|during|before|while|when)\b", phrase)[0].strip()
        if phrase:
            person = context.resolve_phrase(phrase, attr_start, attr_end)
            if person is not None:
                return person, phrase
    line_start = max(text.rfind("\n", 0, opening) + 1, opening - 300)
    before = text[line_start:opening]
    match = _BEFORE_QUOTE.search(before)
    if match:
        phrase = match.group("attr").strip(" ,")
        # the speaker of "..., Retno said, adding, “...”" is the last clause's subject
        clause = re.split(r"[,;]\s+", phrase)[-1] if phrase else ""
        for candidate in (clause, phrase):
            if candidate:
                start = line_start + match.start("attr") + phrase.rfind(candidate)
                person = context.resolve_phrase(candidate, start, start + len(candidate))
                if person is not None:
                    return person, candidate
    return None, ""
