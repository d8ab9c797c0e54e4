"""Read-only JSON endpoints: one record with its related records, the list endpoints (the list
pages' own `?format=json`, so filters behave exactly as on the site) and the API's documentation.

Every endpoint answers GET, HEAD and OPTIONS only; anything else is a 405 with a JSON body. The
views are CSRF-exempt so that an unsafe method reaches them and gets that 405 rather than a CSRF
403: none of them accepts one, so there is nothing for CSRF protection to guard. An address under
/api/ that is no endpoint answers a JSON 404 (`not_found`, the project's handler404). A list
endpoint refuses a parameter given with an empty value (`?date_before=`) with a 400, as the
OpenAPI document says (`minLength: 1`): leave a parameter out to not filter by it.
"""

from typing import NamedTuple

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.defaults import page_not_found
from django.views.generic import ListView, TemplateView
from django_countries import countries

from meetings.models import (
    Meeting,
    Organization,
    OrganizationRedirect,
    Participant,
    Person,
    PersonRedirect,
    SourceDocument,
)
from meetings.web import views as pages

from ..formats import (
    DEFAULT_PAGE_SIZE,
    FORMATS,
    MAX_PAGE_SIZE,
    DataFormatMixin,
    allow_any_origin,
    json_error,
    json_response,
    unknown_format_error,
)
from ..record_urls import UrlBuilder
from ..serializers import serializer_for
from .openapi import SCHEMA_NAMES, openapi_document

READ_ONLY_METHODS = ["get", "head", "options"]
ALLOW = ", ".join(method.upper() for method in READ_ONLY_METHODS)


def _not_allowed(method, allow=ALLOW):
    response = json_error(f"{method[:20]} is not allowed: the API is read-only", status=405)
    response["Allow"] = allow
    return response


def _options():
    """The answer to OPTIONS (and a CORS preflight): the methods, no body."""
    response = HttpResponse(content_type="application/json")
    response["Allow"] = ALLOW
    response["Access-Control-Allow-Methods"] = ALLOW
    response["Content-Length"] = "0"
    return allow_any_origin(response)


def not_found(request, exception=None):
    """handler404: under /api/ a JSON 404 naming the address; elsewhere the site's 404 page."""
    if request.path.startswith("/api/"):
        return json_error(f"no endpoint at {request.path[:200]}: see /api/ for the list", status=404)
    return page_not_found(request, exception)


def empty_parameters(query):
    """The names of query parameters given with an empty value, in order."""
    return [name for name, values in query.lists() if any(value == "" for value in values)]


@method_decorator(csrf_exempt, name="dispatch")
class ReadOnlyJsonView(View):
    http_method_names = READ_ONLY_METHODS

    def http_method_not_allowed(self, request, *args, **kwargs):
        return _not_allowed(request.method)

    def options(self, request, *args, **kwargs):
        return _options()


class RecordView(ReadOnlyJsonView):
    """GET one record as JSON; subclasses find it (`get_object`) and describe it (`describe`)."""

    def get(self, request, *args, **kwargs):
        try:
            found = self.get_object(**kwargs)
        except Http404 as err:
            return json_error(str(err), status=404)
        if isinstance(found, Moved):
            return allow_any_origin(redirect(found.url, permanent=True))
        return json_response(self.describe(found, UrlBuilder(request)))


class Moved(NamedTuple):
    """A merged record's old slug: `url` is the API URL of the record it was merged into."""

    url: str


def _records(kind, data, urls):
    return list(serializer_for(kind).records(data, urls))


def _record(kind, instance, urls):
    return serializer_for(kind).record(instance, urls)


def _found(queryset, message):
    """The first record of `queryset`, or a 404 saying `message`."""
    found = queryset.first()
    if found is None:
        raise Http404(message)
    return found


def _with_redirect(model, redirect_model, owner_field, url_name, slug):
    """The record with this slug, or where its old slug moved to when it was merged."""
    found = model.objects.filter(slug=slug).first()
    if found is not None:
        return found
    moved = _found(
        redirect_model.objects.filter(old_slug=slug).select_related(owner_field),
        f"no {model._meta.verbose_name} with slug {slug!r}",
    )
    return Moved(reverse(url_name, args=[getattr(moved, owner_field).slug]))


class MeetingView(RecordView):
    def get_object(self, slug):
        return _found(Meeting.objects.filter(slug=slug), f"no meeting with slug {slug!r}")

    def describe(self, meeting, urls):
        return {
            **_record("meeting", meeting, urls),
            "participants": _records("participant", meeting.participants.order_by("country", "pk"), urls),
            "statements": _records("statement", meeting.statements.order_by("order", "pk"), urls),
            "sources": _records("source", meeting.sources.order_by("pk"), urls),
            "people_mentioned": _records("person", meeting.people_mentioned.order_by("name", "pk"), urls),
            "organizations_mentioned": _records(
                "organization", meeting.organizations_mentioned.order_by("name", "pk"), urls
            ),
        }


class PersonView(RecordView):
    def get_object(self, slug):
        return _with_redirect(Person, PersonRedirect, "person", "api:person-detail", slug)

    def describe(self, person, urls):
        participations = Participant.objects.filter(person=person).order_by(
            "-meeting__date", "meeting__title"
        )
        meetings = Meeting.objects.filter(participants__person=person).order_by("-date", "title")
        return {
            **_record("person", person, urls),
            "aliases": list(person.aliases.order_by("name").values_list("name", flat=True)),
            "former_slugs": list(person.redirects.order_by("old_slug").values_list("old_slug", flat=True)),
            "meetings": _records("meeting", meetings, urls),
            "participations": _records("participant", participations, urls),
        }


class OrganizationView(RecordView):
    def get_object(self, slug):
        return _with_redirect(
            Organization, OrganizationRedirect, "organization", "api:organization-detail", slug
        )

    def describe(self, organization, urls):
        meeting_ids = set(organization.mentioned_in.values_list("pk", flat=True)) | set(
            organization.participations.values_list("meeting_id", flat=True)
        )
        return {
            **_record("organization", organization, urls),
            "aliases": list(organization.aliases.order_by("name").values_list("name", flat=True)),
            "former_slugs": list(
                organization.redirects.order_by("old_slug").values_list("old_slug", flat=True)
            ),
            "meetings": _records(
                "meeting", Meeting.objects.filter(pk__in=meeting_ids).order_by("-date", "title"), urls
            ),
            "participations": _records(
                "participant", organization.participations.order_by("-meeting__date", "pk"), urls
            ),
        }


class CountryView(RecordView):
    def get_object(self, code):
        if len(code) != 2 or not countries.name(code.upper()):
            raise Http404(f"no country with code {code[:20]!r}")
        return code.upper()

    def describe(self, code, urls):
        meetings_url = urls.absolute(reverse("api:meeting-list")) + f"?country={code.lower()}"
        return {
            **_record("country", code, urls),
            "meetings": meetings_url,
            "people": _records("person", Person.objects.filter(country=code).order_by("name", "pk"), urls),
        }


class SourceDocumentView(RecordView):
    def get_object(self, pk):
        return _found(SourceDocument.objects.filter(pk=pk), f"no source document with id {pk}")

    def describe(self, source, urls):
        return {
            **_record("source", source, urls),
            "text": source.text,
            "meetings": _records("meeting", source.meetings.order_by("-date", "title"), urls),
            "statement_count": source.statements.count(),
        }


class SourceDocumentListView(DataFormatMixin, ListView):
    """Source documents have no list page; this is their list endpoint (JSON and CSV)."""

    model = SourceDocument
    data_kind = "source"

    def get_queryset(self):
        return SourceDocument.objects.order_by("pk")


def json_twin(view_class):
    """The list page `view_class` answering in JSON unless `?format=csv` is asked for: the API's
    list endpoints are the list pages' own data formats, so their filters are the same."""
    page_view = csrf_exempt(view_class.as_view())

    @csrf_exempt
    def list_endpoint(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _options()
        if request.method not in ("GET", "HEAD"):
            return _not_allowed(request.method)
        empty = empty_parameters(request.GET)
        if empty:
            return json_error(
                f"empty value for {', '.join(name[:40] for name in empty[:10])}: "
                "leave a parameter out rather than give it no value",
                errors={
                    name[:40]: [{"message": "This parameter may not be empty.", "code": "empty"}]
                    for name in empty[:10]
                },
            )
        query = request.GET.copy()
        query["format"] = query.get("format") or "json"
        if query["format"] not in FORMATS:
            return unknown_format_error(query["format"])
        request.GET = query
        return page_view(request, *args, **kwargs)

    return list_endpoint


@csrf_exempt
def network_endpoint(request):
    """/api/network/: the who-met-whom network (meetings.web.views.NetworkView) in JSON unless
    `format=graphml` or `format=csv` is asked for."""
    if request.method not in ("GET", "HEAD"):
        return _not_allowed(request.method, "GET, HEAD")
    query = request.GET.copy()
    query["format"] = query.get("format") or "json"
    if query["format"] not in ("json", "graphml", "csv"):
        return json_error(f"unknown format {query['format'][:40]!r}: use json, graphml or csv")
    request.GET = query
    return pages.NetworkView.as_view()(request)


LIST_ENDPOINTS = {
    "meeting-list": pages.MeetingListView,
    "person-list": pages.PersonListView,
    "organization-list": pages.OrganizationListView,
    "country-list": pages.CountryListView,
    "statement-list": pages.SearchView,
    "source-list": SourceDocumentListView,
}


@method_decorator(csrf_exempt, name="dispatch")
class ApiIndexView(TemplateView):
    """The API's documentation page, written from the OpenAPI description and the column lists."""

    template_name = "api/index.html"
    http_method_names = READ_ONLY_METHODS

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        base = self.request.build_absolute_uri("/")[:-1]
        document = openapi_document(base)
        context["endpoints"] = [
            {
                "path": path,
                "summary": operation["get"]["summary"],
                "parameters": [p for p in operation["get"]["parameters"] if p["in"] == "query"],
            }
            for path, operation in document["paths"].items()
        ]
        context["kinds"] = [serializer_for(kind) for kind in SCHEMA_NAMES]
        context["schema_names"] = SCHEMA_NAMES
        context["base"] = base
        context["max_page_size"] = MAX_PAGE_SIZE
        context["default_page_size"] = DEFAULT_PAGE_SIZE
        return context


class OpenApiView(ReadOnlyJsonView):
    def get(self, request):
        return json_response(openapi_document(request.build_absolute_uri("/")[:-1]))
