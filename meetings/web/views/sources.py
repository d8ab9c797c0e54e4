"""A source document's page: the original text with every extracted statement marked."""

from django.views.generic import DetailView

from meetings.models import (
    SourceDocument,
)
from meetings.web.follow import SourceCiteMixin
from meetings.web.presentation import highlight_statements

from .base import (
    PageMetaMixin,
)


class SourceDocumentDetailView(SourceCiteMixin, PageMetaMixin, DetailView):
    model = SourceDocument
    template_name = "meetings/sourcedocument_detail.html"

    def get_page_title(self):
        return f"Source: {self.object}"

    def get_page_description(self):
        source = self.object
        published = f", published {source.published:%-d %B %Y}" if source.published else ""
        return f"The original text of “{source}”{published}, with every extracted statement marked."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.object
        statements = list(
            source.statements.select_related("meeting", "speaker").order_by("start", "order", "pk")
        )
        context["statements"] = statements
        context["highlighted_text"] = highlight_statements(source.text, statements)
        context["meetings"] = source.meetings.order_by("-date", "title")
        return context
