"""The SQL each database runs for a search: matching, counting, ranking and snippets.

Both backends answer the same questions in the same way, so results agree:

- `matching_ids_sql`: every statement id the query matches.
- `candidates`: the newest RANK_WINDOW matches (by statement id) with their rank. Ranking every
  match of a common word costs seconds on a million statements, so the first pages rank this
  window; older matches follow, newest first (`older_matches`). A query with at most
  RANK_WINDOW matches is ranked completely.
- `count`: how many match, exact up to COUNT_LIMIT, estimated beyond.
- `window`: both at once (PostgreSQL reads few matches once for both).
- `snippets`: highlighted excerpts, computed only for the statements on the page.

Ranks are "higher is better" on both: ts_rank_cd on PostgreSQL, minus bm25 on SQLite.
`statements` is an optional `SELECT id ...` subquery (from the ORM) that limits the statements.
"""

import json

from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from .query import ParsedQuery, to_fts5, to_fts5_excluded, to_tsquery_sql
from .schema import FTS_TABLE, TS_CONFIG, ensure_sqlite_triggers
from .snippets import DISGUISED, START, STOP

COUNT_LIMIT = 10_000
ESTIMATE_MARGIN = 3  # PostgreSQL: an estimate above ESTIMATE_MARGIN * COUNT_LIMIT is not checked
RANK_WINDOW = 1_000
SMALL_RESULT = 20_000  # PostgreSQL: matches the planner expects that are cheap to read all at once
SNIPPET_TOKENS = 24


def _restrict(column, statements):
    """An "AND column IN (filtered ids)" clause, empty when no filter is set."""
    if not statements.query.where:
        return "", []
    sql, params = statements.order_by().values("id").query.sql_with_params()
    return f" AND {column} IN ({sql})", list(params)


def extrapolate(connection, found, lowest_id):
    """`found` matches among the ids from `lowest_id` to the newest: as many per id elsewhere."""
    with connection.cursor() as cursor:
        # Two subqueries: SQLite reads min() or max() alone from the index, not both at once.
        cursor.execute(
            "SELECT (SELECT min(id) FROM meetings_statement), (SELECT max(id) FROM meetings_statement)"
        )
        first, last = cursor.fetchone()
    if first is None:
        return found
    return round(found * (last - first + 1) / max(last - lowest_id + 1, 1))


class PostgresBackend:
    """Composes the match with the ORM's filter joins, so the planner sees one query."""

    def __init__(self, connection, parsed: ParsedQuery):
        self.connection = connection
        self.tsquery, self.tsquery_params = to_tsquery_sql(parsed, TS_CONFIG)

    def matching_ids_sql(self):
        return f"SELECT id FROM meetings_statement WHERE search_vector @@ {self.tsquery}", self.tsquery_params

    def _matched(self, statements):
        condition = RawSQL(
            f'"meetings_statement"."search_vector" @@ {self.tsquery}',
            self.tsquery_params,
            output_field=BooleanField(),
        )
        return statements.filter(condition).order_by()

    def window(self, statements):
        """The ranked candidates and the total, in one scan when the planner expects few matches.

        Few (at most SMALL_RESULT by the planner's estimate): one query reads every match once,
        counting them while it keeps the newest RANK_WINDOW; the total is then exact. Many: walk
        the newest matches down the primary key, which stops after RANK_WINDOW, and estimate.
        """
        matched = self._matched(statements).values("id")
        plan = json.loads(matched.explain(format="json"))
        if int(plan[0]["Plan"]["Plan Rows"]) > SMALL_RESULT:
            candidates = self.candidates(statements)
            return (candidates, *self.count(statements, candidates))
        inner, params = matched.query.sql_with_params()
        # MATERIALIZED: planned apart from the ORDER BY, so it reads the matches from the GIN
        # index instead of walking the whole primary key backwards.
        sql = (
            f"WITH m AS MATERIALIZED ({inner}) "
            f"SELECT s.id, ts_rank_cd(s.search_vector, {self.tsquery}, 1), window_.total FROM ("
            f"SELECT m.id, count(*) OVER () AS total FROM m ORDER BY m.id DESC "
            f"LIMIT {RANK_WINDOW}) AS window_ JOIN meetings_statement s ON s.id = window_.id"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [*params, *self.tsquery_params])
            rows = cursor.fetchall()
        return [(row[0], float(row[1])) for row in rows], (rows[0][2] if rows else 0), True

    def count(self, statements, candidates):
        """From the candidates when they tell enough, else counting up to COUNT_LIMIT + 1.

        Fewer candidates than the window: that is every match. A full window: the matches'
        density over the newest ids, extrapolated to all ids, estimates the total (the planner's
        own estimate is no help for phrases: it treats "a b" like a AND b). Only an estimate
        near COUNT_LIMIT needs the count, which must read (for phrases re-check) the rows.
        """
        if len(candidates) < RANK_WINDOW:
            return len(candidates), True
        estimate = extrapolate(self.connection, len(candidates), min(pk for pk, _ in candidates))
        if estimate > ESTIMATE_MARGIN * COUNT_LIMIT:
            return estimate, False
        total = self._matched(statements).values("id")[: COUNT_LIMIT + 1].count()
        if total <= COUNT_LIMIT:
            return total, True
        return max(estimate, COUNT_LIMIT + 1), False

    def _ranked(self, ids_queryset):
        inner, params = ids_queryset.query.sql_with_params()
        sql = (
            f"SELECT s.id, ts_rank_cd(s.search_vector, {self.tsquery}, 1) "
            f"FROM ({inner}) AS window_ JOIN meetings_statement s ON s.id = window_.id"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [*self.tsquery_params, *params])
            return [(row[0], float(row[1])) for row in cursor.fetchall()]

    def candidates(self, statements):
        return self._ranked(self._matched(statements).order_by("-id").values("id")[:RANK_WINDOW])

    def older_matches(self, statements, below_id, offset, limit):
        older = self._matched(statements).filter(id__lt=below_id).order_by("-id").values("id")
        return self._ranked(older[offset : offset + limit])

    def snippets(self, ids):
        options = f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, MaxFragments=2"
        sql = (
            f"SELECT id, ts_headline('{TS_CONFIG}', translate(text, %s, %s), {self.tsquery}, %s) "
            "FROM meetings_statement WHERE id = ANY(%s)"
        )
        with self.connection.cursor() as cursor:
            # translate() replaces <, > and & by their disguises and deletes stray START/STOP.
            disguise = ("".join(DISGUISED) + START + STOP, "".join(DISGUISED.values()))
            cursor.execute(sql, [*disguise, *self.tsquery_params, options, list(ids)])
            return dict(cursor.fetchall())


class SqliteBackend:
    def __init__(self, connection, parsed: ParsedQuery):
        self.connection = connection
        ensure_sqlite_triggers(connection)
        self.only_excludes = parsed.only_excludes
        self.match = to_fts5_excluded(parsed) if parsed.only_excludes else to_fts5(parsed)

    def matching_ids_sql(self):
        inner = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        if self.only_excludes:
            return f"SELECT id FROM meetings_statement WHERE id NOT IN ({inner})", [self.match]
        return inner, [self.match]

    def _where(self, statements):
        # The unary + keeps SQLite from handing "rowid IN (...)" to FTS5, which would run the
        # MATCH once per filtered statement; instead the filter is built once and probed.
        extra, extra_params = _restrict("+rowid", statements)
        return f"{FTS_TABLE} MATCH %s{extra}", [self.match, *extra_params]

    def window(self, statements):
        """The ranked candidates and the total."""
        candidates = self.candidates(statements)
        return (candidates, *self.count(statements, candidates))

    def count(self, statements, candidates):
        """Counting up to COUNT_LIMIT + 1 newest matches is cheap in FTS5 (it walks the doclist
        in rowid order); beyond, their density over the ids is extrapolated."""
        if len(candidates) < RANK_WINDOW:
            return len(candidates), True
        where, params = self._where(statements)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*), min(rowid) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {where} "
                f"ORDER BY rowid DESC LIMIT {COUNT_LIMIT + 1})",
                params,
            )
            total, lowest = cursor.fetchone()
            if total <= COUNT_LIMIT:
                return total, True
            return max(extrapolate(self.connection, total, lowest), COUNT_LIMIT + 1), False

    def _ranked(self, where, params, tail):
        sql = f"SELECT rowid, bm25({FTS_TABLE}) FROM {FTS_TABLE} WHERE {where} ORDER BY rowid DESC {tail}"
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(row[0], -float(row[1])) for row in cursor.fetchall()]

    def candidates(self, statements):
        where, params = self._where(statements)
        return self._ranked(where, params, f"LIMIT {RANK_WINDOW}")

    def older_matches(self, statements, below_id, offset, limit):
        where, params = self._where(statements)
        return self._ranked(f"{where} AND rowid < %s", [*params, below_id], f"LIMIT {limit} OFFSET {offset}")

    def snippets(self, ids):
        ids = list(ids)
        placeholders = ", ".join(["%s"] * len(ids))
        sql = (
            f"SELECT rowid, snippet({FTS_TABLE}, 0, %s, %s, '…', {SNIPPET_TOKENS}) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, self.match, *ids])
            return dict(cursor.fetchall())


def backend_for(connection, parsed: ParsedQuery):
    if connection.vendor == "postgresql":
        return PostgresBackend(connection, parsed)
    if connection.vendor == "sqlite":
        return SqliteBackend(connection, parsed)
    raise NotImplementedError(f"Search supports PostgreSQL and SQLite, not {connection.vendor}.")
