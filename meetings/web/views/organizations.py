"""The list of organizations and an organization's page."""

from django.db.models import Count
from django.db.models.functions import Lower
from django.views.generic import DetailView

from meetings.models import (
    Meeting,
    Organization,
    Person,
    SourceDocument,
)
from meetings.opendata.formats import DataFormatMixin
from meetings.web.filters import (
    OrganizationFilter,
)
from meetings.web.follow import FeedLinkMixin, OrganizationCiteMixin

from .base import (
    FilteredListView,
    PageMetaMixin,
    RedirectMergedMixin,
    meetings_for_lists,
    paginate,
    sources_for_lists,
)
from .records import RecordFormatMixin


class OrganizationListView(DataFormatMixin, FilteredListView):
    model = Organization
    filterset_class = OrganizationFilter
    template_name = "meetings/organization_list.html"
    data_kind = "organization"
    page_title = "Organizations"
    page_description = "International bodies, government agencies, NGOs and media named in the meetings."
    paginate_by = 50

    def get_base_queryset(self):
        mentioned = Count("mentioned_in", distinct=True)
        return Organization.objects.annotate(meeting_count=mentioned).order_by(Lower("name"), "pk")


class OrganizationDetailView(
    RecordFormatMixin, RedirectMergedMixin, FeedLinkMixin, OrganizationCiteMixin, PageMetaMixin, DetailView
):
    feed_route = "meetings:organization-feed"
    model = Organization
    data_kind = "organization"

    def get_page_title(self):
        return str(self.object)

    def get_page_description(self):
        return f"Meetings and people of {self.object}."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        meetings = Meeting.objects.with_organization(organization)
        context["aliases"] = organization.aliases.all()
        context["meeting_count"] = meetings.count()
        context["meetings_page"] = paginate(self.request, meetings_for_lists(meetings), 25)
        context["people"] = (
            Person.objects.filter(participations__organization=organization)
            .annotate(meeting_count=Count("participations"))
            .order_by("-meeting_count", "name")[:50]
        )
        sources = SourceDocument.objects.filter(meetings__in=meetings.values("pk")).distinct()
        context["sources"] = sources_for_lists(sources).order_by("-published", "pk")[:50]
        return context
