"""Names of people: words that only stand before a name are no part of it; places, days and
offices are no people."""

import pytest

from meetings.extraction.people import clean_name


def people_of(extractor, text):
    return {p["name"] for p in extractor.extract(text, "names.txt")["people"]}


def test_a_verb_before_a_name_is_no_part_of_it(extractor):
    text = (
        "2023-01-10\n\nWelcoming Tomas Berg at the ministry, Minister Ana Duarte thanked him for the visit.\n"
    )
    assert "Tomas Berg" in people_of(extractor, text)


def test_a_word_in_capitals_before_a_full_name_is_no_part_of_it(extractor):
    text = "2023-01-10\n\nThe minister met the head of ACWA POWER Mohammad Rahimi in Riyadh.\n"
    assert "Mohammad Rahimi" in people_of(extractor, text)


def test_a_surname_in_capitals_before_the_given_name_stays(extractor):
    text = "2023-01-10\n\nForeign Minister KAMURA Aiko met Foreign Minister Penny Hart in Tokyo.\n"
    assert "KAMURA Aiko" in people_of(extractor, text)


def test_the_end_of_a_countrys_name_is_no_given_name(extractor):
    text = "2023-01-10\n\nThe President received the Ambassador of Sri Lanka Abdul Rahman Karim in Colombo.\n"
    assert "Abdul Rahman Karim" in people_of(extractor, text)


@pytest.mark.parametrize(
    "phrase", ["West Asia", "Unity Day", "Great Patriotic War", "Pro Tempore Presidency"]
)
def test_regions_days_wars_and_offices_are_no_names(phrase):
    assert clean_name(phrase) is None


def test_monsignor_is_a_courtesy_word():
    assert clean_name("Monsignor Luca Rinaldi") == "Luca Rinaldi"


def test_a_plural_ending_a_title_is_no_part_of_the_name(extractor):
    text = "2024-01-05\n\nMinister of Foreign Affairs and Expatriates Omar Haddad met Foreign Minister Ana Duarte.\n"
    assert "Omar Haddad" in people_of(extractor, text)


def test_the_word_prime_of_a_split_title_is_no_name(extractor):
    text = "2023-01-10\n\nDeputy Prime and Foreign Minister Lina Haddad received Minister Tomas Berg.\n"
    assert "Prime" not in people_of(extractor, text)


def test_the_last_word_of_a_countrys_name_is_no_person(extractor):
    text = "2023-01-10\n\nThe High Commissioner to Sri Lanka, Ana Soto, met President Tomas Berg.\n"
    assert "Lanka" not in people_of(extractor, text)


@pytest.mark.parametrize(
    "venue",
    ["at his official Tsagaan Nuur residence", "at the Golden Dome Palace", "next to the Eternal Flame"],
)
def test_a_building_or_monument_is_no_participant(extractor, venue):
    text = f"2016-04-14\n\nPresident Rosa Vidal met Foreign Minister Karl Brandt {venue} on Tuesday.\n"
    names = {p["name"] for m in extractor.extract(text, "venue.txt")["meetings"] for p in m["participants"]}
    assert names == {"Rosa Vidal", "Karl Brandt"}


def test_the_rest_of_a_ministers_portfolio_is_no_person(extractor):
    text = (
        "2023-10-10\n\nMrs Rosa Vidal, the Minister for Foreign Affairs and Regional Integration, has "
        "received the Ambassador of Austria, Mr Karl Brandt.\n\nDeputy Prime Minister and Minister of "
        "Trade and Industry Ana Ruiz also attended.\n"
    )
    names = {
        p["name"] for m in extractor.extract(text, "portfolio.txt")["meetings"] for p in m["participants"]
    }
    assert "Regional Integration" not in names
    assert {"Rosa Vidal", "Karl Brandt"} <= names


def test_a_name_after_a_title_of_a_country_and_a_comma_is_a_person(extractor):
    text = (
        "2023-09-21\n\nMinister Rosa Vidal of Chile met with the Foreign Minister of Norway, Eskil Brandt "
        "Odde, and discussed climate finance.\n"
    )
    people = {
        p["name"]: p for m in extractor.extract(text, "comma.txt")["meetings"] for p in m["participants"]
    }
    assert people["Eskil Brandt Odde"]["country"] == "NO"
