"""Statement search: one suite, run on SQLite (`make test`) and on PostgreSQL (DATABASE_URL), so
every assertion here is a promise that both databases find the same statements."""

import datetime

import pytest
from django.db import connection

from meetings import search
from meetings.models import (
    Meeting,
    Organization,
    Participant,
    Person,
    PersonRedirect,
    SourceDocument,
    Statement,
)
from meetings.search import matching_statements, search_statements

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """Two meetings, four people, a handful of statements written for these tests."""
    lavrov = Person.objects.create(name="Sergey Lavrov", country="RU")
    cavusoglu = Person.objects.create(name="Mevlüt Çavuşoğlu", country="TR")
    bayramov = Person.objects.create(name="Jeyhun Bayramov", country="AZ")
    osce = Organization.objects.create(name="Organization for Security and Co-operation in Europe")
    moscow = Meeting.objects.create(title="Talks in Moscow", date=datetime.date(2020, 10, 9), country="RU")
    baku = Meeting.objects.create(title="Talks in Baku", date=datetime.date(2021, 3, 1), country="AZ")
    Participant.objects.create(meeting=baku, person=bayramov, country="AZ", organization=None)
    moscow.organizations_mentioned.add(osce)
    source = SourceDocument.objects.create(
        file_name="moscow.txt", sha256="1" * 64, text="S.Lavrov said a ceasefire was agreed."
    )

    def say(meeting, speaker, text, kind="direct", **extra):
        return Statement.objects.create(meeting=meeting, speaker=speaker, kind=kind, text=text, **extra)

    return {
        "ceasefire": say(
            moscow, lavrov, "A humanitarian ceasefire was agreed.", source=source, start=17, end=36
        ),
        "partnership": say(moscow, lavrov, "Our strategic partnership keeps growing.", kind="reported"),
        "scrambled": say(baku, bayramov, "The partnership is strategic for the region."),
        "gas": say(baku, cavusoglu, "Gas supplies to Europe will continue.", kind="reported"),
        "energy": say(baku, bayramov, "Energy security matters to all of us."),
        "karabakh": say(baku, bayramov, "Negotiations on Karabakh continued under the OSCE."),
        "karabakh_only": say(baku, cavusoglu, "Karabakh talks were constructive."),
        "accent": say(moscow, cavusoglu, "Çavuşoğlu thanked his colleague for the ceasefire talks."),
        "script": say(baku, bayramov, "He wrote <script>alert('ceasefire')</script> & left."),
    }


def found(query="", **filters):
    """The keys of the fixture statements a search finds (all pages)."""
    results = search_statements(query, per_page=100, **filters)
    return {hit.statement.text for hit in results.hits}


def texts(archive, *keys):
    return {archive[key].text for key in keys}


def test_a_word_finds_the_statements_containing_it_in_any_form(archive):
    assert found("ceasefire") == texts(archive, "ceasefire", "accent", "script")
    assert found("negotiate") == texts(archive, "karabakh")  # "Negotiations": stemmed
    assert found("CEASEFIRES") == texts(archive, "ceasefire", "accent", "script")


def test_accents_are_folded_both_ways(archive):
    assert found("Cavusoglu") == texts(archive, "accent")
    assert found("çavuşoğlu") == texts(archive, "accent")


def test_words_are_all_required(archive):
    assert found("ceasefire humanitarian") == texts(archive, "ceasefire")


def test_a_quoted_phrase_needs_the_words_together_and_in_order(archive):
    assert found('"strategic partnership"') == texts(archive, "partnership")
    assert found("strategic partnership") == texts(archive, "partnership", "scrambled")


def test_minus_excludes_a_word_or_a_phrase(archive):
    assert found("Karabakh -OSCE") == texts(archive, "karabakh_only")
    assert found('partnership -"strategic partnership"') == texts(archive, "scrambled")


def test_or_finds_either_and_binds_loosest(archive):
    assert found("gas OR energy") == texts(archive, "gas", "energy")
    assert found("gas or energy") == texts(archive, "gas", "energy")
    # `a b OR c` is `(a AND b) OR c`, as in PostgreSQL's websearch_to_tsquery.
    assert found("karabakh osce OR gas") == texts(archive, "karabakh", "gas")


def test_only_excluded_words_list_everything_else(archive):
    everything = {statement.text for statement in Statement.objects.all()}
    assert found("-ceasefire") == everything - texts(archive, "ceasefire", "accent", "script")


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced quote',
        "NEAR(",
        'NEAR("ceasefire" "agreed", 2)',
        "*",
        "ceasefire*",
        "text:ceasefire",
        "^ceasefire",
        "AND",
        "OR",
        "NOT",
        "ceasefire AND",
        "OR ceasefire OR",
        "NOT ceasefire",
        "ceasefire NOT",
        "-",
        "--",
        '-"',
        '""',
        "(((",
        "')",
        "ceasefire\x00",
        "'; DROP TABLE meetings_statement; --",
        "🕊️ ceasefire",
        "x" * 5000,
        "ceasefire " * 400,
        "{ceasefire}",
        "+ceasefire",
        "ceasefire:*",
        "!ceasefire & |",
    ],
)
def test_any_text_is_a_valid_query(archive, query):
    results = search_statements(query)
    assert results.total >= len(results.hits)
    assert list(matching_statements(query)) is not None
    assert Statement.objects.count() == len(archive)


@pytest.mark.parametrize(
    "query",
    ["ceasefire*", "ceasefire:*", "^ceasefire", ":ceasefire:", "(ceasefire)", '"ceasefire', "ceasefire AND"],
)
def test_operators_of_the_search_engines_count_as_punctuation(archive, query):
    assert found(query) == texts(archive, "ceasefire", "accent", "script")


def test_stop_words_are_ignored_and_a_query_of_only_stop_words_finds_nothing_and_says_so(archive):
    assert found("the ceasefire") == texts(archive, "ceasefire", "accent", "script")
    for query in ("the OR and", "the", "*", "-"):
        results = search_statements(query)
        assert (results.hits, results.total, results.unsearchable) == ([], 0, True)
        assert not matching_statements(query).exists()
    assert search_statements("").unsearchable is False
    assert search_statements("  ").total == len(archive)


def test_hyphenated_and_joined_forms_find_each_other(archive):
    meeting = archive["gas"].meeting
    joined = Statement.objects.create(meeting=meeting, kind="direct", text="The ceasefire held overnight.")
    hyphenated = Statement.objects.create(meeting=meeting, kind="direct", text="A cease-fire was signed.")
    both = {joined.pk, hyphenated.pk}
    assert {hit.statement.pk for hit in search_statements("cease-fire").hits} >= both
    assert {hit.statement.pk for hit in search_statements("ceasefire").hits} >= both
    assert set(matching_statements("cease-fire").values_list("pk", flat=True)) >= both
    assert hyphenated.pk not in {hit.statement.pk for hit in search_statements("ceasefire -cease-fire").hits}


def test_control_characters_are_dropped_from_the_query(archive):
    assert found("cease\x00fire") == texts(archive, "ceasefire", "accent", "script")
    assert found("\x00ceasefire\x1b") == texts(archive, "ceasefire", "accent", "script")


def test_a_word_that_is_nowhere_finds_nothing(archive):
    results = search_statements("zanzibarian")
    assert (results.hits, results.total, results.total_is_exact) == ([], 0, True)


def test_snippets_escape_the_text_and_mark_only_the_matches(archive):
    (hit,) = search_statements("alert").hits
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "<mark>alert</mark>" in hit.snippet
    assert hit.snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_snippets_mark_the_word_as_written(archive):
    (hit,) = search_statements("Cavusoglu").hits
    assert "<mark>Çavuşoğlu</mark>" in hit.snippet


def test_a_listing_without_query_escapes_text_too(archive):
    snippets = [hit.snippet for hit in search_statements(speaker=Person.objects.get(country="AZ").slug).hits]
    assert any("&lt;script&gt;" in snippet for snippet in snippets)
    assert not any("<script>" in snippet for snippet in snippets)


def test_hits_are_ranked_best_first(archive):
    Statement.objects.create(
        meeting=archive["ceasefire"].meeting,
        kind="direct",
        text="Ceasefire, ceasefire, ceasefire: the ceasefire must hold.",
    )
    hits = search_statements("ceasefire").hits
    assert hits[0].statement.text.startswith("Ceasefire, ceasefire")
    ranks = [hit.rank for hit in hits]
    assert ranks == sorted(ranks, reverse=True)


def test_filters_combine_with_the_query(archive):
    bayramov = Person.objects.get(name="Jeyhun Bayramov")
    assert found("partnership", speaker=bayramov.slug) == texts(archive, "scrambled")
    assert found("karabakh", speaker_country="tr") == texts(archive, "karabakh_only")
    assert found("ceasefire", meeting_country="RU") == texts(archive, "ceasefire", "accent")
    assert found("partnership", kind="reported") == texts(archive, "partnership")
    assert found("ceasefire", date_after=datetime.date(2021, 1, 1)) == texts(archive, "script")
    assert found("ceasefire", date_before=datetime.date(2020, 10, 9)) == texts(archive, "ceasefire", "accent")
    osce = Organization.objects.get()
    assert found("ceasefire", organization=osce.slug) == texts(archive, "ceasefire", "accent")


def test_organization_filter_also_follows_participants(archive):
    osce = Organization.objects.get()
    Participant.objects.filter(person__name="Jeyhun Bayramov").update(organization=osce)
    assert found("gas", organization=osce.slug) == texts(archive, "gas")


def test_an_old_slug_of_a_merged_speaker_still_filters(archive):
    lavrov = Person.objects.get(name="Sergey Lavrov")
    PersonRedirect.objects.create(old_slug="s-lavrov", person=lavrov)
    assert found("ceasefire", speaker="s-lavrov") == texts(archive, "ceasefire")


def test_an_empty_query_with_filters_lists_newest_first(archive):
    hits = search_statements(speaker_country="AZ").hits
    assert [hit.statement for hit in hits] == list(
        Statement.objects.filter(speaker__country="AZ").order_by("-meeting__date", "-id")
    )
    assert all(hit.rank is None for hit in hits)


@pytest.mark.parametrize(
    "filters",
    [
        {"speaker": "nobody-by-that-name"},
        {"speaker_country": "Russia"},
        {"meeting_country": "1"},
        {"organization": "x" * 500},
        {"date_after": "not a date"},
        {"date_before": "2020-13-45"},
        {"kind": "shouted"},
    ],
)
def test_unusable_filter_values_match_nothing_without_an_error(archive, filters):
    assert search_statements("ceasefire", **filters).total == 0
    assert search_statements("", **filters).total == 0
    assert matching_statements("ceasefire", **filters).count() == 0


def test_dates_may_be_given_as_iso_strings(archive):
    assert found("ceasefire", date_after="2021-01-01") == texts(archive, "script")


def test_matching_statements_is_every_match_as_a_queryset(archive):
    matches = matching_statements("ceasefire", meeting_country="ru")
    assert set(matches) == {archive["ceasefire"], archive["accent"]}
    assert matches.filter(kind="direct").count() == 2
    assert set(matching_statements("-ceasefire")) == set(Statement.objects.all()) - {
        archive["ceasefire"],
        archive["accent"],
        archive["script"],
    }


@pytest.mark.parametrize("query", ["ceasefire", "ceasefire talks", '"peace process"', "-ceasefire"])
def test_a_sample_of_id_ranges_is_the_same_read_from_rows_or_from_the_index(archive, query):
    """Facet samples: PostgreSQL reads a range's rows or the words' index entries, whichever
    is cheaper; both give the matches within the ranges."""
    ids = sorted(Statement.objects.values_list("pk", flat=True))
    ranges = [(ids[0], ids[len(ids) // 2]), (ids[-1], ids[-1])]
    within = {
        pk
        for pk in matching_statements(query).values_list("pk", flat=True)
        if ids[0] <= pk <= ids[len(ids) // 2] or pk == ids[-1]
    }
    for scan_ranges in (True, False, None):
        sample = matching_statements(query, ranges=ranges, scan_ranges=scan_ranges)
        assert set(sample.values_list("pk", flat=True)) == within


@pytest.mark.parametrize(
    "filters",
    [{"kind": "direct"}, {"date_after": "2021-01-01"}, {"date_before": "2020-12-31", "kind": "reported"}],
)
def test_dates_and_kind_with_words_match_the_same_statements_on_the_rows(archive, filters):
    """With words, PostgreSQL tests the date and kind on the rows the words find: the same matches."""
    for query in ("ceasefire", "supplies OR partnership"):
        on_rows = set(matching_statements(query, use_copies=True, **filters))
        joined = set(matching_statements(query, **filters))
        assert on_rows == joined
        assert {hit.statement for hit in search_statements(query, per_page=50, **filters).hits} == joined


def test_hits_carry_links_into_the_meeting_and_the_source(archive):
    (hit,) = search_statements("humanitarian").hits
    statement = hit.statement
    assert statement.get_absolute_url().endswith(f"#statement-{statement.pk}")
    assert statement.meeting.slug in statement.get_absolute_url()
    assert (statement.source_id, statement.start, statement.end) == (statement.source.pk, 17, 36)
    assert hit.source_url.startswith(statement.source.get_absolute_url())
    assert "start=17" in hit.source_url and "end=36" in hit.source_url


def test_pages_split_the_results(archive):
    meeting = archive["gas"].meeting
    Statement.objects.bulk_create(
        Statement(meeting=meeting, kind="direct", text=f"Pipeline capacity report number {n}.")
        for n in range(45)
    )
    first = search_statements("pipeline", per_page=20)
    third = search_statements("pipeline", per_page=20, page=3)
    beyond = search_statements("pipeline", per_page=20, page=9)
    assert (first.total, first.num_pages, first.has_next, first.has_previous) == (45, 3, True, False)
    assert (len(third.hits), third.has_next, third.has_previous) == (5, False, True)
    assert beyond.hits == []
    seen = [hit.statement.pk for page in (1, 2, 3) for hit in search_statements("pipeline", page=page).hits]
    assert sorted(seen) == sorted(
        Statement.objects.filter(text__startswith="Pipeline").values_list("pk", flat=True)
    )


def test_odd_page_values_fall_back_to_sensible_ones(archive):
    results = search_statements("ceasefire", page="abc", per_page=-5)
    assert (results.page, results.per_page) == (1, 1)
    assert search_statements("ceasefire", per_page=10_000).per_page == search.MAX_PER_PAGE


def test_a_statement_repeating_the_query_words_ranks_above_one_that_mentions_them_once(archive):
    meeting = archive["gas"].meeting
    once = Statement.objects.create(
        meeting=meeting, kind="direct", text="Pipeline talks covered tariffs, transit fees and insurance."
    )
    repeated = Statement.objects.create(
        meeting=meeting, kind="direct", text="The pipeline, the pipeline route and pipeline security."
    )
    newer = Statement.objects.create(
        meeting=meeting, kind="direct", text="A pipeline was mentioned among many other long topics today."
    )
    ranked = [hit.statement.pk for hit in search_statements("pipeline").hits]
    assert ranked[0] == repeated.pk
    assert set(ranked) == {once.pk, repeated.pk, newer.pk}
    assert [hit.statement.pk for hit in search_statements("pipeline", sort="newest").hits][0] == newer.pk
    assert [hit.statement.pk for hit in search_statements("pipeline", sort="oldest").hits][-1] == newer.pk


def test_ranking_considers_every_match_not_only_the_newest(archive, monkeypatch):
    """The best match is the oldest of many; on PostgreSQL the bounded top-k path must find it."""
    monkeypatch.setattr(search.backends, "SMALL_RESULT", 0)
    monkeypatch.setattr(search.backends, "FIRST_DEPTH", 2)
    meeting = archive["gas"].meeting
    best = Statement.objects.create(meeting=meeting, kind="direct", text="Pipeline pipeline pipeline.")
    Statement.objects.bulk_create(
        Statement(meeting=meeting, kind="direct", text=f"Pipeline report number {n} of the year.")
        for n in range(40)
    )
    for page in (1, 2):
        ranks = [hit.rank for hit in search_statements("pipeline", per_page=7, page=page).hits]
        assert ranks == sorted(ranks, reverse=True)
    assert search_statements("pipeline", per_page=5).hits[0].statement.pk == best.pk
    assert search_statements("pipeline report", per_page=5).hits[0].rank > 0


def test_unknown_sort_falls_back_to_the_default(archive):
    assert search_statements("ceasefire", sort="bogus").sort == "relevance"
    assert search_statements("", sort="relevance").sort == "newest"
    assert search_statements("-ceasefire", sort="relevance").sort == "newest"


def test_a_page_past_the_end_says_so(archive):
    results = search_statements("ceasefire", page=50)
    assert (results.hits, results.past_the_end, results.num_pages) == ([], True, 1)
    assert search_statements("ceasefire").past_the_end is False


@pytest.mark.parametrize(
    ("count_limit", "exact"),
    [(5, False), (20, False), (50, True)],
)
def test_totals_are_exact_up_to_the_count_limit_and_estimated_beyond(
    archive, monkeypatch, count_limit, exact
):
    monkeypatch.setattr(search.backends, "COUNT_LIMIT", count_limit)
    monkeypatch.setattr(search.backends, "SMALL_RESULT", 0)  # PostgreSQL: take the path for many
    meeting = archive["gas"].meeting
    Statement.objects.bulk_create(
        Statement(meeting=meeting, kind="direct", text=f"Pipeline report {n}.") for n in range(30)
    )
    results = search_statements("pipeline")
    exact = exact or connection.vendor == "sqlite"  # FTS5 counts every match quickly
    assert results.total_is_exact is exact
    assert results.total == 30 if exact else results.total > count_limit
    assert len(results.hits) == 20
    assert search_statements("humanitarian").total_is_exact is True


# --- the index follows every way of writing statements -------------------------------------


def test_bulk_created_statements_are_found(archive):
    Statement.objects.bulk_create(
        [Statement(meeting=archive["gas"].meeting, kind="direct", text="Desalination plants were discussed.")]
    )
    assert found("desalination") == {"Desalination plants were discussed."}


def test_edited_statements_are_found_by_their_new_text_only(archive):
    statement = archive["gas"]
    statement.text = "Hydrogen supplies to Europe will continue."
    statement.save()
    assert found("hydrogen") == {statement.text}
    assert found("gas") == set()
    Statement.objects.filter(pk=statement.pk).update(text="Uranium deliveries.")
    assert found("uranium") == {"Uranium deliveries."}
    assert found("hydrogen") == set()


def test_deleted_statements_are_not_found(archive):
    archive["karabakh_only"].delete()
    assert found("karabakh") == texts(archive, "karabakh")
    archive["karabakh"].meeting.delete()  # cascades to its statements
    assert found("karabakh") == set()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS triggers")
def test_missing_sqlite_triggers_are_recreated_and_the_index_rebuilt(archive):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER meetings_statement_fts_insert")
    Statement.objects.create(meeting=archive["gas"].meeting, kind="direct", text="Wheat exports resumed.")
    search.schema._checked_sqlite_connections.clear()
    assert found("wheat") == {"Wheat exports resumed."}
    Statement.objects.create(meeting=archive["gas"].meeting, kind="direct", text="Wheat prices fell.")
    assert found("wheat") == {"Wheat exports resumed.", "Wheat prices fell."}


# --- filters follow changes to people and meetings -----------------------------------------


def test_filters_follow_a_meeting_moved_in_place_and_time(archive):
    baku = Meeting.objects.get(title="Talks in Baku")
    baku.country = "GE"
    baku.date = datetime.date(2019, 5, 5)
    baku.save()
    assert found("karabakh", meeting_country="AZ") == set()
    assert found("karabakh", meeting_country="GE") == texts(archive, "karabakh", "karabakh_only")
    assert found("karabakh", date_before="2019-12-31") == texts(archive, "karabakh", "karabakh_only")
    Meeting.objects.filter(pk=baku.pk).update(country="AM")
    assert found("karabakh", meeting_country="AM") == texts(archive, "karabakh", "karabakh_only")


def test_filters_follow_a_speaker_whose_country_changes(archive):
    Person.objects.filter(name="Jeyhun Bayramov").update(country="GE")
    assert found("karabakh", speaker_country="GE") == texts(archive, "karabakh")
    assert found("karabakh", speaker_country="AZ") == set()


def test_filters_follow_a_statement_given_to_another_speaker_or_meeting(archive):
    statement = archive["karabakh"]
    statement.speaker = Person.objects.get(name="Sergey Lavrov")
    statement.save()
    assert found("karabakh", speaker_country="RU") == texts(archive, "karabakh")
    Statement.objects.filter(pk=statement.pk).update(meeting=archive["ceasefire"].meeting)
    assert found("karabakh", meeting_country="RU") == texts(archive, "karabakh")
    assert found("", meeting_country="RU", speaker_country="RU") >= texts(archive, "karabakh")
