"""Records as flat data: one place that turns each kind of record into a flat dict (JSON) and
the same flat row (CSV), with every column named, typed and documented.

Every record carries a stable identifier and an absolute URL: the slug for meetings, people and
organizations (a merged person's or organization's old slug keeps resolving through its redirect),
the code for countries, the numeric id for statements, participants and source documents.

Rows are built from `QuerySet.values()` rather than model instances, so a CSV of a million
statements streams without building a million model objects; related data that a column needs
(aliases, counts) is fetched once per chunk of rows, never once per row.

The base class and `Column` are in `columns`, the serializers in `named` and `streamed`; absolute URLs are built by
`meetings.opendata.record_urls.UrlBuilder`.
"""

from .columns import LIST_SEPARATOR, REVIEW_COLUMNS, Column, RecordSerializer, column
from .named import CountrySerializer, MeetingSerializer, OrganizationSerializer, PersonSerializer
from .streamed import ParticipantSerializer, SourceDocumentSerializer, StatementSerializer

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


__all__ = [
    "LIST_SEPARATOR",
    "REVIEW_COLUMNS",
    "SERIALIZERS",
    "Column",
    "RecordSerializer",
    "column",
    "serializer_for",
]
