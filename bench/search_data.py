"""Generated data for the search and load benchmarks: a fixed vocabulary drawn with a Zipf-like
distribution (so "cooperation" and "relations" are common, about one statement in four or five,
and the long tail is rare), people, meetings, organizations, and a fast bulk insert (COPY on
PostgreSQL, executemany on SQLite) that builds the search indexes once after loading.
"""

import bisect
import datetime
import itertools
import os
import random
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
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    if database_url.startswith("postgres"):
        create_postgres_database(database_url)
    import django

    django.setup()
    from django.conf import settings

    # Pages render without a collected static manifest, as in the tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


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
    from meetings.search.impacts import IMPACT_REBUILD
    from meetings.search.schema import POSTGRES_SEARCH_INDEXES, SQLITE_COPY_FILL, SQLITE_COPY_TRIGGERS

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
                # The impacts are filled in one statement afterwards, not row by row.
                cursor.execute(
                    "ALTER TABLE meetings_statement DISABLE TRIGGER meetings_statement_impact_sync"
                )
        else:
            # The copies are filled in one statement afterwards, not by a trigger per row.
            with connection.cursor() as cursor:
                for name in SQLITE_COPY_TRIGGERS:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
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
            for sql in IMPACT_REBUILD:
                cursor.execute(sql)
            cursor.execute("ALTER TABLE meetings_statement ENABLE TRIGGER meetings_statement_impact_sync")
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute(SQLITE_COPY_FILL)
            for sql in SQLITE_COPY_TRIGGERS.values():
                cursor.execute(sql)
            cursor.execute("INSERT INTO meetings_statement_fts(meetings_statement_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
    print(f"generated {statements:,} statements in {time.perf_counter() - started:.0f} s", flush=True)


def prepare(database_url, statements, regenerate=False):
    """Django set up on `database_url`, migrated, and holding `statements` generated statements."""
    setup_django(database_url)
    from django.core.management import call_command

    from meetings.models import Statement

    call_command("migrate", verbosity=0)
    if regenerate or Statement.objects.count() != statements:
        empty_tables()
        fill(statements)
