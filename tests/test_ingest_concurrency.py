"""Ingests running at the same time, as real processes: any number of `manage.py ingest` runs over
overlapping folders give the same records as one run (no duplicate person, organization,
meeting or document, no spurious failure). On PostgreSQL the runs share the test database; on
SQLite they share a database file (a second writer waits for the first: BEGIN IMMEDIATE with a
busy timeout)."""

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from django.db import connection

from meetings.ingest.runner import Ingester

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def snapshot(cursor):
    """The records that must come out the same, by their names and addresses."""
    queries = {
        "people": "SELECT name, slug, country FROM meetings_person ORDER BY slug",
        "organizations": "SELECT name, slug FROM meetings_organization ORDER BY slug",
        "meetings": "SELECT slug, title FROM meetings_meeting ORDER BY slug",
        "documents": "SELECT file_name FROM meetings_sourcedocument ORDER BY file_name",
        "participants": "SELECT COUNT(*) FROM meetings_participant",
        "statements": "SELECT COUNT(*) FROM meetings_statement",
    }
    result = {}
    for name, sql in queries.items():
        cursor.execute(sql)
        result[name] = [tuple(row) for row in cursor.fetchall()]
    return result


def run_ingests_at_once(folders, database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "test", "DEBUG": "0"}
    command = [sys.executable, "manage.py", "ingest", "--workers", "0"]
    processes = [
        subprocess.Popen(
            [*command, str(folder)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for folder in folders
    ]
    return [(process.wait(timeout=300), process.stdout.read().decode()) for process in processes]


@pytest.mark.django_db(transaction=True)
def test_ingests_at_the_same_time_over_overlapping_folders_give_the_records_of_one_run(
    tmp_path, seed_paths, extractor
):
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, paths in ((first, seed_paths[:4]), (second, seed_paths[1:])):
        folder.mkdir()
        for path in paths:
            shutil.copy(path, folder)
    Ingester(extractor=extractor).ingest_paths([first, second])
    with connection.cursor() as cursor:
        one_run = snapshot(cursor)
    assert len(one_run["documents"]) == 5

    if connection.vendor == "postgresql":
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)
        settings = connection.settings_dict
        url = (
            f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"
        )
        outcomes = run_ingests_at_once([first, second, first, second], url)
        with connection.cursor() as cursor:
            at_once = snapshot(cursor)
    else:
        database = tmp_path / "shared.sqlite3"
        url = f"sqlite:///{database}"
        env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "test"}
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        outcomes = run_ingests_at_once([first, second, first], url)
        with sqlite3.connect(database) as shared:
            at_once = snapshot(shared.cursor())

    for status, output in outcomes:
        assert status == 0, output
        assert "FAILED" not in output, output
    assert at_once == one_run


@pytest.mark.django_db
def test_a_database_locked_past_the_busy_timeout_is_a_clear_failure_not_a_traceback(tmp_path, monkeypatch):
    from django.db import OperationalError
    from ingest_helpers import TextExtractor

    (tmp_path / "1.txt").write_text("Sergey Lavrov met Jeyhun Bayramov.\n", encoding="utf-8")

    def locked(self):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Ingester, "_lock_for_writing", locked)
    report = Ingester(extractor=TextExtractor()).ingest_paths([tmp_path])
    assert report.failures == [
        {
            "file": "1.txt",
            "reason": "could not be stored: the database stayed locked by another writer (another ingest?): "
            "run it again later",
        }
    ]
