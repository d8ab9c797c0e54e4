"""Wikidata IDs on the public side: shown as links, searchable in the lists and filters, and carried
in the API, the CSV and the dump."""

import csv
import io

import pytest

from meetings.models import Meeting, Organization, Participant, Person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


@pytest.fixture
def people():
    lavrov = Person.objects.create(name="Sergey Lavrov", country="RU", wikidata_id="Q161117")
    Person.objects.create(name="Jeyhun Bayramov", country="AZ")
    osce = Organization.objects.create(name="OSCE", kind="international", wikidata_id="Q81299")
    meeting = Meeting.objects.create(title="Talks in Moscow", country="RU")
    Participant.objects.create(meeting=meeting, person=lavrov, country="RU", organization=osce)
    return {"lavrov": lavrov, "osce": osce, "meeting": meeting}


def test_person_and_organization_pages_link_to_their_wikidata_items(client, people):
    page = client.get("/people/sergey-lavrov/").content.decode()
    assert 'href="https://www.wikidata.org/wiki/Q161117"' in page
    page = client.get("/organizations/osce/").content.decode()
    assert 'href="https://www.wikidata.org/wiki/Q81299"' in page
    page = client.get("/people/jeyhun-bayramov/").content.decode()
    assert "wikidata.org" not in page


@pytest.mark.parametrize("term", ["Q161117", "q161117", " Q161117 "])
def test_the_people_list_finds_a_person_by_wikidata_id(client, people, term):
    rows = client.get("/people/", {"q": term, "format": "json"}).json()["results"]
    assert [row["slug"] for row in rows] == ["sergey-lavrov"]


def test_the_organization_list_finds_an_organization_by_wikidata_id(client, people):
    rows = client.get("/organizations/", {"q": "q81299", "format": "json"}).json()["results"]
    assert [row["slug"] for row in rows] == ["osce"]


def test_a_meeting_filter_accepts_a_wikidata_id_for_a_person(client, people):
    rows = client.get("/api/meetings/", {"person": "Q161117"}).json()["results"]
    assert [row["slug"] for row in rows] == [people["meeting"].slug]


def test_the_api_and_the_csv_carry_wikidata_ids(client, people):
    person = client.get("/api/people/sergey-lavrov/").json()
    assert person["wikidata_id"] == "Q161117"
    assert client.get("/api/organizations/osce/").json()["wikidata_id"] == "Q81299"
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(client.get("/people/", {"format": "csv"}).streaming_content).decode())
        )
    )
    assert {row["name"]: row["wikidata_id"] for row in rows} == {
        "Jeyhun Bayramov": "",
        "Sergey Lavrov": "Q161117",
    }


def test_the_dump_carries_wikidata_ids(tmp_path, people):
    from meetings.opendata.dump import write_dump

    write_dump(tmp_path, "csv")
    rows = list(csv.DictReader((tmp_path / "people.csv").open(encoding="utf-8")))
    assert {row["name"]: row["wikidata_id"] for row in rows}["Sergey Lavrov"] == "Q161117"
