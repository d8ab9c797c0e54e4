"""Every meeting, participant and statement carries a confidence in 0..1."""

from meetings.extraction.confidence import participant_confidence, statement_confidence
from meetings.extraction.people import Person


def test_every_record_has_a_confidence_between_zero_and_one(extractor):
    text = (
        "2022-09-20\n\nPresident Ida Holm received Prime Minister Carlos Mendes of Brazil on Tuesday.\n\n"
        'President Holm said the talks were useful for both countries. "We agreed on a lot," Mendes said.\n'
    )
    meeting = extractor.extract(text, "c.txt")["meetings"][0]
    records = [meeting, *meeting["participants"], *meeting["statements"]]
    assert len(meeting["statements"]) == 2
    assert all(0.0 <= r["confidence"] <= 1.0 for r in records)


def test_a_one_word_name_is_less_certain_than_a_full_name_with_a_title():
    full = Person("Carlos Mendes", role="Prime Minister", country="BR")
    lone = Person("Mendes")
    assert participant_confidence(lone, True) < 0.5 <= participant_confidence(full, True)


def test_a_speaker_named_where_he_speaks_is_more_certain_than_a_pronoun():
    named = statement_confidence(
        "reported", "Mendes said the talks were useful for both.", "Mendes", "Carlos Mendes"
    )
    pronoun = statement_confidence(
        "reported", "He said the talks were useful for both.", "He", "Carlos Mendes"
    )
    assert named > pronoun
