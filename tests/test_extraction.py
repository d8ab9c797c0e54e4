"""Unit tests of the extractor's parts, on short texts written for each rule."""

import pytest
from extraction_helpers import by_name, only_meeting

from meetings.extraction import EXTRACTOR_VERSION, DocumentError
from meetings.extraction.document import decode_bytes, find_title, paragraphs, speech_blocks
from meetings.extraction.people import Person, clean_name, compatible
from meetings.extraction.roles import resolve_reference, split_title, title_country, title_head

# --- reading files ------------------------------------------------------------------------------


def test_utf8_with_bom_and_windows_line_endings_become_plain_text():
    assert (
        decode_bytes("Caf\u00e9 talks\r\nSecond line\r\n".encode("utf-8-sig")) == "Café talks\nSecond line\n"
    )


def test_utf16_with_bom_is_decoded():
    assert decode_bytes("Minister met envoy".encode("utf-16")) == "Minister met envoy"


def test_windows_1252_falls_back_when_not_utf8():
    assert decode_bytes("Minister’s visit to Bogotá".encode("cp1252")) == "Minister’s visit to Bogotá"


@pytest.mark.parametrize(("raw", "message"), [(b"", "empty file"), (b"  \n\t", "empty file"),
                                              (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file")])  # fmt: skip
def test_empty_and_binary_files_raise_one_line_errors(raw, message):
    with pytest.raises(DocumentError) as caught:
        decode_bytes(raw, "x.txt")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_version_is_a_string():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


# --- document layout ------------------------------------------------------------------------------


def test_headline_is_a_short_line_without_full_stop_and_skips_date_lines():
    text = "2024-04-17\nMinister visits Lisbon for talks\n\nThe minister arrived in Lisbon on Monday.\n"
    assert find_title(paragraphs(text)).text == "Minister visits Lisbon for talks"


def test_no_headline_when_the_text_starts_with_a_sentence():
    text = "On May 3 the minister met his counterpart in Oslo. They discussed trade.\n"
    assert find_title(paragraphs(text)) is None


def test_speech_block_runs_over_paragraphs_until_the_next_speaker():
    text = (
        "President Anna Berg said:\n\n- Dear friends, I am glad to see you.\n\n"
        "Our countries have a long history.\n\nMinister Jonas Lind said:\n\n- Thank you for the welcome.\n\n"
        "The sides then signed an agreement.\n"
    )
    blocks = speech_blocks(text, paragraphs(text))
    assert [b.lead for b in blocks] == ["President Anna Berg said", "Minister Jonas Lind said"]
    first = text[blocks[0].start : blocks[0].end]
    assert first.startswith("Dear friends") and first.endswith("long history.")
    assert text[blocks[1].start : blocks[1].end] == "Thank you for the welcome."


def test_transcript_turn_is_a_speech_block_and_field_labels_are_not():
    text = "Date: May 2, 2020\nLocation: Rome\n\nSECRETARY SMITH: Thank you all for coming.\n"
    blocks = speech_blocks(text, paragraphs(text))
    assert [b.lead for b in blocks] == ["SECRETARY SMITH"]


# --- names and titles -----------------------------------------------------------------------------


def test_clean_name_drops_titles_honorifics_and_possessives():
    assert clean_name("Mr. Ilham Aliyev") == "Ilham Aliyev"
    assert clean_name("Dato’ Lim Jock Hoi") == "Lim Jock Hoi"
    assert clean_name("Prince Abdulaziz bin Abdullah") == "Abdulaziz bin Abdullah"
    assert clean_name("Tillerson’s") == "Tillerson"


def test_forms_of_address_are_not_names():
    assert clean_name("Sergey Viktorovich") is None
    assert clean_name("Ilham Heydar oglu") is None
    assert clean_name("Vladimir Vladimirovich Putin") == "Vladimir Putin"


def test_forms_of_one_name_are_compatible_and_other_people_are_not():
    assert compatible("S.Lavrov", "Sergey Lavrov")
    assert compatible("Lavrov", "Sergei Lavrov")
    assert compatible("Kishida Fumio", "Fumio Kishida")
    assert compatible("Marcela Rebelo de Souza", "Marcelo Rebelo de Sousa")
    assert not compatible("Heydar Aliyev", "Ilham Aliyev")
    assert not compatible("E.Lavrov", "Sergey Lavrov")


def test_title_phrase_splits_into_role_and_country():
    assert split_title("Russian Foreign Minister") == ("Foreign Minister", "RU")
    assert split_title("Foreign Minister of the Russian Federation") == ("Foreign Minister", "RU")
    assert split_title("the Ambassador of the United Mexican States to Azerbaijan") == ("Ambassador", "MX")
    assert split_title("Russian FM") == ("Foreign Minister", "RU")
    assert split_title("Foreign Secretary") == ("Foreign Secretary", None)
    assert title_country("Foreign Secretary") == "GB"  # only when the text gives nothing better


def test_title_head_is_the_noun_that_says_what_someone_is():
    assert title_head("Deputy Prime Minister") == "prime minister"
    assert title_head("assistant to the Ambassador") == "assistant"
    assert title_head("Minister of Foreign Affairs") == "minister"


def test_title_reference_resolves_by_role_and_country():
    guest = Person("Sergey Lavrov", role="Foreign Minister", country="RU")
    host = Person("Elmar Mammadyarov", role="Foreign Minister", country="AZ")
    president = Person("Ilham Aliyev", role="President", country="AZ")
    people = [guest, host, president]
    assert resolve_reference("The Russian Minister", people, []) is guest
    assert resolve_reference("the head of state", people, []) is president
    assert resolve_reference("The minister", people, [guest, host]) is host  # the latest one


# --- whole documents ------------------------------------------------------------------------------

HOSTED_VISIT = """Kazakh minister receives Finnish envoy

Astana, 3 March 2022

Foreign Minister of Kazakhstan Mukhtar Tileuberdi received Ambassador of Finland Rauli Suikkanen on Tuesday.

M.Tileuberdi noted that bilateral trade had grown steadily. The Finnish Ambassador stressed the importance of cooperation in green energy.

He added that Finnish companies were ready to invest. The sides agreed to meet again.

President Kassym-Jomart Tokayev sent his greetings to the President of Finland.
"""


def test_participants_with_countries_from_of_phrases(extractor):
    meeting = only_meeting(extractor.extract(HOSTED_VISIT, "visit.txt"))
    people = by_name(meeting)
    assert set(people) == {"Mukhtar Tileuberdi", "Rauli Suikkanen"}
    assert people["Mukhtar Tileuberdi"]["country"] == "KZ"
    assert people["Rauli Suikkanen"]["country"] == "FI"
    assert people["Rauli Suikkanen"]["role"] == "Ambassador"


def test_weekday_resolves_against_the_date_line(extractor):
    result = extractor.extract(HOSTED_VISIT, "visit.txt")
    assert result["published"] == "2022-03-03"
    assert only_meeting(result)["date"] == "2022-03-01"  # the Tuesday before Thursday 3 March
    assert only_meeting(result)["city"] == "Astana"


def test_reported_speech_after_initial_and_surname_is_attributed(extractor):
    statements = only_meeting(extractor.extract(HOSTED_VISIT, "visit.txt"))["statements"]
    first = statements[0]
    assert first["kind"] == "reported" and first["speaker"] == "Mukhtar Tileuberdi"
    assert first["attribution"] == "M.Tileuberdi"
    assert first["text"] == "M.Tileuberdi noted that bilateral trade had grown steadily."


def test_title_phrase_and_pronoun_resolve_to_the_speaker(extractor):
    statements = only_meeting(extractor.extract(HOSTED_VISIT, "visit.txt"))["statements"]
    speakers = [(s["speaker"], s["text"][:20]) for s in statements]
    assert ("Rauli Suikkanen", "The Finnish Ambassad") in speakers
    assert ("Rauli Suikkanen", "He added that Finnis") in speakers
    assert not any(s["text"].startswith("The sides") for s in statements)


def test_people_merely_mentioned_are_not_participants(extractor):
    result = extractor.extract(HOSTED_VISIT, "visit.txt")
    assert "Kassym-Jomart Tokayev" not in by_name(only_meeting(result))
    assert "Kassym-Jomart Tokayev" in [p["name"] for p in result["people"]]


SPEECHES = """Chancellor received in Paris

President Emmanuel Macron received German Chancellor Olaf Scholz in Paris today.

President Emmanuel Macron said:

- Dear Olaf, I am glad to welcome you to Paris. We have much to discuss.

Our countries are the engine of Europe, and we will keep it running.

Chancellor Olaf Scholz said:

- Thank you, dear Emmanuel. I am happy to be here again.

“We will keep working together on energy,” Scholz told reporters after the talks.
"""


def test_speech_blocks_are_whole_direct_statements_with_their_speakers(extractor):
    text = SPEECHES
    meeting = only_meeting(extractor.extract(text, "speeches.txt"))
    direct = [s for s in meeting["statements"] if s["kind"] == "direct"]
    assert [s["speaker"] for s in direct] == ["Emmanuel Macron", "Olaf Scholz", "Olaf Scholz"]
    assert direct[0]["text"].startswith("Dear Olaf") and direct[0]["text"].endswith("keep it running.")
    for statement in meeting["statements"]:
        assert text[statement["start"] : statement["end"]] == statement["text"]


def test_quotation_attributed_after_it_is_direct_without_quote_marks(extractor):
    meeting = only_meeting(extractor.extract(SPEECHES, "speeches.txt"))
    quote = meeting["statements"][-1]
    assert quote["kind"] == "direct" and quote["speaker"] == "Olaf Scholz"
    assert quote["text"] == "We will keep working together on energy"
    assert by_name(meeting)["Olaf Scholz"]["country"] == "DE"


def test_phone_call_has_no_place(extractor):
    text = (
        "On June 4, 2021, Foreign Minister of Ghana Shirley Ayorkor Botchwey held a telephone conversation "
        "with Canadian Foreign Minister Marc Garneau.\n\nMarc Garneau said that Canada valued the partnership.\n"
    )
    meeting = only_meeting(extractor.extract(text, "call.txt"))
    assert (meeting["date"], meeting["city"], meeting["country"], meeting["kind"]) == (
        "2021-06-04",
        None,
        None,
        "phone",
    )
    assert by_name(meeting)["Marc Garneau"]["country"] == "CA"
    assert meeting["statements"][0]["speaker"] == "Marc Garneau"


def test_text_without_a_meeting_has_no_meetings(extractor):
    result = extractor.extract("Oil prices rose on Monday as markets opened higher in Asia.\n", "markets.txt")
    assert result["meetings"] == []


def test_extract_many_streams_in_order(extractor):
    names = [r["document"] for r in extractor.extract_many([("a", HOSTED_VISIT), ("b", SPEECHES)])]
    assert names == ["a", "b"]


def test_transcript_of_two_speakers_is_a_meeting_of_them(extractor):
    text = (
        "Meeting with President of Kazakhstan Kassym-Jomart Tokayev\n\n"
        "November 9, 2023, The Kremlin, Moscow\n\n"
        "President of Russia Vladimir Putin: Mr President, friends, I am glad to welcome you.\n\n"
        "Our relations are developing successfully.\n\n"
        "President of Kazakhstan Kassym-Jomart Tokayev: Thank you, Mr President.\n"
    )
    meeting = only_meeting(extractor.extract(text, "kremlin.txt"))
    assert {p["name"]: p["country"] for p in meeting["participants"]} == {
        "Vladimir Putin": "RU",
        "Kassym-Jomart Tokayev": "KZ",
    }
    direct = [(s["speaker"], s["text"]) for s in meeting["statements"]]
    assert direct == [
        (
            "Vladimir Putin",
            "Mr President, friends, I am glad to welcome you.\n\nOur relations are developing successfully.",
        ),
        ("Kassym-Jomart Tokayev", "Thank you, Mr President."),
    ]
    assert meeting["date"] == "2023-11-09"


def test_video_conference_is_a_meeting_without_place_and_weekday_ignores_the_dateline(extractor):
    text = (
        "Jakarta, 8 July 2021 - Indonesian Foreign Minister Retno Marsudi held a video conference with "
        "Japanese Foreign Minister Toshimitsu Motegi on Wednesday.\n"
    )
    meeting = only_meeting(extractor.extract(text, "video.txt"))
    assert (meeting["kind"], meeting["city"], meeting["date"]) == ("video", None, "2021-07-07")


def test_sender_of_an_envoy_is_not_present(extractor):
    text = (
        "Kyiv, May 17, 2023\n\nPresident of Ukraine Volodymyr Zelensky received Chinese Special Representative "
        "Li Hui, who arrived as an envoy of President Xi Jinping.\n"
    )
    meeting = only_meeting(extractor.extract(text, "envoy.txt"))
    assert set(by_name(meeting)) == {"Volodymyr Zelensky", "Li Hui"}


def test_people_accompanying_a_guest_take_the_guests_country(extractor):
    text = (
        "NAIROBI — German Chancellor Olaf Scholz met Kenyan President William Ruto at State House on Friday.\n\n"
        "The Chancellor was accompanied by Development Minister Svenja Schulze.\n"
    )
    meeting = only_meeting(extractor.extract(text, "nairobi.txt"))
    assert by_name(meeting)["Svenja Schulze"]["country"] == "DE"
    assert (meeting["city"], meeting["country"]) == ("Nairobi", "KE")


def test_second_quotation_in_a_paragraph_keeps_the_speaker(extractor):
    text = (
        "Foreign Minister of Iran Hossein Amir-Abdollahian met UN Secretary-General Antonio Guterres in New York.\n\n"
        '"We discussed the nuclear file in detail," Amir-Abdollahian said. "Iran is ready to return to the talks."\n'
    )
    meeting = only_meeting(extractor.extract(text, "quotes.txt"))
    direct = [(s["speaker"], s["text"]) for s in meeting["statements"] if s["kind"] == "direct"]
    assert direct == [
        ("Hossein Amir-Abdollahian", "We discussed the nuclear file in detail"),
        ("Hossein Amir-Abdollahian", "Iran is ready to return to the talks."),
    ]
    assert by_name(meeting)["Antonio Guterres"]["country"] is None  # an international official


def test_a_later_meeting_with_a_day_of_its_own_is_another_meeting(extractor):
    text = (
        "March 30, 2022\n\n"
        "On Monday, Russian Foreign Minister Sergey Lavrov met with Turkish Foreign Minister Mevlut Cavusoglu "
        "in Ankara. Lavrov said Russia was open to dialogue.\n\n"
        "On Tuesday, Lavrov met with Iranian Foreign Minister Hossein Amir-Abdollahian in Tehran. "
        "Amir-Abdollahian said Iran supported a peaceful solution.\n"
    )
    meetings = extractor.extract(text, "two.txt")["meetings"]
    summary = [(m["date"], m["city"], sorted(p["name"] for p in m["participants"])) for m in meetings]
    assert summary == [
        ("2022-03-28", "Ankara", ["Mevlut Cavusoglu", "Sergey Lavrov"]),
        ("2022-03-29", "Tehran", ["Hossein Amir-Abdollahian", "Sergey Lavrov"]),
    ]
    assert [s["speaker"] for s in meetings[1]["statements"]] == ["Hossein Amir-Abdollahian"]


def test_pronoun_lead_in_takes_the_speaker_of_the_narration_before_it(extractor):
    text = (
        "Prime Minister Anthony Albanese welcomed President Joko Widodo to Sydney on 4 July 2023.\n\n"
        "Addressing reporters after the talks, the Australian leader praised the partnership. He said:\n\n"
        "“Indonesia is one of our most important partners.”\n\n"
        "The Indonesian President said:\n\n"
        '"Thank you for the warm welcome."\n'
    )
    meeting = only_meeting(extractor.extract(text, "sydney.txt"))
    direct = [(s["speaker"], s["text"]) for s in meeting["statements"] if s["kind"] == "direct"]
    assert direct == [
        ("Anthony Albanese", "Indonesia is one of our most important partners."),
        ("Joko Widodo", "Thank you for the warm welcome."),
    ]
    assert not any(s["text"].endswith(":") for s in meeting["statements"])


def test_counterpart_holds_the_same_office_and_is_found_by_title(extractor):
    text = (
        "ROME, Jan. 15, 2024 (ANSA) - The foreign minister of Italy, Antonio Tajani, received his Greek "
        "counterpart George Gerapetritis at the Farnesina on Monday.\n\n"
        "The Greek minister invited Tajani to visit Athens in the spring.\n"
    )
    meeting = only_meeting(extractor.extract(text, "rome.txt"))
    people = by_name(meeting)
    assert (people["George Gerapetritis"]["role"], people["George Gerapetritis"]["country"]) == (
        "foreign minister",
        "GR",
    )
    assert people["Antonio Tajani"]["country"] == "IT"
    assert [s["speaker"] for s in meeting["statements"]] == ["George Gerapetritis"]


def test_reporters_questions_in_a_transcript_are_neither_statements_nor_narration(extractor):
    text = (
        "Remarks by Secretary Blinken and Foreign Minister Wang Yi before their meeting\n\n"
        "Beijing, June 19, 2023\n\n"
        "SECRETARY BLINKEN: Thank you very much. It is good to be here in Beijing.\n\n"
        "Q: Mr. Secretary, will you meet President Xi?\n\n"
        "SECRETARY BLINKEN: We will see.\n\n"
        "FOREIGN MINISTER WANG: We welcome the Secretary to China.\n"
    )
    meeting = only_meeting(extractor.extract(text, "beijing.txt"))
    assert sorted(by_name(meeting)) == ["Blinken", "Wang Yi"]
    assert [(s["speaker"], s["text"]) for s in meeting["statements"]] == [
        ("Blinken", "Thank you very much. It is good to be here in Beijing."),
        ("Blinken", "We will see."),
        ("Wang Yi", "We welcome the Secretary to China."),
    ]
    assert (meeting["date"], meeting["city"]) == ("2023-06-19", "Beijing")


def test_a_foreign_secretary_met_at_home_is_of_the_host_country(extractor):
    text = (
        "Mexico City, October 8, 2021\n\n"
        "Foreign Secretary Marcelo Ebrard Casaubón met with U.S. Secretary of State Antony Blinken at the "
        "National Palace today.\n\n"
        '"This is a new stage in our security relationship," Ebrard said after the meeting.\n'
    )
    meeting = only_meeting(extractor.extract(text, "mexico.txt"))
    assert by_name(meeting)["Marcelo Ebrard Casaubón"]["country"] == "MX"
    assert by_name(meeting)["Antony Blinken"]["country"] == "US"
    assert meeting["statements"][0]["speaker"] == "Marcelo Ebrard Casaubón"  # "Ebrard" is his surname


def test_a_quotation_resumed_after_its_attribution_is_one_statement(extractor):
    text = (
        "Russian Foreign Minister Sergey Lavrov met Turkish Foreign Minister Hakan Fidan in Moscow on Monday.\n\n"
        "“We are ready,” Lavrov said after the talks, “to continue the negotiations in any format.”\n"
    )
    statements = only_meeting(extractor.extract(text, "resumed.txt"))["statements"]
    assert len(statements) == 1
    assert statements[0]["text"].startswith("We are ready")
    assert statements[0]["text"].endswith("in any format.")


def test_a_quotation_over_several_paragraphs_keeps_its_speaker(extractor):
    text = (
        "Russian Foreign Minister Sergey Lavrov met Turkish Foreign Minister Hakan Fidan in Moscow on Monday.\n\n"
        "“We are ready to talk,” Lavrov told reporters. “Our position has not changed.\n\n"
        "“We will continue to work with our Turkish partners on all issues.”\n\n"
        "Fidan said Turkey would keep its channels open.\n"
    )
    statements = only_meeting(extractor.extract(text, "paragraphs.txt"))["statements"]
    assert [(s["kind"], s["speaker"]) for s in statements] == [
        ("direct", "Sergey Lavrov"),
        ("direct", "Sergey Lavrov"),
        ("reported", "Hakan Fidan"),
    ]
    assert statements[1]["text"].startswith("Our position") and statements[1]["text"].endswith(
        "on all issues."
    )


def test_a_country_before_a_group_goes_to_the_people_listed_after_it(extractor):
    text = (
        "Azerbaijani Foreign Minister Elmar Mammadyarov received a delegation of U.S. congressmen on November 25.\n\n"
        "During the meeting with U.S. congressmen - Democrat Jim McDermott from Washington and Republican "
        "Billy Long from Missouri, Mammadyarov said bilateral ties were developing successfully.\n"
    )
    meeting = only_meeting(extractor.extract(text, "congress.txt"))
    countries = {p["name"]: p["country"] for p in meeting["participants"]}
    assert countries == {"Elmar Mammadyarov": "AZ", "Jim McDermott": "US", "Billy Long": "US"}


def test_a_visitor_is_not_of_the_country_visited_and_listed_attendees_count(extractor):
    text = (
        "Foreign Secretary visits China\n\nLondon, 18 October 2024\n\n"
        "Foreign Secretary David Lammy met Chinese Foreign Minister Wang Yi in Beijing today.\n\n"
        "The meeting was attended by:\n"
        "- Nigel Casey, UK Ambassador to China;\n"
        "- Zheng Zeguang, Chinese Ambassador to the UK.\n"
    )
    meeting = only_meeting(extractor.extract(text, "beijing-visit.txt"))
    countries = {p["name"]: p["country"] for p in meeting["participants"]}
    assert countries == {"David Lammy": "GB", "Wang Yi": "CN", "Nigel Casey": "GB", "Zheng Zeguang": "CN"}
    assert by_name(meeting)["Zheng Zeguang"]["role"] == "Ambassador"


def test_readout_of_a_call_where_one_leader_spoke_with_another(extractor):
    text = (
        "Readout of President Joseph R. Biden, Jr.'s Call with Prime Minister Narendra Modi of India\n\n"
        "February 8, 2021\n\n"
        "President Joseph R. Biden, Jr. spoke today with Prime Minister Narendra Modi of India. The President "
        "underscored his desire to build on the strong partnership between the two countries.\n"
    )
    meeting = only_meeting(extractor.extract(text, "readout.txt"))
    assert (meeting["date"], meeting["kind"], meeting["city"], meeting["country"]) == (
        "2021-02-08",
        "phone",
        None,
        None,
    )
    assert by_name(meeting)["Narendra Modi"]["country"] == "IN"
    assert [s["speaker"] for s in meeting["statements"]] == ["Joseph R. Biden"]


def test_speaking_at_a_forum_is_not_a_meeting(extractor):
    text = "Foreign Minister Penny Wong spoke at the Lowy Institute forum in Sydney on Monday about regional security.\n"
    assert extractor.extract(text, "forum.txt")["meetings"] == []


def test_a_visiting_guest_is_not_given_the_hosts_country(extractor):
    text = (
        "Beijing, April 14, 2023\n\n"
        "Chinese President Xi Jinping held talks with visiting President Luiz Inacio Lula da Silva at the "
        "Great Hall of the People on Friday.\n"
    )
    meeting = only_meeting(extractor.extract(text, "visiting.txt"))
    assert (meeting["city"], meeting["country"]) == ("Beijing", "CN")
    assert {p["name"]: p["country"] for p in meeting["participants"]} == {
        "Xi Jinping": "CN",
        "Luiz Inacio Lula da Silva": None,
    }
