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
