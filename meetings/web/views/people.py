"""The list of people and a person's page (with a search within their statements)."""

from django.db.models import Count, Max, Min
from django.views.generic import DetailView
from django_countries.fields import Country

from meetings.models import (
    Meeting,
    Participant,
    Person,
    SourceDocument,
)
from meetings.opendata.formats import DataFormatMixin
from meetings.search import search_statements
from meetings.web.filters import (
    PersonFilter,
)
from meetings.web.follow import FeedLinkMixin, PersonCiteMixin
from meetings.web.presentation import meeting_list_link, year_chart

from .base import (
    FilteredListView,
    PageMetaMixin,
    RedirectMergedMixin,
    meetings_for_lists,
    meetings_per_year,
    page_number,
    paginate,
    query_text,
    sources_for_lists,
)
from .network import PersonNetworkMixin
from .records import RecordFormatMixin


class PersonListView(DataFormatMixin, FilteredListView):
    model = Person
    filterset_class = PersonFilter
    template_name = "meetings/person_list.html"
    data_kind = "person"
    page_title = "People"
    page_description = "Everyone who took part in a meeting in the archive, with their countries."
    paginate_by = 50

    def get_base_queryset(self):
        return (
            Person.objects.annotate(meeting_count=Count("participations"))
            .prefetch_related("aliases")
            .order_by("name", "pk")
        )


class PersonDetailView(
    RecordFormatMixin,
    RedirectMergedMixin,
    FeedLinkMixin,
    PersonCiteMixin,
    PersonNetworkMixin,
    PageMetaMixin,
    DetailView,
):
    feed_route = "meetings:person-feed"
    model = Person
    data_kind = "person"

    def get_page_title(self):
        return self.object.name

    def get_page_description(self):
        person = self.object
        country = f" ({person.country.name})" if person.country else ""
        return f"Meetings of {person.name}{country}, their roles, what they said and whom they met most."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        meetings = Meeting.objects.with_person(person)
        context["aliases"] = [alias for alias in person.aliases.all() if alias.name != person.name]
        context["roles"] = roles_over_time(person)
        context["meeting_count"] = meetings.count()
        context["chart"] = year_chart(meetings_per_year(meetings), meeting_list_link(person=person.slug))
        context["sources"] = sources_for_lists(
            SourceDocument.objects.filter(meetings__participants__person=person).distinct()
        ).order_by("-published", "pk")[:50]
        context["meetings_page"] = paginate(
            self.request, meetings_for_lists(meetings).order_by("-date", "title"), 30
        )
        context["met_most"] = (
            Person.objects.filter(participations__meeting__participants__person=person)
            .exclude(pk=person.pk)
            .annotate(shared=Count("participations__meeting", distinct=True))
            .order_by("-shared", "name")[:10]
        )
        context["statement_search"] = statement_search_for(self.request, speaker=person.slug)
        return context


def roles_over_time(person):
    """One row per office (and country or organization) held, with the forms the sources wrote it
    in: "Minister of Foreign Affairs" once, though written "Foreign Minister" in some sources."""
    rows = (
        Participant.objects.filter(person=person)
        .exclude(role="")
        .order_by()
        .values("role", "country", "organization__name")
        .annotate(first=Min("meeting__date"), last=Max("meeting__date"), n=Count("pk"))
        .order_by("first", "role")
    )
    written = {}
    for role, as_written in (
        Participant.objects.filter(person=person)
        .exclude(role="")
        .values_list("role", "role_as_written")
        .distinct()
    ):
        if as_written and as_written != role:
            written.setdefault(role, set()).add(as_written)
    return [
        {
            **row,
            "country": Country(code=row["country"]),
            "organization": row["organization__name"] or "",
            "as_written": sorted(written.get(row["role"], ())),
        }
        for row in rows
    ]


def statement_search_for(request, **filters):
    """The statements on a person's page: `q` searches within them, `statements_page` pages them."""
    query = query_text(request)
    page = page_number(request, "statements_page")
    return {"query": query, "results": search_statements(query, page=page, per_page=10, **filters)}
