"""Records that read right, written by ingest from extractor output written by hand: one form per
office (the written form kept), display names by the spelling most sources use, titles naming
the heads of the sides, the sentences each field came from, and review reasons for thin records."""

import io

import pytest
from django.core.management import call_command

from meetings.ingest.roles import normalize_role
from meetings.ingest.runner import Ingester
from meetings.ingest.titles import names_title
from meetings.models import Meeting, Participant, Person, PersonAlias, PersonRedirect, SourceMark

pytestmark = pytest.mark.django_db


class HandWrittenExtractor:
    def __init__(self, outputs):
        self.outputs = outputs

    def extract_many(self, items, batch_size=16):
        for name, _text in items:
            yield {"document": name, **self.outputs[name]}


def run(tmp_path, documents):
    """documents: {file name: (text, [meetings])}, ingested in that order."""
    paths, outputs = [], {}
    for name, (text, meetings) in documents.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        outputs[name] = {
            "title": "",
            "published": None,
            "meetings": meetings,
            "organizations": [],
            "people": [],
        }
    return Ingester(extractor=HandWrittenExtractor(outputs)).ingest_paths(paths)


def named(text, name, country, role, organization=None):
    start = text.index(name)
    return {
        "name": name,
        "country": country,
        "role": role,
        "organization": organization,
        "mentions": [],
        "start": start,
        "end": start + len(name),
    }


def meeting(date, participants, city="Baku", country="AZ"):
    return {
        "date": date,
        "city": city,
        "country": country,
        "kind": "in_person",
        "participants": participants,
        "statements": [],
    }


def talks(day, spelling, role="Foreign Minister"):
    """A report of Aliyev meeting Lavrov on `day` (ISO), Lavrov spelled `spelling`."""
    year, month, date = day.split("-")
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    text = (
        f"Baku, {int(date)} {months[int(month) - 1]} {year}.\n\n"
        f"President Ilham Aliyev received {role} {spelling} in Baku. They discussed the region."
    )
    participants = [named(text, "Ilham Aliyev", "AZ", "President"), named(text, spelling, "RU", role)]
    return text, [meeting(day, participants)]


# Roles


@pytest.mark.parametrize(
    "written, office",
    [
        ("Foreign Minister", "Minister of Foreign Affairs"),
        ("Minister of Foreign Affairs of the Russian Federation", "Minister of Foreign Affairs"),
        ("Russian FM", "Minister of Foreign Affairs"),
        ("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs"),
        ("assistant to the Ambassador", "Assistant"),
        ("IEPF Vice-President", "Vice-President"),
        ("Ambassador Extraordinary and Plenipotentiary", "Ambassador"),
        ("spokesman", "Spokesperson"),
        ("great leader", "Great leader"),
    ],
)
def test_a_role_is_stored_as_its_office_and_the_written_form_is_kept(written, office):
    role = normalize_role(written)
    assert (role.name, role.as_written) == (office, written)


def test_a_president_outranks_a_minister_an_ambassador_and_an_assistant_and_an_ngo_head_ranks_below_ministers():
    ranks = [normalize_role(r).rank for r in ("President", "Foreign Minister", "Ambassador", "assistant")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 4
    assert normalize_role("President of the organization").rank > normalize_role("Foreign Minister").rank


def test_foreign_minister_and_minister_of_foreign_affairs_are_one_office_on_the_record(tmp_path):
    run(tmp_path, {"a.txt": talks("2016-04-06", "Sergey Lavrov", "Foreign Minister")})
    participant = Participant.objects.get(person__name="Sergey Lavrov")
    assert (participant.role, participant.role_as_written) == (
        "Minister of Foreign Affairs",
        "Foreign Minister",
    )


def test_the_head_of_an_ngo_named_by_the_organization_joins_his_delegations_organization(tmp_path):
    text = (
        "On 5 February 2019 the Ambassador of Mexico Rodrigo Labardini met the President of the organization "
        "Umud Mirzayev. Also present: IEPF Vice-President Ramil Azizov."
    )
    participants = [
        named(text, "Rodrigo Labardini", "MX", "Ambassador"),
        named(text, "Umud Mirzayev", "AZ", "President of the organization"),
        named(text, "Ramil Azizov", "AZ", "IEPF Vice-President", "International Eurasia Press Fund"),
    ]
    run(tmp_path, {"a.txt": (text, [meeting("2019-02-05", participants, city="")])})
    head = Participant.objects.get(person__name="Umud Mirzayev")
    assert head.organization.name == "International Eurasia Press Fund"
    assert head.role == "President"


# Titles


def test_the_title_names_the_heads_of_the_sides_by_rank_not_their_assistants(tmp_path):
    text = (
        "On 5 February 2019 Ambassador Rodrigo Labardini, his assistant Gunel Hajiyeva and "
        "Foreign Minister Elmar Mammadyarov met."
    )
    participants = [
        named(text, "Rodrigo Labardini", "MX", "Ambassador"),
        named(text, "Gunel Hajiyeva", "MX", "assistant to Ambassador"),
        named(text, "Elmar Mammadyarov", "AZ", "Foreign Minister"),
    ]
    run(tmp_path, {"a.txt": (text, [meeting("2019-02-05", participants)])})
    visit = Meeting.objects.get()
    assert visit.title == "Elmar Mammadyarov – Rodrigo Labardini"
    principals = Participant.objects.filter(is_principal=True).values_list("person__name", flat=True)
    assert sorted(principals) == ["Elmar Mammadyarov", "Rodrigo Labardini"]


def test_meetings_that_would_share_a_title_add_the_place_then_the_month(tmp_path):
    run(
        tmp_path,
        {
            "a.txt": talks("2016-04-06", "Sergey Lavrov"),
            "b.txt": talks("2017-06-19", "Sergey Lavrov"),
        },
    )
    titles = list(Meeting.objects.order_by("date").values_list("title", flat=True))
    assert titles == [
        "Ilham Aliyev – Sergey Lavrov in Baku, April 2016",
        "Ilham Aliyev – Sergey Lavrov in Baku, June 2017",
    ]


def test_a_curated_title_is_never_rewritten(tmp_path):
    run(tmp_path, {"a.txt": talks("2016-04-06", "Sergey Lavrov")})
    Meeting.objects.update(title="Talks in Baku", curated=True)
    run(tmp_path, {"b.txt": talks("2017-06-19", "Sergey Lavrov")})
    assert set(Meeting.objects.values_list("title", flat=True)) == {
        "Talks in Baku",
        "Ilham Aliyev – Sergey Lavrov",
    }


def test_more_than_three_sides_are_counted_not_listed():
    rows = [
        Participant(
            pk=i, person=Person(pk=i, name=f"Minister {i}"), country=code, role="Minister of Foreign Affairs"
        )
        for i, code in enumerate(["AZ", "RU", "TR", "IR", "GE"], start=1)
    ]
    assert names_title(rows) == "Minister 1 – Minister 2 – Minister 3 and 2 others"


# Display names


def test_the_display_name_is_the_spelling_most_sources_use_and_the_old_one_redirects(tmp_path):
    run(
        tmp_path,
        {
            "a.txt": talks("2016-04-06", "Sergei Lavrov"),
            "b.txt": talks("2017-11-19", "Sergey Lavrov"),
            "c.txt": talks("2019-12-03", "Sergey Lavrov"),
        },
    )
    lavrov = Person.objects.get(aliases__name="Sergei Lavrov")
    assert (lavrov.name, lavrov.slug) == ("Sergey Lavrov", "sergey-lavrov")
    assert PersonRedirect.objects.get(old_slug="sergei-lavrov").person == lavrov
    assert PersonAlias.objects.filter(person=lavrov, name="Sergei Lavrov").exists()
    # The meeting made by the document that tipped the vote takes its address from the new name.
    assert Meeting.objects.get(date="2019-12-03").slug == "2019-12-03-ilham-aliyev-sergey-lavrov"
    # Titles follow the name, on every meeting of his.
    assert all("Sergey Lavrov" in title for title in Meeting.objects.values_list("title", flat=True))


def test_an_editors_spelling_stands_against_the_majority(tmp_path):
    run(tmp_path, {"a.txt": talks("2016-04-06", "Sergei Lavrov")})
    Person.objects.filter(name="Sergei Lavrov").update(curated=True)
    run(
        tmp_path,
        {"b.txt": talks("2017-11-19", "Sergey Lavrov"), "c.txt": talks("2019-12-03", "Sergey Lavrov")},
    )
    assert Person.objects.filter(name="Sergei Lavrov").exists()
    assert not Person.objects.filter(name="Sergey Lavrov").exists()


# Provenance


def test_the_date_place_and_each_participant_are_marked_at_their_sentences(tmp_path):
    text, meetings = talks("2016-04-06", "Sergey Lavrov")
    run(tmp_path, {"a.txt": (text, meetings)})
    marks = {
        (mark.field, mark.participant.person.name if mark.participant else ""): text[mark.start : mark.end]
        for mark in SourceMark.objects.select_related("participant__person")
    }
    assert marks[("date", "")] == "Baku, 6 April 2016."
    assert marks[("place", "")] == "Baku, 6 April 2016."
    sentence = "President Ilham Aliyev received Foreign Minister Sergey Lavrov in Baku."
    assert marks[("participant", "Ilham Aliyev")] == sentence
    assert marks[("participant", "Sergey Lavrov")] == sentence


def test_extracting_again_does_not_duplicate_marks(tmp_path):
    text, meetings = talks("2016-04-06", "Sergey Lavrov")
    run(tmp_path, {"a.txt": (text, meetings)})
    assert SourceMark.objects.count() == 4
    outputs = {
        "a.txt": {"title": "", "published": None, "meetings": meetings, "organizations": [], "people": []}
    }
    Ingester(extractor=HandWrittenExtractor(outputs)).reextract()
    assert SourceMark.objects.count() == 4


# Review reasons


def test_a_surname_only_or_country_less_person_gets_a_review_reason(tmp_path):
    text = "On 6 April 2016 Rouhani met Foreign Minister Elmar Mammadyarov and Kerim Kerimov."
    participants = [
        named(text, "Rouhani", "", None),
        named(text, "Elmar Mammadyarov", "AZ", "Foreign Minister"),
        named(text, "Kerim Kerimov", None, None),
    ]
    report = run(tmp_path, {"a.txt": (text, [meeting("2016-04-06", participants)])})
    assert report.records_flagged == 2  # the run's report counts them
    reasons = dict(Person.objects.values_list("name", "review_reason"))
    assert "surname only" in reasons["Rouhani"] and "no country" in reasons["Rouhani"]
    assert reasons["Kerim Kerimov"].startswith("no country")
    assert reasons["Elmar Mammadyarov"] == ""


# Records stored before these rules


def test_tidy_records_brings_old_records_up_to_the_rules_once():
    aliyev = Person.objects.create(name="Ilham Aliyev", country="AZ")
    lavrov = Person.objects.create(name="Sergey Lavrov", country="RU")
    rouhani = Person.objects.create(name="Rouhani")
    old = Meeting.objects.create(title="Ilham Aliyev met with Russian FM Sergei Lavrov", city="Baku")
    Participant.objects.create(
        meeting=old, person=lavrov, role="Russian FM", role_as_written="Russian FM", country="RU"
    )
    Participant.objects.create(
        meeting=old, person=aliyev, role="President", role_as_written="President", country="AZ"
    )
    call_command("tidy_records", stdout=io.StringIO())
    old.refresh_from_db()
    assert old.title == "Ilham Aliyev – Sergey Lavrov"
    assert Participant.objects.get(person=lavrov).role == "Minister of Foreign Affairs"
    rouhani.refresh_from_db()
    assert rouhani.review_reason.startswith("surname only")
    output = io.StringIO()
    call_command("tidy_records", stdout=output)
    assert output.getvalue().strip() == "0 role(s) normalized, 0 person(s) renamed, 0 meeting(s) retitled."
