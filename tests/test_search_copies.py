"""The copies of the speaker's country and the meeting's country and date kept on each statement
for search (both databases): lists and filters follow changes, and SQLite recreates them when a
table rebuild has dropped them."""

import datetime

import pytest
from django.db import connection

from meetings import search
from meetings.models import Meeting, Person, Statement
from meetings.search import search_statements

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    lavrov = Person.objects.create(name="Sergey Lavrov", country="RU")
    early = Meeting.objects.create(title="Early talks", date=datetime.date(2010, 1, 1), country="RU")
    late = Meeting.objects.create(title="Late talks", date=datetime.date(2020, 1, 1), country="AZ")
    Statement.objects.create(meeting=early, speaker=lavrov, kind="direct", text="Early words on gas.")
    Statement.objects.create(meeting=late, speaker=lavrov, kind="direct", text="Late words on gas.")
    return early, late


def listed(**arguments):
    return [hit.statement.text for hit in search_statements(**arguments).hits]


def test_the_newest_first_list_follows_a_meeting_moved_in_time(meetings):
    early, late = meetings
    assert listed(speaker_country="RU") == ["Late words on gas.", "Early words on gas."]
    early.date = datetime.date(2024, 1, 1)
    early.save()
    assert listed(speaker_country="RU") == ["Early words on gas.", "Late words on gas."]
    assert listed(speaker_country="RU", sort="oldest") == ["Late words on gas.", "Early words on gas."]
    assert listed(query="gas", sort="newest") == ["Early words on gas.", "Late words on gas."]


def test_statements_without_a_meeting_date_come_last(meetings):
    early, _ = meetings
    Meeting.objects.filter(pk=early.pk).update(date=None)
    assert listed(speaker_country="RU") == ["Late words on gas.", "Early words on gas."]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite rebuilds tables to alter them")
def test_copies_dropped_by_a_table_rebuild_are_recreated_and_refilled(meetings):
    with connection.cursor() as cursor:
        for name in search.schema.SQLITE_COPY_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
        for name in search.schema.SQLITE_COPY_INDEXES:
            cursor.execute(f"DROP INDEX {name}")
        cursor.execute("ALTER TABLE meetings_statement DROP COLUMN search_meeting_country")
    search.schema._checked_sqlite_connections.clear()
    assert listed(meeting_country="AZ") == ["Late words on gas."]
    Meeting.objects.filter(title="Early talks").update(country="AZ")
    assert listed(meeting_country="AZ") == ["Late words on gas.", "Early words on gas."]
