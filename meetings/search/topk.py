"""PostgreSQL's bounded top-k (backends.PostgresBackend.ranked): reading the impact lists, if
need be through the filters, and leaving out the candidates that cannot reach the page.

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


def candidates(parsed, postings, bounds, weights, wanted, floor, listed_match=True):
    """The statements of the lists that may be among the `wanted` best. For words that must
    all occur (no phrase, OR or alternative form), a statement in every list has its exact
    score from the lists, and one missing from a list scores at most its impacts read plus
    that list's bound; those that cannot reach the `wanted`-th exact score known (`floor`,
    from earlier rounds, or from the lists) are left out before the scoring, which reads
    each candidate's row. `listed_match`: the lists hold only statements that pass the
    filters (else a statement in every list may still fail them, and gives no floor)."""
    every = sorted({pk for rows in postings.values() for pk, _ in rows})
    groups = parsed.groups
    if (
        not (len(groups) == 1 and len(postings) > 1)
        or groups[0].exclude
        or any(len(term.forms) != 1 or len(term.forms[0]) != 1 for term in groups[0].include)
    ):
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
