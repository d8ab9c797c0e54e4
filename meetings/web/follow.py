"""What a page offers for following and reusing it, put in its context for the page head and the
partials (templates/meetings/_follow_head.html, _follow.html, _cite.html): the Atom feed of the
page, the citation of its record and its schema.org JSON-LD.

`FeedLinkMixin` goes in a page view's bases with `feed_route`, the name of the feed's URL; the
feed takes the page's own URL arguments (a slug, country codes) and, for the list pages, its
query string, so the feed of `/meetings/?country=az` is `/feeds/meetings/?country=az`.
The `...CiteMixin`s go in detail views' bases: citation (meetings.opendata.citations) and
structured data (meetings.opendata.jsonld) of `self.object`.
"""

from django.urls import reverse
from django.utils import timezone

from meetings.opendata import citations, jsonld
from meetings.opendata.record_urls import UrlBuilder


def query_without(request, *names):
    """The request's query string ("?a=1", or "") without the parameters `names`."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


class FeedLinkMixin:
    feed_route = None
    feed_keeps_query = False  # list pages: the feed takes the page's filters

    def get_feed_url(self):
        url = reverse(self.feed_route, kwargs=self.kwargs)
        if self.feed_keeps_query:
            url += query_without(self.request, "page", "format", "sort", "statements_page")
        return url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        title = context.get("page_title") or self.get_page_title() or "Diplomatic Meetings Archive"
        context["feed"] = {"url": self.get_feed_url(), "title": f"{title} (Atom feed)"}
        return context


# ---------------------------------------------------------------- citations and structured data

CITE_PATHS = {"meeting": "meetings", "statement": "statements", "person": "people", "source": "sources"}


def cite_links(kind, identifier):
    """The addresses of a record's citation: its page, BibTeX and CSL-JSON."""
    args = [CITE_PATHS[kind], identifier]
    return {
        "page": reverse("meetings:cite", args=args),
        "bibtex": reverse("meetings:cite-bibtex", args=args),
        "csl": reverse("meetings:cite-csl", args=args),
    }


def citation_of(kind, record, request, **loaded):
    """The Citation of `record` as seen from `request` (absolute URL, accessed today)."""
    url = request.build_absolute_uri(record.get_absolute_url())
    return CITATION_BUILDERS[kind](record, url, timezone.localdate(), **loaded)


CITATION_BUILDERS = {
    "meeting": citations.meeting_citation,
    "statement": citations.statement_citation,
    "person": citations.person_citation,
    "source": citations.source_citation,
}


class CiteMixin:
    """A detail page's citation (`citation`, `cite_links`: the head's meta tags and _cite.html) and
    its schema.org JSON-LD (`structured_data`, from `get_structured_data(context)`, or none)."""

    citation_kind = None

    def get_citation_loaded(self, context):
        return {}

    def get_structured_data(self, context):
        return None

    def render_to_response(self, context, **response_kwargs):
        # Here rather than in get_context_data: this runs after the view's own context is complete.
        if self.citation_kind:
            record = self.object
            loaded = self.get_citation_loaded(context)
            context["citation"] = citation_of(self.citation_kind, record, self.request, **loaded)
            context["cite_links"] = cite_links(self.citation_kind, context["citation"].identifier)
        data = self.get_structured_data(context)
        if data is not None:
            context["structured_data"] = jsonld.script_tag(data)
        return super().render_to_response(context, **response_kwargs)


class MeetingCiteMixin(CiteMixin):
    """Needs the view's `participants` (with person and organization) and context["sources"]."""

    citation_kind = "meeting"

    def get_citation_loaded(self, context):
        return {"sources": list(context["sources"])}

    def get_structured_data(self, context):
        urls = UrlBuilder(self.request)
        return jsonld.meeting_event(self.object, self.participants, list(context["sources"]), urls)


class PersonCiteMixin(CiteMixin):
    citation_kind = "person"

    def get_structured_data(self, context):
        aliases = [alias.name for alias in context.get("aliases", [])]
        return jsonld.person_data(self.object, aliases, UrlBuilder(self.request))


class OrganizationCiteMixin(CiteMixin):
    def get_structured_data(self, context):
        aliases = [alias.name for alias in context.get("aliases", [])]
        return jsonld.organization_data(self.object, aliases, UrlBuilder(self.request))


class SourceCiteMixin(CiteMixin):
    citation_kind = "source"
