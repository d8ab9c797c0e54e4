"""The ?format=json / ?format=csv twins of list pages, through a tiny list view of our own."""

import csv
import datetime
import io
import json

import pytest
from django.test import RequestFactory
from django.views.generic import ListView

from meetings.models import Meeting, Participant, Person
from meetings.opendata.formats import DataFormatMixin

pytestmark = pytest.mark.django_db


class CountryMeetings(DataFormatMixin, ListView):
    """Meetings a country took part in, as a page filter would give them."""

    model = Meeting
    data_kind = "meeting"
    template_name = "meetings/_formats.html"

    def get_queryset(self):
        code = self.request.GET.get("country")
        meetings = Meeting.objects.all()
        return meetings.with_country(code) if code else meetings

    def get_data_queryset(self):
        return self.get_queryset()


def call(query):
    request = RequestFactory().get("/meetings/", query)
    return CountryMeetings.as_view()(request)


@pytest.fixture
def meetings():
    aliyev = Person.objects.create(name="Ilham Aliyev", country="AZ")
    made = []
    for day in range(1, 8):
        meeting = Meeting.objects.create(title=f"Talks {day}", date=datetime.date(2020, 1, day), country="RU")
        if day % 2:
            Participant.objects.create(meeting=meeting, person=aliyev, country="AZ")
        made.append(meeting)
    return made


def test_json_page_has_count_links_and_records_for_the_same_filter(meetings):
    response = call({"format": "json", "country": "az", "page_size": "2"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    body = json.loads(response.content)
    assert body["count"] == 4
    assert [r["slug"] for r in body["results"]] == ["2020-01-07-talks-7", "2020-01-05-talks-5"]
    assert body["previous"] is None
    assert "page=2" in body["next"] and "country=az" in body["next"]
    assert body["results"][0]["participant_countries"] == "AZ"
    assert body["results"][0]["url"] == "http://testserver/meetings/2020-01-07-talks-7/"


def test_csv_streams_every_matching_row(meetings):
    response = call({"format": "csv", "country": "az"})
    assert response.streaming
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 4
    assert rows[0]["slug"] == "2020-01-07-talks-7"
    assert rows[0]["curated"] == "false"


def test_html_page_gets_links_to_both_formats(meetings):
    response = call({"country": "az"})
    response.render()
    html = response.content.decode()
    assert "format=json" in html and "format=csv" in html and "country=az" in html


@pytest.mark.parametrize(
    "query", [{"page": "x"}, {"page": "0"}, {"page_size": "-1"}, {"page": "99"}, {"format": "xml"}]
)
def test_bad_page_or_format_gets_a_400_json_error(meetings, query):
    response = call({"format": "json", **query})
    assert response.status_code == 400
    assert json.loads(response.content)["error"]


def test_postgresql_writes_the_same_statement_csv_as_python(meetings):
    """On PostgreSQL the statement CSV comes from COPY; it must equal the Python writer's bytes."""
    from django.db import connection

    from meetings.models import SourceDocument, Statement
    from meetings.opendata.formats import copy_csv_chunks, csv_lines
    from meetings.opendata.record_urls import UrlBuilder
    from meetings.opendata.serializers import SERIALIZERS

    source = SourceDocument.objects.create(file_name="s.txt", sha256="d" * 64, text="x" * 200)
    speaker = Person.objects.get(name="Ilham Aliyev")
    texts = ['He said "yes", then no.', "Line one\nline two\r\nthree", "", "Azərbaycan — «sülh» 😀", " ,;\t"]
    for n, text in enumerate(texts):
        Statement.objects.create(
            meeting=meetings[n],
            speaker=speaker if n % 2 else None,
            attribution="" if n % 2 else "The minister",
            kind="direct" if n % 2 else "reported",
            text=text,
            order=n,
            source=source if n < 3 else None,
            start=n if n < 3 else None,
            end=n + 5 if n < 3 else None,
            curated=bool(n % 2),
            review_reason="ambiguous person" if n == 4 else "",
        )
    urls = UrlBuilder(base="https://archive.example.org")
    for statements in (Statement.objects.all(), Statement.objects.filter(kind="direct").order_by("-pk")):
        python = "".join(csv_lines(statements, "statement", urls, use_copy=False)).encode()
        both = b"".join(
            chunk if isinstance(chunk, bytes) else chunk.encode()
            for chunk in csv_lines(statements, "statement", urls)
        )
        assert both == python
        assert python.count(b"\n") > statements.count()  # the header and rows, some with newlines
    copied = copy_csv_chunks(Statement.objects.all(), SERIALIZERS["statement"], urls)
    assert (copied is not None) == (connection.vendor == "postgresql")
