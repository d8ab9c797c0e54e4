"""Citing a record: /cite/<kind>/<identifier>/ shows the ready citation, the BibTeX and CSL-JSON
(downloadable at .bib and .json beside it) and carries citation meta tags for Zotero.
The formats themselves are meetings.opendata.citations."""

import re

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from meetings.models import Meeting, Person, SourceDocument, Statement
from meetings.web.follow import CITE_PATHS, citation_of, cite_links

from .base import PageMetaMixin

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,120}")
KIND_OF_PATH = {path: kind for kind, path in CITE_PATHS.items()}
CONTENT_TYPES = {
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "csl": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


def cited_record(kinds, identifier):
    """(kind, record) for a citation address; a merged person's old slug gives (kind, None, new
    slug) to redirect to; anything unknown is a 404."""
    kind = KIND_OF_PATH.get(kinds)
    if kind is None:
        raise Http404("Only meetings, statements, people and sources can be cited.")
    if kind in ("statement", "source") and not (identifier.isdigit() and len(identifier) <= 18):
        raise Http404(f"A {kind} is cited by its number.")
    if kind in ("meeting", "person") and not SLUG.fullmatch(identifier):
        raise Http404(f"A {kind} is cited by its slug.")
    if kind == "meeting":
        return kind, get_object_or_404(Meeting, slug=identifier)
    if kind == "statement":
        statements = Statement.objects.select_related("meeting", "speaker", "source")
        return kind, get_object_or_404(statements, pk=int(identifier))
    if kind == "source":
        return kind, get_object_or_404(SourceDocument.objects.defer("text"), pk=int(identifier))
    person = Person.objects.filter(slug=identifier).first() or Person.moved_from(identifier)
    if person is None:
        raise Http404("No such person.")
    return kind, person


class MovedMixin:
    def get(self, request, *args, **kwargs):
        self.kind, self.record = cited_record(kwargs["kinds"], kwargs["identifier"])
        if self.kind == "person" and self.record.slug != kwargs["identifier"]:
            return redirect(
                request.resolver_match.view_name, kwargs["kinds"], self.record.slug, permanent=True
            )
        return super().get(request, *args, **kwargs)


class CitationView(MovedMixin, PageMetaMixin, TemplateView):
    template_name = "meetings/cite.html"

    def get_page_title(self):
        return f"Cite: {self.citation.title}"

    def get_page_description(self):
        return f"How to cite “{self.citation.title}”: ready text, BibTeX and CSL-JSON."

    @property
    def citation(self):
        if not hasattr(self, "_citation"):
            self._citation = citation_of(self.kind, self.record, self.request)
        return self._citation

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["citation"] = self.citation
        context["cite_links"] = cite_links(self.kind, self.citation.identifier)
        context["record"] = self.record
        context["kind"] = self.kind
        return context


class CitationDownloadView(MovedMixin, TemplateView):
    """The BibTeX (`format="bibtex"`) or CSL-JSON (`format="csl"`) file of a record's citation."""

    format = "bibtex"

    def render_to_response(self, context, **response_kwargs):
        citation = citation_of(self.kind, self.record, self.request)
        content_type, extension = CONTENT_TYPES[self.format]
        body = citation.bibtex if self.format == "bibtex" else citation.csl_json
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{citation.key}.{extension}"'
        response["Access-Control-Allow-Origin"] = "*"
        return response
