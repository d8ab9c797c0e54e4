"""Reading sources: saved web pages, PDFs and legacy encodings become the text the extractor reads,
with where they came from stored on the SourceDocument."""

import codecs

import pytest
from django.core.management import CommandError, call_command
from ingest_helpers import PAGE, TextExtractor, extraction, make_pdf, meeting, participant

from meetings.ingest.runner import Ingester
from meetings.ingest.sources import SourceError, decode_text, read_source
from meetings.models import SourceDocument, Statement

QUOTE = "We value the strategic partnership between our countries and will keep working together"


def test_a_saved_page_is_read_as_its_article_with_its_metadata():
    source = read_source(PAGE.encode("utf-8"), "lavrov.html", fmt="html")
    assert source.format == "html"
    assert source.text.startswith("Foreign Ministers of Azerbaijan and Russia met in Baku\n")
    assert QUOTE in source.text
    for boilerplate in ("<", "tracking", "cookies", "Privacy policy", "All rights reserved", "Contacts"):
        assert boilerplate not in source.text
    assert source.title == "Foreign Ministers of Azerbaijan and Russia met in Baku"
    assert str(source.published) == "2021-03-04"
    assert source.publisher == "Ministry of Foreign Affairs of Azerbaijan"
    assert source.url == "https://mfa.example.org/news/2021/lavrov-bayramov"


@pytest.mark.django_db
def test_ingest_of_a_folder_of_saved_pages_stores_the_quotation_said_in_the_page(tmp_path, extractor):
    (tmp_path / "lavrov.html").write_text(PAGE, encoding="utf-8")
    report = Ingester(extractor=extractor).ingest_paths([tmp_path])
    assert report.documents_stored == 1, report.failures
    document = SourceDocument.objects.get()
    assert (document.format, document.publisher, str(document.published)) == (
        "html",
        "Ministry of Foreign Affairs of Azerbaijan",
        "2021-03-04",
    )
    assert document.url == "https://mfa.example.org/news/2021/lavrov-bayramov"
    assert "<script" not in document.text and "cookies" not in document.text
    statement = Statement.objects.get(text__contains="strategic partnership")
    assert statement.speaker.name == "Sergey Lavrov"
    assert not Statement.objects.filter(text__contains="<").exists()


def test_a_page_that_is_not_an_article_gets_a_reason():
    menu = "<html><body><nav><a href='/a'>News</a> <a href='/b'>About</a></nav></body></html>"
    with pytest.raises(SourceError, match="no article text found"):
        read_source(menu.encode(), "index.html", fmt="html")


def test_a_pdf_is_read_from_its_text_layer_with_its_title_and_date():
    pdf = make_pdf(["On 4 March 2021, Jeyhun Bayramov met Sergey Lavrov in Baku."], title="Press release 12")
    source = read_source(pdf, "release.pdf", fmt="pdf")
    assert source.text == "On 4 March 2021, Jeyhun Bayramov met Sergey Lavrov in Baku.\n"
    assert (source.format, source.title, str(source.published)) == ("pdf", "Press release 12", "2021-03-04")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (make_pdf([]), "the PDF has no text layer (a scanned document? run OCR on it first)"),
        (b"%PDF-1.4 not really a PDF", "not a readable PDF"),
    ],
)
def test_a_pdf_without_text_or_broken_gets_a_clear_reason(raw, reason):
    with pytest.raises(SourceError, match=reason.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        read_source(raw, "scan.pdf", fmt="pdf")


RUSSIAN = "Министр иностранных дел России Сергей Лавров заявил, что переговоры были конструктивными."
FRENCH = "Le ministre français a déclaré à Paris que la coopération était très « importante »."


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (RUSSIAN.encode("koi8_r"), RUSSIAN),
        (FRENCH.encode("cp1252"), FRENCH),
        ("Mevlüt Çavuşoğlu said “yes”.".encode(), "Mevlüt Çavuşoğlu said “yes”."),
        (codecs.BOM_UTF8 + "Çavuşoğlu".encode(), "Çavuşoğlu"),
        ("Çavuşoğlu and Лавров".encode("utf-16"), "Çavuşoğlu and Лавров"),
        ("Curly “quotes” – dash".encode("cp1252"), "Curly “quotes” – dash"),
    ],
)
def test_legacy_encodings_are_detected_and_todays_encodings_kept(raw, text):
    assert decode_text(raw) == text


def test_a_page_declaring_its_charset_is_read_in_it():
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1251"').replace(
        "Sergey Lavrov said", "Лавров said"
    )
    source = read_source(page.encode("cp1251"), "ru.html", fmt="html")
    assert "Лавров said" in source.text


@pytest.mark.django_db
def test_pdf_and_broken_files_in_one_folder_each_get_their_line_and_the_run_goes_on(tmp_path, capsys):
    (tmp_path / "release.pdf").write_bytes(make_pdf(["On 4 March 2021, Jeyhun Bayramov met Sergey Lavrov."]))
    (tmp_path / "scan.pdf").write_bytes(make_pdf([]))
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    fake = TextExtractor(lambda text: extraction(meeting("2021-03-04", [participant("Sergey Lavrov", "RU")])))
    report = Ingester(extractor=fake).ingest_paths([tmp_path])
    assert report.documents_stored == 1
    assert {f["file"]: f["reason"] for f in report.failures} == {
        "binary.txt": "binary file, not text (contains NUL bytes)",
        "menu.html": "no article text found in the page (not an article?)",
        "scan.pdf": "the PDF has no text layer (a scanned document? run OCR on it first)",
    }
    assert SourceDocument.objects.get().format == "pdf"


@pytest.mark.django_db
def test_the_ingest_command_exits_with_failure_when_one_file_fails(tmp_path, monkeypatch):
    (tmp_path / "scan.pdf").write_bytes(make_pdf([]))
    with pytest.raises(CommandError, match="1 document"):
        call_command("ingest", str(tmp_path), verbosity=0)
    assert not SourceDocument.objects.exists()
