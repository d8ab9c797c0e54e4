"""The list of meetings and a meeting's page."""

from functools import cached_property

from django.db.models import Count, Prefetch
from django.urls import reverse
from django.views.generic import DetailView
from django_countries import countries

from meetings.models import (
    Meeting,
    Organization,
    Person,
    SourceMark,
)
from meetings.opendata.formats import DataFormatMixin
from meetings.search import clean_text
from meetings.web.facets import meeting_facets
from meetings.web.filters import (
    MeetingFilter,
)
from meetings.web.follow import FeedLinkMixin, MeetingCiteMixin
from meetings.web.paragraphs import SHOWN_PARAGRAPHS

from .base import (
    FilteredListView,
    PageMetaMixin,
    known_sort,
    link_with,
    meetings_for_lists,
    sources_for_lists,
)
from .records import RecordFormatMixin


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
        context["suggestions"] = filter_suggestions()
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
            f"with {data['with_person'].name}" if data.get("with_person") else "",
            f"with {data['with_organization']}" if data.get("with_organization") else "",
            f"“{data['q']}”" if data.get("q") else "",
            f"from {data['date_after']:%-d %b %Y}" if data.get("date_after") else "",
            f"to {data['date_before']:%-d %b %Y}" if data.get("date_before") else "",
        ]
        return "Meetings: " + ", ".join(part for part in parts if part) if any(parts) else "Meetings"


class MeetingDetailView(RecordFormatMixin, MeetingCiteMixin, PageMetaMixin, DetailView):
    model = Meeting
    data_kind = "meeting"

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
        marks = Prefetch("source_marks", queryset=SourceMark.objects.order_by("source_id", "start"))
        return list(
            self.object.participants.select_related("person", "organization")
            .prefetch_related(marks)
            .order_by("-is_principal", "country", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        context["participant_groups"] = participant_groups(self.participants)
        context["statements"] = meeting.statements.select_related("speaker", "source").order_by("order", "pk")
        context["fact_marks"] = meeting.source_marks.filter(participant=None).order_by("field", "source_id")
        context["shown_paragraphs"] = SHOWN_PARAGRAPHS
        context["people_mentioned"] = meeting.people_mentioned.order_by("name")
        context["organizations_mentioned"] = meeting.organizations_mentioned.order_by("name")
        context["sources"] = sources_for_lists(meeting.sources.all())
        people = [participant.person_id for participant in self.participants]
        context["related_meetings"] = (
            Meeting.objects.filter(participants__person__in=people)
            .exclude(pk=meeting.pk)
            .annotate(shared=Count("participants"))
            .order_by("-shared", "-date", "title")[:6]
        )
        return context


SUGGESTIONS = 300


def filter_suggestions():
    """Names for the person and organization fields' <datalist>s: those in most meetings first."""
    people = (
        Person.objects.annotate(n=Count("participations"))
        .filter(n__gt=0)
        .order_by("-n", "name")
        .values_list("name", flat=True)[:SUGGESTIONS]
    )
    organizations = (
        Organization.objects.annotate(
            n=Count("participations", distinct=True) + Count("mentioned_in", distinct=True)
        )
        .order_by("-n", "name")
        .values_list("name", flat=True)[:SUGGESTIONS]
    )
    return {"person": sorted(people), "organization": sorted(organizations)}


def participant_groups(participants):
    """Participants by side, as the page lists them: those who speak for an organization (other
    than a government body) under it, the others under the state they represent. The side of a
    principal comes first; the order within a side is the page's (principals first)."""
    groups = {}
    for participant in participants:
        organization = participant.organization
        if organization is not None and organization.kind != Organization.Kind.GOVERNMENT:
            key = ("organization", organization.pk)
            label, url = str(organization), organization.get_absolute_url()
        elif participant.country:
            key = ("country", participant.country.code)
            label = participant.country.name
            url = reverse("meetings:country-detail", args=[participant.country.code.lower()])
        else:
            key, label, url = ("none", ""), "", None
        group = groups.setdefault(key, {"kind": key[0], "label": label, "url": url, "participants": []})
        group["participants"].append(participant)
    return list(groups.values())
