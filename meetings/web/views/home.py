"""The home page: counts, latest meetings, the most active countries and people."""

from django.db.models import Count, Q
from django.views.generic import TemplateView

from meetings.models import (
    Meeting,
    Participant,
    Person,
    SourceDocument,
    Statement,
)
from meetings.web.follow import FeedLinkMixin

from .base import (
    PageMetaMixin,
    countries_by_meetings,
    meetings_for_lists,
)


class HomeView(FeedLinkMixin, PageMetaMixin, TemplateView):
    feed_route = "meetings:feed"
    template_name = "meetings/home.html"
    page_title = ""
    page_description = (
        "Who met whom, when and where, what each side said, and the source sentence behind every record."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = {
            "meetings": Meeting.objects.count(),
            "people": Person.objects.count(),
            "statements": Statement.objects.count(),
            "sources": SourceDocument.objects.count(),
        }
        context["latest_meetings"] = meetings_for_lists().order_by("-date", "title")[:8]
        context["active_countries"] = countries_by_meetings(Participant.objects.all(), 10)
        # Ranked by meetings as a principal (head of their side), so the assistants of one
        # meeting do not pad the list; then by meetings at all.
        context["active_people"] = (
            Person.objects.annotate(
                principal_count=Count("participations", filter=Q(participations__is_principal=True)),
                meeting_count=Count("participations"),
            )
            .filter(meeting_count__gt=0)
            .order_by("-principal_count", "-meeting_count", "name")[:10]
        )
        return context
