"""Reported speech from a lexicon of verbs and frames (data/speech.json), read from the parse."""

import pytest
from extraction_helpers import only_meeting

OPENING = (
    "2023-05-10\n\nForeign Minister Ana Duarte held talks with Foreign Minister Peter Otieno of Kenya "
    "in Nairobi on Tuesday.\n\n"
)


def reported(extractor, sentence):
    meeting = only_meeting(extractor.extract(OPENING + sentence + "\n", "speech.txt"))
    return [(s["speaker"], s["text"]) for s in meeting["statements"] if s["kind"] == "reported"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Duarte made clear that Portugal would keep its troops in the region.",
        "Duarte raised concerns about the delays at the port of Mombasa.",
        "Duarte asserted that the trade agreement must be signed this year.",
        "Duarte referred to the progress made in the energy talks.",
        "Duarte shared her views on developments in the Horn of Africa.",
        "Duarte made an open invitation to Kenyan investors.",
    ],
)
def test_verbs_and_frames_of_the_lexicon_make_reported_speech(extractor, sentence):
    assert reported(extractor, sentence) == [("Ana Duarte", sentence)]


def test_in_his_words_continues_the_last_speaker(extractor):
    text = "Otieno thanked Portugal for its support. In his words, the visit opened a new chapter."
    assert [s for s, _ in reported(extractor, text)] == ["Peter Otieno", "Peter Otieno"]


def test_he_went_on_is_a_frame_of_saying(extractor):
    text = "Otieno noted the growth of trade. The port, he went on, needs new investment."
    assert [s for s, _ in reported(extractor, text)] == ["Peter Otieno", "Peter Otieno"]


def test_a_sentence_that_only_introduces_a_quotation_is_not_also_reported(extractor):
    meeting = only_meeting(
        extractor.extract(
            OPENING + 'Duarte said: "We will open a consulate in Mombasa next year."\n', "q.txt"
        )
    )
    kinds = [(s["speaker"], s["kind"]) for s in meeting["statements"]]
    assert kinds == [("Ana Duarte", "direct")]


def test_welcoming_people_is_no_speech(extractor):
    assert reported(extractor, "Later, Duarte welcomed the new ambassadors at the ministry.") == []


def test_the_lexicon_keeps_its_lists_in_the_data_file():
    from meetings.extraction.reported import lexicon

    words = lexicon()
    assert "assert" in words["verbs"]
    assert "clear" in words["with_object"]["make"]
    assert "to" in words["with_particle"]["refer"]


def test_calling_on_someone_is_a_visit_and_calling_on_them_to_act_is_speech(extractor):
    visit = "Later, Duarte called on President Joseph Mwangi at State House."
    meetings = extractor.extract(OPENING + visit + "\n", "visit.txt")["meetings"]
    assert len(meetings) == 2  # a visit of its own
    assert [s for m in meetings for s in m["statements"]] == []
    urging = "Duarte called on the parties to return to the negotiating table."
    assert reported(extractor, urging) == [("Ana Duarte", urging)]


def test_a_quotation_after_a_semicolon_is_direct_and_its_lead_in_is_not_reported(extractor):
    text = OPENING + "In a post on X, Duarte said; “We had a useful exchange on trade and security.”\n"
    meeting = only_meeting(extractor.extract(text, "semi.txt"))
    assert [(s["speaker"], s["kind"]) for s in meeting["statements"]] == [("Ana Duarte", "direct")]


def test_the_head_of_a_countrys_diplomacy_is_its_foreign_minister():
    from meetings.extraction.people import Person
    from meetings.extraction.roles import resolve_reference

    ana = Person("Ana Duarte", role="Foreign Minister", country="PT")
    peter = Person("Peter Otieno", role="Foreign Minister", country="KE")
    mayor = Person("Rita Gomes", role="Mayor", country="PT")
    people = [ana, peter, mayor]
    assert resolve_reference("The head of Kenyan diplomacy", people, []) is peter
    assert resolve_reference("Portugal's top diplomat", people, []) is ana
    assert resolve_reference("the head of the Ministry of Foreign Affairs of Kenya", people, []) is peter


def test_a_transcript_turn_may_carry_a_note_in_brackets(extractor):
    text = (
        "13 November 2017\n\nMeeting with the President of Turkey\n\n"
        "President Ivan Petrov: Mr President, welcome. We will hold a working meeting today.\n\n"
        "President Ali Demir (retranslated): Mr President, I am happy to meet with you again.\n"
    )
    meeting = only_meeting(extractor.extract(text, "turns.txt"))
    speakers = [(s["speaker"], s["kind"]) for s in meeting["statements"]]
    assert ("Ali Demir", "direct") in speakers
    assert all("retranslated" not in s["text"] for s in meeting["statements"])


def test_any_verb_of_the_lexicon_attributes_a_quotation(extractor):
    text = OPENING + "Otieno mentioned, “The port of Mombasa will be modernised with Portuguese help.”\n"
    meeting = only_meeting(extractor.extract(text, "mentioned.txt"))
    assert [(s["speaker"], s["kind"]) for s in meeting["statements"]] == [("Peter Otieno", "direct")]


def test_the_written_forms_of_the_lexicon_verbs():
    import re

    from meetings.extraction.lexicon import quote_verbs

    pattern = re.compile(rf"\b{quote_verbs()}\b")
    for form in ("said", "mentioned", "went on", "pointed out", "emphasised", "according to", "replied"):
        assert pattern.fullmatch(form), form
    assert not pattern.fullmatch("made")  # "made clear" needs its object


def test_a_participle_after_a_counterparts_apposition_is_said_by_the_clauses_subject(extractor):
    text = (
        "2020-01-08\n\nForeign Minister Ana Soto held talks with Tomas Berg, Chilean Foreign Minister, "
        "stressing the good state of their ties.\n"
    )
    statements = [s for m in extractor.extract(text, "participle.txt")["meetings"] for s in m["statements"]]
    assert [(s["kind"], s["speaker"]) for s in statements] == [("reported", "Ana Soto")]


def test_an_office_before_a_military_rank_lets_the_office_stand_for_its_holder(extractor):
    text = (
        "2022-05-12\n\nMinister of Defense of Chile, Colonel General Tomas Berg met Ambassador Ana Soto of Peru.\n\n"
        "Welcoming the guest, the defense minister stressed that the two armies cooperate well.\n"
    )
    meeting = only_meeting(extractor.extract(text, "rank.txt"))
    assert [(s["kind"], s["speaker"]) for s in meeting["statements"]] == [("reported", "Tomas Berg")]
    assert (
        next(p for p in meeting["participants"] if p["name"] == "Tomas Berg")["role"] == "Minister of Defense"
    )


def test_a_speaker_saying_i_met_two_people_is_not_narrating_others_meeting(extractor):
    text = (
        "2018-07-24\n\nForeign Secretary Tom Hale held meetings in Washington with Vice President Ann Lee "
        "and Secretary of State Bob Marsh.\n\nForeign Secretary Tom Hale said:\n\n"
        "I was delighted to meet Vice President Ann Lee and Secretary Bob Marsh to discuss our work.\n"
    )
    statements = [s for m in extractor.extract(text, "i-met.txt")["meetings"] for s in m["statements"]]
    assert [(s["kind"], s["speaker"]) for s in statements] == [("direct", "Tom Hale")]


def test_a_lead_in_ending_a_paragraph_with_a_semicolon_opens_a_speech(extractor):
    text = (
        "2013-05-10\n\nForeign Minister Tom Hale met Foreign Minister Ana Soto in Oslo.\n\n"
        "Thanking his host for the warm reception Tom Hale said;\n\n"
        "Our countries have met often in recent years, and our trade keeps growing.\n"
    )
    statements = [s for m in extractor.extract(text, "semicolon.txt")["meetings"] for s in m["statements"]]
    assert [(s["kind"], s["speaker"], s["text"][:13]) for s in statements] == [
        ("direct", "Tom Hale", "Our countries")
    ]


def test_a_verb_the_lemmatizer_misreads_is_known_by_its_written_form(extractor):
    sentence = "Otieno hoped that the new container terminal would open next spring."
    assert reported(extractor, sentence) == [("Peter Otieno", sentence)]


def test_a_subject_with_a_chain_of_of_phrases_is_read_whole(extractor):
    sentence = (
        "The head of the Ministry of Foreign Affairs of Kenya conveyed greetings to the Portuguese people."
    )
    assert reported(extractor, sentence) == [("Peter Otieno", sentence)]


def test_a_fronted_participle_leaves_the_speaker_in_its_apposition(extractor):
    text = (
        "Duarte praised the talks. Responding, Mr Otieno, who is the Foreign Minister of Kenya, "
        "said the port would be ready soon. These, he said, were good times for both countries."
    )
    assert [s for s, _ in reported(extractor, text)] == ["Ana Duarte", "Peter Otieno", "Peter Otieno"]


def test_a_long_clause_before_the_verb_that_introduces_a_quotation_is_no_reported_speech(extractor):
    text = OPENING + (
        "Speaking about the long history of ties between the two countries and their ports, "
        "Foreign Minister Ana Duarte said, “Our peoples have traded with each other for five centuries.”\n"
    )
    meeting = only_meeting(extractor.extract(text, "lead-in.txt"))
    assert [(s["speaker"], s["kind"]) for s in meeting["statements"]] == [("Ana Duarte", "direct")]


def test_a_reported_sentence_runs_on_over_an_initial(extractor):
    sentence = "Otieno expressed his appreciation to President Kh. Batbold for the support of his country."
    assert reported(extractor, sentence) == [("Peter Otieno", sentence)]


def test_a_name_closed_by_a_comma_right_before_said_is_the_speaker(extractor):
    sentence = (
        "Handing over a letter from his President to Foreign Minister Ana Duarte, Kenyan Foreign Minister "
        "Peter Otieno, said he will do his best to deepen the relations between the two countries."
    )
    assert reported(extractor, sentence) == [("Peter Otieno", sentence)]


def test_a_title_stands_for_the_one_person_the_text_names_right_after_it():
    from meetings.extraction.people import Mention, Person
    from meetings.extraction.reported import _titled_so_elsewhere

    text = "Vice-President Maria Lenz met Minister Peter Otieno. Later, High Representative Lenz spoke."
    lenz = Person("Maria Lenz", [Mention(15, 25, "Maria Lenz", "Maria Lenz")], role="Vice-President")
    lenz.mentions.append(Mention(text.index("Lenz spoke"), text.index(" spoke"), "Lenz", "Lenz"))
    otieno = Person("Peter Otieno", [Mention(39, 51, "Peter Otieno", "Peter Otieno")], role="Minister")
    assert _titled_so_elsewhere("The High Representative", [lenz, otieno], text) is lenz
    assert _titled_so_elsewhere("The Minister", [lenz, otieno], text) is otieno
    assert _titled_so_elsewhere("The Ambassador", [lenz, otieno], text) is None


def test_a_pronoun_in_a_clause_of_a_sentence_is_its_named_subject(extractor):
    text = (
        "Otieno noted the growth of trade. Later, Duarte held a meeting with his deputy, to whom she "
        "ratified the willingness of Portugal to invest in Kenyan ports."
    )
    assert [s for s, _ in reported(extractor, text)] == ["Peter Otieno", "Ana Duarte"]


def test_giving_information_is_speech_and_an_interview_to_an_information_service_is_not(extractor):
    sentence = "Duarte gave information about the new consulate in Mombasa."
    assert reported(extractor, sentence) == [("Ana Duarte", sentence)]
    assert reported(extractor, "Duarte gave an interview to the information service of Kenya.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Otieno told the Kenya News Agency that the visit had been a success.",
        "Duarte said in an interview with a Kenyan newspaper that Portugal would open a consulate.",
    ],
)
def test_words_given_to_a_news_medium_are_no_statement_of_the_meeting(extractor, sentence):
    assert reported(extractor, sentence) == []


def test_words_at_a_news_conference_are_reported_speech(extractor):
    sentence = "Duarte said at a joint news conference that Portugal would open a consulate."
    assert reported(extractor, sentence) == [("Ana Duarte", sentence)]


def test_a_person_named_right_before_and_joins_the_subject_into_a_group_of_two():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from meetings.extraction.people import Mention, Person
    from meetings.extraction.reported import _joined_before
    from meetings.extraction.statements import SpeakerContext

    # a parse that lost the first of two subjects: "Duarte" hangs as a modifier, "Brown" is nsubj
    words = ["Duarte", "and", "the", "U.S.", "Senator", "Brown", "discussed", "trade", "."]
    heads = [6, 0, 3, 0, 5, 6, 6, 6, 6]
    deps = ["advmod", "cc", "det", "conj", "compound", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "CCONJ", "DET", "PROPN", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos)
    duarte = Person("Ana Duarte", [Mention(0, 6, "Duarte", "Duarte")])
    assert _joined_before(doc[4], SpeakerContext([duarte], [duarte]))
    assert not _joined_before(doc[0], SpeakerContext([duarte], [duarte]))


def test_she_is_the_woman_among_the_people_last_spoken_of(extractor):
    text = (
        "2024-03-12\n\nPresident John Mwangi received Ambassador Maria Costa of Portugal in Nairobi on Tuesday.\n\n"
        "Ambassador Costa presented her credentials to the President.\n\n"
        "President Mwangi welcomed the ambassador warmly.\n\n"
        "She conveyed the greetings of the Portuguese President.\n"
    )
    meeting = only_meeting(extractor.extract(text, "she.txt"))
    assert [s["speaker"] for s in meeting["statements"]] == ["Maria Costa"]


def test_he_is_not_someone_called_ms(extractor):
    text = (
        "2024-03-12\n\nPresident John Mwangi received Ms Maria Costa, the Portuguese envoy, in Nairobi.\n\n"
        "Ms Costa thanked the President for the audience. He said Kenya values its ties with Portugal.\n"
    )
    meeting = only_meeting(extractor.extract(text, "he.txt"))
    assert [s["speaker"] for s in meeting["statements"]] == ["Maria Costa", "John Mwangi"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Portugal will support Kenya at the UN, noted the Portuguese minister.",
        "The new consulate will open in Mombasa next year, according to Duarte.",
        "As Duarte put it, the two countries are natural partners.",
        "In Duarte’s words, the two countries are natural partners.",
    ],
)
def test_attributions_after_the_words_or_in_a_frame_name_the_speaker(extractor, sentence):
    assert reported(extractor, sentence) == [("Ana Duarte", sentence)]


def test_according_to_after_what_a_group_stressed_is_the_source_not_the_speaker(extractor):
    sentence = "The ministers also stressed the need for more trade, according to Duarte."
    assert reported(extractor, sentence) == []
