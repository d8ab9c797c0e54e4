"""Direct statements: quotations however marked, transcripts, remarks published under their
speaker's name and embedded posts (statements.py, document.py, speech_forms.py)."""

import pytest
from extraction_helpers import only_meeting

OPENING = (
    "2023-05-10\n\nForeign Minister Ana Duarte held talks with Foreign Minister Peter Otieno of Kenya "
    "in Nairobi on Tuesday.\n\n"
)


def test_the_verb_nearest_a_quotation_attributes_it(extractor):
    text = OPENING + "During the opening remarks, Duarte said, “We came to listen and to build together.”\n"
    meeting = only_meeting(extractor.extract(text, "remarks.txt"))
    assert [(s["speaker"], s["kind"]) for s in meeting["statements"]] == [("Ana Duarte", "direct")]


@pytest.mark.parametrize(
    "paragraph",
    [
        'Duarte said, “We will open a consulate in Mombasa next year."',  # closed by another mark
        "After the talks, Duarte wrote, “We will open a consulate in Mombasa next year.",  # never closed
    ],
)
def test_a_quotation_with_a_mismatched_or_missing_closing_mark_ends_its_paragraph(extractor, paragraph):
    text = OPENING + paragraph + "\n\nThe ministers then visited the port.\n"
    meeting = only_meeting(extractor.extract(text, "unclosed.txt"))
    statements = [(s["speaker"], s["kind"], s["text"]) for s in meeting["statements"]]
    assert statements == [("Ana Duarte", "direct", "We will open a consulate in Mombasa next year.")]


def direct(extractor, paragraphs):
    meeting = only_meeting(extractor.extract(OPENING + "\n\n".join(paragraphs) + "\n", "quotes.txt"))
    return [(s["speaker"], s["text"]) for s in meeting["statements"] if s["kind"] == "direct"]


def test_a_lone_quoted_paragraph_after_reported_speech_is_that_speakers(extractor):
    paragraphs = [
        "Otieno recalled that the two countries had long traded with each other.",
        '"We want to trade even more. We want to learn from you".',
    ]
    assert direct(extractor, paragraphs) == [
        ("Peter Otieno", "We want to trade even more. We want to learn from you")
    ]


def test_a_lone_quoted_paragraph_after_narration_is_nobodys(extractor):
    paragraphs = ["The ministers then visited the port.", "“Trade is growing. Ports are busy.”"]
    assert direct(extractor, paragraphs) == []


def test_a_quoted_paragraph_continued_by_an_attributed_one_is_one_quotation(extractor):
    paragraphs = [
        "The ministers then visited the port.",
        "“The talks went very well. Kenya is a close partner.”",
        "“We will open a consulate in Mombasa next year,” Duarte said.",
    ]
    [(speaker, text)] = direct(extractor, paragraphs)
    assert speaker == "Ana Duarte"
    assert text.startswith("The talks went very well.") and text.endswith("in Mombasa next year")


TRANSCRIPT = (
    "Joint press conference with Foreign Minister Ito\n\n15 February 2016\n\n"
    "MINISTER ITO It is a great pleasure to welcome my colleague to Japan again.\n\n"
    "And I hope we will work together on trade.\n\n"
    "JANE MORAN Foreign Minister Ito, thank you very much for welcoming me back to Tokyo.\n"
)


def test_speakers_in_capitals_without_a_colon_take_turns_in_a_transcript(extractor):
    meeting = only_meeting(extractor.extract(TRANSCRIPT, "caps.txt"))
    statements = [(s["speaker"], s["kind"], s["text"][:14]) for s in meeting["statements"]]
    assert statements == [("Ito", "direct", "It is a great "), ("Jane Moran", "direct", "Foreign Minist")]
    assert {p["name"] for p in meeting["participants"]} == {"Ito", "Jane Moran"}


def test_one_line_opening_with_capitals_is_no_turn():
    from meetings.extraction.document import paragraphs, speech_blocks

    text = "NEW DELHI The Prime Minister met the visiting minister.\n\nThe talks went well.\n"
    assert speech_blocks(text, paragraphs(text)) == []


def test_remarks_headed_with_their_speaker_begin_at_the_salutation(extractor):
    text = (
        "Foreign Minister Ivan Petrov’s opening remarks at talks with Foreign Minister Ali Demir, Ankara, "
        "May 3, 2019\n\nYour Excellency, Dear colleagues,\n\nWe are glad to welcome you to this meeting. "
        "Our countries are good neighbours.\n\nWe will discuss trade and energy today.\n\nRelated materials\n"
    )
    meeting = only_meeting(extractor.extract(text, "remarks.txt"))
    [statement] = meeting["statements"]
    assert (statement["speaker"], statement["kind"]) == ("Ivan Petrov", "direct")
    assert statement["text"].startswith("Your Excellency, Dear colleagues,")
    assert statement["text"].endswith("trade and energy today.")


def test_a_salutation_without_a_heading_naming_the_speaker_is_no_speech():
    from meetings.extraction.document import paragraphs, speech_blocks

    text = "Talks in Ankara\n\nDear colleagues,\n\nWe are glad to welcome you to this meeting.\n"
    assert speech_blocks(text, paragraphs(text)) == []


def test_an_embedded_post_is_its_authors_direct_statement_without_its_links(extractor):
    text = OPENING + (
        "Great talks today with my Kenyan friend on ports and trade. pic.twitter.com/abc123XYZ\n"
        "— Ana Duarte (@AnaDuarteMNE) May 9, 2023\n"
    )
    meeting = only_meeting(extractor.extract(text, "post.txt"))
    statements = [(s["speaker"], s["kind"], s["text"]) for s in meeting["statements"]]
    assert statements == [
        ("Ana Duarte", "direct", "Great talks today with my Kenyan friend on ports and trade.")
    ]


def test_a_label_in_capitals_of_common_words_names_nobody(extractor):
    text = (
        "2016-02-15\n\nForeign Minister Ito met Foreign Minister Jane Moran in Tokyo.\n\n"
        "JOINT STATEMENT The two ministers reaffirmed their partnership in a joint statement.\n\n"
        "ANNEX LIST The annex lists the agreements signed.\n"
    )
    meeting = only_meeting(extractor.extract(text, "labels.txt"))
    assert {p["name"] for p in meeting["participants"]} == {"Ito", "Jane Moran"}
    assert meeting["statements"] == []


def test_a_lone_quoted_paragraph_keeps_the_attribution_of_the_sentence_before(extractor):
    paragraphs = [
        "Otieno noted the long friendship. He recalled that the two countries had long traded with each other.",
        "“We want to trade even more. We want to learn from you.”",
    ]
    meeting = only_meeting(extractor.extract(OPENING + "\n\n".join(paragraphs) + "\n", "lone.txt"))
    [quotation] = [s for s in meeting["statements"] if s["kind"] == "direct"]
    assert quotation["speaker"] == "Peter Otieno"
    assert quotation["confidence"] < 0.8  # the speaker comes from "He", not from a name beside it
