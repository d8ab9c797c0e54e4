"""Who named in a sentence of meeting was not there, and which "names" are places or things."""

from extraction_helpers import by_name, only_meeting


def test_the_sender_named_after_a_long_title_and_a_comma_is_not_present(extractor):
    text = (
        "2006-08-29\n\n"
        "President Ama Owusu on Tuesday granted audience to an Envoy of the President of the Republic "
        "of Chile, Mr Carlos Lima, who delivered a message.\n\n"
        "Receiving the Envoy, Mr Tomas Berg, President Owusu said the two countries were friends.\n"
    )
    meeting = only_meeting(extractor.extract(text, "sender.txt"))
    assert "Carlos Lima" not in by_name(meeting)


def test_the_source_of_the_account_and_a_spokesperson_are_not_present(extractor):
    text = (
        "2023-02-15\n\n"
        "Foreign Minister Ida Holm met Foreign Minister Ken Mori of Japan in Oslo, according to "
        "Ambassador Per Lund.\n\n"
        "During the discussion, they stressed trade, Foreign Ministry Spokesperson Eva Berg said.\n"
    )
    meeting = only_meeting(extractor.extract(text, "source.txt"))
    assert sorted(by_name(meeting)) == ["Ida Holm", "Ken Mori"]


def test_according_to_ends_at_its_comma(extractor):
    from meetings.extraction.presence import absent

    text = "According to the Ministry of Energy, Ida Holm met Ken Mori."
    assert not absent(text, text.index("Ida Holm"))
    text = "The ministers met, according to Spokesperson Eva Berg."
    assert absent(text, text.index("Eva Berg"))


def test_a_building_named_after_at_is_no_participant(extractor):
    text = (
        "2019-11-14\n\n"
        "Greeting new ambassadors at Hwa Jin Gwan, President Kim Sun-ho received their credentials on "
        "Thursday.\n\nAmbassador Ken Mori of Japan presented his credentials to President Kim at Hwa Jin Gwan.\n"
    )
    meeting = only_meeting(extractor.extract(text, "at.txt"))
    assert sorted(by_name(meeting)) == ["Ken Mori", "Kim Sun-ho"]


def test_a_name_qualifying_the_noun_after_it_is_no_participant(extractor):
    text = (
        "2016-04-15\n\n"
        "Yesterday, President Batbold met Foreign Minister Ken Mori of Japan in the reception hall, at "
        "his official Ikh Naran residence.\n"
    )
    meeting = only_meeting(extractor.extract(text, "residence.txt"))
    assert sorted(by_name(meeting)) == ["Batbold", "Ken Mori"]


def test_a_monument_after_the_is_no_participant(extractor):
    text = (
        "2013-04-25\n\n"
        "On April 25, by laying a wreath next to the Eternal Flame, Foreign Minister Ida Holm began her "
        "visit to Russia.\n\nThe meeting of Ida Holm and Ken Mori, the Foreign Minister of Japan, was "
        "held in Moscow.\n"
    )
    meeting = only_meeting(extractor.extract(text, "flame.txt"))
    assert sorted(by_name(meeting)) == ["Ida Holm", "Ken Mori"]


def test_a_journalist_who_only_asks_is_not_at_the_press_point_its_heading_names(extractor):
    text = (
        "Joint press point\n\n"
        "by Secretary General Ida Holm and Prime Minister Ken Mori of Japan\n\n"
        "02 Jun. 2021\n\n"
        "Secretary General Ida Holm: Thank you so much, Prime Minister. It is great to be back in Tokyo.\n\n"
        "Jane Rowe (Daily Courier): Prime Minister, what will you propose to the allies?\n"
    )
    meeting = only_meeting(extractor.extract(text, "presspoint.txt"))
    assert sorted(by_name(meeting)) == ["Ida Holm", "Ken Mori"]
