import datetime

import pytest
from django.db import IntegrityError, transaction

from meetings.models import Meeting, Participant, Person, SourceDocument, Statement

pytestmark = pytest.mark.django_db


def test_slugs_are_made_unique():
    first = Person.objects.create(name="Ilham Aliyev")
    second = Person.objects.create(name="Ilham Aliyev")
    assert first.slug == "ilham-aliyev"
    assert second.slug == "ilham-aliyev-2"


def test_a_person_takes_part_in_a_meeting_at_most_once():
    meeting = Meeting.objects.create(title="Talks", date=datetime.date(2019, 12, 3))
    person = Person.objects.create(name="Sergey Lavrov", country="RU")
    Participant.objects.create(meeting=meeting, person=person, role="Foreign Minister", country="RU")
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(meeting=meeting, person=person)


def test_statement_offsets_must_be_ordered_and_need_a_source():
    meeting = Meeting.objects.create(title="Talks")
    source = SourceDocument.objects.create(file_name="a.txt", sha256="0" * 64, text="He said hello.")
    Statement.objects.create(meeting=meeting, kind="direct", text="hello", source=source, start=8, end=13)
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(meeting=meeting, kind="direct", text="x", source=source, start=5, end=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(meeting=meeting, kind="direct", text="x", start=0, end=1)


def test_with_country_finds_hosted_and_attended_meetings():
    hosted = Meeting.objects.create(title="Hosted", country="AZ")
    attended = Meeting.objects.create(title="Attended", country="RU")
    Participant.objects.create(
        meeting=attended, person=Person.objects.create(name="Elmar Mammadyarov"), country="AZ"
    )
    Meeting.objects.create(title="Elsewhere", country="FR")
    assert set(Meeting.objects.with_country("az")) == {hosted, attended}
