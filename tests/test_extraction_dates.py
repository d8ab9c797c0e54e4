"""Dates: absolute forms, the document's own date line, and relative phrases."""

from datetime import date

import pytest

from meetings.extraction.dates import find_date_line, parse_date, resolve_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06 April 2016", date(2016, 4, 6)),
        ("19 november 2017, 19:23", date(2017, 11, 19)),
        ("December 3, 2019", date(2019, 12, 3)),
        ("3 December 2019", date(2019, 12, 3)),
        ("3rd of December 2019", date(2019, 12, 3)),
        ("2019-12-03", date(2019, 12, 3)),
        ("03.12.2019", date(2019, 12, 3)),
        ("Published on 17/08/2017 - 17:34", date(2017, 8, 17)),
        ("12/25/2019", date(2019, 12, 25)),
        ("Date: Sept. 22, 2013", date(2013, 9, 22)),
        ("Friday April 19 2024", date(2024, 4, 19)),
        ("11 Sep 2014 - 14:34", date(2014, 9, 11)),
        ("2 Dekabr 2015", date(2015, 12, 2)),
        ("Oct 28, 2023 11:10 AM", date(2023, 10, 28)),
        ("2016年4月15日", date(2016, 4, 15)),
        ("2019년 11월 14일", date(2019, 11, 14)),
        ("2016 оны 4 сарын 15", date(2016, 4, 15)),
    ],
)
def test_parse_date_reads_common_absolute_forms(text, expected):
    assert parse_date(text) == expected


def test_parse_date_without_year_needs_a_reference():
    assert parse_date("Dec. 3") is None
    assert parse_date("Dec. 3", reference=date(2019, 12, 4)) == date(2019, 12, 3)


@pytest.mark.parametrize(
    "text", ["", "no date here", "We may 2 things", "31 February 2019", "in 2019", "10:30"]
)
def test_parse_date_returns_none_without_a_valid_date(text):
    assert parse_date(text) is None


def test_date_line_with_time_under_a_headline():
    text = "Ilham Aliyev met with Russian FM Sergei Lavrov\n\n06 April 2016, 23:50\nIlham Aliyev met ..."
    found, start, end = find_date_line(text)
    assert found == date(2016, 4, 6)
    assert text[start:end] == "06 April 2016"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "news banner image\nPress release 04 December 2019\n\nNo:386/19, Minister met ...",
            date(2019, 12, 4),
        ),
        ("Headline\n\n# 10 May 2021 22:04 (UTC +04:00)\n\nPresident received ...", date(2021, 5, 10)),
        ("OREANDA-NEWS. May 16, 2011. Sergey Lavrov made a working visit on May 13.", date(2011, 5, 16)),
        ("Headline\n2 Dekabr 2015\nBaku, December 2, AZERTAC\nPresident received ...", date(2015, 12, 2)),
    ],
)
def test_date_line_forms(text, expected):
    assert find_date_line(text)[0] == expected


def test_date_line_with_time_beats_a_page_header_date():
    text = "Site.Az\n\nFriday April 19 2024\n\nHeadline\n\n26 November 2013 18:34 (UTC+04:00)\nHeadline\n"
    assert find_date_line(text)[0] == date(2013, 11, 26)


def test_a_dateline_naming_its_city_beats_a_page_header_date():
    text = "Fri. Jun 2nd, 2023\n\nOslo, 19/06/2021\n\nOn 18 June, the minister concluded her visit.\n"
    assert find_date_line(text)[0] == date(2021, 6, 19)


def test_agency_dateline_without_year_takes_the_year_of_the_top():
    text = "Headline\n\nBaku, December 3 (AZERTAC). On December 3, 2019, the President received ..."
    assert find_date_line(text)[0] == date(2019, 12, 3)


def test_a_date_inside_a_sentence_is_not_a_date_line():
    text = (
        "On February 5, 2019, the Ambassador of Mexico paid a visit to the Fund where he met its President."
    )
    assert find_date_line(text) is None
    assert find_date_line("") is None


REFERENCE = date(2019, 12, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("has today received a delegation", date(2019, 12, 4)),
        ("this evening", date(2019, 12, 4)),
        ("yesterday", date(2019, 12, 3)),
        ("the meeting took place last afternoon", date(2019, 12, 3)),
        ("they dined last night", date(2019, 12, 3)),
        ("Baku will host a meeting tomorrow", date(2019, 12, 5)),
        ("the day after tomorrow", date(2019, 12, 6)),
        ("on Monday", date(2019, 12, 2)),
        ("on Wednesday", date(2019, 12, 4)),
        ("next Monday", date(2019, 12, 9)),
        ("last Wednesday", date(2019, 11, 27)),
        ("On December 3, a bilateral meeting was held", date(2019, 12, 3)),
        ("on December 3, 2019", date(2019, 12, 3)),
        ("on February 5, 2019", date(2019, 2, 5)),
        ("on November 20-25", date(2019, 11, 20)),
        ("on 20-25 November", date(2019, 11, 20)),
        ("on Friday (December 30, 2022)", date(2022, 12, 30)),
        ("last week", None),
        ("recently", None),
    ],
)
def test_resolve_date_against_the_document_date(phrase, expected):
    assert resolve_date(phrase, REFERENCE) == expected


def test_yearless_date_in_a_january_article_is_last_december():
    assert resolve_date("on December 30", date(2023, 1, 3)) == date(2022, 12, 30)


def test_relative_phrase_without_reference_is_unknown_but_full_dates_still_resolve():
    assert resolve_date("on Monday", None) is None
    assert resolve_date("on February 5, 2019", None) == date(2019, 2, 5)


def test_a_date_line_with_a_slash_before_the_year_and_a_byline_date():
    from meetings.extraction.dates import find_date_line

    assert find_date_line("13 november / 2017\n\nThe talks.")[0].isoformat() == "2017-11-13"
    line = "Written by Ana Ruiz on 23/07/2021 . Posted in News\n\nThe talks."
    assert find_date_line(line)[0].isoformat() == "2021-07-23"
    assert find_date_line("The ministers met on 23/07/2021 in Lima to discuss trade and more.") is None


def test_the_day_of_arrival_told_aside_is_not_the_day_of_the_meetings(extractor):
    text = (
        "2020-01-08\n\nForeign Minister Ana Soto is holding bilateral meetings in Lima, where she arrived on "
        "Monday.\n\nSoto held a meeting with Tomas Berg, Foreign Minister of Chile.\n"
    )
    meetings = extractor.extract(text, "arrival.txt")["meetings"]
    assert [m["date"] for m in meetings] == ["2020-01-08"]


def test_arriving_and_meeting_on_one_day_keeps_the_day(extractor):
    text = "2020-01-08\n\nForeign Minister Ana Soto arrived in Lima on Monday and met Foreign Minister Tomas Berg.\n"
    meetings = extractor.extract(text, "arrived.txt")["meetings"]
    assert [m["date"] for m in meetings] == ["2020-01-06"]


def test_the_date_of_a_later_update_is_not_the_publication_date():
    found = find_date_line(
        "Joint statement\n\n02 Jun. 2021 -\nUpdated: 03 Jun. 2021 09:55\n\nThe ministers met.\n"
    )
    assert found is not None and found[0] == date(2021, 6, 2)


def test_a_meeting_told_as_today_takes_the_day_not_the_start_of_the_visit(extractor):
    text = (
        "2022-07-06\n"
        "Foreign Minister Ana Soto of Chile is in Oslo on an official visit from 5 to 6 July 2022. "
        "Minister Soto called on Prime Minister Tomas Berg today.\n"
    )
    meetings = extractor.extract(text, "visitday.txt")["meetings"]
    assert [m["date"] for m in meetings] == ["2022-07-06"]


def test_the_day_of_an_event_still_to_come_is_not_the_meetings(extractor):
    text = (
        "Posted on 23/07/2021\n\n"
        "Ahead of the summit of foreign ministers, to be held on Saturday, July 24, in Lima, Foreign "
        "Minister Ana Soto of Chile held a meeting with her Kenyan counterpart, Peter Otieno.\n"
    )
    meetings = extractor.extract(text, "ahead.txt")["meetings"]
    assert [m["date"] for m in meetings] == ["2021-07-23"]


def test_a_weekday_before_a_date_is_no_city():
    text = "Thursday, 3 March 2022\n\nVienna, 1 March 2022\n\nThe talks."
    assert find_date_line(text)[0] == date(2022, 3, 1)
    assert find_date_line("Thursday, 3 March 2022\n\nThe talks.")[0] == date(2022, 3, 3)


@pytest.mark.parametrize("line", ["2021年7月9日", "2021년 7월 9일", "2021 оны 7 сарын 9"])
def test_year_month_day_written_with_unit_words(line):
    assert parse_date(line) == date(2021, 7, 9)
    assert find_date_line(f"Headline\n\n{line}\n\nThe talks.")[0] == date(2021, 7, 9)
