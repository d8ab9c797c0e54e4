"""Ingest's rules for what the extractor was unsure of, driven by extractor output written by hand
(the shape of meetings/extraction/schema.py), so each case is exact: ambiguity, the review queue, curated
records, organizations by name and acronym."""

import pytest

from meetings.ingest.runner import Ingester
from meetings.models import Meeting, Organization, Person, PersonRedirect, Statement

pytestmark = pytest.mark.django_db


def participant(name, country, role="Foreign Minister", mentions=()):
    return {"name": name, "country": country, "role": role, "organization": None, "mentions": list(mentions)}


def meeting(date, participants, statements=(), city="Baku", country="AZ"):
    return {
        "date": date,
        "city": city,
        "country": country,
        "kind": "in_person",
        "participants": participants,
        "statements": list(statements),
    }


def extraction(*meetings, organizations=(), people=()):
    return {
        "title": "A meeting",
        "published": None,
        "meetings": list(meetings),
        "organizations": list(organizations),
        "people": list(people),
    }


class HandWrittenExtractor:
    """Returns the extraction given for each file name, like Extractor.extract_many."""

    def __init__(self, outputs):
        self.outputs = outputs

    def extract_many(self, items, batch_size=16):
        for name, _text in items:
            yield {"document": name, **self.outputs[name]}


def run(tmp_path, outputs):
    paths = []
    for name in outputs:
        path = tmp_path / name
        path.write_text(f"Text of {name}: Mr. X said hello.\n", encoding="utf-8")
        paths.append(path)
    return Ingester(extractor=HandWrittenExtractor(outputs)).ingest_paths(paths)


ALIYEVS = extraction(
    meeting("2020-01-10", [participant("Ilham Aliyev", "AZ", "President")]),
    people=[participant("Heydar Aliyev", "AZ", "national leader")],
)


def test_a_bare_surname_shared_by_two_people_is_flagged_and_listed_not_guessed(tmp_path):
    statement = {"speaker": "Aliyev", "kind": "reported", "text": "Aliyev said so.", "attribution": "Aliyev"}
    report = run(
        tmp_path,
        {
            "1.txt": ALIYEVS,
            "2.txt": extraction(meeting("2020-02-01", [participant("Aliyev", "AZ")], [statement])),
            "3.txt": extraction(meeting("2020-03-01", [participant("Aliyev", "AZ")])),
        },
    )
    assert [(case["file"], case["name"]) for case in report.ambiguities] == [
        ("2.txt", "Aliyev"),
        ("3.txt", "Aliyev"),
    ]
    assert report.ambiguities[0]["candidates"] == "Ilham Aliyev (AZ), Heydar Aliyev (AZ)"
    # Filed once, flagged for an editor, not merged into either Aliyev.
    flagged = Person.objects.get(name="Aliyev")
    assert (
        flagged.review_reason == "ambiguous person: “Aliyev” could be Ilham Aliyev (AZ), Heydar Aliyev (AZ)"
    )
    assert Meeting.objects.with_person(flagged).count() == 2
    assert Person.objects.filter(name__in=["Ilham Aliyev", "Heydar Aliyev"]).count() == 2


def test_meeting_without_date_or_place_and_a_speaker_who_is_not_a_participant_are_flagged(tmp_path):
    said = {"speaker": "Heydar Aliyev", "kind": "reported", "text": "He said it.", "attribution": "H.Aliyev"}
    run(
        tmp_path,
        {
            "1.txt": extraction(
                meeting(None, [participant("Ilham Aliyev", "AZ")], [said], city=None, country=None),
                people=[participant("Heydar Aliyev", "AZ")],
            )
        },
    )
    flagged_meeting = Meeting.objects.get()
    assert flagged_meeting.review_reason == "meeting without a date or place"
    statement = Statement.objects.get()
    assert statement.review_reason == "speaker is not a participant"
    assert statement.speaker.name == "Heydar Aliyev" and statement.attribution == "H.Aliyev"


def test_an_initial_is_upgraded_to_the_full_name_and_the_old_address_keeps_working(tmp_path):
    run(
        tmp_path,
        {
            "1.txt": extraction(meeting("2019-12-03", [participant("S.Lavrov", "RU")])),
            "2.txt": extraction(meeting("2020-05-01", [participant("Sergey Lavrov", "RU")])),
        },
    )
    lavrov = Person.objects.get()
    assert lavrov.name == "Sergey Lavrov" and lavrov.slug == "sergey-lavrov"
    assert "S.Lavrov" in lavrov.alias_names
    assert PersonRedirect.objects.get(old_slug="slavrov").person == lavrov


def test_curated_people_are_linked_but_never_changed(tmp_path):
    editor = Person.objects.create(name="Sergey Lavrov", country="RU", curated=True)
    run(
        tmp_path,
        {
            "1.txt": extraction(
                meeting("2019-12-03", [participant("Sergei Lavrov", "RU", mentions=["S.Lavrov"])])
            )
        },
    )
    editor.refresh_from_db()
    assert Person.objects.get() == editor
    assert editor.alias_names == [] and editor.name == "Sergey Lavrov"


def test_organizations_are_one_record_by_name_without_article_and_by_acronym(tmp_path):
    report = run(
        tmp_path,
        {
            "1.txt": extraction(organizations=[{"name": "the OSCE Minsk Group", "acronym": None}]),
            "2.txt": extraction(organizations=[{"name": "OSCE Minsk Group", "acronym": None}]),
            "3.txt": extraction(
                organizations=[{"name": "International Eurasia Press Fund", "acronym": "IEPF"}]
            ),
            "4.txt": extraction(organizations=[{"name": "IEPF", "acronym": None}]),
        },
    )
    assert report.organizations_created == 2
    assert sorted(Organization.objects.values_list("name", flat=True)) == [
        "International Eurasia Press Fund",
        "OSCE Minsk Group",
    ]


class BrokenExtractor:
    """Breaks down after the first document (a bug, not a bad document)."""

    def extract_many(self, items, batch_size=16):
        for number, (name, _text) in enumerate(items):
            if number == 1:
                raise MemoryError("out of memory")
            yield {"document": name, **extraction(meeting("2020-01-10", [participant("Ilham Aliyev", "AZ")]))}


def test_an_extractor_that_breaks_down_stops_the_run_with_a_report_and_keeps_what_was_stored(tmp_path):
    for name in ("1.txt", "2.txt", "3.txt"):
        (tmp_path / name).write_text(f"Text of {name}.\n", encoding="utf-8")
    report = Ingester(extractor=BrokenExtractor()).ingest_paths([tmp_path])
    assert report.documents_stored == 1 and Meeting.objects.count() == 1
    assert report.failures[0] == {"file": "2.txt", "reason": "extraction failed: MemoryError: out of memory"}
    assert report.failures[-1]["file"] == "(the run)"
