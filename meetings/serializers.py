"""Records as flat data: one place that turns each kind of record into a flat dict (JSON) and
the same flat row (CSV), with every column named, typed and documented.

Every record carries a stable identifier and an absolute URL: the slug for meetings, people and
organizations (a merged person's or organization's old slug keeps resolving through its redirect),
the code for countries, the numeric id for statements, participants and source documents.

Rows are built from `QuerySet.values()` rather than model instances, so a CSV of a million
statements streams without building a million model objects; related data that a column needs
(aliases, counts) is fetched once per chunk of rows, never once per row.

The base class and `Column` are in `meetings.record_serializer`; absolute URLs are built by
`meetings.record_urls.UrlBuilder`.
"""

from django.db.models import Case, Count, F, Func, TextField, Value, When
from django.db.models.functions import Cast, NullIf
from django_countries import countries as country_names

from .models import (
    Meeting,
    Organization,
    OrganizationAlias,
    Participant,
    Person,
    PersonAlias,
    SourceDocument,
    Statement,
)
from .record_serializer import LIST_SEPARATOR, REVIEW_COLUMNS, RecordSerializer, column


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
    lookups = ("pk", "slug", "name", "country", "curated", "review_reason")
    columns = (
        column("slug", "Stable identifier; a merged person's old slug redirects to the survivor."),
        column("url", "The person's page.", format="uri"),
        column("name", "Canonical name."),
        column("country", "Alpha-2 code of the state the person represents (may be empty)."),
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
    lookups = ("pk", "slug", "name", "acronym", "country", "kind", "curated", "review_reason")
    columns = (
        column("slug", "Stable identifier; a merged organization's old slug redirects to the survivor."),
        column("url", "The organization's page.", format="uri"),
        column("name", "Full name."),
        column("acronym", "Acronym (may be empty)."),
        column("country", "Alpha-2 code of its state; empty for international bodies."),
        column("kind", "government, international, ngo, media or other."),
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


class Joined(Func):
    """a || b || c in SQL: NULL when any part is NULL (Concat would skip NULL parts)."""

    template = "(%(expressions)s)"
    arg_joiner = " || "
    output_field = TextField()


def _cell(expression):
    """A text column for COPY: "" becomes NULL so that both are an unquoted empty cell, exactly
    as Python's csv writes them."""
    return NullIf(expression, Value(""), output_field=TextField())


def _iso_date(lookup):
    return Func(F(lookup), Value("YYYY-MM-DD"), function="to_char", output_field=TextField())


def _as_text(lookup):
    return Cast(lookup, TextField())


def _true_false(lookup):
    return Case(When(**{lookup: True}, then=Value("true")), default=Value("false"), output_field=TextField())


class StatementSerializer(RecordSerializer):
    kind, model, plural = "statement", Statement, "statements"
    # The model's ordering sorts by meeting date through a join: every JSON page deep in a million
    # statements would sort them all. Unless the view orders them, statements come in id order
    # (the order they were archived), which the primary key index serves.
    default_order = ("pk",)
    lookups = (
        "pk",
        "meeting__slug",
        "meeting__title",
        "meeting__date",
        "meeting__country",
        "speaker__slug",
        "speaker__name",
        "speaker__country",
        "attribution",
        "kind",
        "text",
        "order",
        "source_id",
        "start",
        "end",
        "curated",
        "review_reason",
    )
    columns = (
        column("id", "Stable numeric identifier of the statement.", "integer"),
        column("url", "The statement on its meeting's page.", format="uri"),
        column("meeting", "Slug of the meeting."),
        column("meeting_url", "The meeting's page.", format="uri"),
        column("meeting_title", "Headline of the meeting."),
        column("meeting_date", "Day of the meeting.", nullable=True, format="date"),
        column("meeting_country", "Alpha-2 code of the host country (may be empty)."),
        column("speaker", "Slug of the speaker; null when unresolved.", nullable=True),
        column("speaker_url", "The speaker's page.", nullable=True, format="uri"),
        column("speaker_name", "Canonical name of the speaker.", nullable=True),
        column("speaker_country", "Alpha-2 code of the state the speaker represents.", nullable=True),
        column("attribution", 'The speaker as the source wrote it ("S.Lavrov").'),
        column("kind", "direct (quotation) or reported (speech)."),
        column("text", "What was said."),
        column("order", "Position within the meeting.", "integer"),
        column("source", "Id of the source document.", "integer", nullable=True),
        column("source_url", "The source document's page.", nullable=True, format="uri"),
        column("start", "Character offset of the text in the source.", "integer", nullable=True),
        column("end", "Character offset just after the text in the source.", "integer", nullable=True),
        *REVIEW_COLUMNS,
    )

    def row(self, v, urls):
        meeting_slug, speaker_slug, date = v.meeting__slug, v.speaker__slug, v.meeting__date
        meeting_url = urls.meeting(meeting_slug)
        return {
            "id": v.pk,
            "url": f"{meeting_url}#statement-{v.pk}",
            "meeting": meeting_slug,
            "meeting_url": meeting_url,
            "meeting_title": v.meeting__title,
            "meeting_date": date.isoformat() if date else None,
            "meeting_country": v.meeting__country or "",
            "speaker": speaker_slug,
            "speaker_url": urls.person(speaker_slug),
            "speaker_name": v.speaker__name,
            "speaker_country": v.speaker__country if speaker_slug else None,
            "attribution": v.attribution,
            "kind": v.kind,
            "text": v.text,
            "order": v.order,
            "source": v.source_id,
            "source_url": urls.source(v.source_id),
            "start": v.start,
            "end": v.end,
            "curated": v.curated,
            "review_reason": v.review_reason,
        }

    def sql_columns(self, urls):
        """The same cells as row(), written by PostgreSQL (a test compares both byte for byte)."""
        meeting_prefix, meeting_suffix = urls.parts("meeting")
        person_prefix, person_suffix = urls.parts("person")
        source_prefix, source_suffix = urls.parts("source")
        return {
            "id": F("pk"),
            "url": Joined(
                Value(meeting_prefix),
                F("meeting__slug"),
                Value(f"{meeting_suffix}#statement-"),
                _as_text("pk"),
            ),
            "meeting": _cell(F("meeting__slug")),
            "meeting_url": Joined(Value(meeting_prefix), F("meeting__slug"), Value(meeting_suffix)),
            "meeting_title": _cell(F("meeting__title")),
            "meeting_date": _iso_date("meeting__date"),
            "meeting_country": _cell(F("meeting__country")),
            "speaker": _cell(F("speaker__slug")),
            "speaker_url": Joined(Value(person_prefix), F("speaker__slug"), Value(person_suffix)),
            "speaker_name": _cell(F("speaker__name")),
            "speaker_country": _cell(F("speaker__country")),
            "attribution": _cell(F("attribution")),
            "kind": _cell(F("kind")),
            "text": _cell(F("text")),
            "order": F("order"),
            "source": F("source_id"),
            "source_url": Joined(Value(source_prefix), _as_text("source_id"), Value(source_suffix)),
            "start": F("start"),
            "end": F("end"),
            "curated": _true_false("curated"),
            "review_reason": _cell(F("review_reason")),
        }


class ParticipantSerializer(RecordSerializer):
    kind, model, plural = "participant", Participant, "participants"
    lookups = (
        "pk",
        "meeting__slug",
        "meeting__date",
        "person__slug",
        "person__name",
        "name_as_written",
        "role",
        "country",
        "organization__slug",
        "organization__name",
        "curated",
        "review_reason",
    )
    columns = (
        column("id", "Stable numeric identifier of the participation.", "integer"),
        column("meeting", "Slug of the meeting."),
        column("meeting_url", "The meeting's page.", format="uri"),
        column("meeting_date", "Day of the meeting.", nullable=True, format="date"),
        column("person", "Slug of the person."),
        column("person_url", "The person's page.", format="uri"),
        column("person_name", "Canonical name of the person."),
        column("name_as_written", "The name as this source wrote it."),
        column("role", 'Role as written ("Foreign Minister").'),
        column("country", "Alpha-2 code of the state represented at this meeting."),
        column("organization", "Slug of the organization represented.", nullable=True),
        column("organization_url", "The organization's page.", nullable=True, format="uri"),
        column("organization_name", "Name of the organization represented.", nullable=True),
        *REVIEW_COLUMNS,
    )

    def row(self, v, urls):
        date = v.meeting__date
        return {
            "id": v.pk,
            "meeting": v.meeting__slug,
            "meeting_url": urls.meeting(v.meeting__slug),
            "meeting_date": date.isoformat() if date else None,
            "person": v.person__slug,
            "person_url": urls.person(v.person__slug),
            "person_name": v.person__name,
            "name_as_written": v.name_as_written,
            "role": v.role,
            "country": v.country or "",
            "organization": v.organization__slug,
            "organization_url": urls.organization(v.organization__slug),
            "organization_name": v.organization__name,
            "curated": v.curated,
            "review_reason": v.review_reason,
        }


class SourceDocumentSerializer(RecordSerializer):
    kind, model, plural = "source", SourceDocument, "sources"
    lookups = (
        "pk",
        "file_name",
        "sha256",
        "title",
        "published",
        "publisher",
        "url",
        "imported_at",
        "extractor_version",
    )
    columns = (
        column("id", "Stable numeric identifier of the source document.", "integer"),
        column("url", "The source document's page in the archive.", format="uri"),
        column("file_name", "File the text was read from."),
        column("sha256", "SHA-256 of the file's bytes."),
        column("title", "Headline (may be empty)."),
        column("published", "Publication day.", nullable=True, format="date"),
        column("publisher", "Publisher (may be empty)."),
        column("original_url", "Where the document was published (may be empty)."),
        column("imported_at", "When the archive read it.", format="date-time"),
        column("extractor_version", "Version of the extractor that read it."),
    )

    def row(self, v, urls):
        return {
            "id": v.pk,
            "url": urls.source(v.pk),
            "file_name": v.file_name,
            "sha256": v.sha256,
            "title": v.title,
            "published": v.published.isoformat() if v.published else None,
            "publisher": v.publisher,
            "original_url": v.url,
            "imported_at": v.imported_at.isoformat(),
            "extractor_version": v.extractor_version,
        }


SERIALIZERS = {
    serializer.kind: serializer
    for serializer in (
        MeetingSerializer(),
        PersonSerializer(),
        OrganizationSerializer(),
        CountrySerializer(),
        StatementSerializer(),
        ParticipantSerializer(),
        SourceDocumentSerializer(),
    )
}


def serializer_for(kind):
    try:
        return SERIALIZERS[kind]
    except KeyError:
        raise ValueError(f"no serializer for record kind {kind!r}; known: {', '.join(SERIALIZERS)}") from None
