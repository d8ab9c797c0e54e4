"""The editors' workbench: every page loads, search and filters work, saving curates, merges merge."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import (
    Feed,
    Meeting,
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Participant,
    Person,
    PersonAlias,
    PersonRedirect,
    SourceDocument,
    SourceMark,
    Statement,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


SOURCE_TEXT = (
    "03 December 2019\n"
    "Sergey Lavrov met Elmar Mammadyarov in Moscow.\n"
    'S.Lavrov said: "We <script>alert(1)</script> agreed on the next steps."\n'
)
QUOTE = "We <script>alert(1)</script> agreed on the next steps."
MEETING_MODELS = [
    SourceDocument,
    Person,
    PersonAlias,
    PersonRedirect,
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Meeting,
    Participant,
    Statement,
    SourceMark,
    Feed,
]


@pytest.fixture
def archive():
    """One of every record, some flagged for review."""
    Feed.objects.create(url="https://mfa.example.org/rss", title="MFA news")
    source = SourceDocument.objects.create(
        file_name="moscow.txt", sha256="a" * 64, text=SOURCE_TEXT, title="Talks in Moscow", publisher="MFA"
    )
    lavrov = Person.objects.create(name="Sergey Lavrov", country="RU")
    mammadyarov = Person.objects.create(
        name="Elmar Mammadyarov", country="AZ", review_reason="ambiguous person"
    )
    PersonAlias.objects.create(person=lavrov, name="S.Lavrov")
    PersonRedirect.objects.create(person=lavrov, old_slug="lavrov")
    osce = Organization.objects.create(
        name="Organization for Security and Co-operation in Europe", kind="international"
    )
    OrganizationAlias.objects.create(organization=osce, name="OSCE")
    OrganizationRedirect.objects.create(organization=osce, old_slug="osce")
    meeting = Meeting.objects.create(
        title="Lavrov and Mammadyarov in Moscow", date=datetime.date(2019, 12, 3), city="Moscow", country="RU"
    )
    meeting.sources.add(source)
    meeting.organizations_mentioned.add(osce)
    named = Participant.objects.create(meeting=meeting, person=lavrov, role="Foreign Minister", country="RU")
    SourceMark.objects.create(
        source=source, meeting=meeting, participant=named, field="participant", start=0, end=10
    )
    Participant.objects.create(meeting=meeting, person=mammadyarov, country="AZ", review_reason="no role")
    start = SOURCE_TEXT.index(QUOTE)
    statement = Statement.objects.create(
        meeting=meeting,
        speaker=lavrov,
        attribution="S.Lavrov",
        kind="direct",
        text=QUOTE,
        source=source,
        start=start,
        end=start + len(QUOTE),
        review_reason="check the speaker",
    )
    return {
        "source": source,
        "lavrov": lavrov,
        "mammadyarov": mammadyarov,
        "osce": osce,
        "meeting": meeting,
        "statement": statement,
    }


def url(model, view, *args):
    return reverse(f"admin:meetings_{model._meta.model_name}_{view}", args=args)


def form_data(response):
    """The POST data a browser would send back for an admin change form, unchanged."""
    data = {}

    def add(form):
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def post_form(client, address, changes):
    data = {**form_data(client.get(address)), **changes}
    response = client.post(address, data)
    errors = response.context and response.context.get("errors")
    assert response.status_code == 302, errors
    return response


def test_every_model_of_the_archive_is_registered():
    assert {model for model in admin.site._registry if model._meta.app_label == "meetings"} == set(
        MEETING_MODELS
    )


@pytest.mark.parametrize("model", MEETING_MODELS, ids=lambda model: model.__name__)
def test_changelist_add_and_change_pages_load(admin_client, archive, model):
    assert admin_client.get(url(model, "changelist")).status_code == 200
    assert admin_client.get(url(model, "add")).status_code == 200
    assert admin_client.get(url(model, "change", model.objects.first().pk)).status_code == 200


@pytest.mark.parametrize("model", MEETING_MODELS, ids=lambda model: model.__name__)
def test_every_filter_choice_of_every_list_loads(admin_client, archive, model):
    response = admin_client.get(url(model, "changelist"))
    changelist = response.context["cl"]
    assert changelist.has_filters
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            assert admin_client.get(url(model, "changelist") + choice["query_string"]).status_code == 200


@pytest.mark.parametrize(
    ("model", "term", "found"),
    [
        (Person, "S.Lavrov", "Sergey Lavrov"),  # through an alias
        (Organization, "OSCE", "Organization for Security"),
        (Meeting, "Mammadyarov", "Lavrov and Mammadyarov in Moscow"),
        (Participant, "Foreign Minister", "Sergey Lavrov at"),
        (Statement, "next steps", "agreed on the next"),
        (SourceDocument, "moscow.txt", "Talks in Moscow"),
        (PersonAlias, "S.Lavrov", "S.Lavrov"),
        (OrganizationAlias, "OSCE", "OSCE"),
        (PersonRedirect, "lavrov", "lavrov"),
        (OrganizationRedirect, "osce", "osce"),
    ],
)
def test_search_finds_the_record(admin_client, archive, model, term, found):
    response = admin_client.get(url(model, "changelist"), {"q": term})
    assert response.context["cl"].result_count == 1
    assert found in response.content.decode()
    nothing = admin_client.get(url(model, "changelist"), {"q": "zzzz-no-such-thing"})
    assert nothing.context["cl"].result_count == 0


def test_meeting_counts_are_not_multiplied_by_a_search_through_aliases(admin_client, archive):
    PersonAlias.objects.create(person=archive["lavrov"], name="S. Lavrov")
    response = admin_client.get(url(Person, "changelist"), {"q": "Lavrov"})
    assert [person.participation_count for person in response.context["cl"].result_list] == [1]


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("agreeing", True),  # the site's full-text search: word forms match
        ('"next steps" -ceasefire', True),
        ('"steps next"', False),
        ("Lavrov", True),  # the speaker's name, searched as a field
        ("Moscow", True),  # the meeting's title
        ("agreeing -steps", False),
    ],
)
def test_statements_are_searched_with_the_sites_full_text_search(admin_client, archive, term, found):
    response = admin_client.get(url(Statement, "changelist"), {"q": term})
    assert list(response.context["cl"].result_list) == ([archive["statement"]] if found else [])


@pytest.mark.parametrize("term", ['"unbalanced', "NEAR(a b", "*", "-", "OR", "%_\\", "a" * 2000])
def test_any_statement_search_text_gives_a_list_not_an_error(admin_client, archive, term):
    assert admin_client.get(url(Statement, "changelist"), {"q": term}).status_code == 200


@pytest.mark.parametrize("model", [Person, Meeting, Participant, Statement, Organization])
def test_needs_review_and_curated_filters_select_the_right_records(admin_client, archive, model):
    model.objects.filter(pk=model.objects.first().pk).update(curated=True)
    for query, expected in [
        ({"needs_review": "yes"}, model.objects.exclude(review_reason="")),
        ({"needs_review": "no"}, model.objects.filter(review_reason="")),
        ({"curated__exact": "1"}, model.objects.filter(curated=True)),
        ({"curated__exact": "0"}, model.objects.filter(curated=False)),
    ]:
        response = admin_client.get(url(model, "changelist"), query)
        assert set(response.context["cl"].result_list) == set(expected), query


def test_country_filter_offers_only_countries_in_use_and_filters(admin_client, archive):
    response = admin_client.get(url(Person, "changelist"))
    country_spec = next(spec for spec in response.context["cl"].filter_specs if spec.title == "country")
    assert [title for _, title in country_spec.lookup_choices] == ["Azerbaijan", "Russia"]
    response = admin_client.get(url(Person, "changelist"), {"country": "az"})
    assert list(response.context["cl"].result_list) == [archive["mammadyarov"]]


def test_saving_a_record_marks_it_curated_and_records_who_changed_it(admin_client, admin_user, archive):
    person = archive["mammadyarov"]
    post_form(admin_client, url(Person, "change", person.pk), {"name": "Elmar Mammadyarov", "_save": "1"})
    person.refresh_from_db()
    assert person.curated
    entry = LogEntry.objects.get(object_id=str(person.pk), content_type__model="person")
    assert entry.user == admin_user and entry.action_flag == CHANGE


def test_changing_an_address_leaves_a_redirect_from_the_old_one(admin_client, client, archive):
    lavrov = archive["lavrov"]
    post_form(admin_client, url(Person, "change", lavrov.pk), {"slug": "sergey-v-lavrov", "_save": "1"})
    response = client.get("/people/sergey-lavrov/")
    assert (response.status_code, response["Location"]) == (301, "/people/sergey-v-lavrov/")
    assert set(lavrov.redirects.values_list("old_slug", flat=True)) == {"lavrov", "sergey-lavrov"}


def test_an_address_that_redirects_to_another_record_cannot_be_taken(admin_client, archive):
    address = url(Organization, "change", Organization.objects.create(name="OSCE Secretariat").pk)
    data = {**form_data(admin_client.get(address)), "slug": "osce", "_save": "1"}
    response = admin_client.post(address, data)
    assert response.status_code == 200
    assert "This address redirects to Organization for Security" in response.content.decode()
    assert OrganizationRedirect.objects.get(old_slug="osce").organization == archive["osce"]


def test_every_choice_of_a_person_or_organization_is_an_autocomplete():
    for model, model_admin in admin.site._registry.items():
        for editor in [model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)]:
            for field in editor.model._meta.get_fields():
                chosen = field.related_model in (Person, Organization) and field.concrete
                parent = editor is not model_admin and field.related_model is model  # an inline's owner
                if chosen and not parent:
                    assert field.name in editor.autocomplete_fields, f"{editor}: {field.name}"


def test_adding_a_person_through_the_admin_curates_it(admin_client, archive):
    response = admin_client.post(
        url(Person, "add"),
        {
            "name": "Jeyhun Bayramov",
            "slug": "jeyhun-bayramov",
            "country": "AZ",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-0-name": "J.Bayramov",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(slug="jeyhun-bayramov")
    assert person.curated and person.alias_names == ["J.Bayramov"]


def test_saving_a_meeting_curates_it_and_the_inline_records_changed_with_it(admin_client, archive):
    meeting = archive["meeting"]
    address = url(Meeting, "change", meeting.pk)
    data = form_data(admin_client.get(address))
    changed = next(name for name, value in data.items() if value == "" and name.endswith("-role"))
    data[changed] = "Minister of Foreign Affairs"
    statement_text = next(name for name in data if name.startswith("statements-0-text"))
    data[statement_text] = QUOTE.replace("next", "following")
    response = admin_client.post(address, {**data, "_save": "1"})
    assert response.status_code == 302, response.context and response.context.get("errors")

    meeting.refresh_from_db()
    assert meeting.curated
    assert meeting.participants.get(person=archive["mammadyarov"]).curated
    assert not meeting.participants.get(person=archive["lavrov"]).curated  # untouched
    statement = meeting.statements.get()
    assert statement.curated and "following steps" in statement.text


def test_the_meeting_page_loads_statements_with_their_source_and_speaker(admin_client, archive):
    meeting, source = archive["meeting"], archive["source"]
    address = url(Meeting, "change", meeting.pk)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(address).status_code == 200
        return len(captured)

    few = queries()
    for order in range(1, 11):
        Statement.objects.create(
            meeting=meeting,
            speaker=archive["mammadyarov"],
            kind="reported",
            text="Moscow",
            order=order,
            source=source,
            start=SOURCE_TEXT.index("Moscow"),
            end=SOURCE_TEXT.index("Moscow") + 6,
        )
    # Django's autocomplete widgets look up each row's chosen speaker and source (two queries a
    # row); the excerpt's source text comes with the statements.
    assert queries() <= few + 2 * 10


def test_the_source_text_is_shown_read_only_and_escaped(admin_client, archive):
    page = admin_client.get(url(Statement, "change", archive["statement"].pk)).content.decode()
    assert "<mark>We &lt;script&gt;alert(1)&lt;/script&gt; agreed on the next steps.</mark>" in page
    assert "<script>alert(1)" not in page
    meeting_page = admin_client.get(url(Meeting, "change", archive["meeting"].pk)).content.decode()
    assert "Sergey Lavrov met Elmar Mammadyarov in Moscow." in meeting_page
    assert "<mark>We &lt;script&gt;" in meeting_page

    source = archive["source"]
    response = admin_client.get(url(SourceDocument, "change", source.pk))
    assert "text" not in response.context["adminform"].form.fields
    post_form(admin_client, url(SourceDocument, "change", source.pk), {"text": "replaced", "_save": "1"})
    source.refresh_from_db()
    assert source.text == SOURCE_TEXT


def test_a_source_document_added_by_hand_gets_its_checksum_and_duplicates_are_refused(admin_client, archive):
    fields = {"file_name": "note.txt", "text": "Line one\r\nLine two"}
    assert admin_client.post(url(SourceDocument, "add"), fields).status_code == 302
    added = SourceDocument.objects.get(file_name="note.txt")
    assert added.text == "Line one\nLine two"
    assert len(added.sha256) == 64

    again = admin_client.post(url(SourceDocument, "add"), {**fields, "file_name": "copy.txt"})
    assert again.status_code == 200
    assert "already in the archive" in again.content.decode()
    assert not SourceDocument.objects.filter(file_name="copy.txt").exists()


@pytest.mark.parametrize(
    ("model", "field", "term", "expected"),
    [
        ("participant", "person", "Lavr", "Sergey Lavrov"),
        ("participant", "organization", "Security", "Organization for Security"),
        ("statement", "speaker", "Mammad", "Elmar Mammadyarov"),
        ("meeting", "organizations_mentioned", "OSCE", "Organization for Security"),
        ("meeting", "people_mentioned", "S.Lavrov", "Sergey Lavrov"),
    ],
)
def test_people_and_organizations_are_chosen_by_autocomplete(
    admin_client, archive, model, field, term, expected
):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "meetings", "model_name": model, "field_name": field, "term": term},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]][0].startswith(expected)


def test_mark_as_reviewed_clears_the_reason_curates_and_logs(admin_client, admin_user, archive):
    flagged = archive["mammadyarov"]
    response = admin_client.post(
        url(Person, "changelist"), {"action": "mark_reviewed", "_selected_action": [flagged.pk]}
    )
    assert response.status_code == 302
    flagged.refresh_from_db()
    assert (flagged.review_reason, flagged.curated) == ("", True)
    entry = LogEntry.objects.get(object_id=str(flagged.pk), content_type__model="person")
    assert entry.user == admin_user and "ambiguous person" in entry.get_change_message()


def merge(client, model, records, keep=None):
    data = {"action": "merge_selected", "_selected_action": [record.pk for record in records]}
    if keep is not None:
        data.update(post="yes", keep=keep.pk)
    return client.post(url(model, "changelist"), data, follow=keep is not None)


def test_merging_people_asks_which_to_keep_then_merges_and_logs(admin_client, admin_user, archive):
    lavrov = archive["lavrov"]
    duplicate = Person.objects.create(name="S. Lavrov", country="RU")
    Statement.objects.create(meeting=archive["meeting"], speaker=duplicate, kind="reported", text="He spoke.")

    confirmation = merge(admin_client, Person, [lavrov, duplicate])
    assert confirmation.status_code == 200
    page = confirmation.content.decode()
    assert page.count('type="radio" name="keep"') == 2
    assert Person.objects.filter(pk=duplicate.pk).exists()  # nothing happens before the choice

    done = merge(admin_client, Person, [lavrov, duplicate], keep=lavrov)
    assert "Merged S. Lavrov into Sergey Lavrov" in done.content.decode()
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert lavrov.statements.count() == 2
    assert "S. Lavrov" in lavrov.alias_names
    assert LogEntry.objects.get(object_id=str(duplicate.pk), action_flag=DELETION).user == admin_user
    kept_entry = LogEntry.objects.get(object_id=str(lavrov.pk), action_flag=CHANGE)
    assert "Merged S. Lavrov" in kept_entry.get_change_message()
    assert admin_client.get(f"/people/{duplicate.slug}/")["Location"] == lavrov.get_absolute_url()


def test_merging_organizations_through_the_admin(admin_client, archive):
    osce = archive["osce"]
    duplicate = Organization.objects.create(name="OSCE Secretariat", acronym="OSCE")
    merge(admin_client, Organization, [osce, duplicate], keep=osce)
    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    assert "OSCE Secretariat" in osce.alias_names


def test_a_refused_merge_says_why_and_changes_nothing(admin_client, archive):
    lavrov, mammadyarov = archive["lavrov"], archive["mammadyarov"]
    done = merge(admin_client, Person, [lavrov, mammadyarov], keep=lavrov)
    assert "Nothing was merged" in done.content.decode()
    assert Person.objects.filter(pk=mammadyarov.pk).exists()
    assert not LogEntry.objects.exists()


def test_merging_needs_two_records_and_a_choice(admin_client, archive):
    lavrov, duplicate = archive["lavrov"], Person.objects.create(name="S. Lavrov")
    alone = merge(admin_client, Person, [lavrov], keep=lavrov)
    assert "Select at least two people" in alone.content.decode()
    data = {"action": "merge_selected", "_selected_action": [lavrov.pk, duplicate.pk], "post": "yes"}
    unchosen = admin_client.post(url(Person, "changelist"), {**data, "keep": "not-a-choice"})
    assert unchosen.status_code == 200 and "Choose the person to keep" in unchosen.content.decode()
    assert Person.objects.filter(pk=duplicate.pk).exists()
