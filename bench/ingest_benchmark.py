"""Ingest benchmark: generate N synthetic documents, ingest them into an empty database, print
documents per second and memory. A script, never run by pytest.

    .venv/bin/python bench/ingest_benchmark.py --documents 1000                 # SQLite (temp file)
    .venv/bin/python bench/ingest_benchmark.py --documents 1000 \\
        --postgres postgres://postgres@127.0.0.1:5432/postgres                   # PostgreSQL

With --postgres a fresh database `archive_bench_<pid>` is created on that server and dropped
afterwards, whatever happens (a failure or Ctrl-C included). Timing is end to end: loading the spaCy model, reading, hashing, extracting and
storing every document (generating the corpus is not counted). Ingest's own part is reported
apart from extraction: the wall time and queries of storing (resolution and writing, one
transaction per document) per document. Memory: the process's peak
resident set (getrusage), the resident set sampled as the run goes (to see that it stays flat),
and with --tracemalloc the peak of Python allocations (slower: tracemalloc costs time).
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchtools import (
    create_postgres_database,
    drop_postgres_database,
    peak_child_rss_mib,
    peak_rss_mib,
    rss_mib,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="extraction processes (see ingest --workers)")
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL server URL (any database on it)")
    parser.add_argument("--corpus", metavar="DIR", help="reuse (or write) the generated corpus here")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="ingest-bench-")
    bench_url = None
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

    try:
        if args.postgres:
            bench_url = f"{args.postgres.rsplit('/', 1)[0]}/archive_bench_{os.getpid()}"
            create_postgres_database(bench_url)
            os.environ["DATABASE_URL"] = bench_url
        else:
            os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from meetings.ingest.runner import Ingester
        from meetings.models import Meeting, Person, Statement

        call_command("migrate", verbosity=0)
        corpus = Path(args.corpus or Path(workdir) / "corpus")
        if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != args.documents:
            call_command(
                "generate_corpus", documents=args.documents, out=str(corpus), seed=args.seed, verbosity=0
            )
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
        print(
            f"{args.documents} documents ({words / args.documents:.0f} words on average), "
            f"database: {connection.vendor}, batch size {args.batch_size}, {args.workers} extraction worker(s)"
        )

        samples = []
        every = max(1, args.documents // 10)
        done = [0]

        def progress(outcome, name, detail=""):
            done[0] += 1
            if done[0] % every == 0:
                samples.append((done[0], rss_mib()))

        if args.tracemalloc:
            import tracemalloc

            tracemalloc.start()
        storing = {"seconds": 0.0, "queries": 0}

        def count_queries(execute, sql, params, many, context):
            storing["queries"] += 1
            return execute(sql, params, many, context)

        def timed_store(self, name, write):
            begun = time.perf_counter()
            with connection.execute_wrapper(count_queries):
                store(self, name, write)
            storing["seconds"] += time.perf_counter() - begun

        store = Ingester._store
        Ingester._store = timed_store
        started = time.perf_counter()
        cpu_started = os.times()
        ingester = Ingester(batch_size=args.batch_size, progress=progress, workers=args.workers)
        report = ingester.ingest_paths([corpus])
        elapsed = time.perf_counter() - started
        cpu = os.times()
        own_cpu = cpu.user + cpu.system - cpu_started.user - cpu_started.system
        child_cpu = (
            cpu.children_user + cpu.children_system - cpu_started.children_user - cpu_started.children_system
        )

        print(
            f"ingested: {report.documents_stored} stored, {report.documents_failed} failed; "
            f"{Meeting.objects.count()} meetings, {Person.objects.count()} people, "
            f"{Statement.objects.count()} statements"
        )
        for failure in report.failures[:3]:
            print(f"  failed: {failure['file']}: {failure['reason']}")
        print(
            f"time: {elapsed:.1f} s end to end (model load included) = {args.documents / elapsed:.1f} docs/s"
        )
        print(
            f"CPU: {own_cpu:.1f} s in this process, {child_cpu:.1f} s in the extraction workers "
            f"({1000 * (own_cpu + child_cpu) / args.documents:.0f} ms of CPU per document); "
            f"load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine slows the run)"
        )
        stored = max(1, report.documents_stored)
        print(
            f"ingest's own part (storing: resolution and writing): {1000 * storing['seconds'] / stored:.1f} ms "
            f"and {storing['queries'] / stored:.1f} queries per document, {storing['seconds']:.1f} s in all; "
            f"the rest of the wall time is extraction and model loading"
        )
        print(
            f"peak RSS: {peak_rss_mib():.0f} MiB (this process), {peak_child_rss_mib():.0f} MiB (largest "
            f"extraction worker); all together at most "
            f"{peak_rss_mib() + args.workers * peak_child_rss_mib():.0f} MiB"
        )
        print("RSS as the run went (documents: MiB): " + ", ".join(f"{n}: {m:.0f}" for n, m in samples))
        if args.tracemalloc:
            current, peak = tracemalloc.get_traced_memory()
            print(f"tracemalloc: peak {peak / 2**20:.0f} MiB, at the end {current / 2**20:.0f} MiB")
        connection.close()
    finally:
        if bench_url:
            from django.db import connections

            connections.close_all()
            drop_postgres_database(bench_url)
            print(f"dropped the database {bench_url.rsplit('/', 1)[1]}")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
