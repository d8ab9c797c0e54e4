"""`python manage.py extract PATH...`: print the extraction of each document as one JSON line."""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meetings.extraction import DocumentError, Extractor, read_document
from meetings.extraction.document import document_paths


class Command(BaseCommand):
    help = "Extract meetings, people, statements and organizations from documents; print JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="text files or folders of *.txt files")
        parser.add_argument(
            "--golden",
            metavar="FOLDER",
            help="write each extraction, pretty-printed, to FOLDER/<name>.json instead of printing",
        )

    def handle(self, *args, paths=(), golden=None, **options):
        extractor = Extractor(settings.SPACY_MODEL)
        failed = 0
        golden_dir = Path(golden) if golden else None
        if golden_dir:
            golden_dir.mkdir(parents=True, exist_ok=True)

        def readable():
            nonlocal failed
            for path, problem in document_paths(paths):
                if problem:
                    failed += 1
                    self.stderr.write(f"{path}: {problem}")
                    continue
                try:
                    yield path.name, read_document(path)
                except DocumentError as error:
                    failed += 1
                    reason = str(error).removeprefix(f"{path.name}: ")
                    self.stderr.write(f"{path}: {reason}")

        try:
            for result in extractor.extract_many(readable()):
                if "error" in result:
                    failed += 1
                    self.stderr.write(f"{result['document']}: {result['error']}")
                    continue
                if golden_dir:
                    target = golden_dir / (Path(result["document"]).stem + ".json")
                    target.write_text(
                        json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
                    )
                else:
                    self.stdout.write(json.dumps(result, ensure_ascii=False))
                    self.stdout.flush()
        except DocumentError as error:
            raise CommandError(str(error)) from None
        if failed:
            sys.exit(1)
