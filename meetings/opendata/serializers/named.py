"""Meetings, people, organizations and countries: the records with a page and a name."""

from django.db.models import Count
from django_countries import countries as country_names

from meetings.models import (
    Meeting,
    Organization,
    OrganizationAlias,
    Participant,
    Person,
    PersonAlias,
    Statement,
)

from .columns import LIST_SEPARATOR, REVIEW_COLUMNS, RecordSerializer, column

WIKIDATA_COLUMN = column(
    "wikidata_id",
    "Wikidata item (Q42 is https://www.wikidata.org/wiki/Q42), entered by editors; may be empty.",
)


def _country_name(code):
    return (country_names.name(code) or None) if code else None


class MeetingSerializer(RecordSerializer):
    kind, model, plural = "meeting", Meeting, "meetings"
    lookups = (
        "pk",
        "slug",
        "title",
        "date",
        "city",
        "country",
        "kind",
        "summary",
        "curated",
        "review_reason",
    )
    columns = (
        column("slug", "Stable identifier of the meeting."),
        column("url", "The meeting's page.", format="uri"),
        column("title", "Headline of the meeting."),
        column("date", "Day the meeting took place.", nullable=True, format="date"),
        column("city", "City where it was held (may be empty)."),
        column("country", "ISO 3166-1 alpha-2 code of the host country (may be empty)."),
        column("kind", "in_person, phone or video."),
        column("summary", "Short summary (may be empty)."),
        column(
            "participant_countries", f"Alpha-2 codes of the states represented, joined by '{LIST_SEPARATOR}'."
        ),
        column("participant_count", "Number of participants.", "integer"),
        column("statement_count", "Number of statements recorded.", "integer"),
        *REVIEW_COLUMNS,
    )

    def row(self, v, urls):
        return {
            "slug": v.slug,
            "url": urls.meeting(v.slug),
            "title": v.title,
            "date": v.date.isoformat() if v.date else None,
            "city": v.city,
            "country": v.country or "",
            "kind": v.kind,
            "summary": v.summary,
            "participant_countries": "",
            "participant_count": 0,
            "statement_count": 0,
            "curated": v.curated,
            "review_reason": v.review_reason,
        }

    def add_related(self, rows, values):
        by_pk = {v.pk: row for row, v in zip(rows, values, strict=True)}
        countries = {pk: [] for pk in by_pk}
        for meeting_id, country in (
            Participant.objects.filter(meeting_id__in=by_pk)
            .order_by("meeting_id", "country", "pk")
            .values_list("meeting_id", "country")
        ):
            by_pk[meeting_id]["participant_count"] += 1
            if country and country not in countries[meeting_id]:
                countries[meeting_id].append(country)
        for meeting_id, codes in countries.items():
            by_pk[meeting_id]["participant_countries"] = LIST_SEPARATOR.join(codes)
        for meeting_id, n in _counts(Statement, "meeting_id", by_pk):
            by_pk[meeting_id]["statement_count"] = n


def _counts(model, field, ids):
    return (
        model.objects.filter(**{f"{field}__in": list(ids)})
        .order_by()
        .values_list(field)
        .annotate(n=Count("pk"))
        .values_list(field, "n")
    )


def _aliases(alias_model, field, ids):
    names = {pk: [] for pk in ids}
    for owner, name in (
        alias_model.objects.filter(**{f"{field}__in": list(ids)})
        .order_by(field, "name")
        .values_list(field, "name")
    ):
        names[owner].append(name)
    return names


class PersonSerializer(RecordSerializer):
    kind, model, plural = "person", Person, "people"
    lookups = ("pk", "slug", "name", "country", "wikidata_id", "curated", "review_reason")
    columns = (
        column("slug", "Stable identifier; a merged person's old slug redirects to the survivor."),
        column("url", "The person's page.", format="uri"),
        column("name", "Canonical name."),
        column("country", "Alpha-2 code of the state the person represents (may be empty)."),
        WIKIDATA_COLUMN,
        column("aliases", f"Other spellings seen in sources, joined by '{LIST_SEPARATOR}'."),
        column("meeting_count", "Meetings the person took part in.", "integer"),
        column("statement_count", "Statements attributed to the person.", "integer"),
        *REVIEW_COLUMNS,
    )

    def row(self, v, urls):
        return {
            "slug": v.slug,
            "url": urls.person(v.slug),
            "name": v.name,
            "country": v.country or "",
            "wikidata_id": v.wikidata_id,
            "aliases": "",
            "meeting_count": 0,
            "statement_count": 0,
            "curated": v.curated,
            "review_reason": v.review_reason,
        }

    def add_related(self, rows, values):
        by_pk = {v.pk: row for row, v in zip(rows, values, strict=True)}
        for pk, names in _aliases(PersonAlias, "person_id", by_pk).items():
            by_pk[pk]["aliases"] = LIST_SEPARATOR.join(names)
        for pk, n in _counts(Participant, "person_id", by_pk):
            by_pk[pk]["meeting_count"] = n
        for pk, n in _counts(Statement, "speaker_id", by_pk):
            by_pk[pk]["statement_count"] = n


class OrganizationSerializer(RecordSerializer):
    kind, model, plural = "organization", Organization, "organizations"
    lookups = ("pk", "slug", "name", "acronym", "country", "kind", "wikidata_id", "curated", "review_reason")
    columns = (
        column("slug", "Stable identifier; a merged organization's old slug redirects to the survivor."),
        column("url", "The organization's page.", format="uri"),
        column("name", "Full name."),
        column("acronym", "Acronym (may be empty)."),
        column("country", "Alpha-2 code of its state; empty for international bodies."),
        column("kind", "government, international, ngo, media or other."),
        WIKIDATA_COLUMN,
        column("aliases", f"Other names seen in sources, joined by '{LIST_SEPARATOR}'."),
        column("meeting_count", "Meetings that mention it or where a participant represented it.", "integer"),
        *REVIEW_COLUMNS,
    )

    def row(self, v, urls):
        return {
            "slug": v.slug,
            "url": urls.organization(v.slug),
            "name": v.name,
            "acronym": v.acronym,
            "country": v.country or "",
            "kind": v.kind,
            "wikidata_id": v.wikidata_id,
            "aliases": "",
            "meeting_count": 0,
            "curated": v.curated,
            "review_reason": v.review_reason,
        }

    def add_related(self, rows, values):
        by_pk = {v.pk: row for row, v in zip(rows, values, strict=True)}
        for pk, names in _aliases(OrganizationAlias, "organization_id", by_pk).items():
            by_pk[pk]["aliases"] = LIST_SEPARATOR.join(names)
        meetings = {pk: set() for pk in by_pk}
        for pk, meeting_id in Participant.objects.filter(organization_id__in=list(by_pk)).values_list(
            "organization_id", "meeting_id"
        ):
            meetings[pk].add(meeting_id)
        for pk, meeting_id in Meeting.organizations_mentioned.through.objects.filter(
            organization_id__in=list(by_pk)
        ).values_list("organization_id", "meeting_id"):
            meetings[pk].add(meeting_id)
        for pk, found in meetings.items():
            by_pk[pk]["meeting_count"] = len(found)


class CountrySerializer(RecordSerializer):
    """Countries are not a table: a country list may hold codes, django-countries `Country`
    objects, dicts with a "code" (or "country") key, or objects with a `code` attribute."""

    kind, model, plural = "country", None, "countries"
    lookups = ("code",)
    columns = (
        column("code", "ISO 3166-1 alpha-2 code: the stable identifier."),
        column("url", "The country's page.", format="uri"),
        column("name", "English short name."),
        column("meeting_count", "Meetings it hosted or took part in.", "integer"),
        column("person_count", "People who represent it.", "integer"),
    )

    @staticmethod
    def code_of(item):
        if isinstance(item, str):
            code = item
        elif isinstance(item, dict):
            code = item.get("code") or item.get("country") or ""
        else:
            code = getattr(item, "code", "") or ""
        return str(getattr(code, "code", code)).upper()

    def values_of(self, item):
        return self.values_type(self.code_of(item))

    def row(self, v, urls):
        code = v.code
        return {
            "code": code,
            "url": urls.country(code),
            "name": _country_name(code) or code,
            "meeting_count": 0,
            "person_count": 0,
        }

    def add_related(self, rows, values):
        by_code = {row["code"]: row for row in rows}
        meetings = {code: set() for code in by_code}
        for code, meeting_id in Meeting.objects.filter(country__in=list(by_code)).values_list(
            "country", "pk"
        ):
            meetings[code].add(meeting_id)
        for code, meeting_id in (
            Participant.objects.filter(country__in=list(by_code))
            .values_list("country", "meeting_id")
            .distinct()
        ):
            meetings[code].add(meeting_id)
        for code, found in meetings.items():
            by_code[code]["meeting_count"] = len(found)
        for code, n in _counts(Person, "country", by_code):
            by_code[code]["person_count"] = n
