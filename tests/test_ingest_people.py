"""Nobody is lost: every person the extractor names is stored — matched to someone already
known, or a new person, or flagged for review — never dropped, whatever the script of the name
or its particles ("el-Sisi", "Сергей Лавров", "von der Leyen")."""

from pathlib import Path

import pytest
from django.db.models import Q
from ingest_helpers import TextExtractor, extraction, meeting, participant

from meetings.ingest.runner import Ingester
from meetings.models import Meeting, Person, SourceDocument, Statement

pytestmark = pytest.mark.django_db

DEV_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "docs"


class RecordingExtractor:
    """The real extractor, keeping what it returned for each document: what `extract` prints."""

    def __init__(self, extractor):
        self.extractor = extractor
        self.outputs = {}

    def extract_many(self, items, batch_size=16):
        for result in self.extractor.extract_many(items, batch_size=batch_size):
            self.outputs[result["document"]] = result
            yield result


def extracted_names(result):
    names = {p["name"] for m in result.get("meetings") or [] for p in m.get("participants") or []}
    return names | {p["name"] for p in result.get("people") or []}


def stored_names(document):
    """Every spelling of every person the document's meetings hold: participants (as written too)
    and people mentioned."""
    names = set()
    for stored in document.meetings.prefetch_related(
        "participants__person__aliases", "people_mentioned__aliases"
    ):
        for item in stored.participants.all():
            person = item.person
            names |= {item.name_as_written, person.name, *(alias.name for alias in person.aliases.all())}
        for person in stored.people_mentioned.all():
            names |= {person.name, *(alias.name for alias in person.aliases.all())}
    return names


@pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason="the shared dev corpus is beside the repository only")
def test_every_person_extract_finds_in_the_dev_corpus_is_stored_with_the_document(extractor):
    recording = RecordingExtractor(extractor)
    report = Ingester(extractor=recording).ingest_paths([DEV_CORPUS])
    assert report.documents_failed == 0, report.failures
    assert len(recording.outputs) == 90
    lost = {}
    for name, result in recording.outputs.items():
        document = SourceDocument.objects.get(file_name=name)
        missing = extracted_names(result) - stored_names(document)
        if not result["meetings"]:  # no meeting to show them: a known person, or a new one flagged
            for person in Person.objects.filter(
                Q(name__in=missing) | Q(aliases__name__in=missing)
            ).distinct():
                missing -= {person.name, *person.alias_names}
        if missing:
            lost[name] = sorted(missing)
    assert lost == {}


TEXT = "Sergey Lavrov met Abdel Fattah el-Sisi. el-Sisi said: peace.\n"


def ingest_one(tmp_path, output, name="1.txt"):
    (tmp_path / name).write_text(f"{name}: {TEXT}", encoding="utf-8")
    return Ingester(extractor=TextExtractor(lambda text: output)).ingest_paths([tmp_path / name])


def test_a_surname_with_a_lower_case_particle_is_a_participant_and_the_speaker(tmp_path):
    said = {"speaker": "el-Sisi", "kind": "direct", "text": "peace"}
    ingest_one(
        tmp_path,
        extraction(
            meeting("2021-03-04", [participant("Abdel Fattah el-Sisi", "EG", mentions=["el-Sisi"])], [said])
        ),
    )
    sisi = Person.objects.get()
    assert sisi.name == "Abdel Fattah el-Sisi"
    assert Statement.objects.get().speaker == sisi
    assert Meeting.objects.get().participants.get().person == sisi


def test_a_name_in_another_script_is_the_same_person_as_its_transliteration(tmp_path):
    ingest_one(tmp_path, extraction(meeting("2021-03-04", [participant("Sergey Lavrov", "RU")])), "1.txt")
    ingest_one(tmp_path, extraction(meeting("2021-05-01", [participant("Сергей Лавров", "RU")])), "2.txt")
    lavrov = Person.objects.get()
    assert lavrov.name == "Sergey Lavrov" and "Сергей Лавров" in lavrov.alias_names
    assert Meeting.objects.count() == 2 and all(
        m.participants.get().person == lavrov for m in Meeting.objects.all()
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ursula von der Leyen", "von der Leyen"),
        ("Mohammed bin Salman", "Mohammed bin Salman"),
        ("al-Sisi", "el-Sisi"),
    ],
)
def test_names_with_particles_are_found_again_in_their_short_forms(tmp_path, first, second):
    ingest_one(tmp_path, extraction(meeting("2021-03-04", [participant(first, "")])), "1.txt")
    ingest_one(tmp_path, extraction(meeting("2021-05-01", [participant(second, "")])), "2.txt")
    assert Person.objects.count() == 1


def test_people_of_a_document_without_a_meeting_are_kept_and_flagged(tmp_path):
    report = ingest_one(tmp_path, extraction(people=[participant("Jens Stoltenberg", "NO")]))
    assert Person.objects.get().review_reason == "named in 1.txt, where no meeting was found"
    assert report.records_flagged == 1


def test_a_name_without_a_surname_is_filed_and_flagged_not_dropped(tmp_path):
    report = ingest_one(tmp_path, extraction(meeting("2021-03-04", [participant("Ilham Heydar oglu", "AZ")])))
    person = Meeting.objects.get().participants.get().person
    assert person.name == "Ilham Heydar oglu"
    assert person.review_reason == "name without a surname: check who “Ilham Heydar oglu” is"
    assert report.records_flagged == 1
    # The same spelling later is the same (flagged) person, not one more.
    ingest_one(tmp_path, extraction(meeting("2021-05-01", [participant("Ilham Heydar oglu", "AZ")])), "2.txt")
    assert Person.objects.count() == 1
