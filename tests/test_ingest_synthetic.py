"""generate_corpus: synthetic documents for benchmarks, the same for the same seed."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Meeting, Person, SourceDocument


def generate(folder, documents, seed):
    call_command("generate_corpus", documents=documents, out=str(folder), seed=seed, stdout=io.StringIO())
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.txt"))}


def test_the_same_seed_gives_the_same_files_and_another_seed_other_files(tmp_path):
    first = generate(tmp_path / "a", 30, seed=7)
    again = generate(tmp_path / "b", 30, seed=7)
    other = generate(tmp_path / "c", 30, seed=8)
    assert len(first) == 30
    assert first == again
    assert first != other


def test_documents_vary_in_outlet_format(tmp_path):
    texts = [body.decode() for body in generate(tmp_path, 60, seed=3).values()]
    assert any(" said:\n\n- " in text for text in texts)  # speech blocks
    assert any("Press release " in text for text in texts)  # ministry press release
    assert any("” – " in text for text in texts)  # quotation then speaker
    assert any(text.startswith("On ") for text in texts)  # no date line
    assert len({text.split("\n", 1)[0] for text in texts}) > 40  # headlines differ


def test_bad_arguments_are_refused_with_a_message(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(CommandError, match="at least 1"):
        call_command("generate_corpus", documents=0, out=str(tmp_path / "x"))
    with pytest.raises(CommandError, match="not a folder"):
        call_command("generate_corpus", documents=1, out=str(tmp_path / "file"))


@pytest.mark.django_db
def test_a_generated_corpus_ingests_without_failures_and_people_are_not_duplicated(tmp_path):
    generate(tmp_path, 25, seed=11)
    out = io.StringIO()
    call_command("ingest", str(tmp_path), "--json", stdout=out, stderr=io.StringIO(), verbosity=0)
    report = json.loads(out.getvalue())
    assert report["documents_stored"] == 25 and report["failures"] == []
    assert SourceDocument.objects.count() == 25
    assert Meeting.objects.count() >= 1
    # The corpus draws on 46 people; spelling variants must not multiply them.
    countries = [p.country for p in Person.objects.all() if p.country]
    names = [p.name for p in Person.objects.all()]
    assert len(names) == len(set(names))
    assert len(countries) <= 46
