"""Bring records stored before the reading rules up to them, in place and idempotently:
`manage.py tidy_records` calls `tidy_records()`.

- roles: every uncurated participant's role becomes its office (`meetings.ingest.roles`), the
  form as written kept in `role_as_written`;
- people: display names by the spelling most sources use (where source marks exist) and the
  review reasons for a surname only or no country (`meetings.ingest.naming`);
- meetings: principals and titles (`meetings.ingest.titles`).

Curated records keep what editors gave them. Running it twice changes nothing the second time.
"""

from dataclasses import dataclass

from django.db import transaction

from meetings.ingest.naming import refresh_people
from meetings.ingest.roles import normalize_role
from meetings.ingest.titles import retitle_meetings
from meetings.models import Meeting, Participant, Person


@dataclass
class TidyReport:
    roles: int = 0
    renamed: int = 0
    retitled: int = 0


def tidy_records():
    """Apply the reading rules to every stored record (see the module docstring); a TidyReport."""
    report = TidyReport()
    with transaction.atomic():
        for participant in Participant.objects.filter(curated=False).exclude(role="", role_as_written=""):
            role = normalize_role(participant.role_as_written or participant.role)
            if (participant.role, participant.role_as_written) != (role.name, role.as_written):
                participant.role, participant.role_as_written = role.name[:200], role.as_written[:200]
                participant.save(update_fields=["role", "role_as_written"])
                report.roles += 1
        renamed, _flagged = refresh_people(list(Person.objects.values_list("pk", flat=True)))
        report.renamed = len(renamed)
        before = dict(Meeting.objects.values_list("pk", "title"))
        retitle_meetings(list(Meeting.objects.order_by("date", "pk")))
        after = dict(Meeting.objects.values_list("pk", "title"))
        report.retitled = sum(1 for pk, title in after.items() if before.get(pk) != title)
    return report
