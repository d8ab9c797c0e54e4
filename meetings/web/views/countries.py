"""Countries: the list, a country's page and a pair of countries."""

from functools import cached_property

from django.db.models import Count
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
from meetings.web.presentation import year_chart

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
        context["chart"] = year_chart(meetings_per_year(meetings))
        context["meetings_page"] = paginate(self.request, meetings_for_lists(meetings), 25)
        others = Participant.objects.filter(meeting__in=meetings.values("pk")).exclude(country=code)
        context["counterparts"] = countries_by_meetings(others, 30)
        people = Person.objects.filter(country=code)
        context["people_count"] = people.count()
        context["people"] = people.annotate(meeting_count=Count("participations")).order_by(
            "-meeting_count", "name"
        )[:30]
        return context


class CountryPairView(CountryMixin, FeedLinkMixin, TemplateView):
    feed_route = "meetings:country-pair-feed"
    template_name = "meetings/country_pair.html"

    def get(self, request, *args, **kwargs):
        if kwargs["code"].lower() == kwargs["other"].lower():
            return redirect("meetings:country-detail", code=kwargs["code"].lower())
        return super().get(request, *args, **kwargs)

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
        context["chart"] = year_chart(meetings_per_year(meetings))
        context["meetings_page"] = paginate(
            self.request, meetings_for_lists(meetings).order_by("date", "title"), 50
        )
        return context
