"""Clean exits: extraction workers end with the `ingest` that started them, whether it is stopped
with SIGTERM, Ctrl-C (SIGINT) or killed outright, and a killed run leaves no partial document."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from django.db import connection

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def descendants(pid):
    """Every process below `pid` (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/task/{current}/children") as children:
                kids = [int(kid) for kid in children.read().split()]
        except OSError:
            continue
        found += kids
        todo += kids
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


def shared_database(tmp_path):
    """A database URL other processes can use, and a cursor factory to read it afterwards."""
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}", connection.cursor
    database = tmp_path / "shared.sqlite3"
    url = f"sqlite:///{database}"
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "test"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    return url, lambda: sqlite3.connect(database).cursor()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["term", "int", "kill"])
def test_workers_end_with_the_ingest_and_no_document_is_half_stored(tmp_path, seed_paths, stop):
    folder = tmp_path / "docs"
    folder.mkdir()
    for number in range(120):
        seed = seed_paths[number % len(seed_paths)]
        (folder / f"{number:03}.txt").write_text(seed.read_text() + f"\nRef. {number}\n", encoding="utf-8")
    url, cursor = shared_database(tmp_path)
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "test", "DEBUG": "0"}
    ingest = subprocess.Popen(
        [sys.executable, "manage.py", "ingest", str(folder), "--workers", "2", "--batch-size", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a Ctrl-C reaches only this run's processes, as on a terminal
        # As from a terminal: a shell starts background jobs (a test run with `&`) with SIGINT
        # ignored, which the child would inherit and Ctrl-C would then never reach it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        for line in ingest.stderr:  # wait until documents are being stored
            if line.startswith(b"stored"):
                break
        workers = descendants(ingest.pid)
        assert workers, "the run started no worker"
        if stop == signal.SIGINT:
            os.killpg(ingest.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
        else:
            ingest.send_signal(stop)
        ingest.wait(timeout=60)
        deadline = time.monotonic() + 30
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in workers if alive(pid)]
    finally:
        if ingest.poll() is None:
            ingest.kill()
        ingest.stderr.close()

    reader = cursor()
    reader.execute("SELECT COUNT(*) FROM meetings_sourcedocument")
    stored = reader.fetchone()[0]
    reader.execute(
        "SELECT COUNT(*) FROM meetings_sourcedocument d WHERE NOT EXISTS "
        "(SELECT 1 FROM meetings_meeting_sources s WHERE s.sourcedocument_id = d.id)"
    )
    assert 0 < stored < 120 and reader.fetchone()[0] == 0
