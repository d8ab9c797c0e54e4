"""The API's edges: OPTIONS everywhere, JSON 404s for unknown addresses, empty values refused."""

import json

import pytest
from test_opendata_api import archive  # noqa: F401 (fixture shared with the API tests)

from meetings.opendata.api.openapi import openapi_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]

LISTS = [
    "/api/meetings/",
    "/api/people/",
    "/api/organizations/",
    "/api/countries/",
    "/api/statements/",
    "/api/sources/",
]


@pytest.mark.parametrize("path", [*LISTS, "/api/", "/api/openapi.json", "/api/countries/az/"])
def test_options_answers_with_the_allowed_methods(client, archive, path):  # noqa: F811
    response = client.options(path, HTTP_ORIGIN="https://notebook.example.net")
    assert response.status_code == 200
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    if path != "/api/":
        assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", LISTS)
def test_a_write_to_a_list_is_a_json_405_naming_every_allowed_method(client, archive, path):  # noqa: F811
    response = client.post(path)
    assert response.status_code == 405
    assert "OPTIONS" in response["Allow"]
    assert json.loads(response.content)["error"]


@pytest.mark.parametrize(
    "path",
    ["/api/nothing-here/", "/api/meetings/a/b/c/", "/api/v2/meetings/", "/api/%00/", "/api/openapi.yaml"],
)
def test_an_unknown_address_under_api_is_a_json_404(client, archive, path):  # noqa: F811
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "no endpoint" in json.loads(response.content)["error"]


def test_an_api_address_without_its_slash_still_redirects(client, archive):  # noqa: F811
    response = client.get("/api/meetings")
    assert response.status_code == 301 and response["Location"] == "/api/meetings/"


def test_an_unknown_page_outside_the_api_is_still_the_html_404(client, archive):  # noqa: F811
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/meetings/", "date_before="),
        ("/api/meetings/", "sort="),
        ("/api/statements/", "q=talks&country="),
        ("/api/people/", "page="),
        ("/api/sources/", "format="),
    ],
)
def test_an_empty_parameter_value_is_a_400_naming_it(client, archive, path, query):  # noqa: F811
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    body = json.loads(response.content)
    empty = [part.split("=")[0] for part in query.split("&") if part.endswith("=")]
    assert list(body["errors"]) == empty
    assert "empty value" in body["error"]


def test_the_pages_forms_may_still_send_empty_fields(client, archive):  # noqa: F811
    """A GET form submits every field; on the pages (and their ?format=json twins) empty is no filter."""
    assert client.get("/meetings/?q=&country=&date_after=&date_before=&kind=&sort=newest").status_code == 200
    response = client.get("/meetings/?format=json&country=&date_before=")
    assert response.status_code == 200


def test_the_document_says_no_parameter_may_be_empty():
    document = openapi_document()
    for path, operation in document["paths"].items():
        for parameter in operation["get"]["parameters"]:
            schema = parameter["schema"]
            if parameter["in"] == "query" and schema["type"] == "string" and "enum" not in schema:
                assert schema["minLength"] == 1, (path, parameter["name"])
