"""PostgreSQL: each statement's words with their BM25 impact, so the best matches of every match
can be read from an index instead of ranking every matching row.

BM25 scores a statement d for the query words t as the sum of idf(t) * impact(t, d), where

    impact(t, d) = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length(d) / AVERAGE_LENGTH))

with tf the number of times the word (its stem) occurs in d and length(d) the number of distinct
words of d. The impact depends on the statement alone, so it is computed once when a statement
is written, into `meetings_statement_impact` (lexeme, statement_id, impact), indexed by
(lexeme, impact DESC): the statements where a word weighs most come first. idf(t) depends on the
whole archive and is computed at query time (backends.PostgresBackend). AVERAGE_LENGTH is a fixed
constant rather than the archive's current average so that stored impacts never go stale; the
ranking only needs longer statements to weigh each occurrence less.

Triggers keep the table in step with meetings_statement (insert, update of the text, delete,
truncate), so ingest's bulk_create, the admin and plain SQL need to know nothing about it.
SQLite needs none of this: FTS5's bm25() ranks every match itself.
"""

IMPACT_TABLE = "meetings_statement_impact"
K1, B, AVERAGE_LENGTH = 1.2, 0.75, 20.0

POSTGRES_IMPACT_FUNCTIONS = [
    f"""CREATE OR REPLACE FUNCTION meetings_term_impact(tf integer, length integer) RETURNS real
        IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
        SELECT (tf * {K1 + 1} / (tf + {K1} * (1 - {B} + {B} * length / {AVERAGE_LENGTH})))::real
    $$""",
]

_ROWS_OF = """SELECT u.lexeme, {row}.id, meetings_term_impact(
        coalesce(array_length(u.positions, 1), 1), length({row}.search_vector))
    FROM unnest({row}.search_vector) AS u"""

POSTGRES_IMPACT_TRIGGERS = [
    f"""CREATE OR REPLACE FUNCTION meetings_statement_impact_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            -- The stored impact is recomputed exactly, so each row is found by its full index key.
            DELETE FROM {IMPACT_TABLE} AS i USING ({_ROWS_OF.format(row="OLD")}) AS old_(lexeme, id, impact)
                WHERE i.lexeme = old_.lexeme AND i.impact = old_.impact AND i.statement_id = old_.id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO {IMPACT_TABLE} (lexeme, statement_id, impact) {_ROWS_OF.format(row="NEW")};
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER meetings_statement_impact_sync
        AFTER INSERT OR DELETE OR UPDATE OF text ON meetings_statement
        FOR EACH ROW EXECUTE FUNCTION meetings_statement_impact_sync()""",
    f"""CREATE OR REPLACE FUNCTION meetings_statement_impact_truncate() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN TRUNCATE {IMPACT_TABLE}; RETURN NULL; END $$""",
    """CREATE TRIGGER meetings_statement_impact_truncate AFTER TRUNCATE ON meetings_statement
        FOR EACH STATEMENT EXECUTE FUNCTION meetings_statement_impact_truncate()""",
]
IMPACT_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {IMPACT_TABLE}_best ON {IMPACT_TABLE} (lexeme, impact DESC, statement_id)"
)
# Fill the table from the statements already there (migration; the benchmark's bulk load).
IMPACT_REBUILD = [
    f"TRUNCATE {IMPACT_TABLE}",
    f"DROP INDEX IF EXISTS {IMPACT_TABLE}_best",
    f"INSERT INTO {IMPACT_TABLE} (lexeme, statement_id, impact) "
    + _ROWS_OF.format(row="s").replace("FROM unnest", "FROM meetings_statement AS s, unnest"),
    IMPACT_INDEX,
    f"ANALYZE {IMPACT_TABLE}",
]

POSTGRES_IMPACT_FORWARD = [
    *POSTGRES_IMPACT_FUNCTIONS,
    # No foreign key: Django's test flush truncates meetings_statement alone, and the triggers
    # already remove a statement's rows.
    f"""CREATE TABLE {IMPACT_TABLE} (
        lexeme text NOT NULL, statement_id bigint NOT NULL, impact real NOT NULL)""",
    *IMPACT_REBUILD,
    *POSTGRES_IMPACT_TRIGGERS,
]
POSTGRES_IMPACT_BACKWARD = [
    "DROP TRIGGER IF EXISTS meetings_statement_impact_truncate ON meetings_statement",
    "DROP TRIGGER IF EXISTS meetings_statement_impact_sync ON meetings_statement",
    "DROP FUNCTION IF EXISTS meetings_statement_impact_truncate()",
    "DROP FUNCTION IF EXISTS meetings_statement_impact_sync()",
    f"DROP TABLE IF EXISTS {IMPACT_TABLE}",
    "DROP FUNCTION IF EXISTS meetings_term_impact(integer, integer)",
]


def create_impacts(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_IMPACT_FORWARD:
            schema_editor.execute(statement, None)


def drop_impacts(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_IMPACT_BACKWARD:
            schema_editor.execute(statement, None)
