"""Search benchmark: the whole /search/ page (HTML with hits, snippets and facets, and
`?format=json`) timed through Django, per query class, at a given number of statements; and how
far the first page's ranking is from an exact ranking of every match.

    .venv/bin/python bench/search_benchmark.py --database-url postgres://postgres@127.0.0.1:5432/archive_bench \\
        --statements 1000000
    .venv/bin/python bench/search_benchmark.py --database-url sqlite:////tmp/archive_bench.sqlite3 \\
        --statements 1000000

The database is created, migrated and filled with generated statements if needed (search_data.py;
kept and reused while the statement count matches; `--regenerate` refills, `--drop` removes it
at the end). Each timing is one request through Django's test client (middleware, view, SQL,
template), with the page cache off (CACHE_URL=dummy://) so every request does the work; the rounds
alternate between all queries, so load from other processes on the machine falls on every class
alike. p50/p95 are over all requests of a class. This is a script, never a test.
"""

import argparse
import datetime
import os
import statistics
import time

from search_data import TextGenerator, drop_database, prepare

OVERLAP_QUERIES = [
    "cooperation",
    "relations",
    "cooperation relations",
    '"strategic partnership"',
    '"bilateral relations"',
]


def rare_words():
    """Words of the generated long tail, from about 800 to about 100 statements per million."""
    words = TextGenerator().words
    return [words[rank] for rank in (3_000, 6_000, 10_000, 16_000, 25_000)]


def query_classes():
    """{class: [page parameters]} (the search form's parameter names)."""
    from meetings.models import Person

    speaker = Person.objects.order_by("pk").values_list("slug", flat=True).first()
    return {
        "rare word": [{"q": word} for word in rare_words()],
        "common word": [{"q": "cooperation"}, {"q": "relations"}, {"q": "security"}],
        "two common words": [{"q": "cooperation relations"}, {"q": "bilateral security"}],
        "phrase": [
            {"q": '"strategic partnership"'},
            {"q": '"bilateral relations"'},
            {"q": '"peace process"'},
        ],
        "word + filters": [
            {"q": "cooperation", "meeting_country": "AZ", "date_after": "2015-01-01"},
            {"q": "relations", "country": "TR", "kind": "direct"},
            {"q": "energy", "person": speaker},
            {"q": "security", "organization": "organization-7", "date_before": "2010-01-01"},
        ],
        "filters only": [{"meeting_country": "AZ"}, {"country": "TR", "kind": "direct"}],
        "no match": [{"q": "qwertyuiop"}, {"q": "cooperatoin"}, {"q": "relatoins bilaterall"}],
    }


def overlap():
    """overlap@20: how many of page 1's statements the exact ranking of every match also puts
    in its first 20 (the same BM25 formula, computed over every match without bounds)."""
    from django.db import connection

    from meetings.models import Statement
    from meetings.search import search_statements
    from meetings.search.backends import backend_for
    from meetings.search.query import parse

    print(f"\n{'overlap@20 with the exact ranking':<36}{'shared':>8}{'page ms':>10}{'exact ms':>10}")
    for query in OVERLAP_QUERIES:
        started = time.perf_counter()
        page = {hit.statement.pk for hit in search_statements(query, per_page=20).hits}
        page_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        exact = backend_for(connection, parse(query)).exact_ranking(Statement.objects.all(), 20)
        exact_ms = (time.perf_counter() - started) * 1000
        shared = len(page & {pk for pk, _ in exact})
        print(f"{query:<36}{shared:>5}/20{page_ms:>10.1f}{exact_ms:>10.1f}")


def measure(rounds):
    from django.test import Client

    client = Client()
    classes = query_classes()
    timings = {(name, fmt): [] for name in classes for fmt in ("html", "json")}
    totals = {}
    for params_list in classes.values():  # warm the database's caches once, for both formats
        for params in params_list:
            client.get("/search/", params)
            client.get("/search/", {**params, "format": "json"})
    for _ in range(rounds):
        for name, params_list in classes.items():
            for params in params_list:
                for fmt, extra in (("html", {}), ("json", {"format": "json"})):
                    started = time.perf_counter()
                    response = client.get("/search/", {**params, **extra})
                    content = response.content
                    timings[name, fmt].append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200, (params, response.status_code, content[:300])
                    if fmt == "html":
                        totals[name, params.get("q", ""), tuple(params.items())] = _found(content)
    print(f"\n{'class':<18}{'html p50':>9}{'p95':>7}{'json p50':>10}{'p95':>7}  found (page 1 line)")
    for name in classes:
        html, data = timings[name, "html"], timings[name, "json"]
        found = "; ".join(value for key, value in totals.items() if key[0] == name)
        print(
            f"{name:<18}{_p(html, 50):>9.1f}{_p(html, 95):>7.1f}{_p(data, 50):>10.1f}{_p(data, 95):>7.1f}  {found}"
        )


def _p(values, percent):
    return (
        statistics.quantiles(values, n=20, method="inclusive")[percent // 5 - 1]
        if len(values) > 1
        else values[0]
    )


def _found(content):
    text = content.decode()
    start = text.find('class="result-count"')
    if start == -1:
        return "-"
    line = text[text.find(">", start) + 1 : text.find("</p>", start)]
    return line.replace("<strong>", "").replace("</strong>", "").split(" statement")[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite:////tmp/archive_bench.sqlite3")
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="timed runs of every query")
    parser.add_argument("--regenerate", action="store_true", help="refill even if the data is there")
    parser.add_argument("--drop", action="store_true", help="drop the benchmark database afterwards")
    args = parser.parse_args()

    os.environ["CACHE_URL"] = "dummy://"  # measure the work, not the page cache
    prepare(args.database_url, args.statements, args.regenerate)
    from django.db import connection

    from meetings.models import Statement

    print(
        f"{connection.vendor}: {Statement.objects.count():,} statements, {args.rounds} rounds, "
        f"{datetime.datetime.now():%Y-%m-%d %H:%M}, load average {os.getloadavg()[0]:.1f}"
    )
    measure(args.rounds)
    overlap()
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    if args.drop:
        drop_database(args.database_url)


if __name__ == "__main__":
    main()
