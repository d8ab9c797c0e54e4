"""Provenance: the sentences of a source a meeting's fields came from, stored as `SourceMark`s.

Statements carry their own offsets; this module finds the rest, so the source page can mark every
sentence a record came from: the sentence that gives the meeting's date, the one that names its
place, and the one where each participant is first named with their role (the extractor gives
that participant's `start`/`end`). A field whose sentence cannot be found is simply not marked.
Marks are rewritten whole for a (document, meeting) pair, so ingesting again never duplicates them.
"""

import datetime
import re
from functools import lru_cache

from django_countries import countries

from meetings.models import Participant, SourceMark

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def sentence_around(text, start, end):
    """(start, end) of the sentence (or line) holding text[start:end], without surrounding space."""
    start, end = max(0, start), min(len(text), end)
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    first = before[-1] if before else 0
    after = _SENTENCE_END.search(text, end)
    last = after.end() if after else len(text)
    while first < last and text[first].isspace():
        first += 1
    while last > first and text[last - 1].isspace():
        last -= 1
    return (first, last) if last > first else (start, end)


@lru_cache(maxsize=512)
def date_patterns(day: datetime.date):
    """Ways a source writes `day`, most precise first: "5 February 2019", "February 5, 2019",
    "05.02.2019", then without the year ("On December 3")."""
    month = MONTHS[day.month - 1]
    month_form = rf"(?:{month}|{month[:3]}\.?)"
    d = rf"0?{day.day}(?:st|nd|rd|th)?"
    with_year = [
        rf"\b{d}\s+{month_form},?\s+{day.year}\b",
        rf"\b{month_form}\s+{d},?\s+{day.year}\b",
        rf"\b0?{day.day}[./-]0?{day.month}[./-]{day.year}\b",
        rf"\b{day.year}-{day.month:02d}-{day.day:02d}\b",
    ]
    without_year = [rf"\b{d}\s+{month_form}\b", rf"\b{month_form}\s+{d}\b"]
    return [re.compile(p, re.IGNORECASE) for p in with_year + without_year]


def date_sentence(text, day):
    """The sentence of `text` that gives the date `day`, or None."""
    if day is None:
        return None
    for pattern in date_patterns(day):
        found = pattern.search(text)
        if found:
            return sentence_around(text, found.start(), found.end())
    return None


def place_sentence(text, city, country_code):
    """The first sentence naming the meeting's city (else its country), or None."""
    names = [city] if city else []
    if country_code:
        names.append(countries.name(country_code))
    for name in names:
        if not name:
            continue
        found = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)
        if found:
            return sentence_around(text, found.start(), found.end())
    return None


def participant_sentence(text, item):
    """The sentence where an extracted participant is first named, or None."""
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return sentence_around(text, start, end)
    name = (item.get("name") or "").strip()
    position = text.find(name) if name else -1
    return sentence_around(text, position, position + len(name)) if position >= 0 else None


def record_marks(document, meeting, data, participants, replace=True):
    """Store the marks of `meeting` in `document` (replacing any from an earlier run unless
    `replace` is off: a document stored for the first time has none).

    data: the extracted meeting; participants: [(person pk, extracted participant)] as filed."""
    text = document.text
    if replace:
        SourceMark.objects.filter(source=document, meeting=meeting).delete()
    marks = []
    for field, span in (
        (SourceMark.Field.DATE, date_sentence(text, meeting.date)),
        (SourceMark.Field.PLACE, place_sentence(text, meeting.city, meeting.country.code or "")),
    ):
        if span:
            marks.append(
                SourceMark(source=document, meeting=meeting, field=field, start=span[0], end=span[1])
            )
    by_person = dict(Participant.objects.filter(meeting=meeting).values_list("person_id", "pk"))
    for person_pk, item in participants:
        span = participant_sentence(text, item)
        if span and person_pk in by_person:
            marks.append(
                SourceMark(
                    source=document,
                    meeting=meeting,
                    participant_id=by_person[person_pk],
                    field=SourceMark.Field.PARTICIPANT,
                    start=span[0],
                    end=span[1],
                    written=(item.get("name") or "").strip()[:200],
                )
            )
    SourceMark.objects.bulk_create(marks)
