"""Source documents: the list (`/sources/`) and a source's page, its original text with every
sentence a record came from marked (statements, and the date, place and participants of its
meetings)."""

from django.db.models import Count
from django.views.generic import DetailView

from meetings.models import (
    SourceDocument,
)
from meetings.opendata.formats import DataFormatMixin
from meetings.web.filters import SourceFilter
from meetings.web.follow import SourceCiteMixin
from meetings.web.presentation import source_title
from meetings.web.source_text import highlight_source

from .base import (
    FilteredListView,
    PageMetaMixin,
    sources_for_lists,
)
from .records import RecordFormatMixin


class SourceDocumentListView(DataFormatMixin, FilteredListView):
    model = SourceDocument
    filterset_class = SourceFilter
    template_name = "meetings/sourcedocument_list.html"
    data_kind = "source"
    page_title = "Sources"
    page_description = (
        "The press releases and articles every record comes from, by publisher, date and format."
    )
    paginate_by = 50

    def get_base_queryset(self):
        return (
            sources_for_lists(SourceDocument.objects.all())
            .annotate(
                meeting_count=Count("meetings", distinct=True),
                statement_count=Count("statements", distinct=True),
            )
            .order_by("-published", "title", "pk")
        )


class SourceDocumentDetailView(RecordFormatMixin, SourceCiteMixin, PageMetaMixin, DetailView):
    model = SourceDocument
    template_name = "meetings/sourcedocument_detail.html"
    data_kind = "source"

    def get_page_title(self):
        return f"Source: {source_title(self.object)}"

    def get_page_description(self):
        source = self.object
        published = f", published {source.published:%-d %B %Y}" if source.published else ""
        return f"The original text of “{source_title(source)}”{published}, with every sentence a record came from marked."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.object
        statements = list(
            source.statements.select_related("meeting", "speaker").order_by("start", "order", "pk")
        )
        marks = list(source.marks.select_related("meeting", "participant__person").order_by("start", "pk"))
        context["statements"] = statements
        context["marks"] = marks
        context["highlighted_text"] = highlight_source(source.text, statements, marks)
        context["meetings"] = source.meetings.order_by("-date", "title")
        return context
