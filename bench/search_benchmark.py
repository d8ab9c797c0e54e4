"""Search benchmark: fill a database with generated statements, then time the first results page.

    .venv/bin/python bench/search_benchmark.py --database-url postgres://postgres@127.0.0.1:5432/archive_bench \\
        --statements 1000000
    .venv/bin/python bench/search_benchmark.py --database-url sqlite:////tmp/archive_bench.sqlite3 \\
        --statements 100000

The database is created and migrated if needed; the data is generated once and reused while the
statement count matches (`--regenerate` forces a fresh fill; `--drop` removes the database at the
end). Text comes from a fixed vocabulary drawn with a Zipf-like distribution, so "cooperation"
and "relations" are common (about one statement in four or five) and the long tail is rare.

Each timing is one `search_statements(...)` call for page 1 (20 hits with snippets and the total)
plus reading every hit's snippet and URL, as the search page does. This is a script, never a test.
"""

import argparse
import bisect
import datetime
import itertools
import os
import random
import statistics
import sys
import time
from pathlib import Path

from benchtools import create_postgres_database, drop_postgres_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COUNTRIES_TEXT = "AZ RU TR FR DE US CN IN BR JP GB IT ES UA KZ GE AM IR EG ZA NG MX AR CA AU"
CONTENT_TEXT = """
minister said countries meeting president also talks cooperation foreign development relations
security issues support bilateral economic process situation parties government international
trade region peace partnership important discussed sides work agreement strategic energy side
between expressed interest joint projects further regional visit efforts stability prospects
continue noted issues investment humanitarian dialogue ministers affairs level framework
transport infrastructure implementation settlement conflict agenda negotiations friendship
interaction mutual investments priority initiative presidents delegation session commission
ceasefire sanctions corridor pipeline gas oil nuclear climate health education culture tourism
agriculture technology digital finance banking customs border migration refugees water
electricity railway shipping port aviation defence military exercises terrorism extremism
drugs crime cyber space science universities students youth sports heritage language media
elections parliament constitution reforms justice rights freedoms humanitarian assistance
reconstruction demining prisoners exchange mediation observers mission resolution council
summit forum conference consultations memorandum treaty protocol declaration statement
communique visa consulate embassy ambassador envoy diaspora community religion tolerance
"""
STOP_TEXT = "the of and to in a on for with that is was as by at this its their our"
PHRASES = [
    "strategic partnership",
    "bilateral relations",
    "peace process",
    "foreign ministers",
    "trade turnover",
    "international law",
]
SYLLABLES_TEXT = "ka ro mi tan vel zu dor pe lia shen ob rak mun tis ger fal yo bre nak sor"
COUNTRIES, CONTENT_WORDS = COUNTRIES_TEXT.split(), CONTENT_TEXT.split()
STOP_WORDS, SYLLABLES = STOP_TEXT.split(), SYLLABLES_TEXT.split()


def vocabulary(size, rng):
    """Real words first (most frequent), then invented ones for the long tail."""
    words = list(dict.fromkeys(CONTENT_WORDS))
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class TextGenerator:
    def __init__(self, seed=5, vocabulary_size=30_000, exponent=1.0):
        self.rng = random.Random(seed)
        self.words = vocabulary(vocabulary_size, self.rng)
        # Zipf: the word of rank r is drawn with weight 1 / (r + 8) ** exponent; the offset
        # keeps the very top from swamping every statement.
        weights = [1 / (rank + 4) ** exponent for rank in range(1, len(self.words) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def word(self):
        return self.words[bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]

    def statement(self):
        rng = self.rng
        parts = []
        for _ in range(rng.randint(18, 45)):
            roll = rng.random()
            if roll < 0.35:
                parts.append(rng.choice(STOP_WORDS))
            elif roll < 0.37:
                parts.append(rng.choice(PHRASES))
            else:
                parts.append(self.word())
        text = " ".join(parts)
        return text[0].upper() + text[1:] + "."


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    if database_url.startswith("postgres"):
        create_postgres_database(database_url)
    import django

    django.setup()


def drop_database(database_url):
    from django.db import connection

    connection.close()
    if database_url.startswith("postgres"):
        drop_postgres_database(database_url)
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(database_url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)


def column_rows(model, objects):
    """Rows of database values for `objects` (unsaved instances), all concrete fields but the pk,
    so fields added to the models later are filled with their defaults."""
    from django.db import connection

    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    columns = [field.column for field in fields]
    rows = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        for obj in objects
    ]
    return columns, rows


def insert(model, objects, batch=20_000):
    """Bulk insert: COPY on PostgreSQL, executemany on SQLite. Returns nothing; ids are serial."""
    from django.db import connection

    table = model._meta.db_table
    iterator = iter(objects)
    while chunk := list(itertools.islice(iterator, batch)):
        columns, rows = column_rows(model, chunk)
        column_sql = ", ".join(connection.ops.quote_name(column) for column in columns)
        if connection.vendor == "postgresql":
            with (
                connection.cursor() as cursor,
                cursor.cursor.copy(f"COPY {table} ({column_sql}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            with connection.cursor() as cursor:
                cursor.executemany(f"INSERT INTO {table} ({column_sql}) VALUES ({placeholders})", rows)


def empty_tables():
    """Remove earlier benchmark data (the database is the benchmark's own)."""
    from django.db import connection

    from meetings.models import Meeting, Organization, Person, Statement

    models = [Statement, Meeting.organizations_mentioned.through, Meeting, Organization, Person]
    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")


def fill(statements, seed=5):
    from django.db import connection, transaction

    from meetings.models import Meeting, Organization, Person, Statement
    from meetings.search.schema import POSTGRES_SEARCH_INDEXES

    rng = random.Random(seed)
    generator = TextGenerator(seed)
    n_people, n_meetings = 2_000, max(1, statements // 10)
    started = time.perf_counter()
    with transaction.atomic():
        insert(
            Person,
            (
                Person(name=f"Person {n}", slug=f"person-{n}", country=COUNTRIES[n % len(COUNTRIES)])
                for n in range(n_people)
            ),
        )
        insert(
            Organization,
            (Organization(name=f"Organization {n}", slug=f"organization-{n}") for n in range(50)),
        )
        first_day = datetime.date(2000, 1, 1)
        insert(
            Meeting,
            (
                Meeting(
                    title=f"Meeting {n}",
                    slug=f"meeting-{n}",
                    date=first_day + datetime.timedelta(days=rng.randrange(9500)),
                    country=rng.choice(COUNTRIES),
                )
                for n in range(n_meetings)
            ),
        )
        people = list(Person.objects.values_list("pk", flat=True))
        meetings = list(Meeting.objects.values_list("pk", flat=True))
        organizations = list(Organization.objects.values_list("pk", flat=True))
        through = Meeting.organizations_mentioned.through
        insert(
            through,
            (
                through(meeting_id=meeting, organization_id=rng.choice(organizations))
                for meeting in meetings[::3]
            ),
        )
        if connection.vendor == "postgresql":
            # Building the indexes once after loading is far faster than maintaining them per row.
            with connection.cursor() as cursor:
                for name in POSTGRES_SEARCH_INDEXES:
                    cursor.execute(f"DROP INDEX IF EXISTS {name}")
        insert(
            Statement,
            (
                Statement(
                    meeting_id=meetings[n // 10 % len(meetings)],
                    speaker_id=rng.choice(people),
                    kind=rng.choice(("direct", "reported")),
                    text=generator.statement(),
                    order=n % 10,
                )
                for n in range(statements)
            ),
        )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # After the commit: the deferred foreign key checks must have run before an index build.
            cursor.execute("SET maintenance_work_mem = '256MB'")
            for sql in POSTGRES_SEARCH_INDEXES.values():
                cursor.execute(sql)
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("INSERT INTO meetings_statement_fts(meetings_statement_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
    print(f"generated {statements:,} statements in {time.perf_counter() - started:.0f} s", flush=True)


def rare_words():
    """Words of the generated long tail, from about 800 to about 100 statements per million."""
    words = TextGenerator().words
    return [words[rank] for rank in (3_000, 6_000, 10_000, 16_000, 25_000)]


def query_classes():
    from meetings.models import Person

    speaker = Person.objects.order_by("pk").values_list("slug", flat=True).first()
    since = datetime.date(2015, 1, 1)
    return {
        "rare word": [(word, {}) for word in rare_words()],
        "common word": [("cooperation", {}), ("relations", {}), ("cooperation relations", {})],
        "phrase": [('"strategic partnership"', {}), ('"bilateral relations"', {}), ('"peace process"', {})],
        "word + filters": [
            ("cooperation", {"meeting_country": "az", "date_after": since}),
            ("relations", {"speaker_country": "TR", "kind": "direct"}),
            ("energy", {"speaker": speaker}),
            ("security", {"organization": "organization-7", "date_before": datetime.date(2010, 1, 1)}),
        ],
        "no match": [("qwertyuiop", {}), ("cooperatoin", {}), ("relatoins bilaterall", {})],
        "filters only": [("", {"meeting_country": "az"}), ("", {"speaker_country": "TR", "kind": "direct"})],
    }


def render(results):
    """What the page reads from each hit."""
    for hit in results.hits:
        str(hit.snippet)
        hit.statement.get_absolute_url()
        str(hit.statement.speaker)


def measure(rounds):
    from meetings.search import search_statements

    print(f"\n{'class':<16}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  totals")
    for name, queries in query_classes().items():
        timings, totals = [], []
        for query, filters in queries:
            render(search_statements(query, **filters))  # warm the caches once
        for _ in range(rounds):
            for query, filters in queries:
                started = time.perf_counter()
                results = search_statements(query, **filters)
                render(results)
                timings.append((time.perf_counter() - started) * 1000)
        for query, filters in queries:
            results = search_statements(query, **filters)
            totals.append(f"{results.total:,}{'' if results.total_is_exact else ' (est.)'}")
        cuts = statistics.quantiles(timings, n=20, method="inclusive")
        print(f"{name:<16}{cuts[9]:>9.1f}{cuts[18]:>9.1f}{max(timings):>9.1f}  {', '.join(totals)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite:////tmp/archive_bench.sqlite3")
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10, help="timed runs of every query")
    parser.add_argument("--regenerate", action="store_true", help="refill even if the data is there")
    parser.add_argument("--drop", action="store_true", help="drop the benchmark database afterwards")
    args = parser.parse_args()

    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    from meetings.models import Statement

    call_command("migrate", verbosity=0)
    if args.regenerate or Statement.objects.count() != args.statements:
        empty_tables()
        fill(args.statements)
    print(f"{connection.vendor}: {Statement.objects.count():,} statements, {args.rounds} rounds per query")
    measure(args.rounds)
    if args.drop:
        drop_database(args.database_url)


if __name__ == "__main__":
    main()
