"""Thin class-based views for the public pages."""

from django.shortcuts import redirect
from django.views.generic import DetailView, TemplateView

from .models import Meeting, Organization, OrganizationRedirect, Person, PersonRedirect, SourceDocument


class HomeView(TemplateView):
    template_name = "meetings/home.html"


class RedirectMergedMixin:
    """A slug that belonged to a merged record redirects (301) to the record it was merged into."""

    redirect_model = None
    redirect_field = None

    def get(self, request, *args, **kwargs):
        slug = kwargs.get("slug")
        if not self.model.objects.filter(slug=slug).exists():
            moved = self.redirect_model.objects.filter(old_slug=slug).first()
            if moved is not None:
                return redirect(getattr(moved, self.redirect_field), permanent=True)
        return super().get(request, *args, **kwargs)


class MeetingDetailView(DetailView):
    model = Meeting


class PersonDetailView(RedirectMergedMixin, DetailView):
    model = Person
    redirect_model = PersonRedirect
    redirect_field = "person"


class OrganizationDetailView(RedirectMergedMixin, DetailView):
    model = Organization
    redirect_model = OrganizationRedirect
    redirect_field = "organization"


class SourceDocumentDetailView(DetailView):
    model = SourceDocument
