"""Facet counts for the list of meetings: country (took part or hosted), person, organization
(mentioned or represented), year and kind, each value a link that adds its filter.

Exact when the filtered meetings are few (EXACT_LIMIT); beyond, counted over the meetings in
evenly spread id ranges holding about SAMPLE_SIZE of them and scaled up, shown as "about" (the
same sampling as the statement facets, meetings.search.facets).
"""

from collections import Counter, defaultdict

from django.db.models import Q
from django.db.models.functions import ExtractYear
from django_countries.fields import Country

from meetings.models import Meeting, Organization, Participant, Person
from meetings.search.facets import FacetValue, round_estimate, sample_ranges

EXACT_LIMIT = 5_000
SAMPLE_SIZE = 2_000


def meeting_facets(meetings, total, size=10):
    """{"exact": bool, "countries"|"people"|"organizations"|"years"|"kinds": [FacetValue]}."""
    meetings = meetings.order_by().prefetch_related(None)
    scale = 1.0
    if total > EXACT_LIMIT:
        ids = Meeting.objects.order_by().values_list("pk", flat=True)
        low, high = ids.order_by("pk").first(), ids.order_by("-pk").first()
        ranges = sample_ranges(min(1.0, SAMPLE_SIZE / total), low, high)
        within = Q()
        for first, last in ranges:
            within |= Q(pk__range=(first, last))
        meetings = meetings.filter(within)
        scale = (high - low + 1) / sum(last - first + 1 for first, last in ranges)
    rows = list(meetings.annotate(year=ExtractYear("date")).values_list("pk", "country", "year", "kind"))
    pks = meetings.values("pk")
    countries, people, organizations = defaultdict(set), Counter(), defaultdict(set)
    for pk, country, _year, _kind in rows:
        if country:
            countries[country].add(pk)
    participants = Participant.objects.filter(meeting_id__in=pks).values_list(
        "meeting_id", "country", "person_id", "organization_id"
    )
    seen_people = set()
    for meeting_id, country, person_id, organization_id in participants:
        if country:
            countries[country].add(meeting_id)
        if (meeting_id, person_id) not in seen_people:
            seen_people.add((meeting_id, person_id))
            people[person_id] += 1
        if organization_id:
            organizations[organization_id].add(meeting_id)
    mentioned = Meeting.organizations_mentioned.through.objects.filter(meeting_id__in=pks)
    for meeting_id, organization_id in mentioned.values_list("meeting_id", "organization_id"):
        organizations[organization_id].add(meeting_id)
    exact = scale == 1.0

    def count(n):
        return n if exact else round_estimate(n * scale)

    def top(counter):
        return sorted(counter.items(), key=lambda item: -item[1])[:size]

    country_counts = top({code: len(found) for code, found in countries.items()})
    people_counts, organization_counts = (
        top(people),
        top({pk: len(found) for pk, found in organizations.items()}),
    )
    names = Person.objects.in_bulk([pk for pk, _ in people_counts])
    bodies = Organization.objects.in_bulk([pk for pk, _ in organization_counts])
    years = Counter(row[2] for row in rows if row[2] is not None)
    kinds = Counter(row[3] for row in rows)
    return {
        "exact": exact,
        "countries": [FacetValue(code, Country(code=code).name, count(n)) for code, n in country_counts],
        "people": [
            FacetValue(names[pk].slug, names[pk].name, count(n)) for pk, n in people_counts if pk in names
        ],
        "organizations": [
            FacetValue(bodies[pk].slug, str(bodies[pk]), count(n))
            for pk, n in organization_counts
            if pk in bodies
        ],
        "years": [
            FacetValue(str(year), str(year), count(years[year])) for year in sorted(years, reverse=True)[:30]
        ],
        "kinds": [
            FacetValue(kind, Meeting.Kind(kind).label if kind in Meeting.Kind.values else kind, count(n))
            for kind, n in kinds.most_common()
        ],
    }
