"""Who met whom: the network of meetings, and its exports (GraphML, CSV edge list, JSON).

Nodes are people, organizations or countries; two nodes are joined by an edge when they were
together in at least one meeting, weighted by the number of such meetings, with the first and
last date. Who counts as "in" a meeting follows the filters of /meetings/, so an edge's count is
the number of meetings its link lists:
- people: the participants;
- organizations: those a participant represented, or that the meeting mentions;
- countries: those a participant represented, and the host country.

`build_network(meetings, kind)` takes any queryset of meetings (the filtered list of the page);
`around=` keeps only the edges of one node (a person's or a country's own network). It reads
three flat queries whatever the size of the network, and no model instances.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import chain, combinations
from urllib.parse import urlencode

import networkx
from django.urls import reverse
from django_countries import countries as country_names

from meetings.models import Meeting, Organization, Participant, Person
from meetings.opendata.spreadsheet import neutralize_cell

KINDS = ("people", "organizations", "countries")


@dataclass
class Node:
    id: str  # slug, or the lower-case country code
    label: str
    url: str  # the node's page (a path; exports make it absolute)
    country: str = ""
    wikidata_id: str = ""


@dataclass
class Edge:
    source: str
    target: str
    meetings: int = 0
    first_date: object = None
    last_date: object = None
    url: str = ""  # the meetings this edge counts


@dataclass
class Network:
    kind: str
    nodes: dict = field(default_factory=dict)  # id → Node
    edges: list = field(default_factory=list)  # heaviest first

    def neighbours(self, node_id):
        """(other Node, Edge) of `node_id`'s edges, heaviest first."""
        for edge in self.edges:
            if node_id in (edge.source, edge.target):
                other = edge.target if edge.source == node_id else edge.source
                yield self.nodes[other], edge


def _memberships(meeting_ids, kind):
    """(meeting id, member key) rows: person/organization pks, or country codes."""
    participants = Participant.objects.filter(meeting__in=meeting_ids).order_by()
    if kind == "people":
        return participants.values_list("meeting_id", "person_id").distinct()
    if kind == "organizations":
        mentioned = Meeting.organizations_mentioned.through.objects.filter(meeting__in=meeting_ids)
        return chain(
            participants.exclude(organization=None).values_list("meeting_id", "organization_id").distinct(),
            mentioned.values_list("meeting_id", "organization_id"),
        )
    hosted = Meeting.objects.filter(pk__in=meeting_ids).exclude(country="").order_by()
    return chain(
        participants.exclude(country="").values_list("meeting_id", "country").distinct(),
        hosted.values_list("pk", "country"),
    )


def _nodes(kind, keys):
    """{member key: Node} for the members `keys`."""
    if kind == "people":
        rows = Person.objects.filter(pk__in=keys).values_list("pk", "slug", "name", "country", "wikidata_id")
        return {
            pk: Node(slug, name, reverse("meetings:person-detail", args=[slug]), country or "", wikidata)
            for pk, slug, name, country, wikidata in rows
        }
    if kind == "organizations":
        rows = Organization.objects.filter(pk__in=keys).values_list(
            "pk", "slug", "name", "country", "wikidata_id"
        )
        return {
            pk: Node(
                slug, name, reverse("meetings:organization-detail", args=[slug]), country or "", wikidata
            )
            for pk, slug, name, country, wikidata in rows
        }
    return {
        code: Node(
            code.lower(),
            country_names.name(code) or code,
            reverse("meetings:country-detail", args=[code.lower()]),
            code,
        )
        for code in keys
    }


def edge_url(kind, first, second):
    """The page listing the meetings an edge counts."""
    if kind == "countries":
        return reverse("meetings:country-pair", args=[first, second])
    name = "person" if kind == "people" else "organization"
    return reverse("meetings:meeting-list") + "?" + urlencode({name: first, f"with_{name}": second})


def build_network(meetings, kind="people", around=None):
    """The network of `meetings` (a queryset). `around`: a node id (slug or country code) whose
    edges alone are kept, with the nodes they reach."""
    if kind not in KINDS:
        raise ValueError(f"nodes must be one of {', '.join(KINDS)}, not {kind!r}")
    meeting_ids = meetings.order_by().values("pk")
    members = defaultdict(set)
    for meeting_id, key in _memberships(meeting_ids, kind):
        members[meeting_id].add(key)
    dates = dict(Meeting.objects.filter(pk__in=list(members)).values_list("pk", "date"))
    nodes = _nodes(kind, set().union(*members.values()) if members else set())
    center = next((key for key, node in nodes.items() if node.id == around), None) if around else None
    edges = {}
    for meeting_id, keys in members.items():
        present = sorted((key for key in keys if key in nodes), key=lambda key: nodes[key].id)
        for first, second in combinations(present, 2):
            if center is not None and center not in (first, second):
                continue
            edge = edges.get((first, second))
            if edge is None:
                edge = edges[(first, second)] = Edge(nodes[first].id, nodes[second].id)
            edge.meetings += 1
            day = dates.get(meeting_id)
            if day is not None:
                edge.first_date = min(edge.first_date or day, day)
                edge.last_date = max(edge.last_date or day, day)
    kept = {node.id: node for node in nodes.values()}
    if center is not None:
        reached = (
            {nodes[center].id}
            | {edge.source for edge in edges.values()}
            | {edge.target for edge in edges.values()}
        )
        kept = {node_id: node for node_id, node in kept.items() if node_id in reached}
    ordered = sorted(edges.values(), key=lambda edge: (-edge.meetings, edge.source, edge.target))
    for edge in ordered:
        if center is not None and edge.target == nodes[center].id:
            edge.source, edge.target = edge.target, edge.source  # the centre first
        edge.url = edge_url(kind, edge.source, edge.target)
    return Network(kind, dict(sorted(kept.items())), ordered)


# ---------------------------------------------------------------- exports

EDGE_COLUMNS = (
    "source",
    "source_label",
    "target",
    "target_label",
    "meetings",
    "first_date",
    "last_date",
    "meetings_url",
)


def _iso(day):
    return day.isoformat() if day else ""


def to_graph(network, absolute=lambda path: path):
    """The network as an undirected networkx Graph; attributes are strings and integers (GraphML
    has no null), URLs made absolute by `absolute`."""
    graph = networkx.Graph(kind=network.kind)
    for node in network.nodes.values():
        graph.add_node(
            node.id,
            label=node.label,
            kind=network.kind,
            url=absolute(node.url),
            country=node.country,
            wikidata_id=node.wikidata_id,
        )
    for edge in network.edges:
        graph.add_edge(
            edge.source,
            edge.target,
            weight=edge.meetings,
            meetings=edge.meetings,
            first_date=_iso(edge.first_date),
            last_date=_iso(edge.last_date),
            url=absolute(edge.url),
        )
    return graph


def graphml_lines(network, absolute=lambda path: path):
    """GraphML (UTF-8 text), line by line."""
    yield '<?xml version="1.0" encoding="utf-8"?>\n'
    for line in networkx.generate_graphml(to_graph(network, absolute)):
        yield line + "\n"


def csv_lines(network, absolute=lambda path: path):
    """The edge list as CSV: a header, then one line per edge, heaviest first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    for edge in network.edges:
        # Labels are record names: a spreadsheet must read them as text, never as formulas.
        writer.writerow(
            [
                neutralize_cell(edge.source),
                neutralize_cell(network.nodes[edge.source].label),
                neutralize_cell(edge.target),
                neutralize_cell(network.nodes[edge.target].label),
                edge.meetings,
                _iso(edge.first_date),
                _iso(edge.last_date),
                absolute(edge.url),
            ]
        )
    yield buffer.getvalue()


def json_data(network, absolute=lambda path: path):
    return {
        "kind": network.kind,
        "nodes": [
            {
                "id": node.id,
                "label": node.label,
                "url": absolute(node.url),
                "country": node.country,
                "wikidata_id": node.wikidata_id,
            }
            for node in network.nodes.values()
        ],
        "edges": [
            {
                "source": edge.source,
                "target": edge.target,
                "meetings": edge.meetings,
                "first_date": _iso(edge.first_date) or None,
                "last_date": _iso(edge.last_date) or None,
                "meetings_url": absolute(edge.url),
            }
            for edge in network.edges
        ],
    }
