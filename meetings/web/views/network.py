"""Who met whom: /network/ (the network of any filtered set of meetings, as a page and as GraphML,
CSV and JSON) and the network section of person and country pages. The network itself is
meetings.opendata.network."""

from functools import cached_property
from urllib.parse import urlencode

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.views.generic import TemplateView

from meetings.models import Meeting
from meetings.opendata import network as networks
from meetings.opendata.formats import allow_any_origin, json_error, json_response
from meetings.web.filters import MeetingFilter
from meetings.web.follow import query_without
from meetings.web.network_drawing import ego_drawing

from .base import PageMetaMixin

NETWORK_FORMATS = ("html", "graphml", "csv", "json")
PAGE_EDGES = 100
NOUNS = {"people": "people", "organizations": "organizations", "countries": "countries"}


def network_exports(**filters):
    """Links to the network of the meetings these filters select, as GraphML, CSV and a page."""
    query = urlencode({name: value for name, value in filters.items() if value})
    base = reverse("meetings:network") + "?" + query
    return {"page": base, "graphml": f"{base}&format=graphml", "csv": f"{base}&format=csv"}


class NetworkView(PageMetaMixin, TemplateView):
    """`nodes` (people, organizations or countries) and the filters of /meetings/; `format` html
    (default), graphml, csv or json. A bad parameter: the page with a message, or a JSON 400."""

    template_name = "meetings/network.html"
    default_format = "html"

    @cached_property
    def filterset(self):
        return MeetingFilter(self.request.GET or None, queryset=Meeting.objects.all(), request=self.request)

    @cached_property
    def kind(self):
        return self.request.GET.get("nodes", "") or "people"

    def errors(self):
        errors = {}
        if self.kind not in networks.KINDS:
            errors["nodes"] = [f"Choose {', '.join(networks.KINDS)}."]
        if self.filterset.is_bound and not self.filterset.is_valid():
            errors.update(
                {
                    name: [error["message"] for error in found]
                    for name, found in self.filterset.form.errors.get_json_data().items()
                }
            )
        return errors

    def get_page_title(self):
        return f"Who met whom: {self.kind}" if self.kind in networks.KINDS else "Who met whom"

    def get_page_description(self):
        return "The network of meetings: who met whom, how often and when, with GraphML and CSV exports."

    def get(self, request, *args, **kwargs):
        requested = request.GET.get("format", "") or self.default_format
        if requested not in NETWORK_FORMATS:
            return json_error(f"unknown format {requested[:40]!r}: use {', '.join(NETWORK_FORMATS)}")
        errors = self.errors()
        if requested == "html":
            return super().get(request, *args, **kwargs) if not errors else self.render_errors(errors)
        if errors:
            return json_error("invalid parameter", errors=errors)
        network = networks.build_network(self.filterset.qs, self.kind)
        absolute = request.build_absolute_uri
        if requested == "json":
            return json_response(networks.json_data(network, absolute))
        lines, content_type = {
            "graphml": (networks.graphml_lines, "application/graphml+xml; charset=utf-8"),
            "csv": (networks.csv_lines, "text/csv; charset=utf-8"),
        }[requested]
        response = StreamingHttpResponse(lines(network, absolute), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="network-{self.kind}.{requested}"'
        return allow_any_origin(response)

    def render_errors(self, errors):
        context = self.get_context_data(errors=errors)
        return self.render_to_response(context, status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.filterset.form
        context["kinds"] = networks.KINDS
        context["kind"] = self.kind
        if "errors" not in kwargs:
            network = networks.build_network(self.filterset.qs, self.kind)
            context["node_count"] = len(network.nodes)
            context["edge_count"] = len(network.edges)
            context["edges"] = [
                (network.nodes[edge.source], network.nodes[edge.target], edge)
                for edge in network.edges[:PAGE_EDGES]
            ]
        query = query_without(self.request, "format", "page")
        base = reverse("meetings:network") + (query or "?")
        joiner = "&" if query else ""
        context["exports"] = {name: f"{base}{joiner}format={name}" for name in ("graphml", "csv", "json")}
        return context


class NetworkSectionMixin:
    """The network section of a person's or a country's page (templates/meetings/_network.html):
    subclasses give `network_meetings()`, `network_center()` (node id), `network_kind` and
    `network_filters()` (the /network/ filters that select the same meetings)."""

    network_kind = "people"

    def network_section(self):
        network = networks.build_network(
            self.network_meetings(), self.network_kind, around=self.network_center()
        )
        edges = list(network.neighbours(self.network_center()))
        center = network.nodes.get(self.network_center())
        return {
            "edges": edges,
            "drawing": ego_drawing(edges),
            "center_label": center.label if center else str(self.get_page_title()),
            "noun": NOUNS[self.network_kind],
            "exports": network_exports(nodes=self.network_kind, **self.network_filters()),
        }

    def render_to_response(self, context, **response_kwargs):
        context["network"] = self.network_section()
        return super().render_to_response(context, **response_kwargs)


class PersonNetworkMixin(NetworkSectionMixin):
    """The people a person met (on a DetailView of Person)."""

    network_kind = "people"

    def network_meetings(self):
        return Meeting.objects.with_person(self.object)

    def network_center(self):
        return self.object.slug

    def network_filters(self):
        return {"person": self.object.slug}


class CountryNetworkMixin(NetworkSectionMixin):
    """The countries a country met (on a view with `countries`, as CountryMixin sets)."""

    network_kind = "countries"

    def network_meetings(self):
        return Meeting.objects.with_country(self.countries[0].code)

    def network_center(self):
        return self.countries[0].code.lower()

    def network_filters(self):
        return {"country": self.countries[0].code.lower()}
