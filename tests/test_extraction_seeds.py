"""The five seed documents: golden files compared in full, and the main facts of each.

After a deliberate change to the extractor, regenerate the golden files and review the diff:

    DEBUG=1 .venv/bin/python manage.py extract fixtures/documents --golden tests/golden
"""

import json
from pathlib import Path

import pytest

from meetings.extraction import read_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "documents").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="session")
def extracted(extractor):
    return {path.name: extractor.extract(read_document(path), path.name) for path in SEEDS}


def test_there_are_five_seeds_each_with_a_golden_file():
    assert len(SEEDS) == 5
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == [p.stem for p in SEEDS]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_extraction_matches_golden_file(path, extracted):
    expected = json.loads((GOLDEN / f"{path.stem}.json").read_text(encoding="utf-8"))
    assert extracted[path.name] == expected


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_statement_offsets_point_at_their_text(path, extracted):
    text = read_document(path)
    for meeting in extracted[path.name]["meetings"]:
        for statement in meeting["statements"]:
            assert text[statement["start"] : statement["end"]] == statement["text"]


# The main facts, written down by hand from reading each seed.
FACTS = {
    "000_078c8bbafe80bc0b.txt": {
        "date": "2019-02-05",
        "participants": {"Rodrigo Labardini": "MX", "Umud Mirzayev": "AZ", "Gunel Hajiyeva": "MX",
                         "Ramil Azizov": "AZ", "Anastasia Lavrina": "AZ"},
        "direct": ["Umud Mirzayev", "Rodrigo Labardini"],
    },
    "001_a37e2c806b5787c9.txt": {
        "date": "2016-04-06",
        "participants": {"Ilham Aliyev": "AZ", "Sergei Lavrov": "RU"},
        "direct": ["Ilham Aliyev", "Sergei Lavrov"],
    },
    "002_3c432b0237011f82.txt": {
        "date": "2017-11-19",
        "participants": {"Ilham Aliyev": "AZ", "Sergey Lavrov": "RU"},
        "direct": ["Ilham Aliyev", "Sergey Lavrov"],
    },
    "003_268349a488563bf8.txt": {
        "date": "2021-05-10",
        "participants": {"Ilham Aliyev": "AZ", "Sergey Lavrov": "RU"},
        "direct": ["Ilham Aliyev", "Sergey Lavrov", "Ilham Aliyev"],
    },
    "004_405cc9b473164806.txt": {
        "date": "2019-12-03",
        "participants": {"Elmar Mammadyarov": "AZ", "Sergey Lavrov": "RU", "Polad Bulbuloglu": "AZ",
                         "Mikhail Bocharnikov": "RU"},
        "direct": [],
    },
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(FACTS))
def test_seed_main_facts(name, extracted):
    facts, result = FACTS[name], extracted[name]
    assert len(result["meetings"]) == 1
    meeting = result["meetings"][0]
    assert meeting["date"] == facts["date"]
    assert {p["name"]: p["country"] for p in meeting["participants"]} == facts["participants"]
    speeches = [s["speaker"] for s in meeting["statements"] if s["kind"] == "direct"]
    assert speeches == facts["direct"]


def test_mentioned_president_is_a_person_but_not_a_participant(extracted):
    result = extracted["001_a37e2c806b5787c9.txt"]
    assert "Vladimir Putin" in [p["name"] for p in result["people"]]
    assert "Vladimir Putin" not in [p["name"] for p in result["meetings"][0]["participants"]]


def test_reported_statements_of_initial_and_title_forms_go_to_the_full_name(extracted):
    statements = extracted["004_405cc9b473164806.txt"]["meetings"][0]["statements"]
    by_start = {s["text"][:20]: (s["speaker"], s["attribution"]) for s in statements}
    assert by_start["In this regard, S.La"] == ("Sergey Lavrov", "S.Lavrov")
    assert by_start["The Russian Minister"] == ("Sergey Lavrov", "The Russian Minister")
    assert by_start["E.Mammadyarov, empha"] == ("Elmar Mammadyarov", "E.Mammadyarov")
