"""Country data: names, official names, demonyms and cities resolve to ISO codes."""

import pytest

from meetings.extraction.countries import (
    Country,
    all_countries,
    country_by_code,
    country_mentions,
    country_of_city,
    find_country,
)


def mentioned(text):
    return [(text[start:end], code) for start, end, code in country_mentions(text)]


def test_every_un_member_and_observer_is_present_once():
    codes = [country.code for country in all_countries()]
    assert len(codes) == len(set(codes))
    assert len(codes) >= 200
    for code in ("AZ", "RU", "MX", "US", "GB", "CN", "VA", "PS", "SS", "TL", "XK", "TW"):
        assert code in codes


def test_country_by_code_is_case_insensitive_and_carries_official_names():
    mexico = country_by_code("mx")
    assert isinstance(mexico, Country)
    assert mexico.name == "Mexico"
    assert "United Mexican States" in mexico.official_names
    assert mexico.capital == "Mexico City"
    assert country_by_code("ZZ") is None
    assert country_by_code("") is None


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Russian", "RU"),
        ("the Russian Federation", "RU"),
        ("Russia", "RU"),
        ("United Mexican States", "MX"),
        ("Republic of Azerbaijan", "AZ"),
        ("United States of America", "US"),
        ("Azerbaijani", "AZ"),
        ("Mexico's", "MX"),
        ("Azerbaijan’s", "AZ"),
        ("US", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("American", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("British", "GB"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Ivory Coast", "CI"),
        ("Czechia", "CZ"),
        ("Emirati", "AE"),
        ("Saudi", "SA"),
        ("Chinese", "CN"),
        ("South Korea", "KR"),
        ("North Korean", "KP"),
        ("Democratic People's Republic of Korea", "KP"),
        ("the Netherlands", "NL"),
        ("Azerbaijanis", "AZ"),
        ("russian federation", "RU"),
    ],
)
def test_find_country_accepts_names_official_names_and_demonyms(phrase, code):
    assert find_country(phrase) == code


@pytest.mark.parametrize("phrase", ["us", "", "   ", "OSCE", "Minsk Group", "Foreign Minister", "the"])
def test_find_country_returns_none_for_what_is_not_a_country(phrase):
    assert find_country(phrase) is None


@pytest.mark.parametrize(
    ("city", "code"),
    [
        ("Baku", "AZ"),
        ("Samarkand", "UZ"),
        ("New York", "US"),
        ("Barcelona", "ES"),
        ("Sao Paulo", "BR"),
        ("Tokyo", "JP"),
    ],
)
def test_country_of_city_knows_capitals_and_major_cities(city, code):
    assert country_of_city(city) == code


def test_country_of_city_returns_none_for_unknown_places():
    assert country_of_city("Zagulba Presidential Palace") is None
    assert country_of_city("") is None


def test_hyphenated_adjectives_give_both_countries():
    assert mentioned("the multifaceted Azerbaijani-Russian relations") == [
        ("Azerbaijani", "AZ"),
        ("Russian", "RU"),
    ]


def test_mentions_are_case_sensitive_for_short_forms():
    assert mentioned("Let us meet the US delegation") == [("US", "US")]


def test_longest_name_wins_and_lookalikes_are_not_countries():
    text = (
        "Papua New Guinea, the Korean Peninsula and a congressman from New Jersey met the Russian Federation"
    )
    assert mentioned(text) == [("Papua New Guinea", "PG"), ("Russian Federation", "RU")]


def test_mentions_cover_possessives_abbreviations_with_dots_and_capitals():
    text = "the U.S.'s role, Mexico's Senate and JAPAN FOREIGN MINISTRY"
    assert mentioned(text) == [("U.S.", "US"), ("Mexico", "MX"), ("JAPAN", "JP")]


def test_mentions_come_in_order_with_offsets_into_the_text():
    text = "Georgia’s Prime Minister visited Azerbaijan."
    spans = country_mentions(text)
    assert [code for _, _, code in spans] == ["GE", "AZ"]
    assert all(text[start:end] in ("Georgia", "Azerbaijan") for start, end, _ in spans)


def test_the_country_an_ambassador_serves_in_is_not_the_ambassadors():
    from meetings.extraction.roles import split_title

    assert split_title("Chilean Ambassador in Kenya") == ("Ambassador", "CL")


def test_an_ambassador_in_a_country_before_the_name_is_of_the_nationality_given(extractor):
    text = "2021-05-04\n\nChilean Ambassador in Kenya Ana Soto met President Peter Otieno.\n"
    people = {p["name"]: p for p in extractor.extract(text, "posted.txt")["people"]}
    assert (people["Ana Soto"]["country"], people["Ana Soto"]["role"]) == ("CL", "Ambassador")


def test_a_title_running_on_over_commas_gives_the_country_at_its_end(extractor):
    text = (
        "2021-05-04\n\nForeign Minister Ana Soto met Tomas Berg, Minister of Foreign Affairs, Trade and "
        "Worship of Chile, and they discussed trade.\n"
    )
    people = {p["name"]: p for p in extractor.extract(text, "long.txt")["people"]}
    assert people["Tomas Berg"]["country"] == "CL"


def test_an_apposition_ends_before_who(extractor):
    text = (
        "2021-05-04\n\nMinister Ana Soto met with Tomas Berg, Permanent Representative of Chile who is the "
        "President of the Security Council for the current month.\n"
    )
    people = {p["name"]: p for p in extractor.extract(text, "who.txt")["people"]}
    assert people["Tomas Berg"]["country"] == "CL"


def test_a_country_named_with_and_stays_whole_before_a_counterpart(extractor):
    text = (
        "2021-07-23\n\nMinister Rosa Vidal of Peru held a meeting with her Trinidad and Tobago’s "
        "counterpart, Karl Brandt, in Lima.\n"
    )
    people = {p["name"]: p for m in extractor.extract(text, "and.txt")["meetings"] for p in m["participants"]}
    assert people["Karl Brandt"]["country"] == "TT"


def test_an_apposition_may_hold_an_acronym_in_brackets(extractor):
    text = (
        "2021-07-23\n\nForeign Minister Ivan Petrov met with Karl Brandt, Austrian foreign minister and "
        "current Council of the Region (CR) chair, in Moscow.\n"
    )
    people = {p["name"]: p for m in extractor.extract(text, "acr.txt")["meetings"] for p in m["participants"]}
    assert people["Karl Brandt"]["country"] == "AT"


def test_a_title_before_courtesy_words_between_commas_still_gives_the_country(extractor):
    text = (
        "2021-07-23\n\nThe Minister of Trade of the Republic of Chile, Her Excellency, Ms Rosa Vidal "
        "received Mr Karl Brandt, Minister of Foreign Affairs of Austria.\n"
    )
    people = {
        p["name"]: p for m in extractor.extract(text, "courtesy.txt")["meetings"] for p in m["participants"]
    }
    assert (people["Rosa Vidal"]["country"], people["Rosa Vidal"]["role"]) == ("CL", "Minister of Trade")


def test_a_headline_naming_an_event_in_the_meetings_city_leaves_nobody_at_home(extractor):
    text = (
        "Trade Minister Vidal meets ministers at Vienna energy forum\n\n2023-05-02\n\n"
        "Trade Minister Rosa Vidal met Karl Brandt in Vienna on Tuesday.\n\n"
        "Chile and its partners discussed energy. Chile will host the next round.\n"
    )
    people = {
        p["name"]: p for m in extractor.extract(text, "forum.txt")["meetings"] for p in m["participants"]
    }
    assert people["Rosa Vidal"]["country"] != "AT"


def test_a_visitor_is_of_the_country_the_document_names_besides_the_one_visited(extractor):
    text = (
        "2022-09-16\n\nForeign Minister Rosa Vidal arrived in Hanoi on Thursday and was received by "
        "Prime Minister Nguyen Van An.\n\nThe Prime Minister said Viet Nam wished to deepen its "
        "partnership with Chile. Minister Vidal noted that Chile was one of Viet Nam's partners.\n"
    )
    people = {
        p["name"]: p for m in extractor.extract(text, "visitor.txt")["meetings"] for p in m["participants"]
    }
    assert people["Rosa Vidal"]["country"] == "CL"


def test_a_title_does_not_reach_back_past_a_sentence_ending_in_an_acronym(extractor):
    text = (
        "Prime Minister speaks with President of Austria\n\n2024-01-10\n\n"
        "Prime Minister Rosa Vidal of Chile spoke with President Karl Brandt this afternoon. She welcomed "
        "the talks on trade with the EFTA. President Brandt thanked Chile for its support.\n"
    )
    people = {
        p["name"]: p for m in extractor.extract(text, "acronym.txt")["meetings"] for p in m["participants"]
    }
    assert (people["Karl Brandt"]["role"], people["Karl Brandt"]["country"]) == ("President", "AT")


def test_a_plural_title_of_two_countries_gives_the_names_after_it_their_countries_in_order(extractor):
    text = (
        "2023-05-18\n\nThe foreign ministers of Chile and Austria, Rosa Vidal and Karl Brandt, met in "
        "Geneva on Wednesday.\n"
    )
    people = {
        p["name"]: p for m in extractor.extract(text, "respective.txt")["meetings"] for p in m["participants"]
    }
    assert (people["Rosa Vidal"]["country"], people["Karl Brandt"]["country"]) == ("CL", "AT")


def test_a_national_assembly_is_no_event_that_makes_the_host_a_visitor(extractor):
    text = (
        "2024-02-27\n\nPresident Rosa Vidal has held talks with Austrian Chancellor Karl Brandt at the "
        "State House, Lima.\n\nLater, President Vidal also met with the Speaker of the National "
        "Assembly, Ana Ruiz.\n"
    )
    meetings = extractor.extract(text, "assembly.txt")["meetings"]
    countries = {p["name"]: p["country"] for m in meetings for p in m["participants"]}
    assert countries["Rosa Vidal"] == "PE"
