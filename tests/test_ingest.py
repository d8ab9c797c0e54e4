"""Ingest, end to end with the real extractor: documents in, one record per real-world thing out.

The spaCy model is loaded once per test session (`meetings.ingest.runner.get_extractor` caches it).
"""

import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from meetings.extraction.document import document_paths
from meetings.ingest.records import RecordWriter
from meetings.models import (
    Meeting,
    Organization,
    Participant,
    Person,
    PersonAlias,
    SourceDocument,
    Statement,
)

pytestmark = pytest.mark.django_db

REPORT_A = """President Ilham Aliyev received Turkish Foreign Minister

14 March 2022, 18:20

President Ilham Aliyev received Turkish Foreign Minister

President of the Republic of Azerbaijan Ilham Aliyev has today received a delegation led by Minister of Foreign Affairs of Turkey Mevlut Cavusoglu.

President Ilham Aliyev said:

- Dear Mevlut, welcome to Baku. Our relations are developing successfully in all areas.

Turkish Foreign Minister Mevlut Cavusoglu said:

- Thank you, Mr. President. Turkey and Azerbaijan will always stand together.
"""

REPORT_B = """Ilham Aliyev receives Mevlüt Çavuşoğlu in Baku

# 14 March 2022 21:05 (UTC +04:00)

According to APA, President of Azerbaijan Ilham Aliyev has today received Turkish Foreign Minister Mevlüt Çavuşoğlu in Baku.

“Our relations are at the highest level” – Ilham Aliyev said.

Mevlüt Çavuşoğlu noted that the two countries will continue to cooperate closely within the Organization of Turkic States.
"""

MEHRIBAN = """First Vice-President Mehriban Aliyeva met with the Minister of Culture of France

12 June 2019, 15:00

First Vice-President of the Republic of Azerbaijan Mehriban Aliyeva has met with Minister of Culture of France Franck Riester in Baku.

First Vice-President Mehriban Aliyeva said:

- Dear Mr. Riester, welcome to Azerbaijan. The Heydar Aliyev Foundation works on many cultural projects with French partners.

The minister noted that national leader Heydar Aliyev laid the foundations of modern Azerbaijan.
"""


def ingest(*paths, json_report=True):
    """Run the command; return (report dict, error or None)."""
    out = io.StringIO()
    args = [str(p) for p in paths] + (["--json"] if json_report else [])
    try:
        call_command("ingest", *args, stdout=out, stderr=io.StringIO(), verbosity=0)
        error = None
    except CommandError as err:
        error = err
    text = out.getvalue()
    return (json.loads(text) if json_report else text), error


def snapshot():
    models = [SourceDocument, Meeting, Person, PersonAlias, Organization, Participant, Statement]
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in models}


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def people_named(surname):
    return list(Person.objects.filter(name__icontains=surname).order_by("name"))


def test_seeds_are_five_meetings_and_lavrov_is_one_person_across_four_of_them(seed_paths):
    report, error = ingest(*seed_paths)
    assert error is None, report["failures"]
    assert report["documents_stored"] == 5
    assert Meeting.objects.count() == 5
    lavrovs = people_named("Lavrov")
    assert len(lavrovs) == 1, [p.name for p in lavrovs]
    lavrov = lavrovs[0]
    assert Meeting.objects.with_person(lavrov).count() == 4
    assert lavrov.country == "RU"
    # Both spellings of his first name (and the S.Lavrov of the press release) are kept.
    names = {lavrov.name, *lavrov.alias_names}
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= names
    assert Meeting.objects.with_person(Person.objects.get(name="Ilham Aliyev")).count() == 3


def test_a_second_ingest_changes_nothing_and_says_so(seed_paths):
    ingest(*seed_paths)
    before = snapshot()
    report, error = ingest(*seed_paths)
    assert error is None
    assert snapshot() == before
    assert report["documents_skipped"] == 5
    assert report["documents_stored"] == report["meetings_created"] == report["people_created"] == 0
    text, _ = ingest(*seed_paths, json_report=False)
    assert "nothing changed" in text


def test_a_broken_document_in_the_middle_of_a_folder_leaves_nothing_behind(tmp_path, seed_paths, monkeypatch):
    shutil.copy(seed_paths[1], tmp_path / "a_first.txt")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00\xff" * 50)
    write(tmp_path, "c_fails_while_stored.txt", REPORT_A)
    shutil.copy(seed_paths[4], tmp_path / "d_last.txt")

    original = RecordWriter._add_statements

    def fail_for_one_document(self, meeting, statements, person_pks):
        if self.document.file_name == "c_fails_while_stored.txt":
            raise RuntimeError("disk full")
        return original(self, meeting, statements, person_pks)

    monkeypatch.setattr(RecordWriter, "_add_statements", fail_for_one_document)
    report, error = ingest(tmp_path)

    assert error is not None  # the exit status is non-zero
    failed = {f["file"]: f["reason"] for f in report["failures"]}
    assert set(failed) == {"b_binary.txt", "c_fails_while_stored.txt"}
    assert "disk full" in failed["c_fails_while_stored.txt"]
    assert failed["b_binary.txt"].startswith("binary file")
    assert report["documents_stored"] == 2
    assert set(SourceDocument.objects.values_list("file_name", flat=True)) == {"a_first.txt", "d_last.txt"}
    # Nothing of the failed document: not its meeting, not its Turkish minister.
    assert not people_named("Cavusoglu")
    assert Meeting.objects.count() == 2
    # The run's in-memory view of people was rolled back too: the next run starts clean.
    monkeypatch.setattr(RecordWriter, "_add_statements", original)
    report, error = ingest(tmp_path)
    assert report["documents_stored"] == 1 and len(people_named("Cavusoglu")) == 1


def test_two_reports_of_one_meeting_are_one_meeting_with_both_sources(tmp_path):
    report, error = ingest(write(tmp_path, "presidency.txt", REPORT_A), write(tmp_path, "apa.txt", REPORT_B))
    assert error is None, report["failures"]
    meeting = Meeting.objects.get()
    assert sorted(meeting.sources.values_list("file_name", flat=True)) == ["apa.txt", "presidency.txt"]
    assert report["meetings_created"] == 1 and report["meetings_joined"] == 1
    assert meeting.participants.count() == 2
    assert len(people_named("avu")) == 1  # Cavusoglu and Çavuşoğlu are one person
    assert set(meeting.statements.values_list("source__file_name", flat=True)) == {
        "apa.txt",
        "presidency.txt",
    }


def test_ilham_heydar_and_mehriban_aliyev_stay_three_people(tmp_path, seed_paths):
    report, error = ingest(*seed_paths, write(tmp_path, "culture.txt", MEHRIBAN))
    assert error is None, report["failures"]
    names = [p.name for p in people_named("Aliyev")]
    assert "Ilham Aliyev" in names and "Mehriban Aliyeva" in names and "Heydar Aliyev" in names
    assert len(names) == len(set(names)) == 3


def test_an_editors_work_survives_reextract(seed_paths):
    ingest(*seed_paths)
    meeting = Meeting.objects.get(sources__file_name=seed_paths[4].name)
    meeting.title = "Mammadyarov and Lavrov in Baku (edited)"
    meeting.curated = True
    meeting.save()
    lavrov = people_named("Lavrov")[0]
    lavrov.name, lavrov.curated = "Sergey Viktorovich Lavrov", True
    lavrov.save()
    statement = Statement.objects.filter(source__file_name=seed_paths[1].name).order_by("order").first()
    statement.text, statement.curated = "An editor's corrected quotation.", True
    statement.save()
    uncurated_before = Statement.objects.filter(curated=False).count()
    old_uncurated_pks = set(Statement.objects.filter(curated=False).values_list("pk", flat=True))

    out = io.StringIO()
    call_command("ingest", "--reextract", "--json", stdout=out, verbosity=0)
    report = json.loads(out.getvalue())

    assert report["documents_read"] == 5 and report["documents_failed"] == 0
    meeting.refresh_from_db()
    assert meeting.title == "Mammadyarov and Lavrov in Baku (edited)"
    lavrov.refresh_from_db()
    assert lavrov.name == "Sergey Viktorovich Lavrov"
    statement.refresh_from_db()
    assert statement.text == "An editor's corrected quotation."
    # The same extractor finds the same statements: none duplicated, every id (and link) kept.
    assert Statement.objects.filter(curated=False).count() == uncurated_before
    assert old_uncurated_pks == set(Statement.objects.filter(curated=False).values_list("pk", flat=True))
    assert Meeting.objects.count() == 5
    assert len(people_named("Lavrov")) == 1


def test_json_report_counts_what_was_created(seed_paths):
    report, error = ingest(*seed_paths)
    assert error is None
    assert report["documents_read"] == 5
    assert report["meetings_created"] == Meeting.objects.count()
    assert report["people_created"] == Person.objects.count()
    assert report["organizations_created"] == Organization.objects.count()
    assert report["statements_created"] == Statement.objects.count()
    assert report["failures"] == []


def test_a_missing_path_is_reported_not_a_traceback(tmp_path):
    report, error = ingest(tmp_path / "nowhere")
    assert error is not None
    assert report["failures"] == [{"file": "nowhere", "reason": "no such file or folder"}]


def test_worker_processes_give_the_same_extractions_in_the_same_order(seed_paths):
    from django.conf import settings

    from meetings.extraction import read_document
    from meetings.ingest.runner import get_extractor
    from meetings.ingest.workers import extract_in_workers

    items = [(path.name, read_document(path)) for path in seed_paths]
    here = list(get_extractor().extract_many(items, batch_size=2))
    in_workers = list(extract_in_workers(iter(items), settings.SPACY_MODEL, batch_size=2, workers=2))
    assert [r["document"] for r in in_workers] == [path.name for path in seed_paths]
    assert in_workers == here


def test_hidden_files_in_a_folder_are_not_documents(tmp_path):
    (tmp_path / "._talks.txt").write_bytes(b"\x00\x05\x16\x07 resource fork")
    (tmp_path / ".#draft.txt").write_text("an editor's lock file")
    assert list(document_paths([tmp_path])) == []
