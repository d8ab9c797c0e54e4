"""Statement search: results, snippets and facets (the search itself is meetings.search)."""

from functools import cached_property

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.views.generic import TemplateView
from django_countries.fields import Country

from meetings.models import (
    Statement,
)
from meetings.opendata.formats import DataFormatMixin
from meetings.search import matching_statements, search_statements
from meetings.web.filters import (
    StatementSearchForm,
)
from meetings.web.follow import FeedLinkMixin

from .base import (
    PageMetaMixin,
    page_number,
)


class SearchView(DataFormatMixin, FeedLinkMixin, PageMetaMixin, TemplateView):
    feed_route, feed_keeps_query = "meetings:search-feed", True
    template_name = "meetings/search.html"
    data_kind = "statement"
    page_description = "Search every statement in the archive by words, phrase, speaker, country and date."
    facet_size = 10

    @cached_property
    def form(self):
        return StatementSearchForm(self.request.GET or None)

    def get_page_title(self):
        query = self.form.cleaned_data.get("q") if self.form.is_bound and self.form.is_valid() else ""
        return f"Search: {query}" if query else "Search statements"

    def search_arguments(self):
        """(query, filters) when the form is valid, else None."""
        if not self.form.is_bound or not self.form.is_valid():
            return None
        return self.form.cleaned_data.get("q", ""), self.form.search_arguments()

    def get_data_errors(self):
        if self.form.is_bound and not self.form.is_valid():
            return self.form.errors.get_json_data()
        return None

    def get_data_queryset(self):
        arguments = self.search_arguments()
        if arguments is None:
            return Statement.objects.none()
        query, filters = arguments
        return matching_statements(query, **filters)

    def facets(self, query, filters):
        """Counts by speaker, speaker's country and year over every match (bounded aggregates)."""
        matches = Statement.objects.filter(pk__in=matching_statements(query, **filters).values("pk"))
        speakers = (
            matches.exclude(speaker=None)
            .order_by()
            .values("speaker__slug", "speaker__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "speaker__name")[: self.facet_size]
        )
        by_country = (
            matches.exclude(speaker__country="")
            .exclude(speaker=None)
            .order_by()
            .values("speaker__country")
            .annotate(n=Count("pk"))
            .order_by("-n", "speaker__country")[: self.facet_size]
        )
        years = (
            matches.exclude(meeting__date=None)
            .annotate(year=ExtractYear("meeting__date"))
            .order_by()
            .values("year")
            .annotate(n=Count("pk"))
            .order_by("-year")[:30]
        )
        return {
            "speakers": list(speakers),
            "countries": [(Country(code=row["speaker__country"]), row["n"]) for row in by_country],
            "years": list(years),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        arguments = self.search_arguments()
        if arguments is not None and (arguments[0] or any(arguments[1].values())):
            query, filters = arguments
            page = page_number(self.request)
            context["results"] = search_statements(query, page=page, per_page=20, **filters)
            context["facets"] = self.facets(query, filters)
            context["query"] = query
        return context
