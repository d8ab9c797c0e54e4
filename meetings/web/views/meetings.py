"""The list of meetings and a meeting's page."""

from functools import cached_property

from django.db.models import Count
from django.views.generic import DetailView
from django_countries import countries

from meetings.models import (
    Meeting,
)
from meetings.opendata.formats import DataFormatMixin
from meetings.search import clean_text
from meetings.web.facets import meeting_facets
from meetings.web.filters import (
    MeetingFilter,
)

from .base import (
    FilteredListView,
    PageMetaMixin,
    known_sort,
    link_with,
    meetings_for_lists,
)


class MeetingListView(DataFormatMixin, FilteredListView):
    model = Meeting
    filterset_class = MeetingFilter
    template_name = "meetings/meeting_list.html"
    data_kind = "meeting"
    page_description = (
        "Every meeting in the archive, filtered by country, person, organization, date and kind."
    )

    def get_base_queryset(self):
        return meetings_for_lists()

    @cached_property
    def sort_notice(self):
        """The sort asked for, when it is not one the list knows (it then uses the default)."""
        return clean_text(
            known_sort(self.request.GET, MeetingFilter.base_filters["sort"].extra["choices"])[1]
        )

    @cached_property
    def filterset(self):
        data = known_sort(self.request.GET, MeetingFilter.base_filters["sort"].extra["choices"])[0]
        return self.filterset_class(data or None, queryset=self.get_base_queryset(), request=self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sort_notice"] = self.sort_notice
        if context["result_count"]:
            facets = meeting_facets(self.get_queryset(), context["result_count"])
            params = {
                "countries": "country",
                "people": "person",
                "organizations": "organization",
                "kinds": "kind",
            }
            for key, param in params.items():
                for row in facets[key]:
                    row.href = link_with(self.request, **{param: row.value})
            for row in facets["years"]:
                row.href = link_with(
                    self.request, date_after=f"{row.value}-01-01", date_before=f"{row.value}-12-31"
                )
            context["facets"] = facets
        return context

    def get_page_title(self):
        """ "Meetings" plus what the filters select, so a shared link says what it shows."""
        if not self.active_filters:
            return "Meetings"
        data = self.filterset.form.cleaned_data
        parts = [
            countries.name(data["country"]) if data.get("country") else "",
            data["person"].name if data.get("person") else "",
            str(data["organization"]) if data.get("organization") else "",
            f"“{data['q']}”" if data.get("q") else "",
            f"from {data['date_after']:%-d %b %Y}" if data.get("date_after") else "",
            f"to {data['date_before']:%-d %b %Y}" if data.get("date_before") else "",
        ]
        return "Meetings: " + ", ".join(part for part in parts if part) if any(parts) else "Meetings"


class MeetingDetailView(PageMetaMixin, DetailView):
    model = Meeting

    def get_page_title(self):
        return str(self.object)

    def get_page_description(self):
        meeting = self.object
        names = ", ".join(p.person.name for p in self.participants[:4])
        place = ", ".join(part for part in (meeting.city, meeting.country.name) if part)
        bits = [meeting.date.strftime("%-d %B %Y") if meeting.date else "", place, names]
        return meeting.summary[:200] or " · ".join(bit for bit in bits if bit)

    @cached_property
    def participants(self):
        return list(
            self.object.participants.select_related("person", "organization").order_by("country", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        groups = []
        for participant in self.participants:
            if groups and groups[-1][0].code == participant.country.code:
                groups[-1][1].append(participant)
            else:
                groups.append((participant.country, [participant]))
        context["participant_groups"] = groups
        context["statements"] = meeting.statements.select_related("speaker", "source").order_by("order", "pk")
        context["people_mentioned"] = meeting.people_mentioned.order_by("name")
        context["organizations_mentioned"] = meeting.organizations_mentioned.order_by("name")
        context["sources"] = meeting.sources.defer("text")
        people = [participant.person_id for participant in self.participants]
        context["related_meetings"] = (
            Meeting.objects.filter(participants__person__in=people)
            .exclude(pk=meeting.pk)
            .annotate(shared=Count("participants"))
            .order_by("-shared", "-date", "title")[:6]
        )
        return context
