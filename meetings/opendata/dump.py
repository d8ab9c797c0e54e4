"""A full dump of the archive as plain files, and loading it back: `manage.py export` and
`manage.py import_dump` are thin wrappers around `write_dump` and `load_dump`.

A dump is a directory with one file per table (every column, primary keys included, so the
dump keeps slugs, redirects of merged records, aliases, source documents and the editors'
`curated` / `review_reason` flags) and `manifest.json` naming the format, the tables, their
columns and row counts. Rows are written straight from the database in chunks, so exporting a
large archive keeps memory flat.

Encoding: JSON files hold an array of objects, one per row, keyed by column; dates and times
are ISO 8601 strings. CSV files have a header row of column names; an empty cell in a column
that may be NULL is NULL; booleans are `true` / `false`; dates and times are ISO 8601; a text
cell that a spreadsheet would read as a formula, or that begins with `'`, has a `'` put in front,
which `import_dump` removes (spreadsheet.py), so the dump opens safely and loads back exactly.
Dumps of version 1 (before that escape) still load.
"""

import csv
import datetime
import json
from contextlib import contextmanager
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, models, transaction

from meetings.models import (
    Feed,
    Meeting,
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Participant,
    Person,
    PersonAlias,
    PersonRedirect,
    SourceDocument,
    SourceMark,
    Statement,
)

from .spreadsheet import escape_dump_cell, unescape_dump_cell

FORMATS = ("json", "csv")
DUMP_VERSION = 2  # 2: text cells of a CSV dump are escaped (escape_dump_cell)
READABLE_DUMP_VERSIONS = (1, 2)
CHUNK_SIZE = 2000

# Every table of the archive, each after the tables it points to.
TABLES = {
    "source_documents": SourceDocument,
    "people": Person,
    "person_aliases": PersonAlias,
    "person_redirects": PersonRedirect,
    "organizations": Organization,
    "organization_aliases": OrganizationAlias,
    "organization_redirects": OrganizationRedirect,
    "meetings": Meeting,
    "meeting_sources": Meeting.sources.through,
    "meeting_people_mentioned": Meeting.people_mentioned.through,
    "meeting_organizations_mentioned": Meeting.organizations_mentioned.through,
    "participants": Participant,
    "statements": Statement,
    "source_marks": SourceMark,
    "feeds": Feed,
}


class DumpError(Exception):
    """A dump that cannot be written or loaded; str(err) says why in one line."""


def columns_of(model):
    return [field for field in model._meta.concrete_fields if not getattr(field, "generated", False)]


def _encode(value, for_csv):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if for_csv:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return escape_dump_cell(value)
    return value


def _decode(value, field, from_csv, escaped=True):
    if from_csv:
        if value == "" and field.null:
            return None
        if isinstance(field, models.BooleanField):
            if value not in ("true", "false"):
                raise DumpError(f"{field.name}: expected true or false, found {value[:40]!r}")
            return value == "true"
        if escaped and isinstance(field, models.CharField | models.TextField):
            value = unescape_dump_cell(value)
    if value is None:
        return None
    try:
        value = field.to_python(value)
        if isinstance(field, models.URLField) and value:
            field.run_validators(value)  # http(s) only: a javascript: URL never gets in
    except ValidationError as err:
        reason = "; ".join(err.messages) if isinstance(field, models.URLField) else "cannot read"
        raise DumpError(f"{field.name}: {reason} {str(value)[:60]!r}") from err
    if (
        field.choices
        and not (value == "" and field.blank)
        and value not in {choice for choice, _ in field.flatchoices}
    ):
        raise DumpError(f"{field.name}: {str(value)[:40]!r} is not one of the allowed values")
    return value


def _rows(model, fields):
    queryset = model._base_manager.order_by("pk").values_list(*[field.attname for field in fields])
    return queryset.iterator(chunk_size=CHUNK_SIZE)


def write_dump(directory, format):
    """Write every table into `directory` (created if need be); returns {table: row count}."""
    if format not in FORMATS:
        raise DumpError(f"unknown format {format!r}: use json or csv")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    counts, columns = {}, {}
    # Every table must come from the same moment, or a statement could point at a meeting
    # written after the meetings file: one transaction, REPEATABLE READ on PostgreSQL (a snapshot
    # taken at the first query); on SQLite a transaction reads one snapshot of the WAL anyway.
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for table, model in TABLES.items():
            fields = columns_of(model)
            columns[table] = [field.attname for field in fields]
            path = directory / f"{table}.{format}"
            writer = _write_csv if format == "csv" else _write_json
            counts[table] = writer(path, fields, _rows(model, fields))
    manifest = {
        "dump_version": DUMP_VERSION,
        "format": format,
        "exported_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "tables": [{"name": name, "columns": columns[name], "rows": counts[name]} for name in TABLES],
    }
    (directory / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return counts


def _write_csv(path, fields, rows):
    n = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([field.attname for field in fields])
        for row in rows:
            writer.writerow([_encode(value, True) for value in row])
            n += 1
    return n


def _write_json(path, fields, rows):
    n = 0
    names = [field.attname for field in fields]
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[")
        for row in rows:
            record = {name: _encode(value, False) for name, value in zip(names, row, strict=True)}
            handle.write(("\n" if n == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
            n += 1
        handle.write("\n]\n")
    return n


def read_manifest(directory):
    path = Path(directory) / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DumpError(f"{path} not found: is {directory} a dump written by `manage.py export`?") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DumpError(f"{path} is unreadable: {err}") from None
    if not isinstance(manifest, dict) or manifest.get("format") not in FORMATS:
        raise DumpError(f"{path} does not describe a json or csv dump")
    if manifest.get("dump_version") not in READABLE_DUMP_VERSIONS:
        raise DumpError(
            f"{path}: dump version {manifest.get('dump_version')!r}, this archive reads "
            f"{' and '.join(map(str, READABLE_DUMP_VERSIONS))}"
        )
    tables = {entry.get("name"): entry for entry in manifest.get("tables", []) if isinstance(entry, dict)}
    missing = [name for name in TABLES if name not in tables]
    if missing:
        raise DumpError(f"{path} lacks the tables {', '.join(missing)}")
    for name, model in TABLES.items():
        expected = [field.attname for field in columns_of(model)]
        if tables[name].get("columns") != expected:
            raise DumpError(
                f"{name}: the dump's columns {tables[name].get('columns')} are not this archive's {expected}"
            )
        if not (Path(directory) / f"{name}.{manifest['format']}").is_file():
            raise DumpError(f"{name}.{manifest['format']} is missing from {directory}")
    return manifest, tables


def existing_rows():
    """{table: rows} for every archive table that is not empty."""
    counts = {name: model._base_manager.count() for name, model in TABLES.items()}
    return {name: n for name, n in counts.items() if n}


@contextmanager
def keeping_timestamps(models_):
    """Let bulk_create store the dump's `auto_now_add` times instead of the time of the import."""
    switched = [
        field
        for model in models_
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in switched]
    for field in switched:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def load_dump(directory):
    """Load a dump into an empty archive in one transaction; returns {table: row count}.

    Primary keys (and so slugs and every reference) are kept as they were; sequences are moved
    past them so new records do not collide. Anything wrong (not empty, a missing file, a
    malformed row, a count that does not match the manifest) raises DumpError and loads nothing."""
    directory = Path(directory)
    manifest, tables = read_manifest(directory)
    occupied = existing_rows()
    if occupied:
        held = ", ".join(f"{n} {name}" for name, n in occupied.items())
        raise DumpError(
            f"the database is not empty (it holds {held}): import_dump only loads into an empty archive"
        )
    from_csv = manifest["format"] == "csv"
    escaped = manifest["dump_version"] >= 2
    counts = {}
    with transaction.atomic(), keeping_timestamps(TABLES.values()):
        for name, model in TABLES.items():
            fields = columns_of(model)
            path = directory / f"{name}.{manifest['format']}"
            rows = _read_csv(path, fields) if from_csv else _read_json(path, fields)
            counts[name] = _insert(model, fields, rows, from_csv, name, escaped)
            if counts[name] != tables[name].get("rows"):
                raise DumpError(
                    f"{name}: read {counts[name]} rows, the manifest says {tables[name].get('rows')}"
                )
        # Foreign keys are checked at commit; check them now, as loaddata does, so a dangling
        # reference fails here with the table named even inside an outer transaction.
        connection.check_constraints(table_names=[model._meta.db_table for model in TABLES.values()])
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), list(TABLES.values())):
                cursor.execute(statement)
    return counts


def _insert(model, fields, rows, from_csv, table, escaped=True):
    n = 0
    batch = []
    for line, row in enumerate(rows, start=2 if from_csv else 1):
        try:
            values = {
                field.attname: _decode(row[field.attname], field, from_csv, escaped) for field in fields
            }
        except KeyError as err:
            raise DumpError(f"{table}, row {line}: no value for {err.args[0]}") from None
        except DumpError as err:
            raise DumpError(f"{table}, row {line}: {err}") from None
        batch.append(model(**values))
        if len(batch) >= CHUNK_SIZE:
            model._base_manager.bulk_create(batch)
            n += len(batch)
            batch = []
    if batch:
        model._base_manager.bulk_create(batch)
        n += len(batch)
    return n


def _read_csv(path, fields):
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        expected = [field.attname for field in fields]
        if reader.fieldnames != expected:
            raise DumpError(f"{path.name}: header {reader.fieldnames} is not {expected}")
        for row in reader:
            if None in row or None in row.values():
                raise DumpError(
                    f"{path.name}, line {reader.line_num}: the row does not have one cell per column"
                )
            yield row


def _read_json(path, fields):
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DumpError(f"{path.name} is not valid JSON: {err}") from None
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise DumpError(f"{path.name} should hold an array of objects")
    return rows
