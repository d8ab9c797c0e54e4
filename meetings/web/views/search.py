"""Statement search: results, snippets and facets (the search itself is meetings.search)."""

from functools import cached_property

from django.views.generic import TemplateView

from meetings.models import Statement
from meetings.opendata.formats import DEFAULT_PAGE_SIZE, BadPageRequest, DataFormatMixin, page_parameters
from meetings.search import (
    ListedStatements,
    RankedStatements,
    clean_text,
    has_words,
    matching_statements,
    search_statements,
)
from meetings.search.facets import statement_facets
from meetings.web.filters import StatementSearchForm
from meetings.web.follow import FeedLinkMixin

from .base import PageMetaMixin, known_sort, link_with, page_number


class SearchView(DataFormatMixin, FeedLinkMixin, PageMetaMixin, TemplateView):
    feed_route, feed_keeps_query = "meetings:search-feed", True
    template_name = "meetings/search.html"
    data_kind = "statement"
    page_description = "Search every statement in the archive by words, phrase, speaker, country and date."
    facet_size = 10

    @cached_property
    def sort_notice(self):
        """The sort asked for, when it is not one the page knows (it then uses the default)."""
        return clean_text(known_sort(self.request.GET, StatementSearchForm.base_fields["sort"].choices)[1])

    @cached_property
    def form(self):
        data = known_sort(self.request.GET, StatementSearchForm.base_fields["sort"].choices)[0]
        if "q" in data:  # control characters never reach the page (the form echoes q) nor SQL
            data = data.copy()
            data["q"] = clean_text(data["q"])
        return StatementSearchForm(data or None)

    def get_page_title(self):
        query = self.form.cleaned_data.get("q") if self.form.is_bound and self.form.is_valid() else ""
        return f"Search: {clean_text(query)}" if query else "Search statements"

    def search_arguments(self):
        """(query, filters) when the form is valid, else None. Control characters are dropped."""
        if not self.form.is_bound or not self.form.is_valid():
            return None
        return clean_text(self.form.cleaned_data.get("q", "")), self.form.search_arguments()

    def get_data_errors(self):
        if self.form.is_bound and not self.form.is_valid():
            return self.form.errors.get_json_data()
        return None

    def get_data_queryset(self):
        arguments = self.search_arguments()
        if arguments is None:
            return Statement.objects.none()
        query, filters = arguments
        sort = self.form.cleaned_data.get("sort") or None
        if self.request.GET.get("format") == "json":
            if sort or has_words(query):
                # A page of the hits in the page's order, searched once for its count and rows.
                try:
                    page, per_page = page_parameters(self.request)
                except BadPageRequest:
                    page, per_page = 1, DEFAULT_PAGE_SIZE  # json_page answers 400 before searching
                return RankedStatements(query, sort=sort, page=page, per_page=per_page, **filters)
            # Without words (and sort) the API's id order, counted as the page counts.
            return ListedStatements(query, **filters)
        return matching_statements(query, **filters)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["sort_notice"] = self.sort_notice
        arguments = self.search_arguments()
        if arguments is not None and (arguments[0].strip() or any(arguments[1].values())):
            query, filters = arguments
            sort = self.form.cleaned_data.get("sort") or None
            results = search_statements(
                query, page=page_number(self.request), per_page=20, sort=sort, **filters
            )
            context["results"] = results
            if results.total and not results.past_the_end:
                facets = statement_facets(
                    query,
                    results.total,
                    results.total_is_exact,
                    self.facet_size,
                    results.facet_rows,
                    **filters,
                )
                for param, values in (
                    ("person", facets.speakers),
                    ("country", facets.speaker_countries),
                    ("meeting_country", facets.meeting_countries),
                ):
                    for row in values:
                        row.href = link_with(self.request, **{param: row.value})
                for row in facets.years:
                    row.href = link_with(
                        self.request, date_after=f"{row.value}-01-01", date_before=f"{row.value}-12-31"
                    )
                context["facets"] = facets
            context["query"] = query
        return context
