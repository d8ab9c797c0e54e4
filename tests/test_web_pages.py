"""The public pages: what a visitor sees, filters as shareable URLs, errors that stay friendly,
and query counts that do not grow with the data."""

import datetime
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import (
    Meeting,
    Organization,
    OrganizationRedirect,
    Participant,
    Person,
    PersonAlias,
    PersonRedirect,
    SourceDocument,
    Statement,
)
from meetings.web.presentation import highlight_statements, year_chart

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"


def seed_text(name):
    return (SEEDS / name).read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def add_statement(meeting, source, speaker, quote, order, kind="direct", attribution=""):
    start = source.text.index(quote)
    return Statement.objects.create(
        meeting=meeting,
        source=source,
        speaker=speaker,
        attribution=attribution or speaker.name,
        kind=kind,
        text=quote,
        order=order,
        start=start,
        end=start + len(quote),
    )


def build_archive():
    """Records mirroring three seed documents, built with the ORM: Aliyev and Lavrov in Baku
    (2016 and 2021), and the Mexican ambassador at the International Eurasia Press Fund (2019)."""
    aliyev = Person.objects.create(name="Ilham Aliyev", country="AZ")
    lavrov = Person.objects.create(name="Sergey Lavrov", country="RU")
    PersonAlias.objects.create(person=lavrov, name="Sergei Lavrov")
    PersonAlias.objects.create(person=lavrov, name="S.Lavrov")
    labardini = Person.objects.create(name="Rodrigo Labardini", country="MX")
    mirzayev = Person.objects.create(name="Umud Mirzayev", country="AZ")
    iepf = Organization.objects.create(
        name="International Eurasia Press Fund", acronym="IEPF", country="AZ", kind="ngo"
    )

    text_2016 = seed_text("001_a37e2c806b5787c9.txt")
    source_2016 = SourceDocument.objects.create(
        file_name="001_a37e2c806b5787c9.txt",
        sha256="1" * 64,
        text=text_2016,
        title="Ilham Aliyev met with Russian FM Sergei Lavrov",
        published=datetime.date(2016, 4, 6),
        publisher="president.az",
    )
    talks_2016 = Meeting.objects.create(
        title="Ilham Aliyev met with Russian FM Sergei Lavrov",
        date=datetime.date(2016, 4, 6),
        city="Baku",
        country="AZ",
    )
    talks_2016.sources.add(source_2016)
    Participant.objects.create(meeting=talks_2016, person=aliyev, role="President", country="AZ")
    Participant.objects.create(
        meeting=talks_2016,
        person=lavrov,
        role="Foreign Minister",
        country="RU",
        name_as_written="Sergei Lavrov",
    )
    add_statement(
        talks_2016,
        source_2016,
        aliyev,
        "Dear Sergei Viktorovich, I am very glad to see you. You are welcome!",
        order=1,
        attribution="President Ilham Aliyev",
    )
    add_statement(
        talks_2016,
        source_2016,
        lavrov,
        "Thank you, dear Ilham Heydar oglu.",
        order=2,
        attribution="Russian Foreign Minister Sergei Lavrov",
    )

    text_2021 = seed_text("003_268349a488563bf8.txt")
    source_2021 = SourceDocument.objects.create(
        file_name="003_268349a488563bf8.txt",
        sha256="3" * 64,
        text=text_2021,
        title="President Ilham Aliyev received delegation led by Russian foreign minister",
        published=datetime.date(2021, 5, 10),
    )
    talks_2021 = Meeting.objects.create(
        title="President Ilham Aliyev received delegation led by Russian foreign minister",
        date=datetime.date(2021, 5, 10),
        city="Baku",
        country="AZ",
    )
    talks_2021.sources.add(source_2021)
    Participant.objects.create(meeting=talks_2021, person=aliyev, role="President", country="AZ")
    Participant.objects.create(
        meeting=talks_2021, person=lavrov, role="Minister of Foreign Affairs", country="RU"
    )
    add_statement(
        talks_2021,
        source_2021,
        aliyev,
        "Dear Sergey Viktorovich, I am glad to welcome you to Baku again.",
        order=1,
    )

    text_2019 = seed_text("000_078c8bbafe80bc0b.txt")
    source_2019 = SourceDocument.objects.create(
        file_name="000_078c8bbafe80bc0b.txt", sha256="0" * 64, text=text_2019, title=""
    )
    visit_2019 = Meeting.objects.create(
        title="Mexican Ambassador visits the International Eurasia Press Fund",
        date=datetime.date(2019, 2, 5),
        city="Baku",
        country="AZ",
    )
    visit_2019.sources.add(source_2019)
    visit_2019.organizations_mentioned.add(iepf)
    visit_2019.people_mentioned.add(aliyev)
    Participant.objects.create(meeting=visit_2019, person=labardini, role="Ambassador", country="MX")
    Participant.objects.create(
        meeting=visit_2019, person=mirzayev, role="President", country="AZ", organization=iepf
    )
    add_statement(
        visit_2019,
        source_2019,
        labardini,
        "It is very clear for me that the conflict should be resolved within Azerbaijan's territorial integrity.",
        order=1,
    )
    return {
        "aliyev": aliyev,
        "lavrov": lavrov,
        "labardini": labardini,
        "iepf": iepf,
        "talks_2016": talks_2016,
        "talks_2021": talks_2021,
        "visit_2019": visit_2019,
        "source_2016": source_2016,
    }


@pytest.fixture
def archive():
    return build_archive()


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def meeting_titles(html):
    return re.findall(r'class="meeting-title" href="[^"]+">([^<]+)</a>', html)


# Every page


def test_every_page_has_a_title_a_description_and_open_graph_tags(client, archive):
    urls = [
        reverse("meetings:home"),
        reverse("meetings:meeting-list"),
        archive["talks_2016"].get_absolute_url(),
        reverse("meetings:person-list"),
        archive["lavrov"].get_absolute_url(),
        reverse("meetings:country-list"),
        reverse("meetings:country-detail", args=["az"]),
        reverse("meetings:country-pair", args=["az", "ru"]),
        reverse("meetings:organization-list"),
        archive["iepf"].get_absolute_url(),
        archive["source_2016"].get_absolute_url(),
    ]
    for url in urls:
        html = page(client, url)
        assert re.search(r"<title>[^<]+</title>", html), url
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), url
        assert re.search(r'<meta property="og:title" content="[^"]+">', html), url
        assert "<main" in html and "<nav" in html and "<h1" in html, url
        assert 'lang="en"' in html


def test_home_shows_counts_latest_meetings_and_most_active(client, archive):
    html = page(client, "/")
    assert 'name="q"' in html and reverse("meetings:search") in html
    assert "<strong>3</strong> meetings" in html
    assert meeting_titles(html)[0] == archive["talks_2021"].title
    assert "Azerbaijan" in html and "Sergey Lavrov" in html


# Meetings and their filters


def test_meetings_filter_by_country_in_either_case(client, archive):
    for code in ("ru", "RU"):
        html = page(client, f"/meetings/?country={code}")
        assert sorted(meeting_titles(html)) == sorted(
            [archive["talks_2016"].title, archive["talks_2021"].title]
        )
    assert len(meeting_titles(page(client, "/meetings/?country=MX"))) == 1


def test_meetings_filter_by_host_country_counts_too(client, archive):
    Meeting.objects.create(title="Hosted by France", country="FR", date=datetime.date(2020, 1, 1))
    assert meeting_titles(page(client, "/meetings/?country=fr")) == ["Hosted by France"]


def test_meetings_filter_by_person_accepts_slug_name_or_other_spelling(client, archive):
    expected = [archive["talks_2021"].title, archive["talks_2016"].title]
    for value in ("sergey-lavrov", "Lavrov", "Sergei Lavrov", "s.lavrov"):
        assert meeting_titles(page(client, f"/meetings/?person={value}")) == expected, value


def test_meetings_filter_by_merged_person_slug_still_works(client, archive):
    PersonRedirect.objects.create(old_slug="sergei-lavrov-2", person=archive["lavrov"])
    assert len(meeting_titles(page(client, "/meetings/?person=sergei-lavrov-2"))) == 2


def test_meetings_filters_combine_and_sort(client, archive):
    html = page(client, "/meetings/?country=az&person=lavrov&date_after=2017-01-01")
    assert meeting_titles(html) == [archive["talks_2021"].title]
    html = page(client, "/meetings/?country=az&sort=oldest")
    assert meeting_titles(html)[0] == archive["talks_2016"].title
    assert "3 meetings with these filters" in html
    assert "<title>Meetings: Azerbaijan · Diplomatic Meetings Archive</title>" in html
    html = page(client, "/meetings/?country=az&person=lavrov")
    assert "<title>Meetings: Azerbaijan, Sergey Lavrov · Diplomatic Meetings Archive</title>" in html


def test_meetings_filter_by_organization_words_and_kind(client, archive):
    assert meeting_titles(page(client, "/meetings/?organization=IEPF")) == [archive["visit_2019"].title]
    assert meeting_titles(page(client, "/meetings/?q=eurasia+press")) == [archive["visit_2019"].title]
    assert meeting_titles(page(client, "/meetings/?kind=phone")) == []


@pytest.mark.parametrize(
    "query, message",
    [
        ("country=zz", "Select a valid choice"),
        ("date_after=yesterday", "Enter a valid date"),
        ("date_after=2021-01-01&date_before=2020-01-01", "after the"),
        ("person=Nobody+Atall", "No person called"),
        ("person=" + "x" * 300, "too long"),
        ("organization=%3Cscript%3E", "No organization called"),
        ("kind=teleport", "Select a valid choice"),
    ],
)
def test_an_invalid_filter_gives_the_form_back_with_a_message(client, archive, query, message):
    html = page(client, f"/meetings/?{query}")
    assert "Some filters could not be used" in html
    assert message in html
    assert meeting_titles(html) == []
    assert "<script>" not in html.split("<main", 1)[1]


def test_an_unknown_sort_falls_back_to_newest_first_with_a_notice(client, archive):
    html = page(client, "/meetings/?sort=sideways")
    assert "There is no order “sideways”" in html
    assert meeting_titles(html) == meeting_titles(page(client, "/meetings/"))
    assert "Some filters could not be used" not in html


def test_meeting_facets_count_and_link_keeping_the_other_filters(client, archive):
    html = page(client, "/meetings/?kind=in_person")
    assert 'aria-labelledby="facets-heading"' in html
    assert "?kind=in_person&amp;country=AZ" in html or "?kind=in_person&amp;country=RU" in html


def test_a_name_that_fits_several_people_asks_to_be_more_specific(client, archive):
    Person.objects.create(name="Ilham Lavrov")
    html = page(client, "/meetings/?person=lavrov")
    assert "Several people match" in html


def test_bad_page_numbers_fall_back_to_a_page(client, archive):
    for value in ("abc", "999", "-1"):
        assert len(meeting_titles(page(client, f"/meetings/?page={value}"))) == 3


def test_pagination_keeps_the_filters(client, archive):
    for n in range(30):
        meeting = Meeting.objects.create(title=f"Consultations {n}", date=datetime.date(2018, 1, 1 + n % 28))
        Participant.objects.create(meeting=meeting, person=archive["lavrov"], country="RU")
    html = page(client, "/meetings/?person=lavrov")
    assert "32 meetings" in html
    assert re.search(r'href="\?person=lavrov&amp;page=2"', html)


def test_meetings_list_has_data_format_links(client, archive):
    html = page(client, "/meetings/?country=ru")
    assert "format=json" in html and "format=csv" in html
    data = client.get("/meetings/?country=ru&format=json").json()
    assert data["count"] == 2


# One meeting


def test_meeting_page_groups_participants_by_country_with_roles(client, archive):
    html = page(client, archive["talks_2016"].get_absolute_url())
    azerbaijan = html.index(">Azerbaijan</a></h3>")
    russia = html.index(">Russia</a></h3>")
    assert azerbaijan < html.index('Ilham Aliyev</a><span class="role">, President') < russia
    assert russia < html.index('Sergey Lavrov</a><span class="role">, Foreign Minister')


def test_meeting_page_lists_statements_in_order_with_anchors_and_source_links(client, archive):
    meeting = archive["talks_2016"]
    html = page(client, meeting.get_absolute_url())
    first, second = meeting.statements.order_by("order")
    assert html.index(f'id="statement-{first.pk}"') < html.index(f'id="statement-{second.pk}"')
    assert f"{archive['source_2016'].get_absolute_url()}#statement-{first.pk}" in html
    assert "I am very glad to see you" in html


def test_meeting_page_shows_mentions_sources_and_related_meetings(client, archive):
    html = page(client, archive["visit_2019"].get_absolute_url())
    assert "International Eurasia Press Fund (IEPF)" in html
    assert "Mentioned" in html and archive["aliyev"].get_absolute_url() in html
    related = page(client, archive["talks_2016"].get_absolute_url()).split('id="related-heading"')[1]
    assert archive["talks_2021"].get_absolute_url() in related
    assert archive["visit_2019"].get_absolute_url() not in related


def test_unknown_slugs_and_codes_get_the_sites_404_page(client, archive):
    for url in (
        "/meetings/no-such-meeting/",
        "/people/nobody/",
        "/organizations/nothing/",
        "/countries/zz/",
        "/countries/az/zz/",
        "/countries/azerbaijan/",
        "/sources/999999/",
        "/no/such/page/",
    ):
        html = page(client, url, status=404)
        assert "Page not found" in html and "site.css" in html, url


# People


def test_person_page_shows_spellings_roles_timeline_chart_and_who_they_met(client, archive):
    html = page(client, archive["lavrov"].get_absolute_url())
    assert "Sergei Lavrov" in html and "S.Lavrov" in html
    roles = html.split('id="roles-heading"')[1].split("</table>")[0]
    assert "<td>Foreign Minister</td><td>Russia</td>" in roles
    assert "<td>Minister of Foreign Affairs</td><td>Russia</td>" in roles
    assert html.index("<h3>2021</h3>") < html.index("<h3>2016</h3>")
    assert "<svg" in html and "2016: 1" in html and "2018: 0" in html
    met = html.split('id="met-heading"')[1]
    assert "Ilham Aliyev" in met and "2 meetings" in met


def test_merged_person_and_organization_slugs_redirect_permanently(client, archive):
    PersonRedirect.objects.create(old_slug="s-lavrov", person=archive["lavrov"])
    OrganizationRedirect.objects.create(old_slug="eurasia-fund", organization=archive["iepf"])
    response = client.get("/people/s-lavrov/")
    assert response.status_code == 301 and response["Location"] == archive["lavrov"].get_absolute_url()
    response = client.get("/organizations/eurasia-fund/")
    assert response.status_code == 301 and response["Location"] == archive["iepf"].get_absolute_url()


def test_people_list_filters_by_name_spelling_and_country(client, archive):
    html = page(client, "/people/?q=sergei")
    assert "Sergey Lavrov" in html and "Ilham Aliyev" not in html
    html = page(client, "/people/?country=az&sort=meetings")
    assert html.index("Ilham Aliyev") < html.index("Umud Mirzayev")
    assert "Sergey Lavrov" not in html.split("<main")[1]


# Countries


def test_country_page_shows_meetings_counterparts_people_and_chart(client, archive):
    html = page(client, "/countries/az/")
    assert "<h1>Azerbaijan</h1>" in html
    counterparts = html.split('id="counterparts-heading"')[1].split("</section>")[0]
    assert "/countries/az/ru/" in counterparts and "2 meetings" in counterparts
    assert "/countries/az/mx/" in counterparts
    assert "Umud Mirzayev" in html and "<svg" in html


def test_country_codes_in_upper_case_redirect_to_lower_case(client, archive):
    response = client.get("/countries/AZ/RU/")
    assert response.status_code == 302 and response["Location"] == "/countries/az/ru/"


def test_country_pair_shows_their_meetings_over_time(client, archive):
    html = page(client, "/countries/az/ru/")
    assert "Azerbaijan</a> and <a" in html and "2 meetings between them" in html
    assert html.index(archive["talks_2016"].title) < html.index(archive["talks_2021"].title)
    assert archive["visit_2019"].title not in html


def test_country_list_counts_meetings_hosted_and_people(client, archive):
    html = page(client, "/countries/")
    row = re.search(r'<tr><td><a href="/countries/az/">Azerbaijan</a></td>(.*?)</tr>', html).group(1)
    assert re.findall(r">(\d+)<", row) == ["3", "3", "2"]
    assert "Russia" not in page(client, "/countries/?q=mex").split("<main")[1]


# Organizations and sources


def test_organization_pages_show_meetings_and_people(client, archive):
    html = page(client, "/organizations/?q=iepf")
    assert "International Eurasia Press Fund" in html
    html = page(client, archive["iepf"].get_absolute_url())
    assert archive["visit_2019"].title in html and "Umud Mirzayev" in html


def test_source_page_highlights_every_statement_and_links_it_to_its_record(client, archive):
    source = archive["source_2016"]
    html = page(client, source.get_absolute_url())
    for statement in source.statements.all():
        link = f'id="statement-{statement.pk}" href="{statement.get_absolute_url()}"'
        assert link in html
    marked = re.findall(r"<mark>(.*?)</mark>", html, flags=re.S)
    assert marked == [s.text for s in source.statements.order_by("start")]


def test_source_text_is_escaped(client, archive):
    source = SourceDocument.objects.create(
        file_name="x.txt", sha256="9" * 64, text='<script>alert("x")</script> He said "hi & bye".'
    )
    meeting = Meeting.objects.create(title="Test")
    start = source.text.index("hi & bye")
    Statement.objects.create(
        meeting=meeting, source=source, kind="direct", text="hi & bye", start=start, end=start + 8
    )
    html = page(client, source.get_absolute_url())
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html and "<mark>hi &amp; bye</mark>" in html


# Pure helpers


def test_year_chart_fills_gaps_with_empty_bars():
    chart = year_chart({2016: 2, 2019: 1, None: 5})
    assert [(bar.year, bar.count) for bar in chart.bars] == [(2016, 2), (2017, 0), (2018, 0), (2019, 1)]
    assert chart.total == 3 and chart.bars[1].height == 0
    assert chart.bars[0].height > chart.bars[3].height
    assert year_chart({}) is None


def test_highlight_skips_overlapping_and_out_of_range_offsets():
    meeting = Meeting(slug="m")

    def statement(pk, start, end):
        return Statement(pk=pk, meeting=meeting, start=start, end=end, text="", kind="direct")

    html = highlight_statements("abcdefghij", [statement(1, 0, 3), statement(2, 2, 5), statement(3, 8, 40)])
    assert html.count("<mark>") == 1 and html.endswith("defghij")


# Query counts stay flat as the data grows


def grow(archive, n):
    """Add `n` meetings with participants, statements, sources and mentions."""
    first = Meeting.objects.count()
    for i in range(first, first + n):
        source = SourceDocument.objects.create(
            file_name=f"g{i}.txt", sha256=f"g{i:063d}", text=f"Lavrov said peace matters {i}."
        )
        meeting = Meeting.objects.create(
            title=f"Consultations {i}", date=datetime.date(2010 + i % 10, 1 + i % 12, 1), country="AZ"
        )
        meeting.sources.add(source)
        meeting.organizations_mentioned.add(archive["iepf"])
        meeting.people_mentioned.add(archive["labardini"])
        guest = Person.objects.create(name=f"Guest {i}", country="TR")
        PersonAlias.objects.create(person=guest, name=f"G. {i}")
        Participant.objects.create(meeting=meeting, person=archive["lavrov"], country="RU", role="Minister")
        Participant.objects.create(
            meeting=meeting, person=archive["aliyev"], country="AZ", organization=archive["iepf"]
        )
        Participant.objects.create(meeting=meeting, person=guest, country="TR")
        Statement.objects.create(
            meeting=meeting,
            source=source,
            speaker=archive["lavrov"],
            kind="direct",
            text="peace",
            start=0,
            end=6,
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_no_page_runs_more_queries_as_the_data_grows(client, archive):
    def urls():
        return [
            "/",
            "/meetings/",
            "/meetings/?country=az&person=lavrov&organization=iepf&date_after=2010-01-01",
            archive["talks_2016"].get_absolute_url(),
            "/people/",
            archive["lavrov"].get_absolute_url(),
            archive["aliyev"].get_absolute_url(),
            "/countries/",
            "/countries/az/",
            "/countries/az/ru/",
            "/organizations/",
            archive["iepf"].get_absolute_url(),
            archive["source_2016"].get_absolute_url(),
        ]

    grow(archive, 5)
    before = {url: count_queries(client, url) for url in urls()}
    grow(archive, 40)
    after = {url: count_queries(client, url) for url in urls()}
    assert after == before


def test_meeting_list_with_many_records_stays_within_a_fixed_number_of_queries(
    client, archive, django_assert_max_num_queries
):
    grow(archive, 60)
    with django_assert_max_num_queries(14):  # 8 for the list, 6 for its facets and the data version
        client.get("/meetings/?country=az")
    # The person page: record, roles, chart, timeline, statements, sources, network, citation,
    # the data version its cache is keyed by, and (PostgreSQL) the planner's estimate of the
    # statement list, which spares counting a long list to its limit.
    with django_assert_max_num_queries(20):
        client.get(archive["lavrov"].get_absolute_url())
