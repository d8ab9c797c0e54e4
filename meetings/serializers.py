"""Records as flat data: one place that turns each kind of record into a flat dict (JSON) and
the same flat row (CSV), with every column named, typed and documented.

Every record carries a stable identifier and an absolute URL: the slug for meetings, people and
organizations (a merged person's or organization's old slug keeps resolving through its redirect),
the code for countries, the numeric id for statements, participants and source documents.

Rows are built from `QuerySet.values()` rather than model instances, so a CSV of a million
statements streams without building a million model objects; related data that a column needs
(aliases, counts) is fetched once per chunk of rows, never once per row.
"""

from collections import namedtuple
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from django.db.models import Case, Count, F, Func, QuerySet, TextField, Value, When
from django.db.models.functions import Cast, NullIf
from django.urls import reverse
from django_countries import countries as country_names
from django_countries.fields import Country

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

LIST_SEPARATOR = "; "  # joins multi-valued columns (aliases, participant countries) in a CSV cell


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # JSON Schema type: "string", "integer", "boolean"; format given separately
    description: str
    nullable: bool = False
    format: str = ""  # "date", "date-time", "uri" or ""


def _column(name, description, type="string", *, nullable=False, format=""):
    return Column(name, type, description, nullable, format)


def chunked(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


class UrlBuilder:
    """Absolute URLs for records, fast enough for a million rows: each URL pattern is reversed
    once with a placeholder, then filled in by string concatenation."""

    _PLACEHOLDER = "zz0placeholder0zz"
    _NUMBER = 987654321

    def __init__(self, request=None, base=""):
        self.base = request.build_absolute_uri("/")[:-1] if request is not None else base.rstrip("/")

    def _split(self, name, numeric=False):
        marker = str(self._NUMBER) if numeric else self._PLACEHOLDER
        prefix, _, suffix = reverse(name, args=[marker]).partition(marker)
        return self.base + prefix, suffix

    @cached_property
    def _meeting(self):
        return self._split("meetings:meeting-detail")

    @cached_property
    def _person(self):
        return self._split("meetings:person-detail")

    @cached_property
    def _organization(self):
        return self._split("meetings:organization-detail")

    @cached_property
    def _country(self):
        return self._split("meetings:country-detail")

    @cached_property
    def _source(self):
        return self._split("meetings:source-detail", numeric=True)

    def absolute(self, path):
        return self.base + path

    def parts(self, kind):
        """(prefix, suffix) around the identifier in URLs of `kind`: "meeting", "person", ..."""
        return getattr(self, f"_{kind}")

    def meeting(self, slug):
        return f"{self._meeting[0]}{slug}{self._meeting[1]}" if slug else None

    def person(self, slug):
        return f"{self._person[0]}{slug}{self._person[1]}" if slug else None

    def organization(self, slug):
        return f"{self._organization[0]}{slug}{self._organization[1]}" if slug else None

    def country(self, code):
        return f"{self._country[0]}{code.lower()}{self._country[1]}" if code else None

    def source(self, pk):
        return f"{self._source[0]}{pk}{self._source[1]}" if pk is not None else None

    def statement(self, meeting_slug, pk):
        return f"{self._meeting[0]}{meeting_slug}{self._meeting[1]}#statement-{pk}" if meeting_slug else None


def _value_of(obj, lookup):
    """Follow an ORM lookup ("speaker__slug") through attributes of a model instance."""
    value = obj
    for part in lookup.split("__"):
        if value is None:
            return None
        value = getattr(value, part)
    if isinstance(value, Country):
        return value.code or ""
    return value


def _country_name(code):
    return (country_names.name(code) or None) if code else None


class RecordSerializer:
    """Turns records of one kind into flat dicts. Subclasses name the ORM values they read
    (`lookups`), the columns they produce (`columns`, in CSV order) and how (`row`)."""

    kind = ""
    model = None
    plural = ""
    lookups: tuple = ()
    columns: tuple = ()

    @property
    def column_names(self):
        return [column.name for column in self.columns]

    # The order of records when the view did not choose one (None: the model's default ordering).
    default_order = None

    def ordered(self, data):
        """`data` in the view's explicit order, else in `default_order`."""
        if self.default_order and isinstance(data, QuerySet) and not data.query.order_by:
            return data.order_by(*self.default_order)
        return data

    def row(self, values, urls):
        raise NotImplementedError

    def add_related(self, rows, values):
        """Fill the columns that need other tables, one query per chunk (rows and values align)."""

    def sql_columns(self, urls):
        """The columns as SQL expressions, for PostgreSQL to write the CSV itself (COPY); None
        when this kind has no such twin. See formats.copy_csv_chunks."""
        return None

    @cached_property
    def values_type(self):
        """The row type `row()` reads: one attribute per lookup, as `values_list(named=True)` gives."""
        return namedtuple(f"{type(self).__name__}Values", self.lookups)

    def values_of(self, item):
        """The looked-up values of a model instance (or a dict of them), as a values_type row."""
        if isinstance(item, dict):
            return self.values_type(**{lookup: item.get(lookup) for lookup in self.lookups})
        return self.values_type(*(_value_of(item, lookup) for lookup in self.lookups))

    def record_chunks(self, data, urls, chunk_size=2000):
        """Flat records of `data` (a queryset of this kind, or an iterable of instances), in
        lists of at most `chunk_size`, streaming from the database."""
        if isinstance(data, QuerySet) and data.model is self.model:
            values = (
                data.prefetch_related(None)
                .values_list(*self.lookups, named=True)
                .iterator(chunk_size=chunk_size)
            )
        else:
            values = (self.values_of(item) for item in data)
        for chunk in chunked(values, chunk_size):
            rows = [self.row(value, urls) for value in chunk]
            self.add_related(rows, chunk)
            yield rows

    def records(self, data, urls, chunk_size=2000):
        for chunk in self.record_chunks(data, urls, chunk_size):
            yield from chunk

    def record(self, instance, urls):
        return next(self.records([instance], urls))


REVIEW_COLUMNS = (
    _column("curated", "True once an editor has saved the record: ingest no longer changes it.", "boolean"),
    _column("review_reason", "Why the extractor was unsure; empty when nothing needs a look."),
)


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
        _column("slug", "Stable identifier of the meeting."),
        _column("url", "The meeting's page.", format="uri"),
        _column("title", "Headline of the meeting."),
        _column("date", "Day the meeting took place.", nullable=True, format="date"),
        _column("city", "City where it was held (may be empty)."),
        _column("country", "ISO 3166-1 alpha-2 code of the host country (may be empty)."),
        _column("kind", "in_person, phone or video."),
        _column("summary", "Short summary (may be empty)."),
        _column(
            "participant_countries", f"Alpha-2 codes of the states represented, joined by '{LIST_SEPARATOR}'."
        ),
        _column("participant_count", "Number of participants.", "integer"),
        _column("statement_count", "Number of statements recorded.", "integer"),
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
        _column("slug", "Stable identifier; a merged person's old slug redirects to the survivor."),
        _column("url", "The person's page.", format="uri"),
        _column("name", "Canonical name."),
        _column("country", "Alpha-2 code of the state the person represents (may be empty)."),
        _column("aliases", f"Other spellings seen in sources, joined by '{LIST_SEPARATOR}'."),
        _column("meeting_count", "Meetings the person took part in.", "integer"),
        _column("statement_count", "Statements attributed to the person.", "integer"),
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
        _column("slug", "Stable identifier; a merged organization's old slug redirects to the survivor."),
        _column("url", "The organization's page.", format="uri"),
        _column("name", "Full name."),
        _column("acronym", "Acronym (may be empty)."),
        _column("country", "Alpha-2 code of its state; empty for international bodies."),
        _column("kind", "government, international, ngo, media or other."),
        _column("aliases", f"Other names seen in sources, joined by '{LIST_SEPARATOR}'."),
        _column(
            "meeting_count", "Meetings that mention it or where a participant represented it.", "integer"
        ),
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
        _column("code", "ISO 3166-1 alpha-2 code: the stable identifier."),
        _column("url", "The country's page.", format="uri"),
        _column("name", "English short name."),
        _column("meeting_count", "Meetings it hosted or took part in.", "integer"),
        _column("person_count", "People who represent it.", "integer"),
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
        _column("id", "Stable numeric identifier of the statement.", "integer"),
        _column("url", "The statement on its meeting's page.", format="uri"),
        _column("meeting", "Slug of the meeting."),
        _column("meeting_url", "The meeting's page.", format="uri"),
        _column("meeting_title", "Headline of the meeting."),
        _column("meeting_date", "Day of the meeting.", nullable=True, format="date"),
        _column("meeting_country", "Alpha-2 code of the host country (may be empty)."),
        _column("speaker", "Slug of the speaker; null when unresolved.", nullable=True),
        _column("speaker_url", "The speaker's page.", nullable=True, format="uri"),
        _column("speaker_name", "Canonical name of the speaker.", nullable=True),
        _column("speaker_country", "Alpha-2 code of the state the speaker represents.", nullable=True),
        _column("attribution", 'The speaker as the source wrote it ("S.Lavrov").'),
        _column("kind", "direct (quotation) or reported (speech)."),
        _column("text", "What was said."),
        _column("order", "Position within the meeting.", "integer"),
        _column("source", "Id of the source document.", "integer", nullable=True),
        _column("source_url", "The source document's page.", nullable=True, format="uri"),
        _column("start", "Character offset of the text in the source.", "integer", nullable=True),
        _column("end", "Character offset just after the text in the source.", "integer", nullable=True),
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
        _column("id", "Stable numeric identifier of the participation.", "integer"),
        _column("meeting", "Slug of the meeting."),
        _column("meeting_url", "The meeting's page.", format="uri"),
        _column("meeting_date", "Day of the meeting.", nullable=True, format="date"),
        _column("person", "Slug of the person."),
        _column("person_url", "The person's page.", format="uri"),
        _column("person_name", "Canonical name of the person."),
        _column("name_as_written", "The name as this source wrote it."),
        _column("role", 'Role as written ("Foreign Minister").'),
        _column("country", "Alpha-2 code of the state represented at this meeting."),
        _column("organization", "Slug of the organization represented.", nullable=True),
        _column("organization_url", "The organization's page.", nullable=True, format="uri"),
        _column("organization_name", "Name of the organization represented.", nullable=True),
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
        _column("id", "Stable numeric identifier of the source document.", "integer"),
        _column("url", "The source document's page in the archive.", format="uri"),
        _column("file_name", "File the text was read from."),
        _column("sha256", "SHA-256 of the file's bytes."),
        _column("title", "Headline (may be empty)."),
        _column("published", "Publication day.", nullable=True, format="date"),
        _column("publisher", "Publisher (may be empty)."),
        _column("original_url", "Where the document was published (may be empty)."),
        _column("imported_at", "When the archive read it.", format="date-time"),
        _column("extractor_version", "Version of the extractor that read it."),
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
