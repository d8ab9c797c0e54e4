"""The search box's language, parsed in Python: what reaches the databases is always well formed."""

import random
import re

import pytest

from meetings.models import Meeting, Statement
from meetings.search import search_statements
from meetings.search.query import parse, to_fts5, to_tsquery_sql

HOSTILE_PIECES = [
    '"',
    "'",
    "-",
    "*",
    ":",
    "^",
    "(",
    ")",
    "NEAR",
    "NEAR(",
    "AND",
    "OR",
    "NOT",
    "or",
    "+",
    "{",
    "}",
    ",",
    "\\",
    "%",
    "%s",
    "?",
    ";",
    " ",
    "  ",
    "ceasefire",
    "talks",
    "é",
    "—",
]


def hostile_queries(count=300, seed=7):
    rng = random.Random(seed)
    return ["".join(rng.choice(HOSTILE_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_words_phrases_exclusions_and_or_are_recognised():
    parsed = parse('Lavrov "strategic partnership" -OSCE or gas')
    first, second = parsed.groups
    assert [term.tokens for term in first.include] == [("Lavrov",), ("strategic", "partnership")]
    assert [term.tokens for term in first.exclude] == [("OSCE",)]
    assert [term.tokens for term in second.include] == [("gas",)]


def test_a_written_word_with_joiners_is_one_phrase_and_other_punctuation_separates():
    assert [term.tokens for term in parse("Nagorno-Karabakh").groups[0].include] == [("Nagorno", "Karabakh")]
    assert [term.tokens for term in parse("gas,oil").groups[0].include] == [("gas",), ("oil",)]


def test_stop_words_at_the_ends_of_a_term_are_dropped_but_kept_inside_a_phrase():
    assert [term.tokens for term in parse("Russia's").groups[0].include] == [("Russia",)]
    assert parse('"minister of foreign affairs"').groups[0].include[0].tokens == (
        "minister",
        "of",
        "foreign",
        "affairs",
    )
    assert not parse("the of and")


def test_an_unclosed_quote_runs_to_the_end():
    assert [term.tokens for term in parse('talks "peace process').groups[0].include] == [
        ("talks",),
        ("peace", "process"),
    ]


@pytest.mark.parametrize("query", hostile_queries())
def test_fts5_expressions_keep_every_user_word_inside_quotes(query):
    parsed = parse(query)
    if not parsed or parsed.only_excludes:
        return
    expression = to_fts5(parsed)
    outside_quotes = re.sub(r'"[^"]*"|[()]', " ", expression)
    assert set(outside_quotes.split()) <= {"AND", "OR", "NOT"}
    for quoted in re.findall(r'"([^"]*)"', expression):
        assert all(token.isalnum() for token in quoted.split())


def test_postgres_queries_carry_words_only_as_parameters():
    sql, params = to_tsquery_sql(parse("ceasefire'); DROP TABLE x; --"), "archive_english")
    assert params == ["ceasefire", "DROP", "TABLE", "x"]
    assert re.sub(r"phraseto_tsquery\('archive_english', %s\)", "", sql).strip("()& ") == ""


@pytest.mark.django_db
def test_hostile_queries_never_fail_on_this_database():
    meeting = Meeting.objects.create(title="Talks")
    Statement.objects.create(meeting=meeting, kind="direct", text="The ceasefire talks went on (near Baku).")
    for query in hostile_queries(count=150, seed=11):
        results = search_statements(query)
        assert results.total == len(results.hits) <= 1
