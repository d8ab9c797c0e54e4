"""Places from a gazetteer, datelines in many forms, events' host cities, city-states."""

import pytest
from extraction_helpers import only_meeting

from meetings.extraction.datelines import read_dateline
from meetings.extraction.gazetteer import city_country, event_city


def test_the_gazetteer_knows_cities_the_curated_list_does_not():
    assert city_country("Antalya") == "TR"
    assert city_country("Sochi") == "RU"


def test_a_small_town_does_not_count_in_running_text():
    assert city_country("Hope") is None


@pytest.mark.parametrize(
    ("head", "place"),
    [
        ("United Nations, New York, 9 February 2010\n\nThe President met ...", ("New York", "US")),
        ("Tehran: Foreign Minister Ali Rezai met ...", ("Tehran", "IR")),
        ("NEW DELHI (Xinhua) -- The minister met ...", ("New Delhi", "IN")),
        ("Photo by the agency MOSCOW — The ministers held talks ...", ("Moscow", "RU")),
        ("2021-08-24\nFrom Jane Doe, Abuja\n\nThe minister received ...", ("Abuja", "NG")),
        ("Addis Ababa February 15/2023 /ENA/ The minister met ...", ("Addis Ababa", "ET")),
        ("ANTALYA, March 3 - The ministers met ...", ("Antalya", "TR")),
    ],
)
def test_datelines_in_many_forms(head, place):
    assert read_dateline(head, 0) == place


def test_a_town_that_is_also_part_of_a_name_is_no_dateline():
    text = "Obama: we met the minister\n\nPresident Barack Obama met the minister on Monday.\n"
    assert read_dateline(text, 0) is None


def test_an_event_named_after_its_city_and_a_recurring_event_give_the_place():
    assert event_city("They met on the fringes of the Munich Security Conference.") == ("Munich", "DE")
    assert event_city("on the sidelines of the 78th session of the UN General Assembly") == ("New York", "US")
    assert event_city("on the sidelines of the talks") is None


def test_a_meeting_on_the_margins_of_an_event_takes_the_event_city(extractor):
    text = (
        "Ministers meet\n\n5 February 2010\n\n"
        "Foreign Minister Karl Brandt met Manuel Ortega, his Chilean counterpart, on the fringes of "
        "the Munich Security Conference.\n"
    )
    meeting = only_meeting(extractor.extract(text, "fringes.txt"))
    assert (meeting["city"], meeting["country"]) == ("Munich", "DE")


def test_a_city_state_is_its_own_city(extractor):
    text = (
        "2022-06-01\n\nForeign Minister Karl Brandt held talks with Foreign Minister Manuel Ortega of "
        "Chile in Singapore on Tuesday.\n"
    )
    meeting = only_meeting(extractor.extract(text, "sg.txt"))
    assert (meeting["city"], meeting["country"]) == ("Singapore", "SG")


def test_a_telephonic_call_has_no_place_but_a_courtesy_call_does(extractor):
    call = "2026-03-24\n\nNEW DELHI -- Prime Minister Ravi Kumar received a telephonic call from President Ana Duarte.\n"
    meeting = only_meeting(extractor.extract(call, "call.txt"))
    assert (meeting["kind"], meeting["city"], meeting["country"]) == ("phone", None, None)
    visit = (
        "JAKARTA, 5 March 2024 – Minister Ravi Kumar received a courtesy call from Ambassador Ana Duarte.\n"
    )
    meeting = only_meeting(extractor.extract(visit, "courtesy.txt"))
    assert (meeting["kind"], meeting["city"]) == ("in_person", "Jakarta")


def test_the_hosts_welcome_to_a_city_in_a_speech_places_the_meeting(extractor):
    text = (
        "13 November 2017\n\nPresident Ivan Petrov's meeting with President Ali Demir\n\n"
        "President Ivan Petrov: Mr President, welcome to Sochi. We will hold a working meeting today.\n\n"
        "President Ali Demir: Thank you for the invitation.\n"
    )
    meeting = only_meeting(extractor.extract(text, "welcome.txt"))
    assert (meeting["city"], meeting["country"]) == ("Sochi", "RU")


def test_on_the_margins_of_an_unplaced_event_a_capital_dateline_is_the_home_desk(extractor):
    text = (
        "2021-05-20\n\nWASHINGTON: Secretary of State Tom Hale met on Wednesday with Foreign Minister "
        "Ivan Petrov on the margins of the Arctic Council Ministerial.\n"
    )
    meeting = only_meeting(extractor.extract(text, "margins.txt"))
    assert (meeting["city"], meeting["country"]) == (None, None)
    elsewhere = text.replace("WASHINGTON:", "Chicago, 20 May 2021 -")
    meeting = only_meeting(extractor.extract(elsewhere, "chicago.txt"))
    assert (meeting["city"], meeting["country"]) == ("Chicago", "US")


def test_where_they_are_comes_before_where_they_go(extractor):
    text = (
        "2018-03-08\n\nForeign Secretary Tom Hale will travel to New York later today, after meetings in "
        "Washington with Vice President Mark Lane.\n"
    )
    meetings = extractor.extract(text, "go.txt")["meetings"]
    assert meetings and meetings[0]["city"] == "Washington"


def test_two_capitals_as_subjects_stand_for_their_governments(extractor):
    text = (
        "2020-10-23\n\nMOSCOW, October 23. /TASS/. Moscow and Bishkek have confirmed their commitment to "
        "cooperation, Foreign Minister Ivan Petrov said Friday after talks with Foreign Minister Aibek Uulu.\n"
    )
    meeting = extractor.extract(text, "capitals.txt")["meetings"][0]
    assert (meeting["city"], meeting["country"]) == ("Moscow", "RU")


def test_meetings_said_to_be_held_in_a_country_outrank_a_dateline_abroad(extractor):
    text = (
        "2020-01-08\nHAVANA, Cuba, Jan 8 (ACN) - Foreign Minister Luis Perez is holding bilateral meetings "
        "in Mexico, where he arrived to attend a summit.\n\n"
        "Perez held a meeting with Foreign Minister Ana Duarte of Peru.\n"
    )
    meetings = extractor.extract(text, "stated.txt")["meetings"]
    assert meetings and (meetings[0]["city"], meetings[0]["country"]) == (None, "MX")


def test_a_guest_glad_to_be_back_in_a_city_places_the_meeting_there(extractor):
    text = (
        "Joint press point\n\n02 Jun. 2021\n\nSecretary General Tom Hale: Thank you, Prime Minister Ana Soto.\n\n"
        "It is great to be back in Oslo and to discuss our security.\n\n"
        "Prime Minister Ana Soto: Thank you, Tom.\n"
    )
    meeting = extractor.extract(text, "back.txt")["meetings"][0]
    assert (meeting["city"], meeting["country"]) == ("Oslo", "NO")


def test_where_someone_goes_next_is_not_where_they_met(extractor):
    text = (
        "2023-05-02\n\nAmbassador Karl Brandt held a meeting with Foreign Secretary Manuel Ortega today.\n\n"
        "An official said the meeting came before the Foreign Secretary leaves for Vienna on Friday "
        "and then to Geneva.\n"
    )
    meeting = only_meeting(extractor.extract(text, "next.txt"))
    assert meeting["city"] not in ("Vienna", "Geneva")
    assert all(p["country"] not in ("AT", "CH") for p in meeting["participants"])


@pytest.mark.parametrize("verb", ["hosted", "welcomed"])
def test_a_host_named_by_title_before_the_name_places_the_meeting_in_the_hosts_country(extractor, verb):
    text = (
        f"2023-05-02\n\nThe Minister of Trade of Chile, Ms Rosa Vidal, {verb} Mr Karl Brandt, "
        "Minister of Foreign Affairs of Austria, for talks on trade.\n"
    )
    meeting = only_meeting(extractor.extract(text, "host.txt"))
    assert meeting["country"] == "CL"


def test_meeting_a_guest_at_ones_own_residence_is_at_home(extractor):
    text = (
        "2023-05-02\n\nChilean Trade Minister Rosa Vidal met Austrian Foreign Minister Karl Brandt at her "
        "official Casa Azul residence on Tuesday.\n"
    )
    meeting = only_meeting(extractor.extract(text, "residence.txt"))
    assert meeting["country"] == "CL"


def test_a_host_whose_country_only_the_document_gives_still_places_the_meeting(extractor):
    text = (
        "2023-05-02\n\nPresident Rosa Vidal met Austrian Foreign Minister Karl Brandt at her official "
        "residence on Tuesday.\n\nThe President said Chile valued its ties. Chile and Austria will "
        "sign an agreement, and Chile will host a forum.\n"
    )
    meeting = only_meeting(extractor.extract(text, "late-host.txt"))
    assert meeting["country"] == "CL"


def test_a_headline_saying_where_the_talks_were_places_them(extractor):
    text = (
        "Vidal and Brandt hold talks in Vientiane\n\n2024-07-25\n\n"
        "Foreign Minister Rosa Vidal of Chile held talks with Foreign Minister Karl Brandt of Austria "
        "on the sidelines of the regional ministerial meetings.\n"
    )
    meeting = only_meeting(extractor.extract(text, "headline.txt"))
    assert (meeting["city"], meeting["country"]) == ("Vientiane", "LA")


def test_a_capital_standing_for_its_government_in_a_headline_is_no_place(extractor):
    text = (
        "Vienna says it is ready for talks in principle\n\n2024-07-25\n\n"
        "Foreign Minister Rosa Vidal of Chile spoke by phone with Foreign Minister Karl Brandt of Austria.\n"
    )
    meeting = only_meeting(extractor.extract(text, "headline2.txt"))
    assert meeting["city"] is None


def test_travelling_to_a_capital_named_by_its_adjective_places_the_talks_there(extractor):
    text = (
        "Minister visits Ukraine\n\n3 March 2024\n\nForeign Minister Rosa Vidal of Chile travelled to the "
        "Ukrainian capital on Monday, where she held talks with Foreign Minister Ivan Koval of Ukraine.\n"
    )
    meeting = only_meeting(extractor.extract(text, "capital.txt"))
    assert (meeting["city"], meeting["country"]) == ("Kyiv", "UA")


def test_a_hotel_named_like_a_town_is_not_that_town():
    from meetings.extraction.places import _names_venue

    assert _names_venue("They met at the Shangri-La Hotel on Friday.", "Shangri-La")
    assert not _names_venue("They met at the official London residence in Carlton Gardens.", "London")


def test_a_recurring_events_host_city_wins_over_a_town_in_its_name():
    assert event_city("on the sidelines of the Shangri-La Dialogue") == ("Singapore", "SG")


def test_a_dateline_naming_a_country_means_the_capital_of_that_name():
    assert read_dateline("KUWAIT, Jan 22 (KUNA) -- The minister received ...", 0) == ("Kuwait City", "KW")
    assert read_dateline("MEXICO, May 3 (Notimex) - The minister met ...", 0) == ("Mexico City", "MX")
    assert read_dateline("QATAR, May 3 (QNA) - The minister met ...", 0) is None  # Doha: no such name
    assert read_dateline("Kuwait\n\nThe minister received ...", 0) is None  # a section's name


@pytest.mark.parametrize(
    ("sidelines", "place"),
    [
        ("on the margins of the 77th World Health Assembly", ("Geneva", "CH")),
        ("on the sidelines of the IAEA General Conference", ("Vienna", "AT")),
        ("on the sidelines of the World Government Summit", ("Dubai", "AE")),
        (
            "on the margins of the session of the Parliamentary Assembly of the Council of Europe",
            ("Strasbourg", "FR"),
        ),
    ],
)
def test_recurring_events_held_in_one_city(sidelines, place):
    assert event_city(f"The ministers met {sidelines}.") == place
