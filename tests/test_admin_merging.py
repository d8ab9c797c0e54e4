"""merge_people and merge_organizations: what moves to the kept record, what is kept, what is refused."""

import datetime

import pytest

from meetings.admin import merging
from meetings.admin.merging import MergeError, merge_organizations, merge_people
from meetings.models import (
    Meeting,
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Participant,
    Person,
    PersonAlias,
    PersonRedirect,
    Statement,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


@pytest.fixture
def talks():
    return Meeting.objects.create(title="Talks in Moscow", date=datetime.date(2019, 12, 3), country="RU")


@pytest.fixture
def call():
    return Meeting.objects.create(title="Phone call", date=datetime.date(2020, 1, 9), kind="phone")


@pytest.fixture
def lavrov():
    return Person.objects.create(name="Sergey Lavrov", country="RU")


@pytest.fixture
def s_lavrov():
    return Person.objects.create(name="S. Lavrov")


def snapshot():
    """Every row the merges touch, to compare before and after a failed merge."""
    return {
        model.__name__: sorted(model.objects.values_list())
        for model in (
            Person,
            PersonAlias,
            PersonRedirect,
            Organization,
            OrganizationAlias,
            OrganizationRedirect,
            Participant,
            Statement,
            Meeting.people_mentioned.through,
            Meeting.organizations_mentioned.through,
        )
    }


def test_merging_people_moves_participations_statements_and_mentions(talks, call, lavrov, s_lavrov):
    Participant.objects.create(meeting=call, person=s_lavrov, role="Foreign Minister")
    said = Statement.objects.create(meeting=call, speaker=s_lavrov, kind="direct", text="We agreed.")
    talks.people_mentioned.add(s_lavrov)
    call.people_mentioned.add(lavrov, s_lavrov)

    report = merge_people(lavrov, [s_lavrov])

    assert not Person.objects.filter(pk=s_lavrov.pk).exists()
    assert list(call.participants.values_list("person", "role")) == [(lavrov.pk, "Foreign Minister")]
    said.refresh_from_db()
    assert said.speaker == lavrov
    assert set(lavrov.mentioned_in.all()) == {talks, call}
    assert call.people_mentioned.count() == 1
    assert report.counts["statements"] == 1
    assert "S. Lavrov" in report.summary()


def test_names_and_aliases_of_merged_people_become_aliases_of_the_kept_one(lavrov, s_lavrov):
    PersonAlias.objects.create(person=s_lavrov, name="Lavrov")
    PersonAlias.objects.create(person=s_lavrov, name="Sergey Lavrov")  # the kept name: not an alias
    PersonAlias.objects.create(person=lavrov, name="Lavrov")
    third = Person.objects.create(name="Sergei Lavrov")

    merge_people(lavrov, [s_lavrov, third])

    assert sorted(lavrov.aliases.values_list("name", flat=True)) == ["Lavrov", "S. Lavrov", "Sergei Lavrov"]
    assert not PersonAlias.objects.exclude(person=lavrov).exists()


def test_participations_in_one_meeting_are_folded_without_losing_role_or_country(talks, lavrov, s_lavrov):
    kept = Participant.objects.create(meeting=talks, person=lavrov, name_as_written="Sergey Lavrov")
    organization = Organization.objects.create(name="Ministry of Foreign Affairs", country="RU")
    Participant.objects.create(
        meeting=talks,
        person=s_lavrov,
        name_as_written="Minister Lavrov",
        role="Foreign Minister",
        country="RU",
        organization=organization,
        curated=True,
        review_reason="ambiguous person",
    )

    report = merge_people(lavrov, [s_lavrov])

    assert list(talks.participants.all()) == [kept]
    kept.refresh_from_db()
    assert (kept.name_as_written, kept.role, kept.country.code) == ("Sergey Lavrov", "Foreign Minister", "RU")
    assert kept.organization == organization
    assert kept.curated and kept.review_reason == "ambiguous person"
    assert "Minister Lavrov" in lavrov.alias_names
    assert report.counts["participations folded"] == 1


def test_the_kept_role_wins_when_both_participations_have_one(talks, lavrov, s_lavrov):
    Participant.objects.create(meeting=talks, person=lavrov, role="Minister of Foreign Affairs")
    Participant.objects.create(meeting=talks, person=s_lavrov, role="Foreign Minister")
    merge_people(lavrov, [s_lavrov])
    assert list(talks.participants.values_list("role", flat=True)) == ["Minister of Foreign Affairs"]


def test_old_slugs_redirect_to_the_kept_person_and_old_redirects_are_repointed(client, lavrov, s_lavrov):
    PersonRedirect.objects.create(old_slug="lavrov-s", person=s_lavrov)
    old_slug = s_lavrov.slug

    merge_people(lavrov, [s_lavrov])

    assert set(lavrov.redirects.values_list("old_slug", flat=True)) == {old_slug, "lavrov-s"}
    for slug in (old_slug, "lavrov-s"):
        response = client.get(f"/people/{slug}/")
        assert response.status_code == 301
        assert response["Location"] == lavrov.get_absolute_url()


def test_the_kept_person_keeps_its_name_and_slug_takes_a_missing_country_and_is_curated(s_lavrov):
    keep = Person.objects.create(name="Sergey Lavrov")
    s_lavrov.country = "RU"
    s_lavrov.save()

    merge_people(keep, [s_lavrov])

    keep.refresh_from_db()
    assert (keep.name, keep.slug, keep.country.code, keep.curated) == (
        "Sergey Lavrov",
        "sergey-lavrov",
        "RU",
        True,
    )


def test_people_representing_different_countries_are_not_merged(lavrov):
    namesake = Person.objects.create(name="Sergey Lavrov", country="AZ")
    before = snapshot()
    with pytest.raises(MergeError, match="Russia.*Azerbaijan"):
        merge_people(lavrov, [namesake])
    assert snapshot() == before


def test_people_at_one_meeting_for_different_countries_are_not_merged(talks, s_lavrov):
    other = Person.objects.create(name="S. Lavrov")
    Participant.objects.create(meeting=talks, person=s_lavrov, country="RU")
    Participant.objects.create(meeting=talks, person=other, country="AZ")
    before = snapshot()
    with pytest.raises(MergeError, match="both took part"):
        merge_people(s_lavrov, [other])
    assert snapshot() == before


@pytest.mark.parametrize("others", ["none", "itself", "twice", "unsaved", "deleted", "organization"])
def test_invalid_selections_are_refused_with_a_message(lavrov, s_lavrov, others):
    choices = {
        "none": [],
        "itself": [lavrov, s_lavrov],
        "twice": [s_lavrov, s_lavrov],
        "unsaved": [Person(name="Nobody")],
        "deleted": [Person.objects.create(name="Gone")],
        "organization": [Organization.objects.create(name="OSCE")],
    }
    selection = choices[others]
    if others == "deleted":
        Person.objects.filter(name="Gone").delete()
    before = snapshot()
    with pytest.raises(MergeError) as refused:
        merge_people(lavrov, selection)
    assert str(refused.value) and "\n" not in str(refused.value)
    assert snapshot() == before


def test_a_failure_midway_leaves_everything_as_it_was(monkeypatch, talks, call, lavrov, s_lavrov):
    Participant.objects.create(meeting=call, person=s_lavrov, role="Foreign Minister")
    Participant.objects.create(meeting=talks, person=lavrov)
    Participant.objects.create(meeting=talks, person=s_lavrov, role="Minister")
    Statement.objects.create(meeting=call, speaker=s_lavrov, kind="direct", text="We agreed.")
    PersonAlias.objects.create(person=s_lavrov, name="Lavrov")
    call.people_mentioned.add(s_lavrov)
    before = snapshot()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    # Redirects come after participations, statements, mentions and aliases have moved.
    monkeypatch.setattr(merging, "_move_redirects", broken)
    with pytest.raises(RuntimeError):
        merge_people(lavrov, [s_lavrov])
    assert snapshot() == before


def test_merging_organizations_moves_participants_mentions_aliases_and_redirects(client, talks, lavrov):
    osce = Organization.objects.create(name="Organization for Security and Co-operation in Europe")
    short = Organization.objects.create(name="OSCE Secretariat", acronym="OSCE", kind="international")
    OrganizationAlias.objects.create(organization=short, name="the OSCE")
    OrganizationRedirect.objects.create(old_slug="osce-old", organization=short)
    Participant.objects.create(meeting=talks, person=lavrov, organization=short)
    talks.organizations_mentioned.add(osce, short)
    old_slug = short.slug

    report = merge_organizations(osce, [short])

    osce.refresh_from_db()
    assert not Organization.objects.filter(pk=short.pk).exists()
    assert (osce.acronym, osce.kind, osce.curated) == ("OSCE", "international", True)
    assert talks.participants.get().organization == osce
    assert list(talks.organizations_mentioned.all()) == [osce]
    assert sorted(osce.alias_names) == ["OSCE Secretariat", "the OSCE"]
    assert set(osce.redirects.values_list("old_slug", flat=True)) == {old_slug, "osce-old"}
    response = client.get(f"/organizations/{old_slug}/")
    assert (response.status_code, response["Location"]) == (301, osce.get_absolute_url())
    assert report.counts["participations"] == 1


def test_organizations_of_different_countries_are_not_merged():
    russian = Organization.objects.create(name="Ministry of Foreign Affairs", country="RU")
    azerbaijani = Organization.objects.create(name="Ministry of Foreign Affairs", country="AZ")
    before = snapshot()
    with pytest.raises(MergeError, match="Correct the wrong country"):
        merge_organizations(russian, [azerbaijani])
    assert snapshot() == before
