"""Whom a participant represents when no country word stands beside the name."""

from extraction_helpers import by_name

from meetings.extraction.allegiance import document_country


def test_the_country_a_document_is_about_most_stands_out_only_when_named_often():
    text = "Brazil and Brazilian firms. The Brazilian economy. Chile."
    assert document_country(text) == "BR"
    assert document_country("Brazil and Chile.") is None
    assert document_country(text, {"BR"}) is None


def test_the_publishers_own_minister_without_a_country_word_is_of_the_country_written_about(extractor):
    text = (
        "2022-03-01\n\n"
        "Foreign Minister Ana Duarte met her Kenyan counterpart Peter Otieno on Tuesday.\n\n"
        "Duarte said Portugal supports Kenya's bid. Portuguese firms invest in Kenya, and Portugal "
        "will open a trade office.\n"
    )
    meeting = extractor.extract(text, "own.txt")["meetings"][0]
    assert by_name(meeting)["Ana Duarte"]["country"] == "PT"
    assert by_name(meeting)["Peter Otieno"]["country"] == "KE"


def test_a_title_of_one_country_outranks_the_country_written_about(extractor):
    text = (
        "2022-03-01\n\n"
        "Secretary Tom Hale spoke by phone with Indian External Affairs Minister Raj Mehta about "
        "Ukraine. Ukraine needs help, Ukraine's cities are hit, Ukrainian students must leave.\n"
    )
    meeting = extractor.extract(text, "title.txt")["meetings"][0]
    assert by_name(meeting)["Tom Hale"]["country"] == "US"


def test_a_title_of_one_country_is_read_before_the_country_written_about_most(extractor):
    text = (
        "April 10, 2016\n\nMr. Kenji Mori, Minister for Foreign Affairs, held a meeting with Dr. Hans Weber, "
        "Federal Minister for Foreign Affairs, during the G7 Foreign Ministers' Meeting. Germany and Germany's "
        "firms, German investment and Germany's role were discussed.\n"
    )
    meeting = extractor.extract(text, "federal.txt")["meetings"][0]
    assert by_name(meeting)["Hans Weber"]["country"] == "DE"
    assert by_name(meeting)["Kenji Mori"]["country"] != "DE"


def test_the_publishers_minister_on_a_call_with_an_international_official_is_of_the_country_written_about(
    extractor,
):
    text = (
        "2025-02-01\n\nForeign Minister Reza Karimi held a phone call with IAEA Director General Paul Grant. "
        "Iran's programme is peaceful, Iran will cooperate, and Iranian experts will meet the agency.\n"
    )
    meeting = extractor.extract(text, "iaea.txt")["meetings"][0]
    assert by_name(meeting)["Reza Karimi"]["country"] == "IR"


def test_the_leading_minister_met_abroad_is_of_the_country_named_twice_besides_the_counterparts(extractor):
    text = (
        "2022-03-01\n\n"
        "Foreign Minister Ana Duarte met her Kenyan counterpart Peter Otieno in Nairobi on the sidelines "
        "of a summit. They discussed trade between Portugal and Kenya and Portugal's new embassy.\n"
    )
    meeting = extractor.extract(text, "twice.txt")["meetings"][0]
    assert by_name(meeting)["Ana Duarte"]["country"] == "PT"
    assert document_country(text, {"KE"}) is None
    assert document_country(text, {"KE"}, least=2) == "PT"


def test_the_president_of_an_international_bodys_organ_named_short_represents_no_country(extractor):
    text = (
        "2010-02-09\n\nNEW YORK -- The President of the General Assembly, Dr. Ali Treki, met with Tom Hale, "
        "Permanent Representative of France, at the United Nations General Assembly hall.\n"
    )
    meeting = extractor.extract(text, "organ.txt")["meetings"][0]
    assert by_name(meeting)["Ali Treki"]["country"] is None


def test_an_apostolic_nuncio_represents_the_holy_see(extractor):
    text = "2019-02-08\n\nLIMA -- Minister Ana Soto received the Apostolic Nuncio to Peru, Tomas Berg.\n"
    meeting = extractor.extract(text, "nuncio.txt")["meetings"][0]
    assert by_name(meeting)["Tomas Berg"]["country"] == "VA"
    assert "Apostolic Nuncio" not in by_name(meeting)
