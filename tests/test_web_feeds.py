"""Atom feeds: every feed parses as Atom without complaint, lists its records newest first with links
to them, takes the same filters as its page, escapes any text, and is announced in the page head."""

import datetime
import re

import feedparser
import pytest
from django.urls import reverse
from test_web_pages import build_archive

from meetings.models import Meeting, Participant, Person, PersonRedirect, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]

HOSTILE = 'Talks </script><script>alert("x")</script> & <b>bold</b> \x0b\x01 "quoted" ]]>'


@pytest.fixture
def archive():
    return build_archive()


def read_feed(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    assert parsed.version == "atom10"
    return parsed


def entry_paths(parsed):
    return [re.sub(r"^https?://[^/]+", "", entry.link) for entry in parsed.entries]


def every_feed(archive):
    return [
        reverse("meetings:feed"),
        reverse("meetings:meeting-list-feed"),
        reverse("meetings:meeting-list-feed") + "?country=az&person=lavrov",
        reverse("meetings:search-feed") + "?q=glad",
        reverse("meetings:search-feed"),
        reverse("meetings:person-feed", args=["sergey-lavrov"]),
        reverse("meetings:country-feed", args=["az"]),
        reverse("meetings:country-pair-feed", args=["az", "ru"]),
        reverse("meetings:organization-feed", args=[archive["iepf"].slug]),
    ]


def test_every_feed_parses_as_atom_with_a_title_and_entries(client, archive):
    for url in every_feed(archive):
        parsed = read_feed(client, url)
        assert parsed.feed.title.endswith("Diplomatic Meetings Archive"), url
        assert parsed.entries, url
        for entry in parsed.entries:
            assert entry.title and entry.link and entry.id and entry.updated, url


def test_the_meetings_feed_lists_every_meeting_newest_first_linking_to_each(client, archive):
    parsed = read_feed(client, "/feeds/meetings/")
    assert entry_paths(parsed) == [
        archive["talks_2021"].get_absolute_url(),
        archive["visit_2019"].get_absolute_url(),
        archive["talks_2016"].get_absolute_url(),
    ]
    assert parsed.entries[0].published.startswith("2021-05-10")
    assert "Sergey Lavrov (Russia)" in parsed.entries[0].summary


def test_the_meetings_feed_takes_the_filters_of_the_meetings_page(client, archive):
    parsed = read_feed(client, "/feeds/meetings/?person=lavrov&date_after=2017-01-01&sort=oldest")
    assert entry_paths(parsed) == [archive["talks_2021"].get_absolute_url()]
    assert "Sergey Lavrov" in parsed.feed.title
    assert (
        re.sub(r"^https?://[^/]+", "", parsed.feed.link) == "/meetings/?person=lavrov&date_after=2017-01-01"
    )


@pytest.mark.parametrize(
    "query",
    [
        "country=zz",
        "date_after=yesterday",
        "person=nobody-at-all",
        "date_after=2020-01-01&date_before=2019-01-01",
    ],
)
def test_a_feed_with_a_filter_it_cannot_use_is_a_400_with_a_message(client, archive, query):
    response = client.get(f"/feeds/meetings/?{query}")
    assert response.status_code == 400
    assert response.content.decode().startswith("This feed cannot be made:")


def test_the_search_feed_lists_the_newest_matching_statements(client, archive):
    parsed = read_feed(client, "/feeds/search/?q=glad")
    glad = Statement.objects.filter(text__contains="glad").order_by("-meeting__date")
    assert entry_paths(parsed) == [statement.get_absolute_url() for statement in glad]
    assert parsed.entries[0].title.startswith("Ilham Aliyev: “Dear Sergey Viktorovich")
    assert "glad" in parsed.feed.title


def test_the_search_feed_takes_the_filters_of_the_search_page(client, archive):
    parsed = read_feed(client, "/feeds/search/?q=glad&person=ilham-aliyev&date_before=2017-01-01")
    assert len(parsed.entries) == 1
    assert parsed.entries[0].published.startswith("2016-04-06")
    assert client.get("/feeds/search/?country=zzz").status_code == 400


def test_a_persons_feed_holds_their_meetings_and_what_they_said(client, archive):
    parsed = read_feed(client, "/feeds/people/sergey-lavrov/")
    assert entry_paths(parsed) == [
        archive["talks_2021"].get_absolute_url(),
        archive["talks_2016"].get_absolute_url(),
    ]
    assert "Sergey Lavrov: Thank you, dear Ilham Heydar oglu." in parsed.entries[1].summary


def test_feeds_of_unknown_records_are_404_and_merged_slugs_redirect(client, archive):
    assert client.get("/feeds/people/nobody/").status_code == 404
    assert client.get("/feeds/organizations/nothing/").status_code == 404
    assert client.get("/feeds/countries/zz/").status_code == 404
    assert client.get("/feeds/countries/az/qq/").status_code == 404
    PersonRedirect.objects.create(old_slug="sergei-lavrov", person=archive["lavrov"])
    response = client.get("/feeds/people/sergei-lavrov/")
    assert (response.status_code, response["Location"]) == (301, "/feeds/people/sergey-lavrov/")
    assert client.get("/feeds/countries/AZ/")["Location"] == "/feeds/countries/az/"
    assert client.get("/feeds/countries/az/az/")["Location"] == "/feeds/countries/az/"


def test_country_and_pair_feeds_hold_the_meetings_of_their_pages(client, archive):
    pair = read_feed(client, "/feeds/countries/ru/az/")
    assert entry_paths(pair) == [
        archive["talks_2021"].get_absolute_url(),
        archive["talks_2016"].get_absolute_url(),
    ]
    mexico = read_feed(client, "/feeds/countries/mx/")
    assert entry_paths(mexico) == [archive["visit_2019"].get_absolute_url()]


def test_hostile_text_in_records_is_escaped_in_every_feed(client):
    person = Person.objects.create(name=HOSTILE, country="AZ")
    meeting = Meeting.objects.create(
        title=HOSTILE, summary=HOSTILE, date=datetime.date(2020, 1, 1), city=HOSTILE
    )
    Participant.objects.create(meeting=meeting, person=person, country="AZ", role=HOSTILE)
    Statement.objects.create(meeting=meeting, speaker=person, kind="direct", text=HOSTILE + " glad")
    for url in [
        "/feeds/meetings/",
        f"/feeds/meetings/?q={HOSTILE[:20]}",
        "/feeds/search/?q=glad",
        f"/feeds/people/{person.slug}/",
        "/feeds/countries/az/",
    ]:
        parsed = read_feed(client, url)
        assert b"<script>" not in client.get(url).content, url  # feedparser sanitizes; check the bytes
        entry = parsed.entries[0]
        # The title is plain text: the record's text exactly, less the control characters.
        assert entry.title.startswith(HOSTILE.replace("\x0b", "").replace("\x01", "")[:40]), url
        # The summary is HTML: the text in it is escaped, so it holds no markup of its own.
        assert "<script>" not in entry.summary and "<b>" not in entry.summary, url
        assert "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)" in entry.summary, url
        assert "\x0b" not in entry.title + entry.summary and "\x01" not in entry.title + entry.summary


def test_pages_with_a_feed_announce_it_in_the_head_and_link_it(client, archive):
    pages = {
        "/": "/feed/",
        "/meetings/?country=az&page=2": "/feeds/meetings/?country=az",
        "/search/?q=glad": "/feeds/search/?q=glad",
        "/people/sergey-lavrov/": "/feeds/people/sergey-lavrov/",
        "/countries/az/": "/feeds/countries/az/",
        "/countries/az/ru/": "/feeds/countries/az/ru/",
        archive["iepf"].get_absolute_url(): f"/feeds/organizations/{archive['iepf'].slug}/",
    }
    for url, feed in pages.items():
        html = client.get(url).content.decode()
        head = html.split("</head>")[0]
        links = re.findall(
            r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)">', head
        )
        assert [link.replace("&amp;", "&") for link in links] == [feed], url
        assert f'class="feed-link" href="{feed.replace("&", "&amp;")}"' in html, url
        read_feed(client, feed)
    assert "application/atom+xml" not in client.get("/people/").content.decode()
