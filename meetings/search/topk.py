"""PostgreSQL's bounded top-k (backends.PostgresBackend.ranked): reading the impact lists, if
need be through the filters, and leaving out the candidates that cannot reach the page; for two
words that must both occur, the page from deep lists joined in the database (`pair_page`).

May import Django's ORM expressions only: the backend hands in how to run SQL.
"""

from django.db.models.expressions import RawSQL

from .impacts import IMPACT_TABLE


def best_postings(query, lexemes, depth, statements=None, max_probes=20_000):
    """The `depth` statements where each lexeme weighs most: ({lexeme: [(id, impact)]},
    {lexeme: bound}), the bound being what any statement not listed can weigh at most;
    `query(sql, params)` runs SQL.

    With `statements` (filtered), the best among those only: the first `max_probes` / n
    postings of each lexeme, in impact order, are checked against the filters (a primary
    key probe of the statement's copied columns) until `depth` pass; when fewer pass, the
    bound is the impact of the last posting checked."""
    postings = {lexeme: [] for lexeme in lexemes}
    if statements is None:
        rows = query(
            f"""SELECT l.lexeme, b.statement_id, b.impact FROM unnest(%s::text[]) AS l(lexeme),
                LATERAL (SELECT statement_id, impact FROM {IMPACT_TABLE} i WHERE i.lexeme = l.lexeme
                         ORDER BY impact DESC LIMIT %s) AS b""",
            [lexemes, depth],
        )
        for lexeme, pk, impact in rows:
            postings[lexeme].append((pk, impact))
        return postings, {x: postings[x][-1][1] if len(postings[x]) == depth else 0.0 for x in lexemes}
    scan = max_probes // len(lexemes)
    probe = statements.filter(id=RawSQL("i.statement_id", [])).order_by().values("id")
    sql, params = probe.query.sql_with_params()
    rows = query(
        f"""SELECT l.lexeme, b.statement_id, b.impact FROM unnest(%s::text[]) AS l(lexeme),
            LATERAL (SELECT statement_id, impact FROM (
                SELECT statement_id, impact FROM {IMPACT_TABLE} WHERE lexeme = l.lexeme
                ORDER BY impact DESC LIMIT %s) AS i
                WHERE EXISTS ({sql}) ORDER BY impact DESC LIMIT %s) AS b""",
        [lexemes, scan, *params, depth],
    )
    for lexeme, pk, impact in rows:
        postings[lexeme].append((pk, impact))
    bounds = {x: postings[x][-1][1] for x in lexemes if len(postings[x]) == depth}
    short = [x for x in lexemes if x not in bounds]
    if short:  # the last posting checked, when the scan reached its end
        bounds.update(
            query(
                f"""SELECT l.lexeme, coalesce((SELECT impact FROM {IMPACT_TABLE} i WHERE i.lexeme = l.lexeme
                    ORDER BY impact DESC OFFSET %s LIMIT 1), 0) FROM unnest(%s::text[]) AS l(lexeme)""",
                [scan - 1, short],
            )
        )
    return postings, bounds


PAIR_SQL = f"""SELECT x.statement_id, %s * x.impact + %s * y.impact AS score
    FROM (SELECT statement_id, impact FROM {IMPACT_TABLE} WHERE lexeme = %s ORDER BY impact DESC LIMIT %s) AS x
    JOIN (SELECT statement_id, impact FROM {IMPACT_TABLE} WHERE lexeme = %s ORDER BY impact DESC LIMIT %s) AS y
    USING (statement_id) ORDER BY score DESC, x.statement_id DESC LIMIT %s"""
# The impact at a depth of each list (NULL: the list is shorter).
IMPACT_AT_SQL = f"""SELECT l.lexeme, (SELECT impact FROM {IMPACT_TABLE} i WHERE i.lexeme = l.lexeme
    ORDER BY impact DESC OFFSET %s LIMIT 1) FROM unnest(%s::text[]) AS l(lexeme)"""
# The statements of a list whose impact alone, with the other list's bound, reaches the floor.
PREFIX_SQL = f"""SELECT statement_id FROM {IMPACT_TABLE} WHERE lexeme = %s AND impact >= %s
    UNION SELECT statement_id FROM {IMPACT_TABLE} WHERE lexeme = %s AND impact >= %s"""


def only_single_words(parsed) -> bool:
    """Whether the query is words that must all occur, each a single word without alternative
    forms (no phrase, OR or exclusion): a statement's score is then the sum of its impacts."""
    groups = parsed.groups
    return (
        len(groups) == 1
        and not groups[0].exclude
        and all(len(term.forms) == 1 and len(term.forms[0]) == 1 for term in groups[0].include)
    )


def pair_page(query, lexemes, weights, wanted, depth, max_depth, score, impact_at, max_scored=2_000):
    """The `wanted` best statements holding both of two words, as [(id, score)] best first, from
    the words' impact lists read `depth` deep (×4 until they settle it, up to `max_depth`);
    None when they do not. `score(ids)` scores statements exactly, leaving out non-matches;
    `impact_at(depth)` is {lexeme: the impact at that depth of its list, None past its end}.

    A statement in both lists has its exact score from them (the sum of weight × impact); the
    `wanted`-th best of those is the floor. Once the floor reaches the threshold (what a
    statement in neither list can score: the sum of the lists' last impacts), only a statement
    in one list can still beat it, and only if its impact there plus the other list's bound
    reaches the floor: a short prefix of each list, scored exactly. Reading a posting costs
    about a twentieth of scoring a statement's row, so reading deep and scoring few pays: the
    two lists are joined in one statement (a hash join of two index-only scans), a few dozen
    or hundred rows are scored in another."""
    (x, y), (wx, wy) = lexemes, weights
    while True:
        both = query(PAIR_SQL, [wx, wy, x, depth, y, depth, wanted])
        # A list shorter than the depth bounds nothing unread (0): a statement not in it does not match.
        bounds = impact_at(depth)
        bx, by = bounds[x] or 0.0, bounds[y] or 0.0
        if len(both) == wanted and both[-1][1] >= wx * bx + wy * by:
            floor = both[-1][1]
            # A hair lower, so that rounding never leaves out a statement exactly at the floor.
            cutoffs = [(floor - wy * by) / wx - 1e-9, (floor - wx * bx) / wy - 1e-9]
            prefix = query(PREFIX_SQL, [x, cutoffs[0], y, cutoffs[1]])
            if len(prefix) <= max_scored:
                found = dict(both)
                found.update(score([pk for (pk,) in prefix if pk not in found]))
                return sorted(found.items(), key=lambda row: (-row[1], -row[0]))[:wanted]
        if bounds[x] is None and bounds[y] is None:
            return both  # both lists read to their ends: every match is in both
        if depth >= max_depth:
            return None
        depth = min(depth * 4, max_depth)


def candidates(parsed, postings, bounds, weights, wanted, floor, listed_match=True):
    """The statements of the lists that may be among the `wanted` best. For words that must
    all occur (no phrase, OR or alternative form), a statement in every list has its exact
    score from the lists, and one missing from a list scores at most its impacts read plus
    that list's bound; those that cannot reach the `wanted`-th exact score known (`floor`,
    from earlier rounds, or from the lists) are left out before the scoring, which reads
    each candidate's row. `listed_match`: the lists hold only statements that pass the
    filters (else a statement in every list may still fail them, and gives no floor)."""
    every = sorted({pk for rows in postings.values() for pk, _ in rows})
    if len(postings) < 2 or not only_single_words(parsed):
        return every
    lexemes = list(postings)
    weight = dict(zip(lexemes, weights, strict=True))
    seen = {}
    for lexeme, rows in postings.items():
        for pk, impact in rows:
            seen.setdefault(pk, {})[lexeme] = impact
    exact = sorted(
        (
            sum(weight[x] * impacts[x] for x in lexemes)
            for impacts in seen.values()
            if len(impacts) == len(lexemes)
        ),
        reverse=True,
    )
    if listed_match and len(exact) >= wanted:
        floor = max(floor, exact[wanted - 1])
    if not floor:
        return every
    return sorted(
        pk
        for pk, impacts in seen.items()
        if sum(weight[x] * impacts.get(x, bounds[x]) for x in lexemes) >= floor
    )


def best_among(query, lexeme, weight, ids, offset, limit):
    """A page of known matches (`ids`) of a one-word query, whose score is weight × the word's
    impact, as [(id, score)]: the word's impact list read best first, keeping those matches,
    until the page is full (with the ties at its end, which the order by id settles). The
    bigint[] cast lets PostgreSQL hash the ids rather than search the list for each posting."""
    rows = query(
        f"""SELECT statement_id, impact FROM {IMPACT_TABLE} WHERE lexeme = %s AND statement_id = ANY(%s::bigint[])
            ORDER BY impact DESC FETCH FIRST %s ROWS WITH TIES""",
        # The ids as one array literal: psycopg would write thousands of them one by one.
        [lexeme, "{" + ",".join(map(str, ids)) + "}", offset + limit],
    )
    scored = sorted(((pk, weight * impact) for pk, impact in rows), key=lambda row: (-row[1], -row[0]))
    return scored[offset : offset + limit]
