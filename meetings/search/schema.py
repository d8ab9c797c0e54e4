"""The database structures behind search, kept in step with Statement by the database itself.

Writers (ingest's bulk_create, the admin's save, a raw UPDATE) need to know nothing about them:

- PostgreSQL: `meetings_statement.search_vector`, a generated tsvector column (text search
  configuration `archive_english`: English stemming and stop words, accents folded by `unaccent`),
  and copies of the filters' values (speaker's country, meeting's country and date) kept by
  triggers, all in one GIN index.
- SQLite: `meetings_statement_fts`, an FTS5 table over the statement text (porter stemming,
  accents removed), external content so the text is stored once, kept in step by triggers.

The migration applies these; `ensure_sqlite_triggers` repairs the SQLite triggers when a later
migration has rebuilt the statement table (Django's SQLite schema editor copies a table into a new
one to alter it, which drops its triggers).
"""

import string

TS_CONFIG = "archive_english"
FTS_TABLE = "meetings_statement_fts"

# PostgreSQL's parser reads "<b>" as a tag (and skips what a <script> element holds), "U.S." and
# "un.org" as hosts, "2.5" as one number, "Nagorno-Karabakh" as a compound plus its parts. FTS5
# sees runs of letters and digits. Turning ASCII punctuation into spaces before indexing makes
# PostgreSQL see words the way FTS5 does, so both find the same statements.
_PUNCTUATION_SQL = "'" + string.punctuation.replace("'", "''") + "'"
_SPACES_SQL = "'" + " " * len(string.punctuation) + "'"
POSTGRES_DOCUMENT = f"translate(text, {_PUNCTUATION_SQL}, {_SPACES_SQL})"

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{TS_CONFIG}') THEN
            CREATE TEXT SEARCH CONFIGURATION {TS_CONFIG} (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION {TS_CONFIG}
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
    END $$""",
    f"""ALTER TABLE meetings_statement ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('{TS_CONFIG}'::regconfig, {POSTGRES_DOCUMENT})) STORED""",
    "CREATE INDEX meetings_statement_search_vector ON meetings_statement USING gin (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS meetings_statement_search_vector",
    "ALTER TABLE meetings_statement DROP COLUMN IF EXISTS search_vector",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {TS_CONFIG}",
]

# Migration 0003 (PostgreSQL only): the filters' values copied onto each statement, so one GIN
# index answers "these words, said by a Turkish speaker, directly, at a meeting in Azerbaijan
# since 2015" without joining a million statements to their people and meetings. Triggers keep
# the copies in step: on the statement when it is written or moved to another speaker or
# meeting, and from a person or meeting when its country or date changes.
POSTGRES_SEARCH_INDEXES = {
    "meetings_statement_search": """CREATE INDEX meetings_statement_search ON meetings_statement
        USING gin (search_vector, kind, search_speaker_country, search_meeting_country, search_meeting_date)""",
    "meetings_statement_search_newest": """CREATE INDEX meetings_statement_search_newest
        ON meetings_statement (search_meeting_date DESC NULLS LAST, id DESC)""",
}
POSTGRES_FILTER_COLUMNS_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    """ALTER TABLE meetings_statement
        ADD COLUMN search_speaker_country varchar(2) NOT NULL DEFAULT '',
        ADD COLUMN search_meeting_country varchar(2) NOT NULL DEFAULT '',
        ADD COLUMN search_meeting_date date""",
    """CREATE FUNCTION meetings_statement_search_copy() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_speaker_country := coalesce(
            (SELECT country FROM meetings_person WHERE id = NEW.speaker_id), '');
        SELECT coalesce(country, ''), date INTO NEW.search_meeting_country, NEW.search_meeting_date
            FROM meetings_meeting WHERE id = NEW.meeting_id;
        NEW.search_meeting_country := coalesce(NEW.search_meeting_country, '');
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER meetings_statement_search_copy
        BEFORE INSERT OR UPDATE OF speaker_id, meeting_id ON meetings_statement
        FOR EACH ROW EXECUTE FUNCTION meetings_statement_search_copy()""",
    """CREATE FUNCTION meetings_person_search_copy() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE meetings_statement SET search_speaker_country = NEW.country WHERE speaker_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER meetings_person_search_copy AFTER UPDATE OF country ON meetings_person
        FOR EACH ROW WHEN (OLD.country IS DISTINCT FROM NEW.country)
        EXECUTE FUNCTION meetings_person_search_copy()""",
    """CREATE FUNCTION meetings_meeting_search_copy() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE meetings_statement
            SET search_meeting_country = NEW.country, search_meeting_date = NEW.date
            WHERE meeting_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER meetings_meeting_search_copy AFTER UPDATE OF country, date ON meetings_meeting
        FOR EACH ROW WHEN (OLD.country IS DISTINCT FROM NEW.country OR OLD.date IS DISTINCT FROM NEW.date)
        EXECUTE FUNCTION meetings_meeting_search_copy()""",
    "DROP INDEX IF EXISTS meetings_statement_search_vector",
    # Fill the copies for statements that exist already (the BEFORE trigger recomputes them).
    "UPDATE meetings_statement SET speaker_id = speaker_id",
    *POSTGRES_SEARCH_INDEXES.values(),
]
POSTGRES_FILTER_COLUMNS_BACKWARD = [
    "DROP INDEX IF EXISTS meetings_statement_search_newest",
    "DROP INDEX IF EXISTS meetings_statement_search",
    "CREATE INDEX meetings_statement_search_vector ON meetings_statement USING gin (search_vector)",
    "DROP TRIGGER IF EXISTS meetings_meeting_search_copy ON meetings_meeting",
    "DROP TRIGGER IF EXISTS meetings_person_search_copy ON meetings_person",
    "DROP TRIGGER IF EXISTS meetings_statement_search_copy ON meetings_statement",
    "DROP FUNCTION IF EXISTS meetings_meeting_search_copy()",
    "DROP FUNCTION IF EXISTS meetings_person_search_copy()",
    "DROP FUNCTION IF EXISTS meetings_statement_search_copy()",
    """ALTER TABLE meetings_statement DROP COLUMN IF EXISTS search_speaker_country,
        DROP COLUMN IF EXISTS search_meeting_country, DROP COLUMN IF EXISTS search_meeting_date""",
]

SQLITE_TABLE = f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
    text, content='meetings_statement', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2')"""
SQLITE_TRIGGERS = {
    f"{FTS_TABLE}_insert": f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert
        AFTER INSERT ON meetings_statement BEGIN
            INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text);
        END""",
    f"{FTS_TABLE}_delete": f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete
        AFTER DELETE ON meetings_statement BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text);
        END""",
    f"{FTS_TABLE}_update": f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update
        AFTER UPDATE OF id, text ON meetings_statement BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text);
        END""",
}
SQLITE_REBUILD = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"

# Migration 0007 (SQLite): the same copies as on PostgreSQL (migration 0003), so the newest-first
# list is an index scan with LIMIT instead of a join of every statement to its meeting, and
# filters and facets need no joins (the kind at the end of the country indexes lets them count
# "speaker's country and kind" from the index alone). SQLite triggers cannot change NEW, so an AFTER trigger
# updates the row it follows (the update touches only the copies, which fire no trigger).
_SQLITE_COPY_SET = """UPDATE meetings_statement SET
        search_speaker_country = coalesce((SELECT country FROM meetings_person WHERE id = new.speaker_id), ''),
        search_meeting_country = coalesce((SELECT country FROM meetings_meeting WHERE id = new.meeting_id), ''),
        search_meeting_date = (SELECT date FROM meetings_meeting WHERE id = new.meeting_id)
    WHERE id = new.id;"""
SQLITE_COPY_COLUMNS = {
    "search_speaker_country": "varchar(2) NOT NULL DEFAULT ''",
    "search_meeting_country": "varchar(2) NOT NULL DEFAULT ''",
    "search_meeting_date": "date NULL",
}
SQLITE_COPY_TRIGGERS = {
    "meetings_statement_search_copy_insert": f"""CREATE TRIGGER IF NOT EXISTS
        meetings_statement_search_copy_insert AFTER INSERT ON meetings_statement
        BEGIN {_SQLITE_COPY_SET} END""",
    "meetings_statement_search_copy_update": f"""CREATE TRIGGER IF NOT EXISTS
        meetings_statement_search_copy_update AFTER UPDATE OF speaker_id, meeting_id ON meetings_statement
        BEGIN {_SQLITE_COPY_SET} END""",
    "meetings_person_search_copy": """CREATE TRIGGER IF NOT EXISTS meetings_person_search_copy
        AFTER UPDATE OF country ON meetings_person WHEN old.country IS NOT new.country BEGIN
            UPDATE meetings_statement SET search_speaker_country = coalesce(new.country, '')
                WHERE speaker_id = new.id;
        END""",
    "meetings_meeting_search_copy": """CREATE TRIGGER IF NOT EXISTS meetings_meeting_search_copy
        AFTER UPDATE OF country, date ON meetings_meeting
        WHEN old.country IS NOT new.country OR old.date IS NOT new.date BEGIN
            UPDATE meetings_statement
                SET search_meeting_country = coalesce(new.country, ''), search_meeting_date = new.date
                WHERE meeting_id = new.id;
        END""",
}
SQLITE_COPY_INDEXES = {
    "meetings_statement_search_newest": """CREATE INDEX IF NOT EXISTS meetings_statement_search_newest
        ON meetings_statement (search_meeting_date DESC, id DESC)""",
    "meetings_statement_search_meeting_country": """CREATE INDEX IF NOT EXISTS
        meetings_statement_search_meeting_country
        ON meetings_statement (search_meeting_country, search_meeting_date DESC, id DESC, kind)""",
    "meetings_statement_search_speaker_country": """CREATE INDEX IF NOT EXISTS
        meetings_statement_search_speaker_country
        ON meetings_statement (search_speaker_country, search_meeting_date DESC, id DESC, kind)""",
}
SQLITE_COPY_FILL = """UPDATE meetings_statement SET
        search_speaker_country = coalesce((SELECT country FROM meetings_person p
            WHERE p.id = meetings_statement.speaker_id), ''),
        search_meeting_country = coalesce((SELECT country FROM meetings_meeting m
            WHERE m.id = meetings_statement.meeting_id), ''),
        search_meeting_date = (SELECT date FROM meetings_meeting m WHERE m.id = meetings_statement.meeting_id)"""
SQLITE_BACKWARD = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS] + [
    f"DROP TABLE IF EXISTS {FTS_TABLE}"
]


def create_search_structures(apps, schema_editor):
    """Migration step: the structures for this database (other databases: none)."""
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        for statement in POSTGRES_FORWARD:
            schema_editor.execute(statement, None)
    elif connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_TABLE, None)
        for statement in SQLITE_TRIGGERS.values():
            schema_editor.execute(statement, None)
        schema_editor.execute(SQLITE_REBUILD, None)


def drop_search_structures(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        statements = POSTGRES_BACKWARD
    elif connection.vendor == "sqlite":
        statements = SQLITE_BACKWARD
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement, None)


def create_filter_columns(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_FILTER_COLUMNS_FORWARD:
            schema_editor.execute(statement, None)


def drop_filter_columns(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_FILTER_COLUMNS_BACKWARD:
            schema_editor.execute(statement, None)


def _sqlite_copy_statements(cursor):
    """What gives an SQLite statement table its copies: the missing columns, the triggers, the
    indexes and, when anything was missing, a fill of every row. Empty when all is there."""
    cursor.execute("SELECT name FROM pragma_table_info('meetings_statement')")
    columns = {row[0] for row in cursor.fetchall()}
    cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index')")
    present = {row[0] for row in cursor.fetchall()}
    statements = [
        f"ALTER TABLE meetings_statement ADD COLUMN {name} {definition}"
        for name, definition in SQLITE_COPY_COLUMNS.items()
        if name not in columns
    ]
    statements += [
        sql for name, sql in {**SQLITE_COPY_TRIGGERS, **SQLITE_COPY_INDEXES}.items() if name not in present
    ]
    return [*statements, SQLITE_COPY_FILL] if statements else []


def create_sqlite_copies(apps, schema_editor):
    """Migration 0007: the copies on SQLite (PostgreSQL has had them since 0003)."""
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            statements = _sqlite_copy_statements(cursor)
        for statement in statements:
            schema_editor.execute(statement, None)


def drop_sqlite_copies(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in {**SQLITE_COPY_TRIGGERS, **SQLITE_COPY_INDEXES}:
            kind = "TRIGGER" if name in SQLITE_COPY_TRIGGERS else "INDEX"
            schema_editor.execute(f"DROP {kind} IF EXISTS {name}", None)
        for name in SQLITE_COPY_COLUMNS:
            schema_editor.execute(f"ALTER TABLE meetings_statement DROP COLUMN {name}", None)


_checked_sqlite_connections: set[int] = set()


def ensure_sqlite_triggers(connection):
    """Recreate missing FTS triggers (and re-index everything, since writes were missed), and
    the copies of the filter columns with their triggers and indexes: a migration that rebuilds
    the statement table (as Django does on SQLite to alter a column) keeps only the model's
    columns and drops every trigger.

    Checked once per connection: a cheap look at sqlite_master.
    """
    connection.ensure_connection()
    key = id(connection.connection)
    if key in _checked_sqlite_connections:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('trigger', 'table') AND name LIKE %s",
            [f"{FTS_TABLE}%"],
        )
        present = {row[0] for row in cursor.fetchall()}
        if FTS_TABLE not in present:
            return  # not migrated yet: nothing to repair
        missing = [sql for name, sql in SQLITE_TRIGGERS.items() if name not in present]
        if missing:
            for statement in missing:
                cursor.execute(statement)
            cursor.execute(SQLITE_REBUILD)
        for statement in _sqlite_copy_statements(cursor):
            cursor.execute(statement)
    _checked_sqlite_connections.add(key)
