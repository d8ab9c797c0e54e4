"""Statements, participants and source documents: the kinds with many rows. Their columns are also
SQL expressions, so PostgreSQL can stream them with COPY (see `meetings.opendata.formats`)."""

from django.db.models import Case, F, Func, TextField, Value, When
from django.db.models.functions import Cast, NullIf

from meetings.models import (
    Participant,
    SourceDocument,
    Statement,
)

from .columns import REVIEW_COLUMNS, RecordSerializer, column


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
