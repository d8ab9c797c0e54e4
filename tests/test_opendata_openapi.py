"""The OpenAPI description is a valid document and matches what the endpoints really return."""

import json

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from test_opendata_api import archive, get_json  # noqa: F401 (fixtures shared with the API tests)

from meetings.opendata.api.openapi import openapi_document
from meetings.opendata.serializers import SERIALIZERS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


@pytest.fixture
def document(client, archive):  # noqa: F811
    return get_json(client, "/api/openapi.json")


def response_validator(document, path, status="200"):
    """A JSON Schema validator for the JSON response of GET `path` as the document describes it."""
    schema = document["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    return Draft202012Validator({**schema, "components": document["components"]})


def assert_matches(document, path, body, status="200"):
    errors = sorted(response_validator(document, path, status).iter_errors(body), key=lambda e: e.path)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_the_description_is_a_valid_openapi_document(document):
    validate(document)
    assert document["openapi"].startswith("3.1")


def test_detail_responses_match_the_description(client, document, archive):  # noqa: F811
    for path, url in [
        ("/api/meetings/{slug}/", f"/api/meetings/{archive['moscow'].slug}/"),
        ("/api/people/{slug}/", "/api/people/sergey-lavrov/"),
        ("/api/people/{slug}/", "/api/people/jeyhun-bayramov/"),
        ("/api/organizations/{slug}/", "/api/organizations/osce-minsk-group/"),
        ("/api/countries/{code}/", "/api/countries/ru/"),
        ("/api/sources/{id}/", f"/api/sources/{archive['source'].pk}/"),
    ]:
        assert_matches(document, path, get_json(client, url))


def test_list_responses_match_the_description(client, document, archive):  # noqa: F811
    for path in [
        "/api/meetings/",
        "/api/people/",
        "/api/organizations/",
        "/api/countries/",
        "/api/statements/",
        "/api/sources/",
    ]:
        body = get_json(client, f"{path}?page_size=1")
        assert body["results"], path
        assert_matches(document, path, body)


def test_errors_match_the_description(client, document, archive):  # noqa: F811
    assert_matches(document, "/api/meetings/", get_json(client, "/api/meetings/?page=x", status=400), "400")
    assert_matches(
        document, "/api/meetings/{slug}/", get_json(client, "/api/meetings/nope/", status=404), "404"
    )


def test_a_renamed_or_extra_field_would_not_match(client, document, archive):  # noqa: F811
    meeting = get_json(client, f"/api/meetings/{archive['moscow'].slug}/")
    meeting["headline"] = meeting.pop("title")
    assert list(response_validator(document, "/api/meetings/{slug}/").iter_errors(meeting))


def test_csv_columns_are_the_described_record_fields(client, document, archive):  # noqa: F811
    header = b"".join(client.get("/api/statements/?format=csv").streaming_content).decode().splitlines()[0]
    assert header.split(",") == list(document["components"]["schemas"]["Statement"]["properties"])


def test_record_fields_are_the_documented_contract():
    """Researchers' scripts depend on these names: renaming one must be a deliberate change here."""
    assert SERIALIZERS["meeting"].column_names == [
        "slug", "url", "title", "date", "city", "country", "kind", "summary",
        "participant_countries", "participant_count", "statement_count", "curated", "review_reason",
    ]  # fmt: skip
    assert SERIALIZERS["statement"].column_names == [
        "id", "url", "meeting", "meeting_url", "meeting_title", "meeting_date", "meeting_country",
        "speaker", "speaker_url", "speaker_name", "speaker_country", "attribution", "kind", "text",
        "order", "source", "source_url", "start", "end", "curated", "review_reason",
    ]  # fmt: skip
    assert SERIALIZERS["person"].column_names[:3] == ["slug", "url", "name"]
    assert SERIALIZERS["country"].column_names[:3] == ["code", "url", "name"]


def test_openapi_json_is_served_with_cors(client, archive):  # noqa: F811
    response = client.get("/api/openapi.json")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content)["paths"]
    assert (
        openapi_document("http://testserver")["paths"].keys() == json.loads(response.content)["paths"].keys()
    )


def test_the_follow_endpoints_are_described_and_the_network_matches(client, document, archive):  # noqa: F811
    for path in [
        "/api/network/",
        "/feeds/meetings/",
        "/feeds/search/",
        "/feeds/people/{slug}/",
        "/feeds/organizations/{slug}/",
        "/feeds/countries/{code}/",
        "/feeds/countries/{code}/{other}/",
        "/cite/{kinds}/{identifier}.bib",
        "/cite/{kinds}/{identifier}.json",
    ]:
        assert path in document["paths"], path
    for nodes in ("people", "organizations", "countries"):
        body = get_json(client, f"/api/network/?nodes={nodes}")
        assert body["nodes"], nodes
        assert_matches(document, "/api/network/", body)
    parameters = {p["name"] for p in document["paths"]["/feeds/meetings/"]["get"]["parameters"]}
    assert {"country", "person", "with_person", "date_after"} <= parameters
