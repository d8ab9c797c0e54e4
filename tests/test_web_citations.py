"""Cite this record and structured data on the pages: the citation on meeting, person and source
pages, a citation page for every statement, downloads, meta tags for Zotero, schema.org JSON-LD —
and no record text (`</script>`, quotes) can break the page head."""

import datetime
import json
from html.parser import HTMLParser

import pytest
from pybtex.database import parse_string
from test_web_pages import build_archive

from meetings.models import (
    Meeting,
    Organization,
    Participant,
    Person,
    PersonRedirect,
    SourceDocument,
    Statement,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]

HOSTILE = 'Talks </script><script>alert("x")</script> & "quoted" \'single\' <!-- {brace'


class HeadParser(HTMLParser):
    """The page head's meta tags, alternate links and JSON-LD scripts, as a browser reads them."""

    def __init__(self):
        super().__init__()
        self.meta, self.scripts, self.elements_in_head = {}, [], []
        self.in_head = self.in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif self.in_head:
            self.elements_in_head.append(tag)
            if tag == "meta" and "name" in attrs:
                self.meta.setdefault(attrs["name"], []).append(attrs["content"])
            if tag == "script":
                self.in_script = attrs.get("type") == "application/ld+json"
                self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1] += data


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def archive():
    return build_archive()


def test_a_meeting_page_carries_citation_tags_and_an_event(client, archive):
    meeting = archive["talks_2016"]
    head = head_of(client, meeting.get_absolute_url())
    assert head.meta["citation_title"] == [meeting.title]
    assert head.meta["citation_author"] == ["president.az"]
    assert head.meta["citation_publication_date"] == ["2016/04/06"]
    assert head.meta["citation_public_url"] == [f"http://testserver{meeting.get_absolute_url()}"]
    [event] = [json.loads(script) for script in head.scripts]
    assert event["@context"] == "https://schema.org" and event["@type"] == "Event"
    assert event["startDate"] == "2016-04-06"
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Baku",
        "addressCountry": "AZ",
    }
    attendees = {attendee["name"]: attendee for attendee in event["attendee"]}
    assert set(attendees) == {"Ilham Aliyev", "Sergey Lavrov"}
    assert attendees["Sergey Lavrov"]["@type"] == "Person"
    assert attendees["Sergey Lavrov"]["url"] == "http://testserver/people/sergey-lavrov/"
    assert event["subjectOf"][0]["publisher"]["name"] == "president.az"


def test_attendees_with_wikidata_ids_carry_them_as_same_as(client, archive):
    Person.objects.filter(pk=archive["lavrov"].pk).update(wikidata_id="Q161117")
    iepf = archive["iepf"]
    Organization.objects.filter(pk=iepf.pk).update(wikidata_id="Q4115712")
    head = head_of(client, archive["talks_2016"].get_absolute_url())
    attendees = {attendee["name"]: attendee for attendee in json.loads(head.scripts[0])["attendee"]}
    assert attendees["Sergey Lavrov"]["sameAs"] == ["https://www.wikidata.org/wiki/Q161117"]
    assert "sameAs" not in attendees["Ilham Aliyev"]
    visit = json.loads(head_of(client, archive["visit_2019"].get_absolute_url()).scripts[0])
    organizations = [node for node in visit["attendee"] if node["@type"] == "Organization"]
    assert organizations == [
        {
            "@type": "Organization",
            "name": "International Eurasia Press Fund",
            "url": f"http://testserver{iepf.get_absolute_url()}",
            "alternateName": "IEPF",
            "sameAs": ["https://www.wikidata.org/wiki/Q4115712"],
        }
    ]


def test_an_organization_page_carries_an_organization(client, archive):
    Organization.objects.filter(pk=archive["iepf"].pk).update(wikidata_id="Q4115712")
    [data] = [json.loads(script) for script in head_of(client, archive["iepf"].get_absolute_url()).scripts]
    assert data["@type"] == "Organization" and data["name"] == "International Eurasia Press Fund"
    assert data["alternateName"] == ["IEPF"]
    assert data["sameAs"] == ["https://www.wikidata.org/wiki/Q4115712"]


def test_only_web_addresses_of_sources_are_carried(client, archive):
    SourceDocument.objects.filter(pk=archive["source_2016"].pk).update(url="javascript:alert(1)")
    head = head_of(client, archive["talks_2016"].get_absolute_url())
    assert "javascript" not in head.scripts[0]
    assert "javascript" not in client.get(f"/cite/sources/{archive['source_2016'].pk}.bib").content.decode()


def test_a_person_page_carries_a_person_with_other_spellings(client, archive):
    Person.objects.filter(pk=archive["lavrov"].pk).update(wikidata_id="Q161117")
    head = head_of(client, "/people/sergey-lavrov/")
    [person] = [json.loads(script) for script in head.scripts]
    assert person["@type"] == "Person" and person["name"] == "Sergey Lavrov"
    assert sorted(person["alternateName"]) == ["S.Lavrov", "Sergei Lavrov"]
    assert person["sameAs"] == ["https://www.wikidata.org/wiki/Q161117"]
    assert head.meta["citation_title"] == ["Sergey Lavrov"]
    assert head.meta["citation_author"] == ["Diplomatic Meetings Archive"]


def test_meeting_person_and_source_pages_show_a_ready_citation_and_downloads(client, archive):
    source = archive["source_2016"]
    for url, key in [
        (archive["talks_2016"].get_absolute_url(), f"meeting-{archive['talks_2016'].slug}"),
        ("/people/sergey-lavrov/", "person-sergey-lavrov"),
        (source.get_absolute_url(), f"source-{source.pk}"),
    ]:
        html = client.get(url).content.decode()
        assert '<p class="citation">' in html, url
        assert "(accessed " in html, url
        bibtex_link = html.split('<p class="cite-formats">Download: <a href="')[1].split('"')[0]
        response = client.get(bibtex_link)
        assert response["Content-Type"].startswith("application/x-bibtex")
        assert response["Content-Disposition"] == f'attachment; filename="{key}.bib"'
        assert key in parse_string(response.content.decode(), "bibtex").entries
        csl = client.get(bibtex_link.removesuffix(".bib") + ".json")
        assert csl["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
        assert [item["id"] for item in csl.json()] == [key]


def test_every_statement_links_to_its_citation_page(client, archive):
    meeting = archive["talks_2016"]
    html = client.get(meeting.get_absolute_url()).content.decode()
    for statement in meeting.statements.all():
        assert f'href="/cite/statements/{statement.pk}/"' in html
    statement = meeting.statements.get(order=2)
    head = head_of(client, f"/cite/statements/{statement.pk}/")
    assert head.meta["citation_title"] == [
        "Statement by Sergey Lavrov at “Ilham Aliyev met with Russian FM Sergei Lavrov”, 6 April 2016"
    ]
    assert head.meta["citation_author"] == ["president.az"]
    [item] = client.get(f"/cite/statements/{statement.pk}.json").json()
    assert item["URL"] == f"http://testserver{meeting.get_absolute_url()}#statement-{statement.pk}"


@pytest.mark.parametrize(
    "url",
    [
        "/cite/poems/1/",
        "/cite/statements/abc/",
        "/cite/statements/999999/",
        "/cite/people/nobody.bib",
        "/cite/sources/99999999999999999999999/",
        "/cite/meetings/nothing.json",
        "/cite/meetings/a%00b/",
        "/cite/people/x%00.bib",
    ],
)
def test_citations_of_nothing_are_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_a_merged_persons_old_slug_redirects_to_the_citation(client, archive):
    PersonRedirect.objects.create(old_slug="sergei-lavrov", person=archive["lavrov"])
    response = client.get("/cite/people/sergei-lavrov.bib")
    assert (response.status_code, response["Location"]) == (301, "/cite/people/sergey-lavrov.bib")


def test_no_record_text_can_break_the_page_head(client):
    source = SourceDocument.objects.create(
        file_name="x.txt",
        sha256="f" * 64,
        text=HOSTILE,
        title=HOSTILE,
        publisher=HOSTILE,
        published=datetime.date(2020, 1, 1),
    )
    person = Person.objects.create(name=HOSTILE, country="AZ", review_reason="")
    meeting = Meeting.objects.create(
        title=HOSTILE, summary=HOSTILE, city=HOSTILE, date=datetime.date(2020, 1, 1)
    )
    meeting.sources.add(source)
    Participant.objects.create(meeting=meeting, person=person, country="AZ", role=HOSTILE)
    statement = Statement.objects.create(
        meeting=meeting, speaker=person, kind="direct", text=HOSTILE, source=source
    )
    for url in [
        meeting.get_absolute_url(),
        person.get_absolute_url(),
        source.get_absolute_url(),
        f"/cite/statements/{statement.pk}/",
    ]:
        head = head_of(client, url)
        # Nothing but the head's own elements: no <script> from the text, no element cut short.
        assert head.elements_in_head.count("script") == len(head.scripts) <= 1, url
        assert all(tag in ("meta", "title", "link", "script") for tag in head.elements_in_head), url
        assert head.meta["citation_title"][0].startswith(
            ("Talks </script>", "Statement by Talks </script>")
        ), url
        for script in head.scripts:
            assert json.loads(script)["name"] == HOSTILE, url
