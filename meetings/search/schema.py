"""The database structures behind search, kept in step with Statement by the database itself.

Writers (ingest's bulk_create, the admin's save, a raw UPDATE) need to know nothing about them:

- PostgreSQL: `meetings_statement.search_vector`, a generated tsvector column (text search
  configuration `archive_english`: English stemming and stop words, accents folded by `unaccent`),
  with a GIN index.
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


_checked_sqlite_connections: set[int] = set()


def ensure_sqlite_triggers(connection):
    """Recreate missing FTS triggers (and re-index everything, since writes were missed).

    Checked once per connection: a cheap look at sqlite_master.
    """
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
    _checked_sqlite_connections.add(key)
