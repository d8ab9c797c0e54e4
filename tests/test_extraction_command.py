"""`manage.py extract` on good and bad input: one JSON line per document, one line on stderr per
failure, the others still extracted, exit status 1 when any failed, never a traceback."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from meetings.extraction import read_document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "documents" / "004_405cc9b473164806.txt"
MEETING = "Foreign Minister of Chile Alberto van Klaveren met with Peruvian Foreign Minister Javier González-Olaechea in Lima on May 5, 2024.\n"


def run(*paths):
    out, err = StringIO(), StringIO()
    status = 0
    try:
        call_command("extract", *[str(p) for p in paths], stdout=out, stderr=err)
    except SystemExit as exit:
        status = exit.code
    lines = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    return status, lines, err.getvalue()


def test_a_seed_gives_one_json_line_with_the_contract_keys():
    status, lines, err = run(SEED)
    assert status == 0 and err == ""
    assert len(lines) == 1
    result = lines[0]
    assert result["document"] == SEED.name
    assert set(result) == {"document", "title", "published", "meetings", "organizations", "people"}
    meeting = result["meetings"][0]
    assert {"date", "city", "country", "kind", "participants", "statements"} <= set(meeting)
    assert {"start", "end", "text", "attribution", "speaker", "kind"} <= set(meeting["statements"][0])


def test_folder_is_expanded_to_its_text_files_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    status, lines, _ = run(tmp_path)
    assert status == 0
    assert [line["document"] for line in lines] == ["a.txt", "b.txt"]


def test_bad_files_get_one_line_each_and_the_rest_is_still_extracted(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    missing = tmp_path / "missing.txt"
    good = tmp_path / "good.txt"
    good.write_text(MEETING, encoding="utf-8")
    status, lines, err = run(empty, binary, missing, good)
    assert status == 1
    assert [line["document"] for line in lines] == ["good.txt"]
    messages = err.strip().splitlines()
    assert len(messages) == 3
    assert "empty file" in messages[0] and "binary file" in messages[1] and "missing.txt" in messages[2]
    assert "Traceback" not in err


def test_other_encodings_are_read(tmp_path):
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes(MEETING.replace("met with", "met “warmly” with").encode("cp1252"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(MEETING.encode("utf-16"))
    status, lines, err = run(cp1252, utf16)
    assert status == 0, err
    for line in lines:
        names = {p["name"] for p in line["meetings"][0]["participants"]}
        assert names == {"Alberto van Klaveren", "Javier González-Olaechea"}
    assert "“warmly”" in read_document(cp1252)


def test_text_without_a_meeting_gives_an_empty_list(tmp_path):
    path = tmp_path / "weather.txt"
    path.write_text("Heavy rain is expected across the region this weekend.\n", encoding="utf-8")
    status, lines, _ = run(path)
    assert status == 0 and lines[0]["meetings"] == []


def test_a_five_megabyte_text_is_extracted(tmp_path):
    path = tmp_path / "huge.txt"
    filler = "The committee reviewed the annual budget and approved the report without changes.\n"
    path.write_text(MEETING + filler * (5_000_000 // len(filler)), encoding="utf-8")
    status, lines, err = run(path)
    assert status == 0, err
    assert lines[0]["meetings"][0]["city"] == "Lima"


def test_character_references_of_a_web_page_become_characters(tmp_path):
    page = tmp_path / "entities.txt"
    page.write_text("Talks in Lima\n\nMinister Ana Duarte said &ldquo;we agree&rdquo; &amp; smiled.\n")
    assert "“we agree” & smiled" in read_document(page)
