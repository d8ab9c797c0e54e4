"""Countries: the list, a country's page and a pair of countries."""

from functools import cached_property

from django.db.models import Count, Q
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from django_countries import countries

from meetings.models import (
    Meeting,
    Participant,
    Person,
)
from meetings.opendata.formats import DataFormatMixin
from meetings.web.filters import (
    CountryListForm,
)
from meetings.web.follow import FeedLinkMixin
from meetings.web.presentation import meeting_list_link, year_chart

from .base import (
    PageMetaMixin,
    countries_by_meetings,
    country_or_404,
    meetings_for_lists,
    meetings_per_year,
    paginate,
)
from .network import CountryNetworkMixin


class CountryListView(DataFormatMixin, PageMetaMixin, TemplateView):
    template_name = "meetings/country_list.html"
    data_kind = "country"
    page_title = "Countries"
    page_description = "Every country that took part in or hosted a meeting, with counts."

    @cached_property
    def form(self):
        return CountryListForm(self.request.GET or None)

    def get_data_queryset(self):
        attended = dict(
            Participant.objects.exclude(country="")
            .order_by()
            .values("country")
            .annotate(n=Count("meeting", distinct=True))
            .values_list("country", "n")
        )
        hosted = dict(
            Meeting.objects.exclude(country="")
            .order_by()
            .values("country")
            .annotate(n=Count("pk"))
            .values_list("country", "n")
        )
        people = dict(
            Person.objects.exclude(country="")
            .order_by()
            .values("country")
            .annotate(n=Count("pk"))
            .values_list("country", "n")
        )
        query = ""
        if self.form.is_bound and self.form.is_valid():
            query = self.form.cleaned_data["q"].strip().lower()
        rows = []
        for code in set(attended) | set(hosted) | set(people):
            name = countries.name(code)
            if not name or (query and query not in name.lower() and query != code.lower()):
                continue
            rows.append(
                {
                    "code": code,
                    "name": name,
                    "meetings": attended.get(code, 0),
                    "hosted": hosted.get(code, 0),
                    "people": people.get(code, 0),
                    "url": reverse("meetings:country-detail", args=[code.lower()]),
                }
            )
        rows.sort(key=lambda row: (-row["meetings"], -row["hosted"], row["name"]))
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["rows"] = self.get_data_queryset()
        return context


class CountryMixin(PageMetaMixin):
    """Resolves lower-case ISO codes from the URL; upper case redirects, unknown codes 404."""

    def get(self, request, *args, **kwargs):
        codes = [kwargs[key] for key in ("code", "other") if key in kwargs]
        if any(code != code.lower() for code in codes):
            return redirect(request.path.lower() + ("?" + request.GET.urlencode() if request.GET else ""))
        self.countries = [country_or_404(code) for code in codes]
        return super().get(request, *args, **kwargs)


class CountryDetailView(CountryMixin, FeedLinkMixin, CountryNetworkMixin, TemplateView):
    feed_route = "meetings:country-feed"
    template_name = "meetings/country_detail.html"

    def get_page_title(self):
        return self.countries[0].name

    def get_page_description(self):
        return f"Meetings {self.countries[0].name} took part in or hosted, its counterparts and its people."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        country = self.countries[0]
        code = country.code
        meetings = Meeting.objects.with_country(code)
        context["country"] = country
        context["meeting_count"] = meetings.count()
        context["hosted_count"] = Meeting.objects.filter(country=code).count()
        context["chart"] = year_chart(meetings_per_year(meetings), meeting_list_link(country=code))
        context["meetings_page"] = paginate(self.request, meetings_for_lists(meetings), 25)
        others = Participant.objects.filter(meeting__in=meetings.values("pk")).exclude(country=code)
        context["counterparts"] = countries_by_meetings(others, 30)
        people = Person.objects.filter(country=code)
        context["people_count"] = people.count()
        context["people"] = people.annotate(
            meeting_count=Count("participations"),
            principal_count=Count("participations", filter=Q(participations__is_principal=True)),
        ).order_by("-principal_count", "-meeting_count", "name")[:30]
        return context


class CountryPairView(CountryMixin, FeedLinkMixin, TemplateView):
    feed_route = "meetings:country-pair-feed"
    template_name = "meetings/country_pair.html"

    def get(self, request, *args, **kwargs):
        code, other = kwargs["code"].lower(), kwargs["other"].lower()
        if code == other:
            return redirect("meetings:country-detail", code=code)
        if code > other:  # one address per pair: the codes in alphabetical order
            query = request.GET.urlencode()
            url = reverse("meetings:country-pair", args=[other, code]) + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(url)
        return super().get(request, *args, **kwargs)

    @cached_property
    def year(self):
        """The year asked for with ?year= (a chart bar's link), or None."""
        raw = self.request.GET.get("year", "")
        return int(raw) if raw.isascii() and raw.isdigit() and 1 <= len(raw) <= 4 and int(raw) > 0 else None

    def get_page_title(self):
        first, second = self.countries
        return f"{first.name} and {second.name}"

    def get_page_description(self):
        first, second = self.countries
        return f"Meetings between {first.name} and {second.name} over time."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        first, second = self.countries
        meetings = Meeting.objects.with_country(first.code).with_country(second.code)
        context["first"], context["second"] = first, second
        context["meeting_count"] = meetings.count()
        here = reverse("meetings:country-pair", args=[first.code.lower(), second.code.lower()])
        context["chart"] = year_chart(meetings_per_year(meetings), lambda year: f"{here}?year={year}")
        if self.year:
            meetings = meetings.filter(date__year=self.year)
        context["year"] = self.year
        context["meetings_page"] = paginate(
            self.request, meetings_for_lists(meetings).order_by("date", "title"), 50
        )
        return context
