"""`python manage.py generate_corpus --documents N --out DIR [--seed S]`: synthetic press releases
for benchmarks and load tests (`meetings.ingest.synthetic` writes them)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.ingest.synthetic import write_corpus


class Command(BaseCommand):
    help = "Write N synthetic press releases (deterministic for a given --seed) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, required=True, metavar="N")
        parser.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, documents, out, seed, **options):
        if documents < 1:
            raise CommandError("--documents must be at least 1.")
        folder = Path(out)
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder} exists and is not a folder.")
        write_corpus(folder, documents, seed)
        if options["verbosity"] > 0:
            self.stdout.write(f"Wrote {documents} document(s) to {folder} (seed {seed}).")
