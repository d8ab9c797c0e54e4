"""Stable identities and the review queue: `--reextract` keeps the id of every statement,
participant and meeting it finds again, and the extractor's `confidence` sends uncertain records
to review. Extractor output is written by hand, so each case is exact."""

import pytest
from ingest_helpers import TextExtractor, extraction, meeting, participant

from meetings.ingest.runner import Ingester
from meetings.models import Meeting, Participant, Statement

pytestmark = pytest.mark.django_db

TEXT = "Sergey Lavrov met Jeyhun Bayramov. Lavrov said peace is near. Bayramov said talks went well.\n"


def said(speaker, text, **extra):
    start = TEXT.index(text)
    return {
        "speaker": speaker,
        "kind": "reported",
        "text": text,
        "start": start,
        "end": start + len(text),
    } | extra


def lavrov_and_bayramov(*statements, role="Foreign Minister"):
    return extraction(
        meeting(
            "2021-03-04",
            [participant("Sergey Lavrov", "RU", role=role), participant("Jeyhun Bayramov", "AZ")],
            statements,
        )
    )


def test_reextract_keeps_the_ids_of_what_it_finds_again_and_replaces_only_what_changed(tmp_path):
    (tmp_path / "visit.txt").write_text(TEXT, encoding="utf-8")
    first = lavrov_and_bayramov(
        said("Sergey Lavrov", "peace is near"), said("Jeyhun Bayramov", "talks went well")
    )
    Ingester(extractor=TextExtractor(lambda text: first)).ingest_paths([tmp_path])
    old_meeting = Meeting.objects.get()
    old_statements = {s.text: s.pk for s in Statement.objects.all()}
    old_participants = {p.person.name: p.pk for p in Participant.objects.select_related("person")}

    # The new extractor finds the first statement again (with a new attribution), reads the
    # second one differently and gives Lavrov another role.
    second = lavrov_and_bayramov(
        said("Sergey Lavrov", "peace is near", attribution="Lavrov"),
        said("Jeyhun Bayramov", "Bayramov said talks went well"),
        role="Minister of Foreign Affairs",
    )
    report = Ingester(extractor=TextExtractor(lambda text: second)).reextract()
    assert report.documents_stored == 1, report.failures

    assert Meeting.objects.get().pk == old_meeting.pk
    kept = Statement.objects.get(text="peace is near")
    assert kept.pk == old_statements["peace is near"] and kept.attribution == "Lavrov"
    replaced = Statement.objects.get(text="Bayramov said talks went well")
    assert replaced.pk not in old_statements.values()
    assert not Statement.objects.filter(text="talks went well").exists()
    assert [s.order for s in Statement.objects.order_by("order")] == [1, 2]
    participants = {p.person.name: p for p in Participant.objects.select_related("person")}
    assert {name: p.pk for name, p in participants.items()} == old_participants
    assert participants["Sergey Lavrov"].role == "Minister of Foreign Affairs"
    assert report.statements_created == 1


def test_reextract_with_the_same_output_changes_no_id(tmp_path):
    (tmp_path / "visit.txt").write_text(TEXT, encoding="utf-8")
    output = lavrov_and_bayramov(
        said("Sergey Lavrov", "peace is near"), said("Jeyhun Bayramov", "talks went well")
    )
    Ingester(extractor=TextExtractor(lambda text: output)).ingest_paths([tmp_path])
    before = sorted(Statement.objects.values_list("pk", "text", "order"))
    Ingester(extractor=TextExtractor(lambda text: output)).reextract()
    assert sorted(Statement.objects.values_list("pk", "text", "order")) == before


def test_records_the_extractor_is_unsure_of_go_to_review_with_their_confidence(tmp_path):
    (tmp_path / "visit.txt").write_text(TEXT, encoding="utf-8")
    output = extraction(
        meeting(
            "2021-03-04",
            [
                participant("Sergey Lavrov", "RU", confidence=0.42),
                participant("Jeyhun Bayramov", "AZ", confidence=0.9),
            ],
            [
                said("Sergey Lavrov", "peace is near", confidence=0.3),
                said("Jeyhun Bayramov", "talks went well", confidence=0.5),
            ],
            confidence=0.45,
        )
    )
    report = Ingester(extractor=TextExtractor(lambda text: output)).ingest_paths([tmp_path])
    assert Meeting.objects.get().review_reason == "low extraction confidence (0.45)"
    reasons = dict(Participant.objects.values_list("person__name", "review_reason"))
    assert reasons == {"Sergey Lavrov": "low extraction confidence (0.42)", "Jeyhun Bayramov": ""}
    reasons = dict(Statement.objects.values_list("text", "review_reason"))
    assert reasons == {"peace is near": "low extraction confidence (0.30)", "talks went well": ""}
    assert report.records_flagged == 3


def test_low_confidence_joins_the_other_reasons_and_output_without_it_is_not_flagged(tmp_path):
    (tmp_path / "visit.txt").write_text(TEXT, encoding="utf-8")
    output = extraction(
        meeting(
            None,
            [participant("Sergey Lavrov", "RU")],
            [said("Jeyhun Bayramov", "talks went well", confidence=0.1)],
            city=None,
            country=None,
        )
    )
    Ingester(extractor=TextExtractor(lambda text: output)).ingest_paths([tmp_path])
    assert Meeting.objects.get().review_reason == "meeting without a date or place"
    assert Statement.objects.get().review_reason == (
        "speaker is not a participant; low extraction confidence (0.10)"
    )
    assert Participant.objects.get().review_reason == ""
