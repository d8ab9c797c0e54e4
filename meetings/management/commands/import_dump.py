"""manage.py import_dump DIR: load a dump written by `export` into an EMPTY database."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from meetings.opendata.dump import DumpError, load_dump


class Command(BaseCommand):
    help = (
        "Load a dump written by `manage.py export` into an empty, migrated database: every row with its "
        "primary key, in one transaction (nothing is loaded if anything is wrong)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="the directory `export --out` wrote")

    def handle(self, *args, directory, **options):
        try:
            counts = load_dump(directory)
        except DumpError as err:
            raise CommandError(f"nothing imported: {err}") from None
        except DatabaseError as err:  # e.g. a row pointing at a record the dump does not hold
            message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise CommandError(f"nothing imported: the database refused the dump: {message}") from None
        except OSError as err:
            raise CommandError(f"nothing imported: {err}") from None
        for table, n in counts.items():
            self.stdout.write(f"{table:<34} {n:>9} rows")
        self.stdout.write(self.style.SUCCESS(f"Imported {sum(counts.values())} rows from {directory}"))
