"""`python manage.py ingest PATH|URL... [--reextract] [--json]`: load documents into the archive."""

import json
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from meetings.ingest.runner import Ingester, IngestReport, stop_on_sigterm
from meetings.ingest.sources import source_items
from meetings.models import SourceDocument

# Below this, starting worker processes (each loads the model) costs more than it saves.
PARALLEL_FROM = 200


def default_workers(documents):
    return min(os.cpu_count() or 1, 4) if documents >= PARALLEL_FROM else 0


class Progress:
    """A tqdm bar on a terminal; one plain line per document otherwise (logs, CI, pipes)."""

    def __init__(self, stream, total=None, quiet=False):
        self.stream = stream
        self.quiet = quiet
        self.bar = None
        if not quiet and stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=stream, dynamic_ncols=True)

    def __call__(self, outcome, name, detail=""):
        if self.bar is not None:
            self.bar.update(1)
            if outcome == "failed":
                self.bar.write(f"failed  {name}: {detail}", file=self.stream)
        elif not self.quiet:
            self.stream.write(f"{outcome:<8}{name}" + (f": {detail}" if detail else "") + "\n")
            self.stream.flush()

    def close(self):
        if self.bar is not None:
            self.bar.close()


def summary(report: IngestReport, reextract=False):
    """The report as lines a person reads at the end of a run."""
    if not reextract and report.changed_nothing:
        lines = [
            f"Nothing to do: {report.documents_skipped} of {report.documents_read} document(s) "
            "already stored, nothing changed."
        ]
    else:
        verb = "re-extracted" if reextract else "stored"
        lines = [
            f"Documents: {report.documents_read} read, {report.documents_stored} {verb}, "
            f"{report.documents_skipped} skipped (already stored), {report.documents_failed} failed.",
            f"Created: {report.meetings_created} meeting(s) ({report.meetings_joined} more report(s) "
            f"joined to existing meetings), {report.people_created} person(s), "
            f"{report.organizations_created} organization(s), {report.statements_created} statement(s).",
            f"Flagged for review: {report.records_flagged} record(s).",
        ]
    for failure in report.failures:
        lines.append(f"FAILED {failure['file']}: {failure['reason']}")
    for case in report.ambiguities:
        lines.append(f"AMBIGUOUS in {case['file']}: “{case['name']}” could be {case['candidates']}")
    return lines


class Command(BaseCommand):
    help = (
        "Extract documents (.txt, .html/.htm and .pdf files, folders of them, http(s) URLs) and store "
        "them in the archive. Documents already stored (same text, or same URL) are skipped; each "
        "document is stored in its own transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="a .txt, .html/.htm or .pdf file, a folder of them, or an http(s) URL",
        )
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="run the current extractor again over the stored documents (all, or those whose "
            "file name is given) and replace the records made from them that no editor curated",
        )
        parser.add_argument("--json", dest="as_json", action="store_true", help="print the report as JSON")
        parser.add_argument("--batch-size", type=int, default=16, help="documents per extraction batch")
        parser.add_argument(
            "--workers",
            type=int,
            help="extraction processes beside this one, which stores (0: extract here; default: "
            f"one per core for runs of {PARALLEL_FROM} documents or more, else 0)",
        )

    def handle(self, *args, paths, reextract, as_json, batch_size, workers, **options):
        if not paths and not reextract:
            raise CommandError("Give at least one file or folder to ingest (or --reextract).")
        if workers is not None and not 0 <= workers <= 16:
            raise CommandError("--workers must be between 0 and 16.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        quiet = options["verbosity"] == 0
        if reextract:
            documents = SourceDocument.objects.all()
            if paths:
                names = [p.replace("\\", "/").rsplit("/", 1)[-1] for p in paths]
                documents = documents.filter(file_name__in=names)
            total = documents.count()
        else:
            total = sum(1 for _ in source_items(paths))
        progress = Progress(sys.stderr, total=total, quiet=quiet)
        ingester = Ingester(
            batch_size=batch_size,
            progress=progress,
            workers=default_workers(total) if workers is None else workers,
        )
        with stop_on_sigterm():
            report = ingester.reextract(documents) if reextract else ingester.ingest_paths(paths)
        progress.close()

        if as_json:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write("\n".join(summary(report, reextract)))
        if report.documents_failed:
            raise CommandError(f"{report.documents_failed} document(s) could not be ingested (see above).")
