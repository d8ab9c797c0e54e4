"""Property: no public address answers any input with a server error.

Hypothesis draws a public page or API endpoint (lists, search, detail pages with real and invented
slugs, ids and country codes) and a query string of hostile values: huge and negative numbers,
NUL and control characters, SQL and LIKE metacharacters, impossible dates, very long strings.
Every answer must be 2xx, 3xx or 4xx, and a streamed CSV must stream to its end. The examples are
derandomized and bounded, so the run is the same in CI every time and takes seconds.
"""

import string
from urllib.parse import quote

import pytest
from hostile_requests import API_LIST_PATHS, CODE_PATHS, HOSTILE, ID_PATHS, LIST_PATHS, PARAMETERS, SLUG_PATHS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_web_pages import build_archive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


# Numbers of every magnitude alike, and the 64-bit boundaries divided by the page sizes in use
# (2**63 // 20 + 1 is the first page whose offset no longer fits a signed 64-bit integer).
magnitudes = st.builds(
    lambda e, per_page, d, sign: sign * (2**e // per_page + d),
    st.integers(0, 70),
    st.sampled_from([1, 1, 1, 10, 20, 25, 30, 50]),
    st.integers(-2, 2),
    st.sampled_from([1, 1, -1]),
)
numbers = st.one_of(magnitudes, st.integers(min_value=-(2**70), max_value=2**70)).map(str)
dates = st.dates().map(lambda day: day.isoformat())
words = st.text(alphabet=string.printable + "ёçşğüÇ\u202e\ufeff\x00", max_size=40)
values = st.one_of(st.sampled_from(HOSTILE), numbers, dates, words)
queries = st.dictionaries(st.sampled_from(PARAMETERS), values, max_size=5)

path_parts = (
    st.one_of(st.sampled_from(HOSTILE), words, numbers).map(lambda part: quote(part, safe="")).filter(bool)
)
paths = st.one_of(
    st.sampled_from(LIST_PATHS),
    st.builds(
        str.format, st.sampled_from(SLUG_PATHS), st.one_of(path_parts, st.sampled_from(["sergey-lavrov"]))
    ),
    st.builds(str.format, st.sampled_from(CODE_PATHS), path_parts),
    st.builds(str.format, st.sampled_from(ID_PATHS), numbers.filter(lambda n: not n.startswith("-"))),
)

FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def answer(client, path, query, method="get"):
    response = getattr(client, method)(path, query)
    if response.streaming:
        b"".join(response.streaming_content)  # a CSV fails while it streams, not before
    return response


@pytest.fixture
def archive():
    return build_archive()


@FUZZ
@given(path=paths, query=queries)
def test_no_public_address_answers_any_query_with_a_server_error(client, archive, path, query):
    response = answer(client, path, query)
    assert response.status_code < 500, (path, query)


@FUZZ
@given(path=st.sampled_from(API_LIST_PATHS), query=queries)
def test_every_api_list_answers_json_or_csv_whatever_the_query(client, archive, path, query):
    response = answer(client, path, query)
    assert response.status_code in (200, 400), (path, query)
    content_type = response["Content-Type"]
    assert content_type.startswith("application/json") or content_type.startswith("text/csv")


# Every paginated list, with the filters that make it a real search; page parameters added below.
PAGED = [
    ("/meetings/", {}),
    ("/meetings/", {"country": "az"}),
    ("/people/", {}),
    ("/organizations/", {}),
    ("/countries/", {}),
    ("/countries/az/", {}),
    ("/countries/az/ru/", {}),
    ("/organizations/international-eurasia-press-fund/", {}),
    ("/people/sergey-lavrov/", {}),
    ("/people/sergey-lavrov/", {"q": "cooperation"}),
    ("/search/", {"q": "cooperation"}),
    ("/search/", {"country": "ru"}),
    ("/search/", {"q": "talks", "person": "sergey-lavrov"}),
    ("/api/meetings/", {}),
    ("/api/statements/", {"q": "cooperation"}),
    ("/api/statements/", {"country": "ru"}),
    ("/meetings/", {"format": "json"}),
    ("/search/", {"country": "ru", "format": "json"}),
]


@FUZZ
@given(
    target=st.sampled_from(PAGED),
    pages=st.dictionaries(st.sampled_from(["page", "page_size", "statements_page"]), numbers, min_size=1),
)
def test_any_page_number_of_any_list_is_answered(client, archive, target, pages):
    path, filters = target
    response = answer(client, path, {**filters, **pages})
    assert response.status_code < 500, (path, filters, pages)


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/people/sergey-lavrov/", {"statements_page": "922337203685477582"}),
        ("/search/", {"country": "ru", "page": "461168601842738793"}),
        ("/search/", {"q": "cooperation", "page": "9223372036854775808"}),
        ("/meetings/", {"page": "9" * 5000}),
        ("/api/meetings/", {"page": "9223372036854775808"}),
        ("/sources/99999999999999999999999/", {}),
        ("/api/sources/99999999999999999999999/", {}),
        ("/people/sergey-lavrov/", {"q": "a\x00b"}),
        ("/search/", {"q": "a\x00b"}),
        ("/meetings/", {"date_after": "0001-01-01", "date_before": "9999-12-31"}),
    ],
)
def test_the_inputs_that_once_gave_server_errors_answer_normally(client, archive, path, query):
    assert answer(client, path, query).status_code < 500
