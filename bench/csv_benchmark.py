"""CSV streaming benchmark: a CSV of N statements (default 1,000,000) through the real view, on
PostgreSQL. Reports rows per second and the process's memory. A script, never run by pytest.

    .venv/bin/python bench/csv_benchmark.py                       # 1,000,000 statements
    .venv/bin/python bench/csv_benchmark.py --rows 200000 --keep  # keep the database for a rerun
    .venv/bin/python bench/csv_benchmark.py --keep --python-writer  # the writer SQLite uses

It uses a dedicated database (default archive_csvbench on 127.0.0.1, created if missing, dropped
at the end unless --keep) and fills it with COPY, not the ORM: meetings, people and N statements
with ~150 characters of text each. It then GETs /api/statements/?format=csv (the statement
search's CSV: the same view as /search/?format=csv) through Django's test Client in this process
and reads the streamed body chunk by chunk, as a client would, counting rows.

Timing covers the whole response: the query, building every row, CSV encoding. Memory: the
resident set before the request, sampled every 100,000 rows (it should stay flat), and the
process's peak (getrusage), which includes Python, Django and psycopg themselves.
"""

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

from benchtools import create_postgres_database, drop_postgres_database, peak_rss_mib, rss_mib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = [
    "the",
    "minister",
    "said",
    "that",
    "both",
    "sides",
    "agreed",
    "to",
    "continue",
    "dialogue",
    "on",
    "regional",
    "security",
    "trade",
    "energy",
    "cooperation",
    "settlement",
    "of",
    "the",
    "conflict",
    "in",
    "accordance",
    "with",
    "international",
    "law",
    "and",
    "noted",
    "progress",
    "in",
    "negotiations",
    "stressed",
    "importance",
    "of",
    "humanitarian",
    "issues",
    "welcomed",
    "the",
    "visit",
    "expressed",
    "hope",
]


def fill(rows, meetings=50_000, people=2_000):
    """Replace the archive's contents with `meetings` meetings, `people` people and `rows`
    statements, loaded with COPY (the search index is rebuilt once at the end, not per row)."""
    from django.db import connection

    from meetings.search.schema import POSTGRES_FORWARD

    rng = random.Random(7)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(24)).capitalize() + "." for _ in range(997)]
    countries = ["AZ", "RU", "US", "FR", "DE", "TR", "AM", "GE", "KZ", "CN"]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE meetings_statement, meetings_participant, meetings_meeting_sources, "
            "meetings_meeting_people_mentioned, meetings_meeting_organizations_mentioned, meetings_meeting, "
            "meetings_personalias, meetings_personredirect, meetings_person RESTART IDENTITY CASCADE"
        )
        cursor.execute("DROP INDEX IF EXISTS meetings_statement_search_vector")
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        with raw.copy(
            "COPY meetings_person (id, name, slug, country, curated, review_reason) FROM STDIN"
        ) as copy:
            for pk in range(1, people + 1):
                copy.write_row((pk, f"Person {pk}", f"person-{pk}", countries[pk % 10], False, ""))
        with raw.copy(
            "COPY meetings_meeting (id, slug, title, date, city, country, kind, summary, curated, review_reason) "
            "FROM STDIN"
        ) as copy:
            for pk in range(1, meetings + 1):
                day = f"{2000 + pk % 25}-{1 + pk % 12:02d}-{1 + pk % 28:02d}"
                copy.write_row((pk, f"{day}-talks-{pk}", f"Talks {pk}", day, "Baku", countries[pk % 10],
                                "in_person", "", False, ""))  # fmt: skip
        with raw.copy(
            'COPY meetings_statement (id, meeting_id, speaker_id, attribution, kind, text, "order", '
            "curated, review_reason) FROM STDIN"
        ) as copy:
            for pk in range(1, rows + 1):
                speaker = pk % people + 1 if pk % 5 else None
                copy.write_row((pk, pk % meetings + 1, speaker, f"Person {speaker}" if speaker else "The minister",
                                "direct" if pk % 3 else "reported", sentences[pk % 997], pk % 40, False, ""))  # fmt: skip
        for table in ("meetings_person", "meetings_meeting", "meetings_statement"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )
        cursor.execute(POSTGRES_FORWARD[-1])  # the GIN index, built once
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def stream(url):
    """GET `url` through the test Client and read the body as it streams; returns figures."""
    from django.db import reset_queries
    from django.test import Client

    reset_queries()
    client = Client()
    before = rss_mib()
    samples = []
    rows, size, next_sample = -1, 0, 100_000  # -1: the header line
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200 and response.streaming, response.status_code
    first_byte = None
    cpu_started = resource.getrusage(resource.RUSAGE_SELF)
    for chunk in response.streaming_content:
        if first_byte is None:
            first_byte = time.perf_counter() - started
        rows += chunk.count(b"\n")
        size += len(chunk)
        if rows >= next_sample:
            samples.append((rows, rss_mib()))
            next_sample += 100_000
    elapsed = time.perf_counter() - started
    cpu_ended = resource.getrusage(resource.RUSAGE_SELF)
    response.close()
    return {
        "rows": rows,
        "seconds": elapsed,
        "first_byte": first_byte,
        "mib": size / 2**20,
        "rss_before": before,
        "samples": samples,
        "peak": peak_rss_mib(),
        "cpu": (cpu_ended.ru_utime - cpu_started.ru_utime) + (cpu_ended.ru_stime - cpu_started.ru_stime),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rows", type=int, default=1_000_000, help="statements in the CSV (default 1,000,000)"
    )
    parser.add_argument(
        "--server", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server URL"
    )
    parser.add_argument("--database", default="archive_csvbench", help="database to use (created if missing)")
    parser.add_argument("--url", default="/api/statements/?format=csv", help="what to stream")
    parser.add_argument(
        "--keep", action="store_true", help="keep the database (a rerun with as many rows reuses it)"
    )
    parser.add_argument(
        "--python-writer",
        action="store_true",
        help="measure the Python CSV writer (what SQLite uses) instead of PostgreSQL's COPY",
    )
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = f"{args.server}/{args.database}"
    os.environ.setdefault("SECRET_KEY", "csv-benchmark-only")
    os.environ["DEBUG"] = "0"  # DEBUG would keep every query in memory
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings"
    create_postgres_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.core.management import call_command

    from meetings.models import Statement

    call_command("migrate", verbosity=0)
    if Statement.objects.count() != args.rows:
        print(f"loading {args.rows:,} statements with COPY ...", flush=True)
        print(f"loaded in {fill(args.rows):.1f} s", flush=True)
    else:
        print(f"reusing {args.rows:,} statements already in {args.database}")

    if args.python_writer:
        from meetings.opendata import formats

        formats.copy_csv_chunks = lambda *args, **kwargs: None
    try:
        result = stream(args.url)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_postgres_database(os.environ["DATABASE_URL"])

    assert result["rows"] == args.rows, f"streamed {result['rows']} rows, expected {args.rows}"
    rate = result["rows"] / result["seconds"]
    print(f"GET {args.url}" + (" (Python CSV writer)" if args.python_writer else " (PostgreSQL COPY)"))
    print(f"rows streamed        {result['rows']:,} ({result['mib']:.0f} MiB of CSV)")
    print(f"time                 {result['seconds']:.1f} s (first byte after {result['first_byte']:.2f} s)")
    print(f"throughput           {rate:,.0f} rows/s")
    print(
        f"CPU of this process  {result['cpu']:.1f} s (the rest is PostgreSQL, or other load on the machine)"
    )
    print(f"RSS before request   {result['rss_before']:.0f} MiB")
    print(
        "RSS while streaming  "
        + ", ".join(f"{rows // 1000}k: {mib:.0f}" for rows, mib in result["samples"])
        + " MiB"
    )
    print(f"peak RSS (process)   {result['peak']:.0f} MiB")
    ok = rate >= 50_000 and result["peak"] < 200
    print("targets (>= 50,000 rows/s, < 200 MiB): " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
