"""Citations and structured data as formats: BibTeX that a BibTeX parser reads back exactly,
CSL-JSON that a CSL processor formats, JSON-LD that no record text can break out of."""

import datetime
import json
from types import SimpleNamespace

import pytest
from citeproc import Citation as CslCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from meetings.opendata.citations import Citation, bibtex_escape, first_source
from meetings.opendata.jsonld import script_tag

HOSTILE = 'Talks {on} 50% & $5_000 #1 ^~ \\end} </script> "quoted"'
ACCESSED = datetime.date(2026, 12, 1)


def sample(**changes):
    fields = {
        "kind": "meeting",
        "identifier": "2016-04-06-talks-in-baku",
        "author": "president.az",
        "title": "Ilham Aliyev met with Russian FM Sergei Lavrov",
        "url": "https://archive.example.org/meetings/2016-04-06-talks-in-baku/",
        "accessed": ACCESSED,
        "issued": datetime.date(2016, 4, 6),
        "original_url": "https://president.az/articles/20123",
    }
    return Citation(**{**fields, **changes})


def test_the_ready_citation_names_author_title_archive_date_url_and_access_day():
    assert sample().text == (
        "president.az. “Ilham Aliyev met with Russian FM Sergei Lavrov.” Diplomatic Meetings Archive, "
        "6 April 2016. https://archive.example.org/meetings/2016-04-06-talks-in-baku/ (accessed 1 December 2026)."
    )
    assert "6 April 2016" not in sample(issued=None).text


def test_bibtex_parses_with_every_field():
    entry = parse_string(sample().bibtex, "bibtex").entries["meeting-2016-04-06-talks-in-baku"]
    assert entry.type == "misc"
    assert entry.fields["title"] == "{Ilham Aliyev met with Russian FM Sergei Lavrov}"
    assert [str(person) for person in entry.persons["author"]] == ["{president.az}"]  # one corporate name
    assert entry.fields["year"] == "2016" and entry.fields["date"] == "2016-04-06"
    assert entry.fields["url"] == "https://archive.example.org/meetings/2016-04-06-talks-in-baku/"
    assert entry.fields["urldate"] == "2026-12-01"
    assert entry.fields["note"] == "Original: https://president.az/articles/20123"


def test_bibtex_of_hostile_text_still_parses_and_keeps_braces_balanced():
    bibtex = sample(title=HOSTILE, author=HOSTILE + "\nline", url="https://x.org/{a}").bibtex
    entry = parse_string(bibtex, "bibtex").entries["meeting-2016-04-06-talks-in-baku"]
    assert entry.fields["title"] == "{" + bibtex_escape(HOSTILE) + "}"
    assert r"\textbraceleft{}on\textbraceright{} 50\% \& \$5\_000 \#1" in entry.fields["title"]
    assert entry.fields["url"] == "https://x.org/%7Ba%7D"
    assert "\n" not in str(entry.persons["author"][0])


def test_csl_json_is_an_array_of_one_item_that_a_csl_processor_formats():
    items = json.loads(sample().csl_json)
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    assert item["issued"] == {"date-parts": [[2016, 4, 6]]}
    assert item["accessed"] == {"date-parts": [[2026, 12, 1]]}
    assert item["author"] == [{"literal": "president.az"}]
    assert item["URL"].startswith("https://")
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(CslCitation([CitationItem(item["id"])]))
    rendered = str(bibliography.bibliography()[0])
    assert "president.az" in rendered and "Ilham Aliyev met with Russian FM Sergei Lavrov" in rendered
    assert "2016" in rendered


def test_highwire_meta_tags_name_title_author_date_and_address():
    tags = dict(sample().meta_tags)
    assert tags["citation_title"] == "Ilham Aliyev met with Russian FM Sergei Lavrov"
    assert tags["citation_author"] == "president.az"
    assert tags["citation_publication_date"] == "2016/04/06"
    assert tags["citation_public_url"].endswith("/meetings/2016-04-06-talks-in-baku/")


def test_the_earliest_published_source_is_the_one_cited():
    undated = SimpleNamespace(pk=1, published=None)
    later = SimpleNamespace(pk=2, published=datetime.date(2020, 1, 2))
    earlier = SimpleNamespace(pk=3, published=datetime.date(2020, 1, 1))
    assert first_source([undated, later, earlier]) is earlier
    assert first_source([undated]) is undated
    assert first_source([]) is None


@pytest.mark.parametrize(
    "text", [HOSTILE, "</script><script>alert(1)</script>", "<!--", "a & b > c", "\u2028"]
)
def test_json_ld_cannot_be_ended_by_any_text(text):
    tag = str(script_tag({"name": text}))
    inner = tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == {"name": text}
