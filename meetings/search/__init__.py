"""Statement search: one interface for the public pages and the admin, on PostgreSQL and SQLite.

    results = search_statements("ceasefire -OSCE", meeting_country="az", page=2)
    for hit in results.hits:
        hit.statement.get_absolute_url(), hit.snippet, hit.rank

The query language is described in `meetings.search.query`; the SQL (BM25 ranking of every match)
in `meetings.search.backends`, with PostgreSQL's bounded top-k in `meetings.search.topk`; the
structures that keep the index in step with Statement in `meetings.search.schema` and
`meetings.search.impacts`; facet counts in `meetings.search.facets`; what is remembered per data
version in `meetings.search.memo`.
Nothing here raises on what a visitor typed: unknown slugs, malformed codes or dates simply match
nothing, and any text is a valid query.

May import: `meetings.models` and Django's ORM; never the web, opendata or admin rooms, which use it.
"""

import datetime
import json
import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString

from meetings.models import Meeting, Participant, Person, Statement

from . import backends
from .backends import backend_for
from .query import clean_text, parse
from .schema import ensure_sqlite_triggers
from .snippets import excerpt, marked_to_html

__all__ = [
    "SORTS",
    "ListedStatements",
    "RankedStatements",
    "SearchResults",
    "StatementHit",
    "clean_text",
    "has_words",
    "matching_statements",
    "search_statements",
]

MAX_PER_PAGE = 500


@dataclass
class StatementHit:
    statement: Statement  # with meeting, speaker and source loaded
    snippet: SafeString  # escaped text; only <mark>...</mark> is markup
    rank: float | None  # higher is better; None when the statements are listed newest first

    @property
    def source_url(self) -> str | None:
        """The statement inside its source document (the page highlights start..end)."""
        statement = self.statement
        if statement.source_id is None:
            return None
        url = statement.source.get_absolute_url()
        if statement.start is not None:
            url += f"?start={statement.start}&end={statement.end}#statement-{statement.pk}"
        return url


SORTS = ("relevance", "newest", "oldest")


@dataclass
class SearchResults:
    hits: list[StatementHit]
    total: int
    total_is_exact: bool
    page: int
    per_page: int
    sort: str = "relevance"
    # Words were typed but none can be searched for (only common words like "the", or "*").
    unsearchable: bool = False
    # Every match's (speaker_id, speaker's country, meeting country, year), when the search read
    # them anyway (few matches on PostgreSQL): facets.statement_facets counts them.
    facet_rows: list | None = field(default=None, repr=False)

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def past_the_end(self) -> bool:
        """A page number beyond the last page of a search that found something."""
        return self.total > 0 and not self.hits and self.page > 1


# --- filters -------------------------------------------------------------------------------


def _country(value) -> str | None:
    code = str(value).strip().upper()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else None


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _slug(value) -> str | None:
    slug = str(value).strip()
    return slug if 0 < len(slug) <= 120 else None


def _copy_condition(column, operator, value, on_rows=False):
    """A comparison of a statement's own column; on_rows: written as `(...) IS TRUE`, which
    PostgreSQL tests on the rows found rather than in the full-text index (with the same estimate)."""
    sql = f'"meetings_statement"."{column}" {operator} %s'
    return Q(RawSQL(f"({sql}) IS TRUE" if on_rows else sql, [value], output_field=BooleanField()))


def filter_statements(
    queryset,
    *,
    speaker=None,
    speaker_country=None,
    meeting_country=None,
    organization=None,
    date_after=None,
    date_before=None,
    kind=None,
    use_copies=False,
    with_words=False,
):
    """The statements that pass every given filter (an unusable value matches nothing).

    speaker: a person's slug (an old slug left by a merge works too). organization: a slug; a
    statement qualifies when its meeting mentions the organization or a participant represents it.
    Dates bound the meeting's date, both ends included.
    use_copies: compare the copies of the countries and date kept on each statement for search
    (see schema.py) instead of joining.
    with_words: the statements are to be found by words in PostgreSQL's full-text index, so the
    date range and the kind are tested on the rows it finds rather than in that index, where a
    range is thousands of dates' entries and a kind half the table's (twice as slow to intersect).
    """
    if use_copies and connection.vendor == "sqlite":
        ensure_sqlite_triggers(connection)  # a table rebuild may have dropped the copies
    on_rows = with_words and use_copies and connection.vendor == "postgresql"
    conditions = Q()
    if speaker not in (None, ""):
        slug = _slug(speaker)
        if slug is None:
            return queryset.none()
        people = Person.objects.filter(Q(slug=slug) | Q(redirects__old_slug=slug)).values("pk")
        conditions &= Q(speaker__in=people)
    for value, copy, lookup in (
        (speaker_country, "search_speaker_country", "speaker__country"),
        (meeting_country, "search_meeting_country", "meeting__country"),
    ):
        if value not in (None, ""):
            code = _country(value)
            if code is None:
                return queryset.none()
            conditions &= _copy_condition(copy, "=", code) if use_copies else Q(**{lookup: code})
    if organization not in (None, ""):
        slug = _slug(organization)
        if slug is None:
            return queryset.none()
        # A union of two lookups by the organization, not an OR over joins of every meeting.
        mentioned = Meeting.organizations_mentioned.through.objects.filter(organization__slug=slug)
        represented = Participant.objects.filter(organization__slug=slug).order_by()
        conditions &= Q(meeting__in=mentioned.values("meeting_id").union(represented.values("meeting_id")))
    for value, lookup, operator in ((date_after, "gte", ">="), (date_before, "lte", "<=")):
        if value not in (None, ""):
            day = _date(value)
            if day is None:
                return queryset.none()
            if use_copies:
                conditions &= _copy_condition("search_meeting_date", operator, day, on_rows)
            else:
                conditions &= Q(**{f"meeting__date__{lookup}": day})
    if kind not in (None, ""):
        if kind not in Statement.Kind.values:
            return queryset.none()
        conditions &= _copy_condition("kind", "=", kind, on_rows) if on_rows else Q(kind=kind)
    return queryset.filter(conditions)


# --- searching -----------------------------------------------------------------------------


def matching_statements(
    query: str = "", *, ranges=(), scan_ranges=None, use_copies=False, **filters
) -> QuerySet:
    """Every statement the query and filters match, unordered and without snippets: for facets,
    counts and exports. Chain `.order_by()`/`.select_related()` as needed. `ranges`: only ids
    within these (low, high) pairs (a sample); `scan_ranges`: read those rows (True) rather than the
    full-text index (False; None: the backend chooses, PostgreSQL by the words' frequencies). A query of only unsearchable words matches nothing."""
    parsed = parse(query)
    with_words = bool(parsed) and not parsed.only_excludes
    statements = filter_statements(
        Statement.objects.all(), use_copies=use_copies, with_words=with_words, **filters
    )
    if not parsed:
        if clean_text(query).strip():
            return statements.none()
        if ranges:
            within = Q()
            for low, high in ranges:
                within |= Q(id__range=(low, high))
            statements = statements.filter(within)
        return statements
    sql, params = backend_for(connection, parsed).matching_ids_sql(ranges, scan_ranges)
    return statements.filter(id__in=RawSQL(sql, params))


def _page_numbers(page, per_page):
    try:
        page = max(1, int(page))
    except (TypeError, ValueError):
        page = 1
    try:
        per_page = min(MAX_PER_PAGE, max(1, int(per_page)))
    except (TypeError, ValueError):
        per_page = 20
    return page, per_page


def _capped_count(queryset):
    """Exact up to backends.COUNT_LIMIT; beyond, PostgreSQL's planner estimate (SQLite counts: it is quick
    at the sizes SQLite serves). PostgreSQL asks the planner first: when it expects well over the
    limit (it reads the filters' columns well), counting up to the limit would be wasted."""
    if queryset.query.is_empty():
        return 0, True
    estimate = None
    if connection.vendor == "postgresql":
        plan = json.loads(queryset.order_by().values("id").explain(format="json"))
        estimate = int(plan[0]["Plan"]["Plan Rows"])
        if estimate > 1.5 * backends.COUNT_LIMIT:
            return estimate, False
    total = queryset.order_by()[: backends.COUNT_LIMIT + 1].count()
    if total <= backends.COUNT_LIMIT:
        return total, True
    if estimate is None:
        return queryset.order_by().count(), True
    return max(estimate, backends.COUNT_LIMIT + 1), False


def _snippet(marked, statement):
    return marked_to_html(marked) if marked else excerpt(statement.text)


def _listing(statements, page, per_page, sort, use_copies=False):
    """Statements by meeting date (then most recently added), newest or oldest first, no ranking."""
    total, exact = _capped_count(statements)
    offset = (page - 1) * per_page
    # The statement's own copy of the date has an index in the newest-first order.
    date = RawSQL('"meetings_statement"."search_meeting_date"', []) if use_copies else F("meeting__date")
    order = (date.asc(nulls_last=True), "id") if sort == "oldest" else (date.desc(nulls_last=True), "-id")
    rows = (
        [] if offset >= total else statements.select_related("meeting", "speaker", "source").order_by(*order)
    )
    hits = [
        StatementHit(statement, excerpt(statement.text), None)
        for statement in rows[offset : offset + per_page]
    ]
    return SearchResults(hits, total, exact, page, per_page, sort)


def search_statements(
    query: str = "",
    *,
    page: int = 1,
    per_page: int = 20,
    sort: str | None = None,
    snippets: bool = True,
    **filters,
) -> SearchResults:
    """One page of statements matching `query` and the filters, with snippets.

    sort: "relevance" (the default when there are words to look for: BM25 over every match, see
    backends.py), "newest" or "oldest" (by meeting date; the default without words). An unknown
    sort falls back to the default. The filters are filter_statements()'s keywords (speaker,
    speaker_country, meeting_country, organization, date_after, date_before, kind). A query whose
    words are all unsearchable ("the", "*") finds nothing and says so (`unsearchable`).
    snippets=False leaves the hits' snippets empty (the data formats have none).
    """
    page, per_page = _page_numbers(page, per_page)
    query = clean_text(query)
    use_copies = True
    parsed = parse(query)
    ranks = bool(parsed) and not parsed.only_excludes
    if sort not in SORTS or (sort == "relevance" and not ranks):
        sort = "relevance" if ranks else "newest"
    statements = filter_statements(
        Statement.objects.all(), use_copies=use_copies, with_words=sort == "relevance", **filters
    )
    if not parsed:
        if query.strip():
            return SearchResults([], 0, True, page, per_page, sort, unsearchable=True)
        return _listing(statements, page, per_page, sort, use_copies)
    backend = backend_for(connection, parsed)
    if sort != "relevance":
        sql, params = backend.matching_ids_sql()
        return _listing(statements.filter(id__in=RawSQL(sql, params)), page, per_page, sort, use_copies)
    if statements.query.is_empty():
        return SearchResults([], 0, True, page, per_page, sort)

    offset = (page - 1) * per_page
    every_match, facet_rows = backend.all_matches(statements, offset, per_page), None
    if every_match is not None:
        ranked, facet_rows = every_match
        total, exact = len(facet_rows), True
    else:
        total, exact = backend.count(statements)
        ranked = backend.ranked(statements, offset, per_page)[0] if offset < total else []
    ids = [row[0] for row in ranked]
    by_id = Statement.objects.select_related("meeting", "speaker", "source").in_bulk(ids)
    marked = backend.snippets(ids) if ids and snippets else {}
    hits = [
        StatementHit(by_id[pk], _snippet(marked.get(pk), by_id[pk]) if snippets else SafeString(""), rank)
        for pk, rank in ranked
        if pk in by_id
    ]
    return SearchResults(hits, total, exact, page, per_page, sort, facet_rows=facet_rows)


def has_words(query: str) -> bool:
    """Whether the query has words to rank by (not only `-words`, common words or punctuation)."""
    parsed = parse(query)
    return bool(parsed) and not parsed.only_excludes


def count_statements(query: str = "", **filters) -> tuple[int, bool]:
    """(how many statements search_statements() finds, whether that is exact), without a page."""
    query = clean_text(query)
    parsed = parse(query)
    with_words = bool(parsed) and not parsed.only_excludes
    statements = filter_statements(Statement.objects.all(), use_copies=True, with_words=with_words, **filters)
    if not parsed:
        return (0, True) if query.strip() else _capped_count(statements)
    backend = backend_for(connection, parsed)
    if parsed.only_excludes:
        sql, params = backend.matching_ids_sql()
        return _capped_count(statements.filter(id__in=RawSQL(sql, params)))
    return (0, True) if statements.query.is_empty() else backend.count(statements)


class RankedStatements:
    """A search's matches as a sequence in the search's order, for paginated data formats:
    `count()` is the search's total (exact up to COUNT_LIMIT, estimated beyond on PostgreSQL, as
    on the page; `count_is_exact` says which) and a slice [offset:offset + size] with offset a
    multiple of size is that page. One search answers both for the page asked for (`page`,
    `per_page`), without snippets, which the data formats do not carry."""

    def __init__(self, query="", sort=None, page=1, per_page=20, **filters):
        self.query, self.sort, self.filters = query, sort, filters
        self.page_asked, self.count_is_exact = (page, per_page), True
        self._searched = {}

    def _search(self, page, per_page):
        if (page, per_page) not in self._searched:
            self._searched = {
                (page, per_page): search_statements(
                    self.query, page=page, per_page=per_page, sort=self.sort, snippets=False, **self.filters
                )
            }
        return self._searched[page, per_page]

    def count(self):
        results = self._search(*self.page_asked)
        self.count_is_exact = results.total_is_exact
        return results.total

    def __getitem__(self, window):
        size = max(1, window.stop - window.start)
        return [hit.statement for hit in self._search(window.start // size + 1, size).hits]


class ListedStatements:
    """The matches in id order (the data formats' order without words), counted as the search
    page counts them: exact up to COUNT_LIMIT, else PostgreSQL's estimate (`count_is_exact`
    False after count()). Counting 40,000 scattered statements exactly reads 40,000 rows."""

    def __init__(self, query="", **filters):
        self.query, self.filters, self.count_is_exact = query, filters, True

    def count(self):
        total, self.count_is_exact = count_statements(self.query, **self.filters)
        return total

    def __getitem__(self, window):
        # The copies on each statement: no join to people or meetings to filter them.
        return matching_statements(self.query, use_copies=True, **self.filters).order_by("pk")[window]
