"""manage.py tidy_records: apply the reading rules (offices, display names, titles, principals,
review reasons) to records stored before them; see meetings/ingest/tidying.py."""

from django.core.management.base import BaseCommand

from meetings.ingest.tidying import tidy_records


class Command(BaseCommand):
    help = (
        "Normalize roles to one form per office, choose display names by the spelling most sources use, "
        "flag people with a surname only or no country, and retitle meetings by the heads of their sides. "
        "Curated records are left alone; running it again changes nothing."
    )

    def handle(self, *args, **options):
        report = tidy_records()
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.roles} role(s) normalized, {report.renamed} person(s) renamed, "
                f"{report.retitled} meeting(s) retitled."
            )
        )
