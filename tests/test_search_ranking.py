"""Ranking with filters: the page read from the impact lists through the filters (PostgreSQL,
when many statements match) is the page of an exact ranking of every filtered match."""

import datetime

import pytest
from django.db import connection

from meetings import search
from meetings.models import Meeting, Statement
from meetings.search import filter_statements, search_statements
from meetings.search.backends import backend_for
from meetings.search.query import parse

pytestmark = pytest.mark.django_db

FILLER = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
]


@pytest.fixture
def statements():
    baku = Meeting.objects.create(title="Baku", date=datetime.date(2021, 3, 1), country="AZ")
    moscow = Meeting.objects.create(title="Moscow", date=datetime.date(2020, 3, 1), country="RU")
    for n in range(36):
        # Distinct (repetitions, length) pairs, so no two statements of a meeting score alike.
        words = ["pipeline"] * (1 + n % 3) + ["gas"] * (n % 2) + FILLER[: 1 + n // 3]
        Statement.objects.create(meeting=(baku, moscow)[n % 4 == 0], kind="direct", text=" ".join(words))


def exact_page(query, page, per_page, **filters):
    parsed = parse(query)
    filtered = filter_statements(Statement.objects.all(), use_copies=True, **filters)
    ranking = backend_for(connection, parsed).exact_ranking(filtered, 1000)
    return [pk for pk, _ in ranking][(page - 1) * per_page : page * per_page]


@pytest.mark.parametrize("query", ["pipeline", "pipeline gas"])
def test_a_filtered_page_is_the_exact_rankings_page(statements, monkeypatch, query):
    monkeypatch.setattr(search.backends, "SMALL_RESULT", 0)  # the matches are not read first
    monkeypatch.setattr(search.backends, "SCORE_ALL", 0)
    monkeypatch.setattr(search.backends, "FIRST_DEPTH", 2)
    monkeypatch.setattr(search.backends, "MAX_DEPTH", 8)
    reads = []  # PostgreSQL: which impact lists the pages were read from
    original = search.backends.PostgresBackend._best_postings

    def spy(self, lexemes, depth, statements=None):
        reads.append("filtered" if statements is not None else "plain")
        return original(self, lexemes, depth, statements)

    monkeypatch.setattr(search.backends.PostgresBackend, "_best_postings", spy)
    for page in (1, 2, 3):
        hits = search_statements(query, meeting_country="AZ", page=page, per_page=4).hits
        assert [hit.statement.pk for hit in hits] == exact_page(query, page, 4, meeting_country="AZ")
        assert all(hit.statement.meeting.country == "AZ" for hit in hits)
    if connection.vendor == "postgresql":
        assert "filtered" in reads
    results = search_statements(query, meeting_country="AZ", per_page=4)
    assert (
        results.total
        == Statement.objects.filter(meeting__country="AZ", text__contains=query.split()[-1]).count()
    )


@pytest.mark.parametrize("query", ["pipeline", "pipeline gas"])
def test_pages_from_short_impact_lists_are_the_exact_rankings_pages(statements, monkeypatch, query):
    """Several rounds of deeper lists, each scoring only the candidates that can still make the
    page, give the pages of the exact ranking."""
    monkeypatch.setattr(search.backends, "SMALL_RESULT", 0)
    monkeypatch.setattr(search.backends, "SCORE_ALL", 0)
    monkeypatch.setattr(search.backends, "FIRST_DEPTH", 2)
    monkeypatch.setattr(search.backends, "MAX_DEPTH", 64)
    for page in (1, 2, 3, 4):
        hits = search_statements(query, page=page, per_page=3).hits
        assert [hit.statement.pk for hit in hits] == exact_page(query, page, 3)


def test_filtered_pages_from_the_words_own_lists_are_the_exact_rankings_pages(statements, monkeypatch):
    """When probing the filters would cost too much, the lists are the words' own: a statement
    in every list may fail the filters, so it must not bound the page."""
    monkeypatch.setattr(search.backends, "SMALL_RESULT", 0)
    monkeypatch.setattr(search.backends, "SCORE_ALL", 0)
    monkeypatch.setattr(search.backends, "MAX_PROBES", 0)
    monkeypatch.setattr(search.backends, "FIRST_DEPTH", 2)
    monkeypatch.setattr(search.backends, "MAX_DEPTH", 64)
    for filters in ({"meeting_country": "RU"}, {"meeting_country": "AZ"}):
        for page in (1, 2):
            hits = search_statements("pipeline gas", page=page, per_page=3, **filters).hits
            assert [hit.statement.pk for hit in hits] == exact_page("pipeline gas", page, 3, **filters)


def test_pages_of_two_words_from_joined_impact_lists_are_the_exact_rankings_pages(statements, monkeypatch):
    """Two words that must both occur: the lists joined in the database (PostgreSQL), read
    deeper until the statements in both settle the page, with the few in one list scored."""
    monkeypatch.setattr(search.backends, "SMALL_RESULT", 0)
    monkeypatch.setattr(search.backends, "SCORE_ALL", 0)
    monkeypatch.setattr(search.backends, "PAIR_DEPTH", 2)
    monkeypatch.setattr(search.backends, "PAIR_DEPTH_PER_HIT", 0)
    monkeypatch.setattr(search.backends, "PAIR_MAX_DEPTH", 64)
    pages = []  # PostgreSQL: what the joined lists answered
    original = search.topk.pair_page

    def spy(*args, **kwargs):
        pages.append(original(*args, **kwargs))
        return pages[-1]

    monkeypatch.setattr(search.topk, "pair_page", spy)
    for page in (1, 2, 3, 4):
        hits = search_statements("pipeline gas", page=page, per_page=3).hits
        assert [hit.statement.pk for hit in hits] == exact_page("pipeline gas", page, 3)
    if connection.vendor == "postgresql":
        assert pages and all(answer is not None for answer in pages)


def test_a_statement_in_one_short_list_only_still_makes_the_page(monkeypatch):
    """The best statement for both words may sit deep in one word's list: it is scored."""
    meeting = Meeting.objects.create(title="Baku", date=datetime.date(2021, 3, 1), country="AZ")
    for n in range(12):  # short statements with "pipeline" alone lead its list
        Statement.objects.create(meeting=meeting, kind="direct", text=f"pipeline {FILLER[n]}")
    for n in range(12):  # "gas" twice, in longer and longer texts, leads the gas list
        Statement.objects.create(meeting=meeting, kind="direct", text=f"gas gas {' '.join(FILLER[: n + 1])}")
    best = Statement.objects.create(
        meeting=meeting, kind="direct", text="gas gas gas pipeline " + " ".join(FILLER[:6])
    )
    Statement.objects.create(meeting=meeting, kind="direct", text="pipeline gas " + " ".join(FILLER))
    monkeypatch.setattr(search.backends, "SMALL_RESULT", 0)
    monkeypatch.setattr(search.backends, "SCORE_ALL", 0)
    monkeypatch.setattr(search.backends, "PAIR_DEPTH", 2)
    monkeypatch.setattr(search.backends, "PAIR_DEPTH_PER_HIT", 0)
    hits = search_statements("pipeline gas", per_page=1).hits
    assert [hit.statement.pk for hit in hits] == [best.pk] == exact_page("pipeline gas", 1, 1)


def test_a_filtered_page_of_one_word_among_the_matches_read_is_the_exact_rankings_page(
    statements, monkeypatch
):
    """Matches read for the facets: the word's impact list, best first, kept to those matches."""
    monkeypatch.setattr(search.backends, "SCORE_ALL", 0)
    for page in (1, 2, 3):
        hits = search_statements("pipeline", meeting_country="AZ", page=page, per_page=4).hits
        assert [hit.statement.pk for hit in hits] == exact_page("pipeline", page, 4, meeting_country="AZ")
