"""manage.py export --format json|csv --out DIR: the whole archive as one file per table."""

from django.core.management.base import BaseCommand, CommandError

from meetings.opendata.dump import FORMATS, DumpError, write_dump


class Command(BaseCommand):
    help = (
        "Write a full dump of the archive (every table, every column, primary keys included) into DIR, "
        "one file per table plus manifest.json. `import_dump DIR` loads it into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="json", help="json (default) or csv")
        parser.add_argument(
            "--out", required=True, metavar="DIR", help="directory to write (created if need be)"
        )

    def handle(self, *args, format, out, **options):
        try:
            counts = write_dump(out, format)
        except (DumpError, OSError) as err:
            raise CommandError(f"export failed: {err}") from None
        for table, n in counts.items():
            self.stdout.write(f"{table:<34} {n:>9} rows")
        self.stdout.write(self.style.SUCCESS(f"Wrote {sum(counts.values())} rows as {format} into {out}"))
