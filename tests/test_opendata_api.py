"""The read-only JSON API: detail endpoints, list endpoints, redirects of merged slugs, safety."""

import csv
import datetime
import io
import json

import pytest

from meetings.models import (
    Meeting,
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Participant,
    Person,
    PersonAlias,
    PersonRedirect,
    SourceDocument,
    Statement,
)
from meetings.opendata.serializers import SERIALIZERS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]

SOURCE_TEXT = "Moscow, 10 January 2020. Sergey Lavrov said: “We support dialogue.” Bayramov agreed."


@pytest.fixture
def archive():
    """Two meetings between Russia and Azerbaijan, a merged person and a merged organization."""
    source = SourceDocument.objects.create(
        file_name="moscow.txt",
        sha256="a" * 64,
        text=SOURCE_TEXT,
        title="Talks in Moscow",
        published=datetime.date(2020, 1, 10),
        url="https://example.org/moscow",
    )
    lavrov = Person.objects.create(name="Sergey Lavrov", country="RU")
    PersonAlias.objects.create(person=lavrov, name="S.Lavrov")
    PersonRedirect.objects.create(old_slug="sergei-lavrov", person=lavrov)
    bayramov = Person.objects.create(name="Jeyhun Bayramov", country="AZ", review_reason="ambiguous person")
    osce = Organization.objects.create(name="OSCE Minsk Group", acronym="OSCE", kind="international")
    OrganizationAlias.objects.create(organization=osce, name="Minsk Group")
    OrganizationRedirect.objects.create(old_slug="minsk-group", organization=osce)
    moscow = Meeting.objects.create(
        title="Lavrov meets Bayramov", date=datetime.date(2020, 1, 10), city="Moscow", country="RU"
    )
    moscow.sources.add(source)
    moscow.organizations_mentioned.add(osce)
    Participant.objects.create(meeting=moscow, person=lavrov, country="RU", role="Foreign Minister")
    Participant.objects.create(meeting=moscow, person=bayramov, country="AZ", organization=osce, curated=True)
    start = SOURCE_TEXT.index("We support")
    Statement.objects.create(
        meeting=moscow,
        speaker=lavrov,
        attribution="Sergey Lavrov",
        kind="direct",
        text="We support dialogue.",
        source=source,
        start=start,
        end=start + len("We support dialogue."),
        order=1,
    )
    Statement.objects.create(meeting=moscow, attribution="Bayramov", kind="reported", text="agreed", order=2)
    call = Meeting.objects.create(title="Phone call", date=datetime.date(2021, 5, 1), kind="phone")
    Participant.objects.create(meeting=call, person=lavrov, country="RU")
    return {
        "source": source,
        "lavrov": lavrov,
        "bayramov": bayramov,
        "osce": osce,
        "moscow": moscow,
        "call": call,
    }


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    assert response["Access-Control-Allow-Origin"] == "*"
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


def test_meeting_endpoint_gives_participants_statements_and_sources(client, archive):
    meeting = get_json(client, f"/api/meetings/{archive['moscow'].slug}/")
    assert meeting["slug"] == "2020-01-10-lavrov-meets-bayramov"
    assert meeting["url"] == "http://testserver/meetings/2020-01-10-lavrov-meets-bayramov/"
    assert meeting["participant_countries"] == "AZ; RU"
    assert [p["person"] for p in meeting["participants"]] == ["jeyhun-bayramov", "sergey-lavrov"]
    assert meeting["participants"][0]["organization"] == "osce-minsk-group"
    assert meeting["participants"][0]["curated"] is True
    quote, reported = meeting["statements"]
    assert quote["speaker"] == "sergey-lavrov" and quote["kind"] == "direct"
    assert SOURCE_TEXT[quote["start"] : quote["end"]] == quote["text"]
    assert quote["source_url"] == f"http://testserver/sources/{archive['source'].pk}/"
    assert reported["speaker"] is None and reported["speaker_url"] is None
    assert [s["title"] for s in meeting["sources"]] == ["Talks in Moscow"]
    assert [o["acronym"] for o in meeting["organizations_mentioned"]] == ["OSCE"]


def test_person_endpoint_gives_aliases_former_slugs_and_meetings(client, archive):
    person = get_json(client, "/api/people/sergey-lavrov/")
    assert person["aliases"] == ["S.Lavrov"]
    assert person["former_slugs"] == ["sergei-lavrov"]
    assert person["meeting_count"] == 2 and person["statement_count"] == 1
    assert [m["slug"] for m in person["meetings"]] == [archive["call"].slug, archive["moscow"].slug]
    assert [p["role"] for p in person["participations"]] == ["", "Foreign Minister"]


def test_a_merged_persons_old_slug_redirects_to_the_survivor(client, archive):
    response = client.get("/api/people/sergei-lavrov/")
    assert response.status_code == 301
    assert response["Location"] == "/api/people/sergey-lavrov/"
    assert client.get("/api/organizations/minsk-group/")["Location"] == "/api/organizations/osce-minsk-group/"


def test_organization_country_and_source_endpoints(client, archive):
    organization = get_json(client, "/api/organizations/osce-minsk-group/")
    assert organization["aliases"] == ["Minsk Group"] and organization["meeting_count"] == 1
    assert [p["person"] for p in organization["participations"]] == ["jeyhun-bayramov"]

    country = get_json(client, "/api/countries/az/")
    assert country["code"] == "AZ" and country["name"] == "Azerbaijan"
    assert country["url"] == "http://testserver/countries/az/"
    assert country["meeting_count"] == 1 and [p["slug"] for p in country["people"]] == ["jeyhun-bayramov"]
    assert country["meetings"] == "http://testserver/api/meetings/?country=az"

    source = get_json(client, f"/api/sources/{archive['source'].pk}/")
    assert source["text"] == SOURCE_TEXT and source["statement_count"] == 1
    assert source["original_url"] == "https://example.org/moscow"


@pytest.mark.parametrize(
    "url",
    ["/api/meetings/no-such-meeting/", "/api/people/nobody/", "/api/countries/xx/", "/api/sources/999/"],
)
def test_unknown_records_are_a_json_404(client, archive, url):
    assert "error" in get_json(client, url, status=404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize(
    "url",
    ["/api/meetings/{slug}/", "/api/meetings/", "/api/openapi.json", "/api/", "/api/people/sergey-lavrov/"],
)
def test_no_endpoint_changes_data(client, archive, method, url):
    before = (Meeting.objects.count(), Person.objects.count(), Statement.objects.count())
    response = getattr(client, method)(
        url.format(slug=archive["moscow"].slug), data="{}", content_type="application/json"
    )
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert (Meeting.objects.count(), Person.objects.count(), Statement.objects.count()) == before


def test_api_page_documents_every_endpoint_parameter_and_field(client, archive):
    response = client.get("/api/")
    assert response.status_code == 200
    html = response.content.decode()
    for path in ["/api/meetings/", "/api/people/{slug}/", "/api/countries/{code}/", "/api/sources/{id}/"]:
        assert f"<code>{path}</code>" in html
    for parameter in ["page_size", "date_after", "country", "format"]:
        assert f"<code>{parameter}</code>" in html
    for serializer in SERIALIZERS.values():
        for name in serializer.column_names:
            assert f"<code>{name}</code>" in html


# The list pages' data formats, through the real URLs: the same filters as the HTML page.


def test_meeting_list_in_json_uses_the_pages_filters(client, archive):
    body = get_json(client, "/meetings/?format=json&country=az")
    assert body["count"] == 1 and body["next"] is None and body["previous"] is None
    assert [m["slug"] for m in body["results"]] == [archive["moscow"].slug]
    assert get_json(client, "/api/meetings/?country=az") == body
    assert get_json(client, "/meetings/?format=json&kind=phone")["results"][0]["slug"] == archive["call"].slug


def test_api_list_endpoints_answer_json_with_next_links_on_the_api_path(client, archive):
    body = get_json(client, "/api/meetings/?page_size=1")
    assert body["count"] == 2 and len(body["results"]) == 1
    assert body["next"].startswith("http://testserver/api/meetings/?")
    assert "page=2" in body["next"] and "page_size=1" in body["next"]
    second = get_json(client, body["next"])
    assert second["previous"] and second["next"] is None
    assert {m["slug"] for m in body["results"] + second["results"]} == {
        archive["call"].slug,
        archive["moscow"].slug,
    }


def test_invalid_filter_gives_a_400_with_the_parameters_errors(client, archive):
    body = get_json(client, "/meetings/?format=json&country=zz", status=400)
    assert "country" in body["errors"]
    assert "date_after" in get_json(client, "/api/meetings/?date_after=yesterday", status=400)["errors"]


@pytest.mark.parametrize(
    "query", ["page=abc", "page=0", "page=2", "page_size=0", "page_size=many", "format=xml"]
)
def test_bad_paging_is_a_400_json_error_never_a_500(client, archive, query):
    assert get_json(client, f"/people/?format=json&{query}", status=400)["error"]


def test_page_size_is_capped_at_500(client, archive):
    Person.objects.bulk_create(Person(name=f"Delegate {n}", slug=f"delegate-{n}") for n in range(520))
    body = get_json(client, "/people/?format=json&page_size=100000")
    assert body["count"] == 522 and len(body["results"]) == 500
    assert "page=2" in body["next"]
    assert len(get_json(client, body["next"])["results"]) == 22


def test_people_csv_has_every_matching_row_with_documented_columns(client, archive):
    response = client.get("/people/?format=csv&country=ru")
    assert response.status_code == 200 and response.streaming
    assert 'filename="people.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert [row["slug"] for row in rows] == ["sergey-lavrov"]
    assert list(rows[0]) == SERIALIZERS["person"].column_names
    assert rows[0]["aliases"] == "S.Lavrov" and rows[0]["meeting_count"] == "2"


def test_country_and_organization_lists_in_json_and_csv(client, archive):
    countries = get_json(client, "/countries/?format=json")["results"]
    assert {c["code"]: c["meeting_count"] for c in countries} == {"AZ": 1, "RU": 2}
    organizations = read_csv(client.get("/organizations/?format=csv&kind=international"))
    assert [(o["slug"], o["meeting_count"]) for o in organizations] == [("osce-minsk-group", "1")]


def test_statement_search_in_json_and_csv(client, archive):
    direct = get_json(client, "/search/?format=json&kind=direct")
    assert [s["text"] for s in direct["results"]] == ["We support dialogue."]
    Statement.objects.create(meeting=archive["call"], kind="reported", text="later, on the phone")
    rows = read_csv(client.get("/api/statements/?format=csv"))
    # In id order (the order they were archived), not by meeting date: the newer call comes last.
    assert [row["text"] for row in rows] == ["We support dialogue.", "agreed", "later, on the phone"]
    assert [s["id"] for s in get_json(client, "/api/statements/")["results"]] == [
        int(row["id"]) for row in rows
    ]
    assert {row["speaker"] for row in rows} == {"sergey-lavrov", ""}


def test_list_pages_link_to_their_json_and_csv_twins(client, archive):
    html = client.get("/meetings/?country=az").content.decode()
    assert "format=json" in html and "format=csv" in html and "country=az" in html
    assert 'href="/api/"' in html


def test_head_and_options_are_answered_for_cross_origin_readers(client, archive):
    url = f"/api/meetings/{archive['moscow'].slug}/"
    assert client.head(url).status_code == 200
    response = client.options(url, HTTP_ORIGIN="https://notebook.example.net")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
