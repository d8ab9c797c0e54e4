"""CSV formula injection: every CSV the archive writes opens as text in a spreadsheet, and the CSV
dump still loads back exactly; URLs enter the archive only as http(s)."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from test_opendata_dump import archive, empty_the_archive, snapshot  # noqa: F401 (a fixture)

from meetings.models import Meeting, SourceDocument, Statement
from meetings.opendata.formats import csv_lines
from meetings.opendata.record_urls import UrlBuilder
from meetings.opendata.spreadsheet import (
    escape_dump_cell,
    neutralize_cell,
    unescape_dump_cell,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]

FORMULAS = ["=1+1", "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "\tindented", "\rreturn"]
HARMLESS = ["plain", "", "a=1", "'quoted", "1-1", " =spaced"]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_cell_a_spreadsheet_would_run_gets_a_quote_in_front(text):
    assert neutralize_cell(text) == "'" + text


@pytest.mark.parametrize("value", [*HARMLESS, None, 5, -5, True])
def test_other_cells_are_left_as_they_are(value):
    assert neutralize_cell(value) == value


@pytest.mark.parametrize("text", [*FORMULAS, *HARMLESS, "''twice", "'=1+1"])
def test_the_dump_escape_is_undone_exactly(text):
    escaped = escape_dump_cell(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unescape_dump_cell(escaped) == text


@pytest.fixture
def formula_statements():
    meeting = Meeting.objects.create(title='=HYPERLINK("http://evil.example")')
    for order, text in enumerate(FORMULAS + HARMLESS):
        Statement.objects.create(meeting=meeting, text=text, order=order, kind="direct", attribution="@attr")
    return meeting


def statement_rows(client, path="/api/statements/", **query):
    response = client.get(path, {"format": "csv", **query})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_statement_csv_of_the_site_opens_as_text(client, formula_statements):
    rows = statement_rows(client, "/search/", kind="direct")
    texts = {row["text"] for row in rows}
    assert {"'" + text for text in FORMULAS} <= texts
    assert {"plain", "a=1", "'quoted", "1-1"} <= texts
    assert {row["attribution"] for row in rows} == {"'@attr"}
    assert {row["meeting_title"] for row in rows} == {'\'=HYPERLINK("http://evil.example")'}


def test_the_meeting_csv_opens_as_text_and_the_json_keeps_the_exact_title(client, formula_statements):
    rows = statement_rows(client, "/api/meetings/")
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil.example")'
    body = json.loads(client.get("/api/meetings/").content)
    assert body["results"][0]["title"] == '=HYPERLINK("http://evil.example")'


def test_postgresql_copy_neutralizes_exactly_as_python_does(formula_statements):
    """On PostgreSQL csv_lines uses COPY (on SQLite both are the Python writer)."""
    urls = UrlBuilder(base="https://archive.example.org")
    statements = Statement.objects.all()
    python = "".join(csv_lines(statements, "statement", urls, use_copy=False)).encode()
    written = b"".join(
        chunk if isinstance(chunk, bytes) else chunk.encode()
        for chunk in csv_lines(statements, "statement", urls)
    )
    assert written == python
    assert b"'=1+1" in python


def test_a_csv_dump_holding_formulas_opens_as_text_and_loads_back_exactly(archive, tmp_path):  # noqa: F811
    meeting = Meeting.objects.first()
    for order, text in enumerate([*FORMULAS, "'quoted", "''twice", "'=1+1"]):
        Statement.objects.create(
            meeting=meeting, text=text, order=100 + order, attribution=text, kind="direct"
        )
    before = snapshot()
    call_command("export", "--format", "csv", "--out", str(tmp_path))
    cells = [
        cell
        for row in csv.reader((tmp_path / "statements.csv").open(encoding="utf-8", newline=""))
        for cell in row
    ]
    assert "'=1+1" in cells and "''=1+1" in cells and "''quoted" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@", "\t", "\r"))]

    empty_the_archive()
    call_command("import_dump", str(tmp_path))
    assert snapshot() == before


def test_a_version_1_csv_dump_loads_its_cells_as_written(archive, tmp_path):  # noqa: F811
    """Before version 2 the dump did not escape, so a leading quote there is part of the text."""
    Statement.objects.create(meeting=Meeting.objects.first(), text="'quoted before", order=50, kind="direct")
    call_command("export", "--format", "csv", "--out", str(tmp_path))
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    manifest["dump_version"] = 1
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    empty_the_archive()
    call_command("import_dump", str(tmp_path))
    assert Statement.objects.filter(text="''quoted before").exists()


@pytest.mark.parametrize("format", ["json", "csv"])
@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/doc.txt", "data:text/html,x"])
def test_import_dump_refuses_a_url_that_is_not_http(archive, tmp_path, format, url):  # noqa: F811
    SourceDocument.objects.filter(url__startswith="https").update(url=url)  # as a hostile dump would hold
    call_command("export", "--format", format, "--out", str(tmp_path))
    empty_the_archive()
    with pytest.raises(CommandError, match=r"nothing imported: source_documents, row \d+: url: .*URL"):
        call_command("import_dump", str(tmp_path))
    assert not any(snapshot().values())
