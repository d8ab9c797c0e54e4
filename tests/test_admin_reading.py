"""The editors' workbench reads well: the meeting page shows each statement as a short excerpt with
the source passage one click away, and the merge page proposes the record worth keeping and says
when the records may not be one person."""

import datetime

import pytest
from django.urls import reverse
from django_countries import countries

from meetings.admin.merging import merge_people
from meetings.models import Meeting, Participant, Person, SourceDocument, SourceMark, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]

TEXT = "Baku, 3 December 2019. " + "Lavrov said the talks on the region were long and useful. " * 5


def merge_page(client, records):
    data = {"action": "merge_selected", "_selected_action": [record.pk for record in records]}
    response = client.post(reverse("admin:meetings_person_changelist"), data)
    assert response.status_code == 200
    return response.content.decode()


def checked_record(html):
    checked = html[: html.index(" checked")]
    return int(checked[checked.rindex('value="') + 7 :].split('"')[0])


def test_the_merge_page_preselects_the_record_with_most_participations_and_statements(admin_client):
    empty = Person.objects.create(name="S. Lavrov", country="RU")
    busy = Person.objects.create(name="Sergey Lavrov", country="RU")
    meeting = Meeting.objects.create(title="Talks", date=datetime.date(2019, 12, 3))
    Participant.objects.create(meeting=meeting, person=busy)
    Statement.objects.create(meeting=meeting, speaker=busy, kind="reported", text="He spoke.")
    html = merge_page(admin_client, [empty, busy])
    assert checked_record(html) == busy.pk
    assert "merge-warnings" not in html


def test_the_merge_page_warns_when_first_names_or_countries_differ(admin_client):
    ilham = Person.objects.create(name="Ilham Aliyev", country="AZ")
    heydar = Person.objects.create(name="Heydar Aliyev", country="AZ")
    html = merge_page(admin_client, [ilham, heydar])
    assert "The first names differ (Heydar Aliyev, Ilham Aliyev)" in html
    other = Person.objects.create(name="Ilham Aliyev", country="TR")
    html = merge_page(admin_client, [ilham, other])
    assert f"The countries differ (Azerbaijan, {countries.name('TR')})" in html
    assert "first names differ" not in html


def test_the_meeting_page_shows_a_statement_excerpt_with_the_passage_one_click_away(admin_client):
    source = SourceDocument.objects.create(file_name="a.txt", sha256="a" * 64, text=TEXT)
    meeting = Meeting.objects.create(title="Talks", date=datetime.date(2019, 12, 3))
    long_text = TEXT[23:]
    Statement.objects.create(
        meeting=meeting, kind="reported", text=long_text, source=source, start=23, end=len(TEXT)
    )
    html = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    passage = html[html.index('<details class="statement-passage">') :]
    summary = passage[passage.index("<summary>") + 9 : passage.index("</summary>")]
    assert summary.endswith("…") and len(summary) <= 90
    assert "<mark>" in passage[: passage.index("</details>")]
    assert "css/admin.css" in html


def test_a_folded_participation_keeps_the_source_sentences_that_named_it():
    source = SourceDocument.objects.create(file_name="b.txt", sha256="b" * 64, text=TEXT)
    meeting = Meeting.objects.create(title="Talks", date=datetime.date(2019, 12, 3))
    lavrov = Person.objects.create(name="Sergey Lavrov", country="RU")
    duplicate = Person.objects.create(name="S. Lavrov", country="RU")
    kept = Participant.objects.create(meeting=meeting, person=lavrov)
    folded = Participant.objects.create(
        meeting=meeting,
        person=duplicate,
        role="Minister of Foreign Affairs",
        role_as_written="FM",
        is_principal=True,
    )
    SourceMark.objects.create(
        source=source, meeting=meeting, participant=folded, field="participant", start=0, end=22
    )
    merge_people(lavrov, [duplicate])
    kept.refresh_from_db()
    assert list(SourceMark.objects.values_list("participant", flat=True)) == [kept.pk]
    assert (kept.role_as_written, kept.is_principal) == ("FM", True)
