"""FilterSets and forms for the public pages.

Every filter is a query parameter named for what it holds (`q`, `country`, `person`,
`organization`, `date_after`, `date_before`, `kind`), so each state of a page is a shareable URL.
People and organizations are given by slug, but a name, another spelling, an acronym or a Wikidata
ID (Q…) works too: a visitor can type "Lavrov" into the form. Anything that does not resolve is a form error with a
message, never an exception.
"""

import django_filters
import django_filters.fields
from django import forms
from django.db.models import Q

from meetings.models import (
    Meeting,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    SourceDocument,
    Statement,
)
from meetings.web.widgets import FastSelect, country_choices


class CountryCodeField(forms.ChoiceField):
    """An ISO alpha-2 code in any case ("az", "AZ"); cleans to upper case."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", lambda: [("", "Any country"), *country_choices()])
        kwargs.setdefault("widget", FastSelect)
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(value).strip().upper()


class RecordField(forms.CharField):
    """A person or organization named by slug, merged slug, name, other spelling (or acronym).

    Cleans to the record; a value that matches nothing or several records is a form error."""

    model = None
    noun = "record"
    plural = "records"

    def name_matches(self, value, exact):
        raise NotImplementedError

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        if len(value) > 200:
            raise forms.ValidationError(f"That is too long for the name of a {self.noun}.", code="too_long")
        manager = self.model.objects
        found = manager.filter(slug=value).first() or self.model.moved_from(value)
        if found is None:
            found = manager.filter(self.name_matches(value, exact=True)).distinct().order_by("pk").first()
        if found is None:
            candidates = list(manager.filter(self.name_matches(value, exact=False)).distinct()[:4])
            if len(candidates) == 1:
                found = candidates[0]
            elif candidates:
                names = ", ".join(str(candidate) for candidate in candidates[:3])
                more = "…" if len(candidates) > 3 else ""
                raise forms.ValidationError(
                    f"Several {self.plural} match “{value}” ({names}{more}): please be more specific.",
                    code="ambiguous",
                )
        if found is None:
            raise forms.ValidationError(f"No {self.noun} called “{value}” is in the archive.", code="unknown")
        return found


class PersonField(RecordField):
    model = Person
    noun = "person"
    plural = "people"

    def name_matches(self, value, exact):
        lookup = "iexact" if exact else "icontains"
        return (
            Q(**{f"name__{lookup}": value})
            | Q(**{f"aliases__name__{lookup}": value})
            | Q(wikidata_id__iexact=value)
        )


class OrganizationField(RecordField):
    model = Organization
    noun = "organization"
    plural = "organizations"

    def name_matches(self, value, exact):
        lookup = "iexact" if exact else "icontains"
        return (
            Q(**{f"name__{lookup}": value})
            | Q(acronym__iexact=value)
            | Q(**{f"aliases__name__{lookup}": value})
            | Q(wikidata_id__iexact=value)
        )


class CountryFilterField(django_filters.fields.ChoiceField):
    def to_python(self, value):
        return super().to_python(value).strip().upper()


class CountryFilter(django_filters.ChoiceFilter):
    field_class = CountryFilterField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "Country")
        kwargs.setdefault("choices", country_choices)
        kwargs.setdefault("widget", FastSelect)
        super().__init__(*args, **kwargs)


class RecordFilter(django_filters.Filter):
    """A filter whose field cleans to a record; `method` receives the record."""


class PersonFilterField(RecordFilter):
    field_class = PersonField


class OrganizationFilterField(RecordFilter):
    field_class = OrganizationField


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DateRangeForm(forms.Form):
    """Checks that a date range (the fields `range_fields` names) is not back to front."""

    range_fields = ("date_after", "date_before")

    def clean(self):
        cleaned = super().clean()
        after, before = (cleaned.get(name) for name in self.range_fields)
        if after and before and after > before:
            raise forms.ValidationError("The “from” date is after the “to” date.", code="date_range")
        return cleaned


class PublishedRangeForm(DateRangeForm):
    range_fields = ("published_after", "published_before")


class MeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Words", method="filter_words", max_length=200)
    country = CountryFilter(method="filter_country", empty_label="Any country")
    person = PersonFilterField(
        label="Person", method="filter_person", widget=forms.TextInput(attrs={"list": "person-suggestions"})
    )
    organization = OrganizationFilterField(
        label="Organization",
        method="filter_organization",
        widget=forms.TextInput(attrs={"list": "organization-suggestions"}),
    )
    # A second person or organization: the meetings of both (an edge of the who-met-whom network).
    with_person = PersonFilterField(label="Met with", method="filter_person")
    with_organization = OrganizationFilterField(label="Together with", method="filter_organization")
    date_after = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="From", widget=date_input()
    )
    date_before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="To", widget=date_input()
    )
    kind = django_filters.ChoiceFilter(choices=Meeting.Kind.choices, empty_label="Any kind", label="Kind")
    sort = django_filters.ChoiceFilter(
        choices=[("newest", "Newest first"), ("oldest", "Oldest first")],
        empty_label=None,
        label="Sort",
        method="sort_by",
    )

    class Meta:
        model = Meeting
        fields = [
            "q",
            "country",
            "person",
            "organization",
            "with_person",
            "with_organization",
            "date_after",
            "date_before",
            "kind",
        ]
        form = DateRangeForm

    def filter_words(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(city__icontains=word)
            )
        return queryset

    def filter_country(self, queryset, name, value):
        return queryset.with_country(value)

    def filter_person(self, queryset, name, value):
        return queryset.with_person(value)

    def filter_organization(self, queryset, name, value):
        return queryset.with_organization(value)

    def sort_by(self, queryset, name, value):
        if value == "oldest":
            return queryset.order_by("date", "title", "pk")
        return queryset.order_by("-date", "title", "pk")


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name or Wikidata ID", method="filter_name", max_length=200)
    country = CountryFilter(empty_label="Any country")
    sort = django_filters.ChoiceFilter(
        choices=[("name", "Name"), ("meetings", "Most meetings")],
        empty_label=None,
        label="Sort",
        method="sort_by",
    )

    class Meta:
        model = Person
        fields = ["q", "country"]

    def filter_name(self, queryset, name, value):
        spelled = PersonAlias.objects.filter(name__icontains=value).values("person_id")
        return queryset.filter(
            Q(name__icontains=value) | Q(pk__in=spelled) | Q(wikidata_id__iexact=value.strip())
        )

    def sort_by(self, queryset, name, value):
        if value == "meetings":
            return queryset.order_by("-meeting_count", "name", "pk")
        return queryset.order_by("name", "pk")


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name or acronym", method="filter_name", max_length=200)
    country = CountryFilter(empty_label="Any country")
    kind = django_filters.ChoiceFilter(
        choices=Organization.Kind.choices, empty_label="Any kind", label="Kind"
    )

    class Meta:
        model = Organization
        fields = ["q", "country", "kind"]

    def filter_name(self, queryset, name, value):
        spelled = OrganizationAlias.objects.filter(name__icontains=value)
        return queryset.filter(
            Q(name__icontains=value)
            | Q(acronym__iexact=value)
            | Q(pk__in=spelled.values("organization_id"))
            | Q(wikidata_id__iexact=value.strip())
        )


class SourceFilter(django_filters.FilterSet):
    """/sources/: words in the title, publisher or file name; publisher; format (`kind`, since
    `format` asks for JSON or CSV); publication dates."""

    q = django_filters.CharFilter(label="Title or file", method="filter_words", max_length=200)
    publisher = django_filters.CharFilter(label="Publisher", lookup_expr="iexact", max_length=200)
    kind = django_filters.ChoiceFilter(
        field_name="format", choices=SourceDocument.Format.choices, empty_label="Any format", label="Format"
    )
    published_after = django_filters.DateFilter(
        field_name="published", lookup_expr="gte", label="Published from", widget=date_input()
    )
    published_before = django_filters.DateFilter(
        field_name="published", lookup_expr="lte", label="Published to", widget=date_input()
    )

    class Meta:
        model = SourceDocument
        fields = ["q", "publisher", "kind", "published_after", "published_before"]
        form = PublishedRangeForm

    def filter_words(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(publisher__icontains=word) | Q(file_name__icontains=word)
            )
        return queryset


class CountryListForm(forms.Form):
    q = forms.CharField(label="Country", required=False, max_length=100)


class StatementSearchForm(DateRangeForm):
    """The search page's filters; `search_arguments()` turns them into search_statements() keywords."""

    q = forms.CharField(label="Words or “a phrase”", required=False, max_length=500)
    person = PersonField(label="Speaker", required=False)
    country = CountryCodeField(label="Speaker's country", required=False)
    meeting_country = CountryCodeField(label="Meeting country", required=False)
    organization = OrganizationField(label="Organization", required=False)
    date_after = forms.DateField(label="From", required=False, widget=date_input())
    date_before = forms.DateField(label="To", required=False, widget=date_input())
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Any kind"), *Statement.Kind.choices]
    )
    sort = forms.ChoiceField(
        label="Order",
        required=False,
        choices=[("", "Best match first"), ("newest", "Newest first"), ("oldest", "Oldest first")],
    )

    def search_arguments(self):
        data = self.cleaned_data
        return {
            "speaker": data["person"].slug if data.get("person") else None,
            "speaker_country": data.get("country") or None,
            "meeting_country": data.get("meeting_country") or None,
            "organization": data["organization"].slug if data.get("organization") else None,
            "date_after": data.get("date_after"),
            "date_before": data.get("date_before"),
            "kind": data.get("kind") or None,
        }
