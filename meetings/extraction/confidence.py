"""How sure the extractor is of each meeting, participant and statement: a number in 0..1.

The number sums the evidence a record rests on (a parsed sentence of meeting naming both sides,
a title and a country for a person, a quotation and a speaker named at it for a statement) and
subtracts for what makes a record doubtful (a lone word as a name, a speaker resolved from a
pronoun, a meeting inferred from a transcript). It is a ranking, not a probability: see the
package docstring for the thresholds ingest uses.
"""

from __future__ import annotations

import re

# Thresholds, documented in the package docstring.
UNCERTAIN_BELOW = 0.5
CONFIDENT_FROM = 0.8


def _clamp(value: float) -> float:
    return round(min(1.0, max(0.0, value)), 2)


def meeting_confidence(draft, evidence: str) -> float:
    """A meeting: told by a sentence of meeting with people on both sides, dated and placed."""
    value = {"encounter": 0.65, "sentence": 0.6, "transcript": 0.4}.get(evidence, 0.5)
    if len(draft.people) >= 2:
        value += 0.1
    else:
        value -= 0.25
    if draft.date is not None:
        value += 0.1
    if draft.kind != "in_person" or draft.city or draft.country:
        value += 0.1
    return _clamp(value)


def participant_confidence(person, in_meeting_sentence: bool) -> float:
    """A participant: named in the sentence of meeting, with a full name, a title, a country."""
    value = 0.45 + (0.2 if in_meeting_sentence else 0.0)
    words = person.name.split()
    value += 0.1 if len(words) >= 2 else -0.25
    if person.role:
        value += 0.1
    if person.country or person.organization:
        value += 0.1
    return _clamp(value)


_PRONOUN = re.compile(r"^(?:he|she|they|his|her|the\b)", re.IGNORECASE)


def statement_confidence(kind: str, text: str, attribution: str, speaker: str) -> float:
    """A statement: a quotation (more than reported speech), a speaker named where it is said,
    a text long enough to be a sentence."""
    value = 0.75 if kind == "direct" else 0.6
    surname = speaker.split()[-1].lower() if speaker.split() else ""
    if surname and surname in (attribution or "").lower():
        value += 0.15
    elif _PRONOUN.match(attribution or ""):
        value -= 0.1
    if len(text) < 30:
        value -= 0.2
    return _clamp(value)
