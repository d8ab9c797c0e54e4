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
