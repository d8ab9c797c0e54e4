"""The OpenAPI description of the follow-and-reuse endpoints: the who-met-whom network
(/api/network/ and /network/), the Atom feeds (/feed/, /feeds/...) and the citation downloads
(/cite/...). openapi.py merges these paths and schemas into the API document."""

from meetings.web.filters import MeetingFilter, StatementSearchForm

from ..network import EDGE_COLUMNS, KINDS


def _string(description, **extra):
    return {"type": "string", "description": description, **extra}


def network_schema():
    node = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "label", "url", "country", "wikidata_id"],
        "properties": {
            "id": _string("Slug of the person or organization, or the lower-case country code."),
            "label": _string("Name."),
            "url": _string("The node's page.", format="uri"),
            "country": _string("Alpha-2 code of its country (may be empty)."),
            "wikidata_id": _string("Wikidata item (may be empty)."),
        },
    }
    edge = {
        "type": "object",
        "additionalProperties": False,
        "required": ["source", "target", "meetings", "first_date", "last_date", "meetings_url"],
        "properties": {
            "source": _string("Id of one node."),
            "target": _string("Id of the other node."),
            "meetings": {"type": "integer", "description": "Meetings both were in."},
            "first_date": {"type": ["string", "null"], "format": "date", "description": "The first of them."},
            "last_date": {"type": ["string", "null"], "format": "date", "description": "The last of them."},
            "meetings_url": _string("The page listing those meetings.", format="uri"),
        },
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["kind", "nodes", "edges"],
        "properties": {
            "kind": {"type": "string", "enum": list(KINDS)},
            "nodes": {"type": "array", "items": node},
            "edges": {"type": "array", "items": edge, "description": "Heaviest first."},
        },
    }


def _operation(summary, operation_id, parameters, content, description):
    responses = {
        "200": {"description": description, "content": content},
        "400": {"description": "Bad parameter"},
        "404": {"description": "No such record"},
    }
    if any(parameter["in"] == "path" for parameter in parameters):
        responses["301"] = {
            "description": "The record's canonical address: a merged or renamed record's old slug, "
            "an upper-case country code, or a country pair in the other order"
        }
    return {
        "get": {
            "summary": summary,
            "operationId": operation_id,
            "parameters": parameters,
            "responses": responses,
        }
    }


def _path_parameter(name, description):
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string"},
    }


ATOM = {"application/atom+xml": {"schema": {"type": "string"}}}


def follow_paths(filter_parameters, ref):
    """The paths, given openapi.py's `filter_parameters` (form → query parameters) and `ref`."""
    nodes = {
        "name": "nodes",
        "in": "query",
        "required": False,
        "description": "What the nodes are (default people).",
        "schema": {"type": "string", "enum": list(KINDS)},
    }
    network_format = {
        "name": "format",
        "in": "query",
        "required": False,
        "description": f"json (default), graphml, or csv (an edge list: {', '.join(EDGE_COLUMNS)}).",
        "schema": {"type": "string", "enum": ["json", "graphml", "csv"]},
    }
    network_content = {
        "application/json": {"schema": ref("Network")},
        "application/graphml+xml": {"schema": {"type": "string"}},
        "text/csv": {"schema": {"type": "string"}},
    }
    meeting_filters = filter_parameters(MeetingFilter)
    slug = _path_parameter("slug", "The record's slug (a merged record's old slug redirects).")
    code = _path_parameter("code", "ISO 3166-1 alpha-2 code, lower case.")
    cite_kinds = _path_parameter("kinds", "meetings, statements, people or sources.")
    cite_identifier = _path_parameter(
        "identifier", "The slug (meetings, people) or number (statements, sources)."
    )
    return {
        "/api/network/": _operation(
            "Who met whom: the network of the meetings the filters select",
            "get_network",
            [nodes, *meeting_filters, network_format],
            network_content,
            "Nodes and edges (meetings together, first and last date), as JSON, GraphML or CSV.",
        ),
        "/feeds/meetings/": _operation(
            "Atom feed of the meetings list, with its filters (also /feed/: every meeting)",
            "feed_meetings",
            meeting_filters,
            ATOM,
            "The newest 50 meetings, newest first.",
        ),
        "/feeds/search/": _operation(
            "Atom feed of a statement search",
            "feed_search",
            filter_parameters(StatementSearchForm),
            ATOM,
            "The newest 50 matching statements.",
        ),
        "/feeds/people/{slug}/": _operation(
            "Atom feed of a person's meetings",
            "feed_person",
            [slug],
            ATOM,
            "Meetings, with what the person said.",
        ),
        "/feeds/organizations/{slug}/": _operation(
            "Atom feed of an organization's meetings", "feed_organization", [slug], ATOM, "Meetings."
        ),
        "/feeds/countries/{code}/": _operation(
            "Atom feed of a country's meetings", "feed_country", [code], ATOM, "Meetings."
        ),
        "/feeds/countries/{code}/{other}/": _operation(
            "Atom feed of the meetings of two countries",
            "feed_country_pair",
            [code, _path_parameter("other", "The other country's code.")],
            ATOM,
            "Meetings.",
        ),
        "/cite/{kinds}/{identifier}.bib": _operation(
            "A record's citation in BibTeX",
            "cite_bibtex",
            [cite_kinds, cite_identifier],
            {"application/x-bibtex": {"schema": {"type": "string"}}},
            "One @misc entry.",
        ),
        "/cite/{kinds}/{identifier}.json": _operation(
            "A record's citation in CSL-JSON",
            "cite_csl_json",
            [cite_kinds, cite_identifier],
            {
                "application/vnd.citationstyles.csl+json": {
                    "schema": {"type": "array", "items": {"type": "object"}}
                }
            },
            "An array of one CSL item (id, type, title, author, issued, accessed, URL, container-title).",
        ),
    }
