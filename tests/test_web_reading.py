"""Reading the archive: statements in paragraphs, provenance on source pages, addresses that
keep working, and pages that say what they hold (records built with the ORM, see
tests/test_web_pages.py `build_archive`)."""

import datetime
import json

import pytest
from test_web_pages import build_archive, page

from meetings.models import (
    Meeting,
    Organization,
    Participant,
    Person,
    PersonAlias,
    SourceDocument,
    SourceMark,
    Statement,
    bump_data_version,
)
from meetings.web.paragraphs import paragraph_anchor, split_paragraphs, statement_paragraphs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]

SPEECH = "\n\n".join(
    [
        "- Dear Sergey Viktorovich, I am glad to see you.",
        "Our trade grew this year.",
        "We discussed the ceasefire in detail and agreed to meet again.",
        "Thank you.",
    ]
)


@pytest.fixture
def archive():
    return build_archive()


def speech(archive, text=SPEECH, kind="direct"):
    meeting = archive["talks_2021"]
    return Statement.objects.create(
        meeting=meeting, speaker=archive["aliyev"], kind=kind, text=text, order=5, attribution="Ilham Aliyev"
    )


# Statements in paragraphs


def test_a_statement_is_split_at_the_sources_line_breaks_without_dialogue_dashes():
    assert split_paragraphs(SPEECH) == [
        "Dear Sergey Viktorovich, I am glad to see you.",
        "Our trade grew this year.",
        "We discussed the ceasefire in detail and agreed to meet again.",
        "Thank you.",
    ]


def test_a_wall_of_text_is_cut_at_sentence_ends_into_readable_paragraphs():
    wall = " ".join(f"Sentence number {i} says something about the region." for i in range(60))
    paragraphs = split_paragraphs(wall)
    assert len(paragraphs) > 3 and all(len(p) < 700 for p in paragraphs)
    assert " ".join(paragraphs) == wall and all(p.endswith("region.") for p in paragraphs)


def test_direct_speech_opens_a_quotation_mark_on_every_paragraph_and_closes_it_on_the_last():
    paragraphs = statement_paragraphs(Statement(pk=7, kind="direct", text="One.\n\nTwo."))
    assert [(p.anchor, p.opens_quote, p.closes_quote) for p in paragraphs] == [
        ("statement-7-p1", True, False),
        ("statement-7-p2", True, True),
    ]
    reported = statement_paragraphs(Statement(pk=8, kind="reported", text="He said so."))
    assert not reported[0].opens_quote and not reported[0].closes_quote


def test_a_query_finds_the_paragraph_it_matched(archive):
    statement = speech(archive)
    assert paragraph_anchor(statement, "ceasefire") == f"statement-{statement.pk}-p3"
    assert paragraph_anchor(statement, "cease-fire") == f"statement-{statement.pk}-p3"
    assert paragraph_anchor(statement, "trade -ceasefire") == f"statement-{statement.pk}-p2"
    assert paragraph_anchor(statement, "zeppelin") == f"statement-{statement.pk}-p1"


def test_the_meeting_page_shows_paragraph_anchors_quotes_and_folds_the_rest_of_a_long_speech(client, archive):
    statement = speech(archive)
    html = page(client, archive["talks_2021"].get_absolute_url())
    first = html.index(f'id="statement-{statement.pk}-p1"')
    folded = html.index('<details class="more-paragraphs">', first)
    assert first < html.index(f'id="statement-{statement.pk}-p2"') < folded
    assert (
        folded
        < html.index(f'id="statement-{statement.pk}-p3"')
        < html.index(f'id="statement-{statement.pk}-p4"')
    )
    assert "Read the whole statement (2 more paragraphs)" in html
    assert "“Dear Sergey Viktorovich, I am glad to see you." in html and "Thank you.”" in html


def test_a_search_hit_links_to_the_paragraph_it_matched(client, archive):
    statement = speech(archive)
    html = page(client, "/search/?q=ceasefire")
    assert f"{archive['talks_2021'].get_absolute_url()}#statement-{statement.pk}-p3" in html


# Source pages


def test_the_source_page_shows_title_publisher_url_date_and_format(client, archive):
    source = archive["source_2016"]
    source.url = "https://president.az/articles/19931"
    source.save()
    html = page(client, source.get_absolute_url())
    for text in (
        "president.az",
        "6 April 2016",
        "Plain text",
        "Ilham Aliyev met with Russian FM Sergei Lavrov",
    ):
        assert text in html
    assert '<a href="https://president.az/articles/19931"' in html


def test_a_source_url_that_is_not_http_is_shown_but_never_a_link(client, archive):
    source = archive["source_2016"]
    SourceDocument.objects.filter(pk=source.pk).update(url="javascript:alert(1)")
    html = page(client, source.get_absolute_url())
    assert "javascript:alert(1)" in html and 'href="javascript:' not in html


def test_the_source_page_marks_the_sentences_of_the_date_place_and_participants_linking_to_the_record(
    client, archive
):
    source, meeting = archive["source_2016"], archive["talks_2016"]
    lavrov = Participant.objects.get(meeting=meeting, person=archive["lavrov"])
    sentence = "President of the Republic of Azerbaijan Ilham Aliyev has met with Foreign Minister"
    start = source.text.index(sentence)
    end = source.text.index(".", start) + 1
    mark = SourceMark.objects.create(
        source=source, meeting=meeting, participant=lavrov, field="participant", start=start, end=end
    )
    date_start = source.text.index("06 April 2016")
    SourceMark.objects.create(
        source=source, meeting=meeting, field="date", start=date_start, end=date_start + 20
    )
    html = page(client, source.get_absolute_url())
    assert f'id="mark-{mark.pk}"' in html
    assert (
        f'href="{meeting.get_absolute_url()}#participant-{lavrov.pk}">Sergey Lavrov, Foreign Minister</a>'
        in html
    )
    assert f'href="{meeting.get_absolute_url()}#meeting-facts">date</a>' in html
    assert '<span class="provenance">' in html
    # And the meeting page links back to the sentence.
    meeting_html = page(client, meeting.get_absolute_url())
    assert f"{source.get_absolute_url()}#mark-{mark.pk}" in meeting_html


def test_sources_are_listed_and_filtered(client, archive):
    html = page(client, "/sources/")
    assert "3 sources." in html
    html = page(client, "/sources/?publisher=president.az")
    assert "1 source with these filters." in html and "Ilham Aliyev met with Russian FM" in html
    html = page(client, "/sources/?published_after=2021-01-01&published_before=2020-01-01")
    assert "Some filters could not be used" in html
    assert 'href="/sources/"' in page(client, "/")
    data = json.loads(client.get("/sources/?format=json&publisher=president.az").content)
    assert data["count"] == 1 and data["results"][0]["publisher"] == "president.az"
    assert "0 sources with these filters." in page(client, "/sources/?kind=pdf")


def test_every_record_page_links_to_its_sources(client, archive):
    source = archive["source_2016"].get_absolute_url()
    for record in (archive["talks_2016"], archive["lavrov"]):
        assert f'href="{source}"' in page(client, record.get_absolute_url())
    assert f'href="{SourceDocument.objects.get(sha256="0" * 64).get_absolute_url()}"' in page(
        client, archive["iepf"].get_absolute_url()
    )


# Addresses that keep working


def test_every_stored_spelling_of_a_person_redirects_to_the_record(client, archive):
    response = client.get("/people/sergei-lavrov/?q=peace")
    assert response.status_code == 301
    assert response["Location"] == "/people/sergey-lavrov/?q=peace"
    assert client.get("/people/s-lavrov/")["Location"] == "/people/sergey-lavrov/"
    assert client.get("/people/nobody-at-all/").status_code == 404


def test_a_spelling_two_people_share_is_not_guessed(client, archive):
    other = Person.objects.create(name="Sergei Lavrov", country="BY")
    PersonAlias.objects.create(person=other, name="S.Lavrov")
    assert client.get("/people/s-lavrov/").status_code == 404


def test_a_country_pair_has_one_canonical_address(client, archive):
    response = client.get("/countries/ru/az/?page=2")
    assert response.status_code == 301 and response["Location"] == "/countries/az/ru/?page=2"
    assert client.get("/countries/RU/AZ/")["Location"].lower() == "/countries/az/ru/"
    assert client.get("/countries/az/ru/").status_code == 200


# What the pages hold


def test_participants_who_speak_for_an_ngo_are_grouped_under_it(client, archive):
    html = page(client, archive["visit_2019"].get_absolute_url())
    ngo = html.index('participant-group-organization" aria-label="International Eurasia Press Fund (IEPF)"')
    assert ngo < html.index("Umud Mirzayev</a>") < html.index("</section>", ngo)
    assert 'aria-label="Mexico"' in html


def test_the_roles_table_shows_one_office_with_the_forms_written(client, archive):
    Participant.objects.filter(person=archive["lavrov"]).update(role="Minister of Foreign Affairs")
    Participant.objects.filter(person=archive["lavrov"], meeting=archive["talks_2016"]).update(
        role_as_written="Foreign Minister"
    )
    html = page(client, archive["lavrov"].get_absolute_url())
    roles = html[html.index('id="roles-heading"') : html.index("</table>")]
    assert roles.count("<tr><td>") == 1 and "Minister of Foreign Affairs" in roles
    assert "written “Foreign Minister”" in roles
    assert 'class="table-scroll"' in html


@pytest.mark.parametrize("kind", ["talks_2016", "lavrov", "iepf", "source_2016"])
def test_record_pages_answer_in_json_and_csv_and_link_to_both(client, archive, kind):
    url = archive[kind].get_absolute_url()
    html = page(client, url)
    assert f'href="{url}?format=json"' in html and f'href="{url}?format=csv"' in html
    data = json.loads(client.get(f"{url}?format=json").content)
    assert data["count"] == 1 and len(data["results"]) == 1
    csv_text = b"".join(client.get(f"{url}?format=csv").streaming_content).decode()
    assert len(csv_text.strip().splitlines()) == 2
    assert client.get(f"{url}?format=xml").status_code == 400


def test_chart_bars_link_to_that_years_meetings(client, archive):
    html = page(client, archive["lavrov"].get_absolute_url())
    assert (
        'href="/meetings/?person=sergey-lavrov&amp;date_after=2016-01-01&amp;date_before=2016-12-31"' in html
    )
    html = page(client, "/countries/az/")
    assert 'href="/meetings/?country=AZ&amp;date_after=2019-01-01&amp;date_before=2019-12-31"' in html
    html = page(client, "/countries/az/ru/")
    assert 'href="/countries/az/ru/?year=2021"' in html
    year = page(client, "/countries/az/ru/?year=2021")
    assert "Meetings in 2021" in year and archive["talks_2016"].title not in year
    assert "Meetings over time" in page(client, "/countries/az/ru/?year=abc")


def test_person_and_organization_filters_suggest_names_without_javascript(client, archive):
    html = page(client, "/meetings/")
    assert 'list="person-suggestions"' in html and 'list="organization-suggestions"' in html
    assert '<option value="Sergey Lavrov">' in html
    assert '<option value="International Eurasia Press Fund">' in html


def test_most_active_people_are_ranked_by_meetings_as_a_principal(client, archive):
    helper = Person.objects.create(name="Busy Assistant", country="AZ")
    for n in range(3):
        meeting = Meeting.objects.create(title=f"Visit {n}", date=datetime.date(2020, 1, n + 1))
        Participant.objects.create(meeting=meeting, person=helper, role="Assistant")
    Participant.objects.filter(person=archive["aliyev"]).update(is_principal=True)
    html = page(client, "/")
    active = html[html.index('id="people-heading"') :]
    assert 'Ilham Aliyev</a> <span class="count">2 meetings as principal</span>' in active
    assert 'Busy Assistant</a> <span class="count">0 meetings as principal, 3 in all</span>' in active
    assert active.index("Ilham Aliyev") < active.index("Busy Assistant")


def test_organizations_sort_whatever_their_case(client, archive):
    Organization.objects.create(name="eurasia Forum")
    Organization.objects.create(name="Zeta Council")
    html = page(client, "/organizations/")
    assert html.index("eurasia Forum") < html.index("International Eurasia") < html.index("Zeta Council")


def test_the_footer_says_how_many_records_an_editor_has_checked(client, archive):
    assert "none has been checked by an editor yet" in page(client, "/")
    Meeting.objects.filter(pk=archive["talks_2016"].pk).update(curated=True)
    Person.objects.filter(pk=archive["lavrov"].pk).update(curated=True)
    bump_data_version()  # update() sends no signals; the admin's saves do
    html = page(client, "/")
    assert "editors have checked 1 meeting, 1 person and 0 statements so far" in html
    assert "checked by editors" not in html


def test_a_source_without_a_title_is_called_by_the_opening_of_its_text_not_its_file_name(client, archive):
    untitled = SourceDocument.objects.get(sha256="0" * 64)
    html = page(client, untitled.get_absolute_url())
    heading = html[html.index("<h1>") : html.index("</h1>")]
    assert heading.startswith("<h1>On February 5, 2019, the Ambassador of the United Mexican States")
    assert heading.endswith("…") and "000_078c8bbafe80bc0b" not in heading
    listing = page(client, "/sources/")
    assert "On February 5, 2019, the Ambassador of the United Mexican States" in listing
