"""The OpenAPI 3.1 description of the API, built from the same column lists that produce the data
(meetings/opendata/serializers.py) and the same filters the list pages use (meetings/web/filters.py), so the
description cannot drift from what the endpoints return. tests/test_opendata_openapi.py validates real
responses against it.
"""

from django import forms

from meetings.web.filters import (
    CountryListForm,
    MeetingFilter,
    OrganizationFilter,
    PersonFilter,
    StatementSearchForm,
)

from ..formats import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from ..serializers import SERIALIZERS
from .openapi_follow import follow_paths, network_schema

SCHEMA_NAMES = {
    "meeting": "Meeting",
    "person": "Person",
    "organization": "Organization",
    "country": "Country",
    "statement": "Statement",
    "participant": "Participant",
    "source": "SourceDocument",
}

PARAMETER_HELP = {
    "q": 'Words to look for (the statement search also takes a "quoted phrase").',
    "country": "ISO 3166-1 alpha-2 country code, any case (az, AZ).",
    "person": "A person's slug (a name or another spelling also works if it is unambiguous).",
    "organization": "An organization's slug (a name or acronym also works if it is unambiguous).",
    "date_after": "Only on or after this day (YYYY-MM-DD).",
    "date_before": "Only on or before this day (YYYY-MM-DD).",
    "with_person": "A second person: only meetings of both (an edge of the network).",
    "with_organization": "A second organization: only meetings of both.",
}

# (path, list page filters, record kind, summary); the filters are those of the HTML page.
LIST_ENDPOINTS = [
    ("/api/meetings/", MeetingFilter, "meeting", "Meetings, newest first"),
    ("/api/people/", PersonFilter, "person", "People"),
    ("/api/organizations/", OrganizationFilter, "organization", "Organizations"),
    ("/api/countries/", CountryListForm, "country", "Countries that took part in or hosted a meeting"),
    ("/api/statements/", StatementSearchForm, "statement", "Statements matching a search"),
    ("/api/sources/", None, "source", "Source documents"),
]

DETAIL_ENDPOINTS = [
    ("/api/meetings/{slug}/", "slug", "meeting", "A meeting with its participants, statements and sources"),
    ("/api/people/{slug}/", "slug", "person", "A person with aliases, former slugs and meetings"),
    ("/api/organizations/{slug}/", "slug", "organization", "An organization with aliases and meetings"),
    ("/api/countries/{code}/", "code", "country", "A country with its people"),
    ("/api/sources/{id}/", "id", "source", "A source document with its full text and meetings"),
]


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def array_of(name):
    return {"type": "array", "items": ref(name)}


def column_schema(column):
    schema = {
        "type": [column.type, "null"] if column.nullable else column.type,
        "description": column.description,
    }
    if column.format:
        schema["format"] = column.format
    return schema


def object_schema(properties, description=""):
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }
    if description:
        schema["description"] = description
    return schema


def record_properties(kind):
    return {column.name: column_schema(column) for column in SERIALIZERS[kind].columns}


def names_array(description):
    return {"type": "array", "items": {"type": "string"}, "description": description}


def detail_schemas():
    """The detail endpoints: the flat record plus its related records (see meetings/api/views.py)."""
    return {
        "MeetingDetail": object_schema(
            {
                **record_properties("meeting"),
                "participants": array_of("Participant"),
                "statements": array_of("Statement"),
                "sources": array_of("SourceDocument"),
                "people_mentioned": array_of("Person"),
                "organizations_mentioned": array_of("Organization"),
            }
        ),
        "PersonDetail": object_schema(
            {
                **record_properties("person"),
                "aliases": names_array("Other spellings of the name seen in sources."),
                "former_slugs": names_array("Slugs of people merged into this one; they redirect here."),
                "meetings": array_of("Meeting"),
                "participations": array_of("Participant"),
            }
        ),
        "OrganizationDetail": object_schema(
            {
                **record_properties("organization"),
                "aliases": names_array("Other names seen in sources."),
                "former_slugs": names_array(
                    "Slugs of organizations merged into this one; they redirect here."
                ),
                "meetings": array_of("Meeting"),
                "participations": array_of("Participant"),
            }
        ),
        "CountryDetail": object_schema(
            {
                **record_properties("country"),
                "meetings": {
                    "type": "string",
                    "format": "uri",
                    "description": "The meetings list endpoint filtered to this country.",
                },
                "people": array_of("Person"),
            }
        ),
        "SourceDocumentDetail": object_schema(
            {
                **record_properties("source"),
                "text": {
                    "type": "string",
                    "description": "The full text as read; statement offsets refer to it.",
                },
                "meetings": array_of("Meeting"),
                "statement_count": {"type": "integer", "description": "Statements taken from this document."},
            }
        ),
    }


def page_schema(name):
    estimated = {}
    if name == SCHEMA_NAMES["statement"]:  # the search counts as its page does
        estimated["count_is_exact"] = {
            "type": "boolean",
            "description": "False when count is an estimate: beyond 10,000 matches the search "
            'counts as its page does ("about 171,000") rather than read every match.',
        }
    return object_schema(
        {
            "count": {"type": "integer", "description": "Records matching the filters, on all pages."},
            **estimated,
            "next": {"type": ["string", "null"], "format": "uri", "description": "The next page, or null."},
            "previous": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "The previous page, or null.",
            },
            "results": array_of(name),
        }
    )


def error_schema():
    return {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {"type": "string", "description": "What was wrong, in one line."},
            "errors": {"type": "object", "description": "Per-parameter messages for an invalid filter."},
        },
    }


def filter_parameters(filters):
    """Query parameters of a list page, read from its FilterSet or form."""
    if filters is None:
        return []
    fields = getattr(filters, "base_filters", None) or filters.base_fields
    parameters = []
    for name, field in fields.items():
        schema = {"type": "string", "minLength": 1}  # an empty value is a 400: leave it out
        choices = getattr(field, "extra", {}).get("choices") or getattr(field, "choices", None)
        if name == "sort" or (name == "kind" and choices):
            values = [value for value, _ in (choices() if callable(choices) else choices) if value]
            schema["enum"] = values
        if isinstance(field, forms.DateField) or name.startswith("date_"):
            schema["format"] = "date"
        label = str(getattr(field, "label", "") or name)
        parameters.append(
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": PARAMETER_HELP.get(name, label),
                "schema": schema,
            }
        )
    return parameters


PAGING_PARAMETERS = [
    {
        "name": "format",
        "in": "query",
        "required": False,
        "description": "json (default on /api/, one page) or csv (every matching row, streamed). "
        "No parameter may be given with an empty value (400).",
        "schema": {"type": "string", "enum": ["json", "csv"]},
    },
    {
        "name": "page",
        "in": "query",
        "required": False,
        "description": "Page number, from 1. Out of range or not a number: 400.",
        "schema": {"type": "integer", "minimum": 1},
    },
    {
        "name": "page_size",
        "in": "query",
        "required": False,
        "description": f"Records per page, default {DEFAULT_PAGE_SIZE}, at most {MAX_PAGE_SIZE} (larger is capped).",
        "schema": {"type": "integer", "minimum": 1},
    },
]

ERRORS = {
    "400": {"description": "Bad parameter", "content": {"application/json": {"schema": ref("Error")}}},
    "404": {"description": "No such record", "content": {"application/json": {"schema": ref("Error")}}},
}


def list_operation(filters, kind, summary):
    name = SCHEMA_NAMES[kind]
    columns = ", ".join(SERIALIZERS[kind].column_names)
    return {
        "get": {
            "summary": summary,
            "operationId": f"list_{SERIALIZERS[kind].plural}",
            "parameters": [*filter_parameters(filters), *PAGING_PARAMETERS],
            "responses": {
                "200": {
                    "description": f"A page of records; with format=csv, every record with the columns {columns}.",
                    "content": {
                        "application/json": {"schema": ref(f"{name}Page")},
                        "text/csv": {"schema": {"type": "string"}},
                    },
                },
                "400": ERRORS["400"],
            },
        }
    }


def detail_operation(parameter, kind, summary):
    name = SCHEMA_NAMES[kind]
    schema = {"type": "integer"} if parameter == "id" else {"type": "string"}
    return {
        "get": {
            "summary": summary,
            "operationId": f"get_{kind}",
            "parameters": [{"name": parameter, "in": "path", "required": True, "schema": schema}],
            "responses": {
                "200": {
                    "description": summary,
                    "content": {"application/json": {"schema": ref(f"{name}Detail")}},
                },
                "301": {"description": "A merged record's old slug: Location is the surviving record."},
                "404": ERRORS["404"],
            },
        }
    }


def openapi_document(server=""):
    schemas = {}
    for kind, name in SCHEMA_NAMES.items():
        schemas[name] = object_schema(
            record_properties(kind), f"A {kind} as one flat record (also a CSV row)."
        )
        schemas[f"{name}Page"] = page_schema(name)
    schemas.update(detail_schemas())
    schemas["Error"] = error_schema()
    schemas["Network"] = network_schema()
    paths = {path: list_operation(*rest) for path, *rest in LIST_ENDPOINTS}
    paths.update({path: detail_operation(*rest) for path, *rest in DETAIL_ENDPOINTS})
    paths.update(follow_paths(filter_parameters, ref))
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Diplomatic Meetings Archive API",
            "version": "1",
            "description": (
                "Read-only open data: meetings, people, organizations, countries, statements and "
                "source documents. No login; GET only; any origin may read it (CORS)."
            ),
        },
        "servers": [{"url": server or "/"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
