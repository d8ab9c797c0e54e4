"""The search page and the search within a person's statements."""

import re

import pytest
from test_web_pages import build_archive, grow, page

from meetings.models import Statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


@pytest.fixture
def archive():
    return build_archive()


def hits(html):
    return re.findall(r'<p class="snippet"><a href="([^"]+)">(.*?)</a></p>', html, flags=re.S)


def test_a_phrase_search_finds_the_statement_and_links_it_in_its_meeting(client, archive):
    html = page(client, "/search/?q=%22territorial+integrity%22")
    statement = Statement.objects.get(speaker=archive["labardini"])
    [(url, snippet)] = hits(html)
    # The link lands on the paragraph the words are in (the statement has one).
    assert url == f"{statement.get_absolute_url()}-p1"
    assert url == f"{archive['visit_2019'].get_absolute_url()}#statement-{statement.pk}-p1"
    assert "<mark>" in snippet and "territorial" in snippet.lower()
    assert "1 statement found" in html


def test_a_search_that_finds_nothing_says_so(client, archive):
    html = page(client, "/search/?q=zeppelin")
    assert hits(html) == [] and "Nothing matches" in html


def test_search_filters_narrow_the_results(client, archive):
    html = page(client, "/search/?q=dear&person=aliyev")
    assert len(hits(html)) == 2
    html = page(client, "/search/?q=dear&person=aliyev&date_after=2020-01-01")
    assert len(hits(html)) == 1
    html = page(client, "/search/?q=dear&country=ru")
    assert len(hits(html)) == 1


def test_search_shows_facets_by_speaker_country_and_year(client, archive):
    html = page(client, "/search/?q=dear")
    facets = html.split('id="facets-heading"')[1].split("</aside>")[0]
    assert "?q=dear&amp;person=ilham-aliyev" in facets
    assert "?q=dear&amp;country=AZ" in facets and "Azerbaijan" in facets
    assert "date_after=2016-01-01&amp;date_before=2016-12-31" in facets


@pytest.mark.parametrize(
    "query, message",
    [
        ("q=peace&date_after=31-12-2020", "Enter a valid date"),
        ("q=peace&person=nobody-at-all", "No person called"),
        ("q=peace&country=XX", "Select a valid choice"),
        ("q=peace&kind=shouted", "Select a valid choice"),
    ],
)
def test_an_invalid_search_filter_gives_the_form_back(client, archive, query, message):
    html = page(client, f"/search/?{query}")
    assert "Some filters could not be used" in html and message in html
    assert hits(html) == []


def test_hostile_queries_are_shown_safely(client, archive):
    html = page(client, "/search/?q=%3Cscript%3Ealert(1)%3C/script%3E+%22unclosed+AND+OR+(")
    assert "<script>alert" not in html
    assert "Nothing matches" in html


def test_search_results_have_data_twins(client, archive):
    html = page(client, "/search/?q=dear")
    assert "format=csv" in html
    data = client.get("/search/?q=dear&format=json").json()
    assert data["count"] == 3
    assert client.get("/search/?q=dear&person=nobody-at-all&format=json").status_code == 400


def test_person_page_searches_within_their_statements(client, archive):
    url = archive["aliyev"].get_absolute_url()
    html = page(client, url)
    assert "2 statements" in html
    html = page(client, url + "?q=Baku")
    assert len(hits(html)) == 1 and "<mark>Baku</mark>" in html


def test_search_page_queries_do_not_grow_with_the_data(client, archive, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    urls = ["/search/?q=peace", "/search/?q=peace&person=sergey-lavrov", "/search/?person=sergey-lavrov"]
    grow(archive, 5)
    before = [queries(url) for url in urls]
    grow(archive, 40)
    assert [queries(url) for url in urls] == before


@pytest.mark.parametrize("query", ["the", "*", "of+the+and"])
def test_a_query_of_only_common_words_or_punctuation_says_so_and_finds_nothing(client, archive, query):
    html = page(client, f"/search/?q={query}")
    assert "Nothing searched" in html and hits(html) == []
    assert "statements found" not in html


def test_a_page_past_the_end_says_so_and_links_the_last_page(client, archive):
    html = page(client, "/search/?q=integrity&page=40")
    assert "Page 40 is past the end" in html and hits(html) == []
    assert 'href="?q=integrity&amp;page=1"' in html


def test_an_unknown_sort_falls_back_to_the_default_with_a_notice(client, archive):
    html = page(client, "/search/?q=integrity&sort=sideways")
    assert "There is no order “sideways”" in html and len(hits(html)) == 1
    assert "Some filters could not be used" not in html


def test_control_characters_are_dropped_before_the_query_is_shown_or_searched(client, archive):
    html = page(client, "/search/?q=territorial%00%1b+integrity")
    assert "\x00" not in html and "\x1b" not in html
    assert len(hits(html)) == 1


def test_search_facets_link_to_the_meeting_country_keeping_the_query(client, archive):
    html = page(client, "/search/?q=integrity")
    assert "Meeting country" in html and "?q=integrity&amp;meeting_country=" in html


def test_the_json_of_a_search_lists_the_hits_best_first_like_the_page(client, archive):
    meeting = archive["visit_2019"]
    once = Statement.objects.create(
        meeting=meeting, kind="direct", text="The pipeline was one of many topics."
    )
    thrice = Statement.objects.create(
        meeting=meeting, kind="direct", text="Pipeline, pipeline and the pipeline."
    )
    data = client.get("/search/?q=pipeline&format=json").json()
    assert [row["id"] for row in data["results"]] == [thrice.pk, once.pk]
    assert data["count"] == 2
    html = page(client, "/search/?q=pipeline")
    assert html.index(f"#statement-{thrice.pk}") < html.index(f"#statement-{once.pk}")


def test_the_json_of_a_search_says_whether_its_count_is_exact(client, archive, monkeypatch):
    from django.db import connection

    from meetings import search

    data = client.get("/search/?q=dear&format=json").json()
    assert data["count"] == 3 and data["count_is_exact"] is True
    grow(archive, 5)
    monkeypatch.setattr(search.backends, "COUNT_LIMIT", 1)  # as if every list were long
    listed = client.get("/api/statements/?kind=direct").json()  # no words: in id order
    direct = list(Statement.objects.filter(kind="direct").order_by("pk").values_list("pk", flat=True))
    assert [row["id"] for row in listed["results"]] == direct[:50]
    if connection.vendor == "postgresql":  # the planner's estimate, as the page shows it ("About")
        assert listed["count_is_exact"] is False and listed["count"] > 1
    else:  # SQLite counts every match
        assert listed["count_is_exact"] is True and listed["count"] == len(direct)


def test_the_json_of_a_search_searches_once_and_without_snippets(client, archive, monkeypatch):
    from meetings import search

    calls = []
    original = search.search_statements

    def spy(*args, **kwargs):
        calls.append(kwargs.get("snippets", True))
        return original(*args, **kwargs)

    monkeypatch.setattr(search, "search_statements", spy)
    data = client.get("/search/?q=dear&format=json&page_size=2&page=2").json()
    assert data["count"] == 3 and len(data["results"]) == 1
    assert calls == [False]
