"""`manage.py export` and `manage.py import_dump`: a full dump loads back with nothing lost."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

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
from meetings.opendata.dump import TABLES, columns_of

pytestmark = pytest.mark.django_db

AWKWARD_TEXT = 'He said: "Yes, and no";\nthen — in Azərbaycan — «peace», 100%\ttab, comma, 😀\r\nend.'


@pytest.fixture
def archive():
    """At least one row in every table, with every nullable column both set and empty, flags on
    and off, and text that CSV and JSON must quote and escape."""
    full = SourceDocument.objects.create(
        file_name="baku.txt",
        sha256="b" * 64,
        text=AWKWARD_TEXT,
        title="Talks, in Baku",
        published=datetime.date(2019, 12, 3),
        publisher="MFA",
        url="https://example.org/baku?x=1&y=2",
        extractor_version="2026.11.1",
    )
    bare = SourceDocument.objects.create(file_name="bare.txt", sha256="c" * 64, text="x")
    lavrov = Person.objects.create(name="Sergey Lavrov", country="RU", curated=True)
    nobody = Person.objects.create(name="Unnamed Official", review_reason="ambiguous person")
    PersonAlias.objects.create(person=lavrov, name="S.Lavrov")
    PersonRedirect.objects.create(old_slug="sergei-lavrov", person=lavrov)
    un = Organization.objects.create(name="United Nations", acronym="UN", kind="international")
    ministry = Organization.objects.create(name="Parliament", country="AZ", kind="government", curated=True)
    OrganizationAlias.objects.create(organization=un, name="U.N.")
    OrganizationRedirect.objects.create(old_slug="the-un", organization=un)
    talks = Meeting.objects.create(
        title="Talks", date=datetime.date(2019, 12, 3), city="Baku", country="AZ", kind="video", summary="S"
    )
    undated = Meeting.objects.create(title="Undated", review_reason="meeting without a date", curated=True)
    talks.sources.add(full, bare)
    talks.people_mentioned.add(nobody)
    talks.organizations_mentioned.add(un, ministry)
    spoke = Participant.objects.create(
        meeting=talks,
        person=lavrov,
        name_as_written="S.Lavrov",
        role="Minister",
        role_as_written="Russian Minister",
        country="RU",
        organization=un,
    )
    SourceMark.objects.create(source=full, meeting=talks, field="date", start=0, end=8)
    SourceMark.objects.create(
        source=full,
        meeting=talks,
        participant=spoke,
        field="participant",
        start=10,
        end=20,
        written="S.Lavrov",
    )
    Participant.objects.create(meeting=undated, person=nobody, review_reason="ambiguous person")
    Statement.objects.create(
        meeting=talks,
        speaker=lavrov,
        attribution="S.Lavrov",
        kind="direct",
        text="Yes",
        source=full,
        start=10,
        end=13,
    )
    Statement.objects.create(meeting=undated, kind="reported", text=AWKWARD_TEXT, order=3, curated=True)
    # Primary keys with gaps, so a dump that renumbered rows would be caught.
    Person.objects.create(name="Deleted").delete()
    Person.objects.create(name="Jeyhun Bayramov", country="AZ")
    Feed.objects.create(
        url="https://mfa.example.org/rss", title="MFA", etag='"v1"', last_fetched=timezone.now()
    )


def snapshot():
    """Every column of every row of every table, in primary key order."""
    return {
        name: list(
            model._base_manager.order_by("pk").values_list(*[field.attname for field in columns_of(model)])
        )
        for name, model in TABLES.items()
    }


def empty_the_archive():
    for model in reversed(TABLES.values()):
        model._base_manager.all().delete()
    assert not any(snapshot().values())


@pytest.mark.parametrize("format", ["json", "csv"])
def test_export_then_import_into_an_empty_database_loses_nothing(archive, tmp_path, format):
    before = snapshot()
    assert all(before.values()), "the sample must have rows in every table"
    call_command("export", "--format", format, "--out", str(tmp_path))
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert {table["name"]: table["rows"] for table in manifest["tables"]} == {
        n: len(r) for n, r in before.items()
    }

    empty_the_archive()
    call_command("import_dump", str(tmp_path))

    assert snapshot() == before
    # Sequences moved past the imported keys: a new record does not collide with an old one.
    newcomer = Person.objects.create(name="Newcomer")
    assert newcomer.pk > max(row[0] for row in before["people"])


def test_export_keeps_flags_redirects_aliases_and_source_text(archive, tmp_path):
    call_command("export", "--format", "json", "--out", str(tmp_path))
    people = json.loads((tmp_path / "people.json").read_text())
    assert {(p["slug"], p["curated"], p["review_reason"]) for p in people} >= {
        ("sergey-lavrov", True, ""),
        ("unnamed-official", False, "ambiguous person"),
    }
    assert json.loads((tmp_path / "person_redirects.json").read_text())[0]["old_slug"] == "sergei-lavrov"
    assert json.loads((tmp_path / "organization_aliases.json").read_text())[0]["name"] == "U.N."
    sources = json.loads((tmp_path / "source_documents.json").read_text())
    assert sources[0]["text"] == AWKWARD_TEXT


def test_import_refuses_a_database_that_is_not_empty(archive, tmp_path):
    call_command("export", "--format", "csv", "--out", str(tmp_path))
    before = snapshot()
    with pytest.raises(CommandError, match="not empty"):
        call_command("import_dump", str(tmp_path))
    assert snapshot() == before


@pytest.mark.parametrize(
    "corrupt, message",
    [
        (lambda text: text.replace(",direct,", ",shouted,", 1), "not one of the allowed values"),
        (lambda text: text + "9,x\n", "one cell per column"),
        (lambda text: text.replace(",true,", ",maybe,", 1), "expected true or false"),
    ],
)
def test_a_broken_dump_loads_nothing(archive, tmp_path, corrupt, message):
    call_command("export", "--format", "csv", "--out", str(tmp_path))
    empty_the_archive()
    statements = tmp_path / "statements.csv"
    statements.write_text(corrupt(statements.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_dump", str(tmp_path))
    assert not any(snapshot().values())


def test_import_without_a_manifest_says_so(tmp_path):
    with pytest.raises(CommandError, match="manifest.json not found"):
        call_command("import_dump", str(tmp_path))


def test_a_row_pointing_at_a_missing_record_loads_nothing(archive, tmp_path):
    call_command("export", "--format", "json", "--out", str(tmp_path))
    empty_the_archive()
    aliases = tmp_path / "person_aliases.json"
    rows = json.loads(aliases.read_text())
    rows[0]["person_id"] = 987654
    aliases.write_text(json.dumps(rows))
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_dump", str(tmp_path))
    assert not any(snapshot().values())
