"""Thin class-based views for the public pages.

Each view composes querysets (select_related / prefetch_related where a template loops) and hands
them to a template; the number of queries a page runs does not grow with the data. Filters live in
meetings/filters.py, the chart and the highlighted source text in meetings/presentation.py, and
what the views share (titles, filtered lists, pagination, redirects of merged slugs) in
meetings/view_base.py.
"""

from functools import cached_property

from django.db.models import Count, Max, Min
from django.db.models.functions import ExtractYear
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import DetailView, TemplateView
from django_countries import countries
from django_countries.fields import Country

from .filters import (
    CountryListForm,
    MeetingFilter,
    OrganizationFilter,
    PersonFilter,
    StatementSearchForm,
)
from .formats import DataFormatMixin
from .models import (
    Meeting,
    Organization,
    Participant,
    Person,
    SourceDocument,
    Statement,
)
from .presentation import highlight_statements, year_chart
from .search import matching_statements, search_statements
from .view_base import (
    FilteredListView,
    PageMetaMixin,
    RedirectMergedMixin,
    countries_by_meetings,
    country_or_404,
    meetings_for_lists,
    meetings_per_year,
    page_number,
    paginate,
)


class HomeView(PageMetaMixin, TemplateView):
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
        context["active_people"] = (
            Person.objects.annotate(meeting_count=Count("participations"))
            .filter(meeting_count__gt=0)
            .order_by("-meeting_count", "name")[:10]
        )
        return context


class MeetingListView(DataFormatMixin, FilteredListView):
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
            f"“{data['q']}”" if data.get("q") else "",
            f"from {data['date_after']:%-d %b %Y}" if data.get("date_after") else "",
            f"to {data['date_before']:%-d %b %Y}" if data.get("date_before") else "",
        ]
        return "Meetings: " + ", ".join(part for part in parts if part) if any(parts) else "Meetings"


class MeetingDetailView(PageMetaMixin, DetailView):
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


class PersonListView(DataFormatMixin, FilteredListView):
    model = Person
    filterset_class = PersonFilter
    template_name = "meetings/person_list.html"
    data_kind = "person"
    page_title = "People"
    page_description = "Everyone who took part in a meeting in the archive, with their countries."
    paginate_by = 50

    def get_base_queryset(self):
        return (
            Person.objects.annotate(meeting_count=Count("participations"))
            .prefetch_related("aliases")
            .order_by("name", "pk")
        )


class PersonDetailView(RedirectMergedMixin, PageMetaMixin, DetailView):
    model = Person

    def get_page_title(self):
        return self.object.name

    def get_page_description(self):
        person = self.object
        country = f" ({person.country.name})" if person.country else ""
        return f"Meetings of {person.name}{country}, their roles, what they said and whom they met most."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        meetings = Meeting.objects.with_person(person)
        context["aliases"] = [alias for alias in person.aliases.all() if alias.name != person.name]
        roles = (
            Participant.objects.filter(person=person)
            .exclude(role="")
            .order_by()
            .values("role", "country")
            .annotate(first=Min("meeting__date"), last=Max("meeting__date"), n=Count("pk"))
            .order_by("first", "role")
        )
        context["roles"] = [{**row, "country": Country(code=row["country"])} for row in roles]
        context["meeting_count"] = meetings.count()
        context["chart"] = year_chart(meetings_per_year(meetings))
        context["meetings_page"] = paginate(
            self.request, meetings_for_lists(meetings).order_by("-date", "title"), 30
        )
        context["met_most"] = (
            Person.objects.filter(participations__meeting__participants__person=person)
            .exclude(pk=person.pk)
            .annotate(shared=Count("participations__meeting", distinct=True))
            .order_by("-shared", "name")[:10]
        )
        context["statement_search"] = statement_search_for(self.request, speaker=person.slug)
        return context


def statement_search_for(request, **filters):
    """The statements on a person's page: `q` searches within them, `statements_page` pages them."""
    query = request.GET.get("q", "")[:500]
    page = page_number(request, "statements_page")
    return {"query": query, "results": search_statements(query, page=page, per_page=10, **filters)}


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


class CountryDetailView(CountryMixin, TemplateView):
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


class CountryPairView(CountryMixin, TemplateView):
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
        return Organization.objects.annotate(meeting_count=mentioned).order_by("name", "pk")


class OrganizationDetailView(RedirectMergedMixin, PageMetaMixin, DetailView):
    model = Organization

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
        return context


class SearchView(DataFormatMixin, PageMetaMixin, TemplateView):
    template_name = "meetings/search.html"
    data_kind = "statement"
    page_description = "Search every statement in the archive by words, phrase, speaker, country and date."
    facet_size = 10

    @cached_property
    def form(self):
        return StatementSearchForm(self.request.GET or None)

    def get_page_title(self):
        query = self.form.cleaned_data.get("q") if self.form.is_bound and self.form.is_valid() else ""
        return f"Search: {query}" if query else "Search statements"

    def search_arguments(self):
        """(query, filters) when the form is valid, else None."""
        if not self.form.is_bound or not self.form.is_valid():
            return None
        return self.form.cleaned_data.get("q", ""), self.form.search_arguments()

    def get_data_errors(self):
        if self.form.is_bound and not self.form.is_valid():
            return self.form.errors.get_json_data()
        return None

    def get_data_queryset(self):
        arguments = self.search_arguments()
        if arguments is None:
            return Statement.objects.none()
        query, filters = arguments
        return matching_statements(query, **filters)

    def facets(self, query, filters):
        """Counts by speaker, speaker's country and year over every match (bounded aggregates)."""
        matches = Statement.objects.filter(pk__in=matching_statements(query, **filters).values("pk"))
        speakers = (
            matches.exclude(speaker=None)
            .order_by()
            .values("speaker__slug", "speaker__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "speaker__name")[: self.facet_size]
        )
        by_country = (
            matches.exclude(speaker__country="")
            .exclude(speaker=None)
            .order_by()
            .values("speaker__country")
            .annotate(n=Count("pk"))
            .order_by("-n", "speaker__country")[: self.facet_size]
        )
        years = (
            matches.exclude(meeting__date=None)
            .annotate(year=ExtractYear("meeting__date"))
            .order_by()
            .values("year")
            .annotate(n=Count("pk"))
            .order_by("-year")[:30]
        )
        return {
            "speakers": list(speakers),
            "countries": [(Country(code=row["speaker__country"]), row["n"]) for row in by_country],
            "years": list(years),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        arguments = self.search_arguments()
        if arguments is not None and (arguments[0] or any(arguments[1].values())):
            query, filters = arguments
            page = page_number(self.request)
            context["results"] = search_statements(query, page=page, per_page=20, **filters)
            context["facets"] = self.facets(query, filters)
            context["query"] = query
        return context


class SourceDocumentDetailView(PageMetaMixin, DetailView):
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
