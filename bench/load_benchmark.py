"""Load benchmark: the site under gunicorn, many users at once, on a mix of pages.

    .venv/bin/python bench/load_benchmark.py --database-url postgres://postgres@127.0.0.1:5432/archive_load \\
        --statements 100000 --users 50 --seconds 60

Fills the database like the search benchmark (search_data.py; reused while the count matches),
then starts gunicorn (2 workers, 4 threads each) and runs, one after the other:

1. bare: a view that returns "ok" (the same server, middleware and all): the ceiling;
2. cached: the page mix, with the page cache warm (every address asked before);
3. uncached: the same mix with the cache off (CACHE_URL=dummy://), so every request renders;
4. load: `--users` users for `--seconds` on the mix with the default cache, each user asking
   a page as soon as the last one came back (closed loop), search words drawn at random, so
   the cache holds some pages and not others.

Each user is a thread with its own keep-alive connection. Phases 1-3 use 8 users for
`--short-seconds`. It prints requests per second, p50/p95/max latency and errors per phase, and
the cached and uncached throughput as a share of the bare one. This is a script, never a test.
"""

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote_plus

from search_data import ROOT, prepare

BENCH = Path(__file__).resolve().parent
WORDS = ["cooperation", "relations", "energy", "security", "peace process", "trade", "ceasefire", "summit"]


def page_mix():
    """Addresses of the mix: the meetings list (filtered too), a meeting, a person, searches."""
    from meetings.models import Meeting, Person

    meetings = list(Meeting.objects.order_by("pk").values_list("slug", flat=True)[:50])
    people = list(Person.objects.order_by("pk").values_list("slug", flat=True)[:50])
    return {
        "list": ["/meetings/", "/meetings/?country=AZ", "/meetings/?kind=in_person&sort=oldest"],
        "meeting": [f"/meetings/{slug}/" for slug in meetings],
        "person": [f"/people/{slug}/" for slug in people],
        "search": [f"/search/?q={quote_plus(word)}" for word in WORDS]
        + [f"/search/?q={quote_plus(word)}&page=2" for word in WORDS[:4]],
    }


def start_server(port, database_url, cache_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CACHE_URL": cache_url,
        "SECRET_KEY": "benchmark-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DJANGO_SETTINGS_MODULE": "load_settings",
        "PYTHONPATH": f"{BENCH}:{ROOT}",
    }
    command = [
        sys.executable, "-m", "gunicorn", "archive.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", "2", "--threads", "4", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/bare/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def run_users(port, addresses, users, seconds):
    """(requests per second, [latencies ms], errors) of `users` closed-loop users."""
    latencies, errors, lock, statuses = [], [0], threading.Lock(), {}
    stop = time.perf_counter() + seconds

    def user(seed):
        rng = random.Random(seed)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < stop:
            address = rng.choice(addresses)
            started = time.perf_counter()
            try:
                connection.request("GET", address)
                response = connection.getresponse()
                response.read()
                failed = response.status != 200
                if failed:
                    statuses[response.status] = statuses.get(response.status, 0) + 1
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                failed = True
                statuses["no answer"] = statuses.get("no answer", 0) + 1
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                errors[0] += failed

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if statuses:
        print(f"errors by status: {statuses}")
    return len(latencies) / (time.perf_counter() - began), latencies, errors[0]


def report(name, result):
    rate, latencies, errors = result
    cuts = statistics.quantiles(latencies, n=20, method="inclusive") if len(latencies) > 1 else latencies * 19
    print(
        f"{name:<10}{rate:>9.1f} req/s{cuts[9]:>9.1f}{cuts[18]:>9.1f}{max(latencies):>9.1f}"
        f"{len(latencies):>9}{errors:>8}",
        flush=True,
    )
    return rate


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite:////tmp/archive_load.sqlite3")
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument(
        "--short-seconds", type=int, default=15, help="length of the bare/cached/uncached phases"
    )
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    args = parser.parse_args()
    if not args.port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            args.port = probe.getsockname()[1]

    prepare(args.database_url, args.statements)
    mix = [address for addresses in page_mix().values() for address in addresses]
    print(f"{len(mix)} addresses in the mix; load average {os.getloadavg()[0]:.1f}")
    print(f"{'phase':<10}{'rate':>15}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'requests':>9}{'errors':>8}")
    server = start_server(args.port, args.database_url, "")
    try:
        bare = report("bare", run_users(args.port, ["/bare/"], 8, args.short_seconds))
        run_users(args.port, mix, 8, 2)  # warm the cache: every address once at least
        for address in mix:
            connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
            connection.request("GET", address)
            connection.getresponse().read()
        cached = report("cached", run_users(args.port, mix, 8, args.short_seconds))
    finally:
        server.terminate()
        server.wait()
    server = start_server(args.port, args.database_url, "dummy://")
    try:
        uncached = report("uncached", run_users(args.port, mix, 8, args.short_seconds))
    finally:
        server.terminate()
        server.wait()
    server = start_server(args.port, args.database_url, "")
    try:
        searches = [
            f"/search/?q={quote_plus(random.Random(n).choice(WORDS))}&page={n % 5 + 1}" for n in range(200)
        ]
        report("load", run_users(args.port, mix + searches, args.users, args.seconds))
    finally:
        server.terminate()
        server.wait()
    print(f"cached {cached / bare:.0%} of bare, uncached {uncached / bare:.0%} of bare; "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
