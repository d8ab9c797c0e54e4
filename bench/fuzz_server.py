"""Send many random and hostile requests to the archive under gunicorn with production settings and
count the server errors (5xx). The figure README quotes comes from:

    .venv/bin/python bench/fuzz_server.py --requests 10000
    .venv/bin/python bench/fuzz_server.py --requests 10000 --postgres postgres://postgres@127.0.0.1:5432/postgres

The script makes its own throwaway database (an SQLite file in a temporary folder, or with
--postgres a fresh `archive_fuzz_<pid>` database on that server, dropped at the end), migrates it,
ingests fixtures/documents plus --documents generated ones, collects static files, and starts
gunicorn on 127.0.0.1 (a free port) with DEBUG off, a random SECRET_KEY and plain HTTP. Then
`--threads` clients send the requests: every public page, search and API endpoint, real and
invented slugs, ids and codes in the path, and query strings of huge, negative and malformed
numbers, NUL and control characters, SQL and LIKE metacharacters, impossible dates and very long
strings; GET mostly, some HEAD, OPTIONS and POST; three requests in ten are a paginated list, filtered as
a visitor would, asked for a page number of any magnitude. The requests come from `--seed`, so a run can be
repeated. It prints the count of answers per status class, every 5xx (address and status) and the
server's own error log lines, and exits 1 if any answer was a 5xx or a request failed.
Only 127.0.0.1 is ever contacted, and the run stops by itself after --requests.
"""

import argparse
import collections
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests"))  # the catalogue of hostile requests the fuzz test uses too

from benchtools import create_postgres_database, drop_postgres_database  # noqa: E402
from hostile_requests import (  # noqa: E402
    CODE_PATHS,
    HOSTILE,
    ID_PATHS,
    LIST_PATHS,
    PARAMETERS,
    SLUG_PATHS,
    UNKNOWN_PATHS,
)

ALPHABET = "abcxyz0129 -_.,;:'\"%&?#=+*/\\<>()[]{}|^~`!@$ёçşğü\x00\x01\t\r\n\u202e\ufeff\U0001f600"


def random_value(rng):
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(HOSTILE)
    if roll < 0.7:
        return str(boundary_number(rng))
    if roll < 0.8:
        return f"{rng.randint(-10, 12000):04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}"
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 40)))


NUMBERS = {"page", "page_size", "statements_page", "start", "end"}


def value_for(rng, name):
    """Mostly numbers, many past 64 bits, for a parameter that is a number; anything for others."""
    if name in NUMBERS and rng.random() < 0.6:
        return str(boundary_number(rng))
    return random_value(rng)


def boundary_number(rng, large=False):
    """Every magnitude alike (or, `large`, from 2**55 up), with the 64-bit boundaries divided by the
    page sizes in use (2**63 // 20 + 1 is the first page of 20 whose offset overflows 64 bits)."""
    per_page = rng.choice([1, 1, 1, 10, 20, 25, 30, 50])
    exponent = rng.randint(55 if large else 0, 70)
    return rng.choice([1, 1, -1]) * (2**exponent // per_page + rng.randint(-2, 2))


def random_path(rng, slugs):
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(LIST_PATHS)
    known = [slug for found in slugs.values() for slug in found]
    part = urllib.parse.quote(rng.choice(known) if rng.random() < 0.5 else random_value(rng), safe="")
    part = part or "x"
    if roll < 0.7:
        return rng.choice(SLUG_PATHS).format(part)
    if roll < 0.82:
        return rng.choice(CODE_PATHS).format(part)
    if roll < 0.94:
        return rng.choice(ID_PATHS).format(rng.choice([str(rng.randint(0, 2**70)), "1", "2", "3"]))
    return rng.choice(UNKNOWN_PATHS).format(part)


# Ordinary filters, so that a hostile parameter beside them reaches the code a real search runs.
ORDINARY = [
    ("q", "cooperation"),
    ("q", "talks"),
    ("q", '"foreign minister"'),
    ("country", "ru"),
    ("country", "az"),
    ("sort", "oldest"),
    ("format", "json"),
    ("format", "csv"),
    ("page", "2"),
]


def paged_request(rng, slugs):
    """A paginated list as a visitor would filter it, asked for a page of any size, often past
    the 64-bit boundaries: the offsets those pages turn into must never reach the database."""
    person, organization = rng.choice(slugs["Person"]), rng.choice(slugs["Organization"])
    path, filters = rng.choice(
        [
            ("/meetings/", ""),
            ("/meetings/", "country=ru"),
            ("/people/", ""),
            ("/organizations/", ""),
            ("/countries/az/", ""),
            ("/countries/az/ru/", ""),
            (f"/people/{person}/", ""),
            (f"/people/{person}/", "q=cooperation"),
            (f"/organizations/{organization}/", ""),
            ("/search/", "q=cooperation"),
            ("/search/", "country=ru"),
            ("/search/", "q=talks&sort=oldest"),
            ("/api/meetings/", ""),
            ("/api/statements/", "q=cooperation"),
            ("/api/statements/", "country=az&format=csv"),
        ]
    )
    name = rng.choice(["page", "statements_page"] if path.startswith("/people/") else ["page", "page_size"])
    number = boundary_number(rng, large=rng.random() < 0.5)
    query = "&".join(part for part in (filters, f"{name}={number}") if part)
    return "GET", f"{path}?{query}"


def random_request(rng, slugs):
    if rng.random() < 0.3:
        return paged_request(rng, slugs)
    path = random_path(rng, slugs)
    query = rng.sample(ORDINARY, rng.randint(0, 2))
    names = [rng.choice(PARAMETERS) for _ in range(rng.randint(0, 4))]
    query += [(name, value_for(rng, name)) for name in names]
    rng.shuffle(query)
    method = rng.choices(["GET", "HEAD", "OPTIONS", "POST"], weights=[85, 5, 5, 5])[0]
    encoded = urllib.parse.urlencode(query)
    return method, path + (f"?{encoded}" if encoded else "")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(command, env):
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(env, documents, workdir):
    python = sys.executable
    run([python, "manage.py", "migrate", "--no-input"], env)
    run([python, "manage.py", "collectstatic", "--no-input"], env)
    paths = [str(ROOT / "fixtures" / "documents")]
    if documents:
        corpus = workdir / "corpus"
        run(
            [python, "manage.py", "generate_corpus", "--documents", str(documents), "--out", str(corpus)], env
        )
        paths.append(str(corpus))
    subprocess.run(
        [python, "manage.py", "ingest", *paths],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,  # a document that fails is reported by ingest itself; the site still starts
    )
    listed = subprocess.run(
        [
            python,
            "manage.py",
            "shell",
            "-c",
            "from meetings.models import Meeting, Person, Organization\n"
            "for model in (Meeting, Person, Organization):\n"
            "    for slug in model.objects.order_by('pk').values_list('slug', flat=True)[:30]:\n"
            "        print(model.__name__, slug)",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    slugs = {"Meeting": [], "Person": [], "Organization": []}
    for line in listed:
        kind, _, slug = line.partition(" ")
        if kind in slugs and slug:
            slugs[kind].append(slug)
    return {kind: found or ["none"] for kind, found in slugs.items()}


def wait_for(url, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited before it answered")
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url} within {timeout} s")


def send(base, method, target, timeout):
    request = urllib.request.Request(base + target, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        err.read()
        return err.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 3xx is an answer in its own right; following it would count twice


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--documents", type=int, default=100, help="generated documents besides the seeds")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one request may take")
    parser.add_argument(
        "--postgres", metavar="URL", help="a PostgreSQL server's URL (postgres://user@host:port/db)"
    )
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="archive-fuzz-"))
    if options.postgres:
        database_url = f"{options.postgres.rsplit('/', 1)[0]}/archive_fuzz_{os.getpid()}"
        create_postgres_database(database_url)
    else:
        database_url = f"sqlite:///{workdir / 'fuzz.sqlite3'}"
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "ERROR",
    }
    server = None
    log_path = workdir / "gunicorn.log"
    try:
        print(f"== preparing {database_url.split('@')[-1]}: migrate, collectstatic, ingest", flush=True)
        slugs = prepare(env, options.documents, workdir)
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "archive.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(options.workers),
                    "--timeout",
                    str(int(options.timeout) + 30),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/", server)
        urllib.request.install_opener(urllib.request.build_opener(NoRedirect))

        rng = random.Random(options.seed)
        requests = [random_request(rng, slugs) for _ in range(options.requests)]
        statuses = collections.Counter()
        errors, failures = [], []
        lock = threading.Lock()

        def one(request):
            method, target = request
            try:
                status = send(base, method, target, options.timeout)
            except Exception as err:  # a dropped connection or a timeout is a failure too
                with lock:
                    failures.append((method, target, repr(err)))
                return
            with lock:
                statuses[status // 100] += 1
                if status >= 500:
                    errors.append((status, method, target))

        print(f"== {len(requests)} requests, {options.threads} clients, gunicorn on {base}", flush=True)
        started = time.monotonic()
        with ThreadPoolExecutor(options.threads) as pool:
            list(pool.map(one, requests))
        elapsed = time.monotonic() - started
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if options.postgres:
            drop_postgres_database(database_url)

    print(f"requests: {len(requests)} in {elapsed:.0f} s ({len(requests) / elapsed:.0f}/s)")
    for group in sorted(statuses):
        print(f"  {group}xx: {statuses[group]}")
    print(f"5xx: {len(errors)}; failed requests (no answer): {len(failures)}")
    for status, method, target in errors[:20]:
        print(f"  {status} {method} {target[:200]}")
    for method, target, reason in failures[:20]:
        print(f"  failed {method} {target[:200]}: {reason[:200]}")
    server_errors = [
        line for line in log_path.read_text().splitlines() if "Error" in line or "Traceback" in line
    ]
    for line in server_errors[:20]:
        print(f"  server: {line[:200]}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 1 if errors or failures else 0


if __name__ == "__main__":
    sys.exit(main())
