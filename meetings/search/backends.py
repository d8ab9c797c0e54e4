"""The SQL each database runs for a search: matching, ranking, counting, sampling and snippets.

Both backends answer the same questions:

- `matching_ids_sql(ranges)`: every statement id the query matches (within id ranges, to sample).
- `ranked(statements, offset, limit)`: a page of the matches best first by BM25 over EVERY match
  (term frequency, rarity, statement length), as [(id, score)] with higher scores better.
- `count(statements)`: how many match, exact up to COUNT_LIMIT, else an estimate.
- `snippets(ids)`: highlighted excerpts, computed only for the statements on the page.

SQLite: FTS5's bm25() over every match, which it computes fast enough at a million statements.
PostgreSQL: reading and scoring every match of a common word costs seconds, so the best matches
come from precomputed impacts (impacts.py) with Fagin's threshold algorithm (topk.py): the K statements
where each query word weighs most are scored exactly; any statement not among them scores at most
the sum of the K-th impacts (the threshold), so once the page's last hit scores at least that, the
page is exactly the full ranking's. K grows until it is, up to MAX_DEPTH; queries with few matches
(the planner's estimate) are simply scored in full. `statements` is a filtered ORM queryset.
"""

import json
import math

from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from . import topk
from .impacts import IMPACT_TABLE
from .memo import remembered_per_data_version
from .query import ParsedQuery, to_fts5, to_fts5_excluded, to_tsquery_sql, with_alternatives
from .schema import FTS_TABLE, TS_CONFIG, ensure_sqlite_triggers
from .snippets import DISGUISED, START, STOP

COUNT_LIMIT = 10_000
SMALL_RESULT = 5_000  # PostgreSQL: matches the planner expects that are cheap to score all at once
# PostgreSQL: postings read per word by the threshold algorithm (its first round, and its bound).
FIRST_DEPTH, MAX_DEPTH = 200, 3_200
# PostgreSQL, two words: postings read per word at first (at least so many per hit wanted), at most.
PAIR_DEPTH, PAIR_DEPTH_PER_HIT, PAIR_MAX_DEPTH = 16_384, 512, 262_144
SCORE_ALL = 1_000  # PostgreSQL: filtered matches scored all at once (more: filtered impact lists)
MAX_PROBES = 20_000  # PostgreSQL: postings checked against the filters for one page, at most
# PostgreSQL, a sample of id ranges: testing a row costs about as much as reading this many of
# the words' entries in the full-text index (which is read whole for the sample's words).
ROW_COST = 8
SAMPLE_SHARE = 0.01  # PostgreSQL: the share of ids a phrase's count is estimated from
SNIPPET_TOKENS = 24


# A statement's BM25 score for the query's lexemes and idf weights (the two parameters), written
# inline: as a called SQL function it cost about three times as much per row.
BM25_SQL = (
    "(SELECT coalesce(sum(w.idf * meetings_term_impact(coalesce(array_length(u.positions, 1), 1), "
    "length(s.search_vector))), 0) FROM unnest(s.search_vector) AS u "
    "JOIN unnest(%s::text[], %s::float8[]) AS w(word, idf) ON w.word = u.lexeme)"
)


def _restrict(column, statements):
    """An "AND column IN (filtered ids)" clause, empty when no filter is set."""
    if not statements.query.where:
        return "", []
    sql, params = statements.order_by().values("id").query.sql_with_params()
    return f" AND {column} IN ({sql})", list(params)


def _ranges_sql(column, ranges):
    if not ranges:
        return "", []
    sql = " OR ".join(f"{column} BETWEEN %s AND %s" for _ in ranges)
    return f" AND ({sql})", [bound for pair in ranges for bound in pair]


def idf(total, frequency):
    """BM25's rarity weight (never negative, as in Lucene)."""
    return math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))


class PostgresBackend:
    """Composes the match with the ORM's filter joins, so the planner sees one query."""

    def __init__(self, connection, parsed: ParsedQuery):
        self.connection = connection
        self.parsed = parsed
        self.tsquery, self.tsquery_params = to_tsquery_sql(parsed, TS_CONFIG)

    def matching_ids_sql(self, ranges=(), scan_ranges=None):
        """scan_ranges: read the rows of the id ranges and test each (True), or take the words'
        entries in the full-text index and keep those within the ranges (False); None: whichever
        reads less (a row costs about ROW_COST index entries)."""
        extra, extra_params = _ranges_sql("id", ranges)
        if ranges and scan_ranges is None:
            rows = sum(high - low + 1 for low, high in ranges)
            scan_ranges = rows * ROW_COST < sum(self.weights()[2])
        if ranges and scan_ranges:
            # OFFSET 0 keeps the planner from testing the match in the full-text index, which
            # for common words means reading hundreds of thousands of entries for a sample.
            sql = (
                f"SELECT id FROM (SELECT id, search_vector FROM meetings_statement WHERE TRUE{extra} "
                f"OFFSET 0) AS sample WHERE search_vector @@ {self.tsquery}"
            )
            return sql, [*extra_params, *self.tsquery_params]
        sql = f"SELECT id FROM meetings_statement WHERE search_vector @@ {self.tsquery}{extra}"
        return sql, [*self.tsquery_params, *extra_params]

    def _matched(self, statements):
        condition = RawSQL(
            f'"meetings_statement"."search_vector" @@ {self.tsquery}',
            self.tsquery_params,
            output_field=BooleanField(),
        )
        return statements.filter(condition).order_by()

    def _query(self, sql, params):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    @remembered_per_data_version
    def phrase_exists(self, tokens):
        """Whether some statement has these words in a row (looked for among at most 5,000
        statements with the rarer word, so the answer stays cheap)."""
        rows = self._query(
            f"""WITH l AS (SELECT lexeme, (SELECT count(*) FROM (SELECT 1 FROM {IMPACT_TABLE} i
                    WHERE i.lexeme = l.lexeme LIMIT 5000) AS n) AS df
                FROM unnest(tsvector_to_array(to_tsvector('{TS_CONFIG}', %s))) AS l(lexeme))
            SELECT (SELECT count(*) FROM l) = %s AND NOT EXISTS (SELECT 1 FROM l WHERE df = 0)
                AND EXISTS (SELECT 1 FROM meetings_statement s WHERE s.id IN (
                    SELECT statement_id FROM {IMPACT_TABLE} WHERE lexeme = (
                        SELECT lexeme FROM l ORDER BY df LIMIT 1) LIMIT 5000)
                    AND s.search_vector @@ phraseto_tsquery('{TS_CONFIG}', %s))""",
            [" ".join(tokens), len(tokens), " ".join(tokens)],
        )
        return bool(rows[0][0])

    @remembered_per_data_version
    def estimate(self, statements):
        plan = json.loads(self._matched(statements).values("id").explain(format="json"))
        return int(plan[0]["Plan"]["Plan Rows"])

    @remembered_per_data_version
    def weights(self):
        """The query's lexemes (words it looks for, as indexed), their idf weights and their
        document frequencies."""
        words = " ".join(
            " ".join(tokens)
            for group in self.parsed.groups
            for term in group.include
            for tokens in term.forms
        )
        rows = self._query(
            f"""SELECT l.lexeme, (SELECT count(*) FROM {IMPACT_TABLE} i WHERE i.lexeme = l.lexeme), (
                SELECT CASE WHEN reltuples < 100000 THEN (SELECT count(*) FROM meetings_statement)
                    ELSE reltuples::bigint END FROM pg_class WHERE oid = 'meetings_statement'::regclass)
            FROM unnest(tsvector_to_array(to_tsvector('{TS_CONFIG}', %s))) AS l(lexeme)""",
            [words],
        )
        total = max([1] + [row[2] for row in rows] + [row[1] for row in rows])
        return [row[0] for row in rows], [idf(total, row[1]) for row in rows], [row[1] for row in rows]

    @remembered_per_data_version
    def impact_at(self, depth):
        """{lexeme: the impact at `depth` in its impact list, None when the list is shorter}."""
        return dict(self._query(topk.IMPACT_AT_SQL, [depth - 1, self.weights()[0]]))

    def _scored(self, statements, lexemes, weights, ids=None, limit=None):
        """Matching statements (all, or those in `ids`) with their exact BM25 score, best first."""
        matched = self._matched(statements)
        if ids is not None:
            in_ids = RawSQL('"meetings_statement"."id" = ANY(%s)', [ids], output_field=BooleanField())
            matched = matched.filter(in_ids)
        inner, params = matched.values("id").query.sql_with_params()
        sql = (
            f"SELECT s.id, {BM25_SQL} AS score "
            f"FROM meetings_statement s WHERE s.id IN ({inner}) ORDER BY score DESC, s.id DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [(pk, float(score)) for pk, score in self._query(sql, [lexemes, weights, *params])]

    def _best_postings(self, lexemes, depth, statements=None):
        """topk.best_postings for this query, at most MAX_PROBES filter checks."""
        return topk.best_postings(self._query, lexemes, depth, statements, MAX_PROBES)

    def all_matches(self, statements, offset, limit):
        """When the planner expects at most SMALL_RESULT matches: (the page as [(id, score)],
        every match's (speaker_id, speaker's country, meeting country, year)) from one read of
        the matches, which also gives the exact total and the facets. Else None.

        Up to SCORE_ALL matches, or without filters, every match is scored in that read. More
        filtered matches are read without scores and the page comes from the filtered impact
        lists (`ranked`), which costs a few postings per hit instead of a score per match."""
        estimate = self.estimate(statements)
        if estimate > SMALL_RESULT:
            return None
        if statements.query.where and estimate > SCORE_ALL:
            matches = self._matched(statements).annotate(
                s_country=RawSQL('"meetings_statement"."search_speaker_country"', []),
                m_country=RawSQL('"meetings_statement"."search_meeting_country"', []),
                year=RawSQL('extract(year FROM "meetings_statement"."search_meeting_date")::int', []),
            )
            rows = list(matches.values_list("id", "speaker_id", "s_country", "m_country", "year"))
            if len(rows) <= SCORE_ALL:  # fewer than the planner expected
                scored = self._scored(statements, *self.weights()[:2], ids=[row[0] for row in rows])
                page = scored[offset : offset + limit]
            elif len(self.weights()[0]) == 1:
                lexemes, weights, _ = self.weights()
                page = topk.best_among(
                    self._query, *lexemes, *weights, [row[0] for row in rows], offset, limit
                )
            else:
                page = self.ranked(statements, offset, limit)[0] if offset < len(rows) else []
            return page, [row[1:] for row in rows]
        inner, params = self._matched(statements).values("id").query.sql_with_params()
        lexemes, weights, _ = self.weights()
        sql = (
            f"SELECT s.id, {BM25_SQL} AS score, s.speaker_id, "
            "s.search_speaker_country, s.search_meeting_country, extract(year FROM s.search_meeting_date)::int "
            f"FROM meetings_statement s WHERE s.id IN ({inner}) ORDER BY score DESC, s.id DESC"
        )
        rows = self._query(sql, [lexemes, weights, *params])
        return [(row[0], float(row[1])) for row in rows[offset : offset + limit]], [row[2:] for row in rows]

    def ranked(self, statements, offset, limit):
        """([(id, score)] for the page, exact): exact is False only when MAX_DEPTH was reached.

        With filters, the impact lists are read through them (each posting's statement probed)
        when that takes at most MAX_PROBES probes: a word in 50 times as many statements as
        the filtered matches needs about 50 postings per hit. Otherwise the lists are the
        words' own and the filters apply when the candidates are scored."""
        lexemes, weights, frequencies = self.weights()
        wanted, estimate = offset + limit, self.estimate(statements)
        if not lexemes or estimate <= SCORE_ALL:
            return self._scored(statements, lexemes, weights, limit=wanted)[offset:], True
        if not statements.query.where and len(lexemes) == 2 and topk.only_single_words(self.parsed):
            page = topk.pair_page(
                self._query,
                lexemes,
                weights,
                wanted,
                max(PAIR_DEPTH, PAIR_DEPTH_PER_HIT * wanted),
                PAIR_MAX_DEPTH,
                lambda ids: self._scored(statements, lexemes, weights, ids=ids),
                self.impact_at,
            )
            if page is not None:
                return page[offset:], True
        # One word or phrase: its words' best postings hold its best statements, so a short list
        # settles it. Several words anywhere: the best statements for all sit deeper in each list.
        several = sum(len(group.include) for group in self.parsed.groups) > 1
        depth, through = max(MAX_DEPTH // 8 if several else FIRST_DEPTH, 2 * wanted), None
        probes = max(frequencies) / max(1, estimate) * len(lexemes)  # per posting wanted
        if statements.query.where:
            first = depth if several else 2 * wanted
            if first * probes <= MAX_PROBES:
                through, depth = statements, first
        if through is None and statements.query.where and estimate <= SMALL_RESULT:
            return self._scored(statements, lexemes, weights, limit=wanted)[offset:], True
        found, checked = {}, set()  # exact scores of the matches among the candidates so far
        # Whether a statement in every list is a match (no filter it might fail).
        listed_match = through is not None or not statements.query.where
        while True:
            postings, bounds = self._best_postings(lexemes, depth, through)
            threshold = sum(weight * bounds[lexeme] for lexeme, weight in zip(lexemes, weights, strict=True))
            floor = sorted(found.values(), reverse=True)[wanted - 1] if len(found) >= wanted else 0.0
            candidates = [
                pk
                for pk in self._candidates(postings, bounds, weights, wanted, floor, listed_match)
                if pk not in checked
            ]
            checked.update(pk for rows in postings.values() for pk, _ in rows)
            found.update(self._scored(statements, lexemes, weights, ids=candidates))
            scored = sorted(found.items(), key=lambda row: (-row[1], -row[0]))
            if threshold == 0 or (len(scored) >= wanted and scored[wanted - 1][1] >= threshold):
                return scored[offset:wanted], True
            if through is not None and (
                4 * depth * probes > MAX_PROBES or any(len(x) < depth for x in postings.values())
            ):
                through, depth = None, MAX_DEPTH // 2  # the filters are too rare in the lists
                found, checked, listed_match = {}, set(), False
                if estimate <= SMALL_RESULT:
                    return self._scored(statements, lexemes, weights, limit=wanted)[offset:], True
                continue
            if depth >= MAX_DEPTH:
                return scored[offset:wanted], False
            depth = min(depth * 4, MAX_DEPTH)

    def _candidates(self, postings, bounds, weights, wanted, floor, listed_match=True):
        return topk.candidates(self.parsed, postings, bounds, weights, wanted, floor, listed_match)

    def exact_ranking(self, statements, limit):
        """Every match scored (slow on common words): what `ranked` is measured against."""
        lexemes, weights, _ = self.weights()
        return self._scored(statements, lexemes, weights, limit=limit)

    def count(self, statements):
        """Exact up to COUNT_LIMIT, else an estimate: the planner's, or for a phrase (which the
        planner counts as its words anywhere) the matches among SAMPLE_SHARE of the ids, scaled."""
        estimate = self.estimate(statements)
        if estimate > COUNT_LIMIT and any(
            len(tokens) > 1 for term in self.parsed.terms() for tokens in term.forms
        ):
            estimate = self._sampled_count(statements)
        if estimate > 1.5 * COUNT_LIMIT:  # the planner reads single words well
            return estimate, False
        total = self._matched(statements).values("id")[: COUNT_LIMIT + 1].count()
        if total <= COUNT_LIMIT:
            return total, True
        return max(estimate, COUNT_LIMIT + 1), False

    @remembered_per_data_version
    def _sampled_count(self, statements):
        low, high = self._query("SELECT min(id), max(id) FROM meetings_statement", [])[0]
        if low is None:
            return 0
        span, slices = high - low + 1, 8
        width = max(1, round(span * SAMPLE_SHARE / slices))
        ranges = [
            (low + round(i * span / slices), low + round(i * span / slices) + width - 1)
            for i in range(slices)
        ]
        sql, params = self.matching_ids_sql(ranges)
        found = statements.filter(id__in=RawSQL(sql, params)).count()
        return round(found * span / (width * slices))

    def snippets(self, ids):
        options = f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, MaxFragments=2"
        sql = (
            f"SELECT id, ts_headline('{TS_CONFIG}', translate(text, %s, %s), {self.tsquery}, %s) "
            "FROM meetings_statement WHERE id = ANY(%s)"
        )
        # translate() replaces <, > and & by their disguises and deletes stray START/STOP.
        disguise = ("".join(DISGUISED) + START + STOP, "".join(DISGUISED.values()))
        return dict(self._query(sql, [*disguise, *self.tsquery_params, options, list(ids)]))


class SqliteBackend:
    def __init__(self, connection, parsed: ParsedQuery):
        self.connection = connection
        ensure_sqlite_triggers(connection)
        self.parsed = parsed
        self.only_excludes = parsed.only_excludes
        self.match = to_fts5_excluded(parsed) if parsed.only_excludes else to_fts5(parsed)

    def matching_ids_sql(self, ranges=(), scan_ranges=None):
        inner = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        if self.only_excludes:
            extra, extra_params = _ranges_sql("id", ranges)
            return f"SELECT id FROM meetings_statement WHERE id NOT IN ({inner}){extra}", [
                self.match,
                *extra_params,
            ]
        if not ranges:
            return inner, [self.match]
        # One FTS5 query per range: FTS5 seeks to a rowid range but not to several at once.
        parts = [f"{inner} AND rowid BETWEEN %s AND %s" for _ in ranges]
        return " UNION ALL ".join(parts), [value for low, high in ranges for value in (self.match, low, high)]

    def _where(self, statements):
        # The unary + keeps SQLite from handing "rowid IN (...)" to FTS5, which would run the
        # MATCH once per filtered statement; instead the filter is built once and probed.
        extra, extra_params = _restrict("+rowid", statements)
        return f"{FTS_TABLE} MATCH %s{extra}", [self.match, *extra_params]

    def _query(self, sql, params):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    @remembered_per_data_version
    def phrase_exists(self, tokens):
        phrase = '"' + " ".join(tokens) + '"'
        return bool(self._query(f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT 1", [phrase]))

    def all_matches(self, statements, offset, limit):
        """As PostgresBackend.all_matches, when FTS5 counts at most SMALL_RESULT matches."""
        if self.count(statements)[0] > SMALL_RESULT:
            return None
        where, params = self._where(statements)
        sql = (
            f"WITH hit AS (SELECT rowid AS id, -bm25({FTS_TABLE}) AS score FROM {FTS_TABLE} WHERE {where}) "
            "SELECT hit.id, hit.score, s.speaker_id, s.search_speaker_country, s.search_meeting_country, "
            "CAST(strftime('%%Y', s.search_meeting_date) AS integer) "
            "FROM hit JOIN meetings_statement s ON s.id = hit.id ORDER BY hit.score DESC, hit.id DESC"
        )
        rows = self._query(sql, params)
        return [(row[0], row[1]) for row in rows[offset : offset + limit]], [row[2:] for row in rows]

    def ranked(self, statements, offset, limit):
        where, params = self._where(statements)
        sql = (
            f"SELECT rowid, bm25({FTS_TABLE}) AS score FROM {FTS_TABLE} WHERE {where} "
            f"ORDER BY score, rowid DESC LIMIT {int(limit)} OFFSET {int(offset)}"
        )
        return [(pk, -float(score)) for pk, score in self._query(sql, params)], True

    def exact_ranking(self, statements, limit):
        return self.ranked(statements, 0, limit)[0]

    @remembered_per_data_version
    def count(self, statements):
        """Exact: FTS5 walks a word's document list quickly."""
        where, params = self._where(statements)
        return self._query(f"SELECT count(*) FROM {FTS_TABLE} WHERE {where}", params)[0][0], True

    def snippets(self, ids):
        ids = list(ids)
        placeholders = ", ".join(["%s"] * len(ids))
        sql = (
            f"SELECT rowid, snippet({FTS_TABLE}, 0, %s, %s, '…', {SNIPPET_TOKENS}) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})"
        )
        return dict(self._query(sql, [START, STOP, self.match, *ids]))


def backend_for(connection, parsed: ParsedQuery):
    """The backend for this database, for the query with the joined words' split forms that
    occur in the archive (query.with_alternatives)."""
    backend_class = {"postgresql": PostgresBackend, "sqlite": SqliteBackend}.get(connection.vendor)
    if backend_class is not None:
        plain = backend_class(connection, parsed)
        expanded = backend_class(connection, with_alternatives(parsed, plain.phrase_exists))
        expanded.data_version = getattr(plain, "data_version", None)
        return expanded
    raise NotImplementedError(f"Search supports PostgreSQL and SQLite, not {connection.vendor}.")
