"""Facet counts for a search: speaker, speaker's country, meeting country and year.

Counting over every match of a common word reads hundreds of thousands of rows, which is most of
a search page's time at a million statements. So facets are exact when the matches are few
(at most EXACT_LIMIT, a count search has already made) and otherwise counted over a sample: the
matches whose ids fall in SLICES evenly spread id ranges that together hold about SAMPLE_SIZE of
them, scaled up and shown as estimates ("about 12,000"). Both databases read such id ranges from
their indexes (a primary key range beside the full-text index), so a sample costs about what
SAMPLE_SIZE matches cost, whatever the total.
"""

from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL
from django_countries.fields import Country

from meetings.models import Person, Statement

EXACT_LIMIT = 5_000
SAMPLE_SIZE = 1_000
SLICES = 16
MAX_SHARE = 0.015  # of the ids: enough for facets, little to read even when matches are sparse


@dataclass
class FacetValue:
    value: str  # what the filter takes: a slug, a country code, a year
    label: str
    count: int


@dataclass
class StatementFacets:
    speakers: list[FacetValue]
    speaker_countries: list[FacetValue]
    meeting_countries: list[FacetValue]
    years: list[FacetValue]
    exact: bool  # False: counted over a sample and scaled, shown as "about"

    def __bool__(self):
        return bool(self.speakers or self.speaker_countries or self.meeting_countries or self.years)


def round_estimate(number: float) -> int:
    """Two significant figures: 12,345 -> 12,000; 87 -> 87."""
    number = round(number)
    if number < 100:
        return max(number, 1)
    digits = len(str(number)) - 2
    return round(number, -digits)


def sample_ranges(fraction: float, low: int, high: int, slices: int = SLICES):
    """`slices` id ranges spread over low..high that cover about `fraction` of the ids."""
    span = high - low + 1
    width = max(1, round(span * fraction / slices))
    step = span / slices
    return [(low + round(i * step), min(high, low + round(i * step) + width - 1)) for i in range(slices)]


def _rows(query, ranges, filters):
    from meetings.search import matching_statements

    # The backend reads a sample's rows or the words' index entries, whichever is less.
    statements = matching_statements(query, ranges=ranges, use_copies=True, **filters)
    # The copies kept on each statement for search: no joins.
    year = (
        'extract(year from "meetings_statement"."search_meeting_date")::int'
        if connection.vendor == "postgresql"
        else 'CAST(strftime(\'%%Y\', "meetings_statement"."search_meeting_date") AS integer)'
    )
    return (
        statements.order_by()
        .annotate(
            s_country=RawSQL('"meetings_statement"."search_speaker_country"', []),
            m_country=RawSQL('"meetings_statement"."search_meeting_country"', []),
            year=RawSQL(year, [], output_field=IntegerField()),
        )
        .values_list("speaker_id", "s_country", "m_country", "year")
    )


def statement_facets(
    query: str, total: int, total_is_exact: bool, size: int = 10, rows=None, **filters
) -> StatementFacets:
    """The facets of the statements `query` and the filters match, of which there are `total`.
    `rows`: every match's (speaker_id, speaker's country, meeting country, year), when known."""
    scale, ranges, fraction = 1.0, (), 1.0
    if rows is None and (total > EXACT_LIMIT or not total_is_exact):
        bounds = Statement.objects.order_by().values_list("id", flat=True)
        low, high = bounds.order_by("id").first(), bounds.order_by("-id").first()
        if low is not None:
            fraction = min(MAX_SHARE, SAMPLE_SIZE / max(total, 1))
            ranges = sample_ranges(fraction, low, high)
            covered = sum(b - a + 1 for a, b in ranges)
            scale = (high - low + 1) / covered
    speakers, speaker_countries, meeting_countries, years = Counter(), Counter(), Counter(), Counter()
    if total and rows is None:
        rows = list(_rows(query, ranges, filters))
    if total:
        # Counted column by column (Counter counts an iterable in C): thousands of rows at a time.
        speaker_ids, speaker_codes, meeting_codes, row_years = (
            zip(*rows, strict=True) if rows else ((), (), (), ())
        )
        for (speaker, code), n in Counter(zip(speaker_ids, speaker_codes, strict=True)).items():
            if speaker is not None:
                speakers[speaker] += n
                if code:
                    speaker_countries[code] += n
        meeting_countries = Counter(meeting_codes)
        years = Counter(row_years)
        for empty in ("", None):
            meeting_countries.pop(empty, None)
            years.pop(empty, None)
    exact = scale == 1.0

    def count(n):
        return n if exact else round_estimate(n * scale)

    people = Person.objects.in_bulk([pk for pk, _ in speakers.most_common(size)])
    return StatementFacets(
        speakers=[
            FacetValue(people[pk].slug, people[pk].name, count(n))
            for pk, n in speakers.most_common(size)
            if pk in people
        ],
        speaker_countries=[
            FacetValue(code, Country(code=code).name, count(n))
            for code, n in speaker_countries.most_common(size)
        ],
        meeting_countries=[
            FacetValue(code, Country(code=code).name, count(n))
            for code, n in meeting_countries.most_common(size)
        ],
        years=[
            FacetValue(str(year), str(year), count(years[year])) for year in sorted(years, reverse=True)[:30]
        ],
        exact=exact,
    )
