"""The list of meetings and a meeting's page."""

from functools import cached_property

from django.db.models import Count
from django.views.generic import DetailView
from django_countries import countries

from meetings.models import (
    Meeting,
)
from meetings.opendata.formats import DataFormatMixin
from meetings.web.filters import (
    MeetingFilter,
)
from meetings.web.follow import FeedLinkMixin, MeetingCiteMixin

from .base import (
    FilteredListView,
    PageMetaMixin,
    meetings_for_lists,
)


class MeetingListView(DataFormatMixin, FeedLinkMixin, FilteredListView):
    feed_route, feed_keeps_query = "meetings:meeting-list-feed", True
    model = Meeting
    filterset_class = MeetingFilter
    template_name = "meetings/meeting_list.html"
    data_kind = "meeting"
    page_description = (
        "Every meeting in the archive, filtered by country, person, organization, date and kind."
    )

    def get_base_queryset(self):
        return meetings_for_lists()

    def get_page_title(self):
        """ "Meetings" plus what the filters select, so a shared link says what it shows."""
        if not self.active_filters:
            return "Meetings"
        data = self.filterset.form.cleaned_data
        parts = [
            countries.name(data["country"]) if data.get("country") else "",
            data["person"].name if data.get("person") else "",
            str(data["organization"]) if data.get("organization") else "",
            f"with {data['with_person'].name}" if data.get("with_person") else "",
            f"with {data['with_organization']}" if data.get("with_organization") else "",
            f"“{data['q']}”" if data.get("q") else "",
            f"from {data['date_after']:%-d %b %Y}" if data.get("date_after") else "",
            f"to {data['date_before']:%-d %b %Y}" if data.get("date_before") else "",
        ]
        return "Meetings: " + ", ".join(part for part in parts if part) if any(parts) else "Meetings"


class MeetingDetailView(MeetingCiteMixin, PageMetaMixin, DetailView):
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
