"""What the public page views (meetings/web/views.py) are built from: page titles and descriptions,
filtered and paginated lists, the redirect from a merged record's old slug, and the meeting
querysets that lists share.
"""

from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.db.models.functions import ExtractYear, Substr
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.text import slugify
from django.views.generic import ListView
from django_countries import countries
from django_countries.fields import Country

from meetings.models import Meeting, Participant
from meetings.search import clean_text


def participants_prefetch():
    """Participants with their people, in the order the pages show them."""
    return Prefetch(
        "participants",
        queryset=Participant.objects.select_related("person").order_by("country", "pk"),
    )


def meetings_for_lists(queryset=None):
    return (queryset if queryset is not None else Meeting.objects.all()).prefetch_related(
        participants_prefetch()
    )


def sources_for_lists(sources):
    """Source documents without their text, but with its opening (`opening`), which names a
    source that has no title (see presentation.source_title)."""
    return sources.defer("text").annotate(opening=Substr("text", 1, 270))


def meetings_per_year(meetings):
    """{year: count} for a queryset of meetings (one aggregate query)."""
    rows = (
        meetings.exclude(date=None)
        .annotate(year=ExtractYear("date"))
        .order_by()
        .values("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    return dict(rows)


def countries_by_meetings(participants, limit):
    """[(Country, number of meetings)] for the countries of `participants`, most meetings first."""
    rows = (
        participants.exclude(country="")
        .order_by()
        .values("country")
        .annotate(n=Count("meeting", distinct=True))
        .order_by("-n", "country")[:limit]
    )
    return [(Country(code=row["country"]), row["n"]) for row in rows]


# No list has a million pages; a larger number is treated as this one, so the offset a page number
# turns into stays far inside the database's 64-bit integers (2**63 - 1 overflowed before).
MAX_PAGE_NUMBER = 10**6


def paginate(request, queryset, per_page, param="page"):
    """A page of `queryset`; a missing, malformed or too large page number falls back gracefully
    (Paginator counts first, so a number past the end shows the last page)."""
    return Paginator(queryset, per_page).get_page(page_number(request, param))


def page_number(request, param="page"):
    """The page asked for in `param`, from 1 to MAX_PAGE_NUMBER; a missing or malformed number
    (not digits, or thousands of them) means page 1, a larger one MAX_PAGE_NUMBER."""
    raw = request.GET.get(param, "").strip()
    if not (raw.isascii() and raw.isdigit()):
        return 1
    if len(raw) > len(str(MAX_PAGE_NUMBER)):
        return MAX_PAGE_NUMBER
    return min(MAX_PAGE_NUMBER, max(1, int(raw)))


def query_text(request, param="q", max_length=500):
    """Free text from the query string as the search can take it: at most `max_length`
    characters, without control characters (NUL, which PostgreSQL refuses in any string, among
    them): the search's own `clean_text`."""
    return clean_text(request.GET.get(param, ""))[:max_length]


def country_or_404(code):
    name = countries.name(code.upper()) if code and len(code) == 2 else ""
    if not name:
        raise Http404("No such country code.")
    return Country(code=code.upper())


class PageMetaMixin:
    """Page title and description for <title>, the meta description and Open Graph tags."""

    page_title = ""
    page_description = ""

    def get_page_title(self):
        return self.page_title

    def get_page_description(self):
        return self.page_description

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.get_page_title()
        context["page_description"] = self.get_page_description()
        return context


class FilteredListView(PageMetaMixin, ListView):
    """A list with a FilterSet. An invalid filter gives the form back with its errors and no rows;
    a bad page number shows the nearest page instead of an error."""

    filterset_class = None
    paginate_by = 25

    def get_base_queryset(self):
        return self.model.objects.all()

    @cached_property
    def filterset(self):
        return self.filterset_class(
            self.request.GET or None, queryset=self.get_base_queryset(), request=self.request
        )

    @property
    def filters_are_valid(self):
        return not self.filterset.is_bound or self.filterset.is_valid()

    def get_queryset(self):
        if not self.filters_are_valid:
            return self.get_base_queryset().none()
        return self.filterset.qs

    def get_data_queryset(self):
        return self.get_queryset()

    def paginate_queryset(self, queryset, page_size):
        page = paginate(self.request, queryset, page_size, self.page_kwarg)
        return page.paginator, page, page.object_list, page.has_other_pages()

    @property
    def active_filters(self):
        if not self.filterset.is_bound or not self.filterset.is_valid():
            return False
        data = self.filterset.form.cleaned_data
        return any(value not in (None, "") for key, value in data.items() if key != "sort")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["form"] = self.filterset.form
        context["active_filters"] = self.active_filters
        context["result_count"] = context["paginator"].count
        return context


def spelled_as(model, slug):
    """The one record with a stored spelling (alias, or acronym) whose slug is `slug`, else None:
    /people/sergei-lavrov/ finds the person also written "Sergei Lavrov"."""
    words = [word for word in slug.split("-") if word]
    if not words or len(slug) > 200:
        return None
    longest = max(words, key=len)
    alias_model = model.aliases.rel.related_model
    owner = model._meta.model_name
    rows = alias_model.objects.filter(name__icontains=longest).values_list(owner, "name")[:200]
    # "S.Lavrov" is reached as s-lavrov (and slavrov).
    owners = {pk for pk, name in rows if slug in (slugify(name), slugify(name.replace(".", " ")))}
    if hasattr(model, "acronym"):
        owners |= set(model.objects.filter(acronym__iexact=slug).values_list("pk", flat=True))
    return model.objects.get(pk=owners.pop()) if len(owners) == 1 else None


class RedirectMergedMixin:
    """A slug that belonged to a merged or renamed record, or that spells one of its stored
    names, redirects (301) to the record, with the query string kept."""

    def get(self, request, *args, **kwargs):
        slug = kwargs.get("slug")
        if not self.model.objects.filter(slug=slug).exists():
            moved = self.model.moved_from(slug) or spelled_as(self.model, slug)
            if moved is not None:
                query = request.GET.urlencode()
                return HttpResponsePermanentRedirect(
                    moved.get_absolute_url() + (f"?{query}" if query else "")
                )
        return super().get(request, *args, **kwargs)


def known_sort(query_dict, choices, param="sort"):
    """(the request's parameters, the unknown sort asked for or ""): an unknown sort is left out,
    so the page falls back to its default order and says so instead of failing."""
    asked = query_dict.get(param, "")
    if asked in {value for value, _ in choices}:
        return query_dict, ""
    data = query_dict.copy()
    data.pop(param, None)
    return data, asked


def link_with(request, **changes):
    """This page's address with `changes` to its parameters and back to page 1 (facet links)."""
    params = request.GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()
