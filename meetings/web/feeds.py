"""Atom feeds (Django's syndication framework) for following the archive: any state of /meetings/,
any statement search, and each person, country, pair of countries and organization.

Every feed lists its newest 50 entries newest first (by the meeting's date; undated meetings
last), each entry linking to its record. The filters are the pages' own: a feed is built by the
page's view (`MeetingListView`, `SearchView`), so `/feeds/meetings/?country=az` selects exactly
what `/meetings/?country=az` shows, and an invalid filter is a 400 with the same message.

Text from the records is escaped by the XML writer; the HTML summaries are escaped here first
(`format_html`), and characters XML 1.0 cannot carry (control characters) are dropped, so no
record text can break a feed.
"""

import datetime
import re

from django.contrib.syndication.views import Feed
from django.db.models import F, Max, Prefetch
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from meetings.models import Meeting, Organization, Person, Statement
from meetings.search import matching_statements

from .follow import query_without
from .views.base import country_or_404, meetings_for_lists
from .views.meetings import MeetingListView
from .views.search import SearchView

SITE_NAME = "Diplomatic Meetings Archive"
FEED_SIZE = 50
# XML 1.0 allows tab, newline and carriage return, and no other character below U+0020.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    """`value` as a string XML 1.0 can carry: control characters dropped."""
    return _NOT_XML.sub("", str(value or ""))


def day_start(day):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC) if day else None


class InvalidFeedRequest(ValueError):
    """A filter that cannot be used: the feed answers 400 with this message."""


def form_errors_text(errors):
    """One line from a form's `errors.get_json_data()`."""
    return "; ".join(
        f"{field}: {' '.join(error['message'] for error in messages)}" for field, messages in errors.items()
    )


class ArchiveFeed(Feed):
    """What every feed of the archive shares: Atom, its author, escaping, the 400 for bad filters."""

    feed_type = Atom1Feed
    author_name = SITE_NAME

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFeedRequest as err:
            return HttpResponseBadRequest(f"This feed cannot be made: {err}", content_type="text/plain")

    def title(self, obj):
        return xml_text(f"{self.feed_title(obj)} · {SITE_NAME}")

    def subtitle(self, obj):
        return xml_text(self.feed_subtitle(obj))

    def feed_subtitle(self, obj):
        return ""


class MeetingEntriesFeed(ArchiveFeed):
    """Feeds whose entries are meetings; subclasses give `meetings(obj)`, `feed_title`, `link`."""

    def items(self, obj):
        meetings = self.meetings(obj).annotate(archived=Max("sources__imported_at"))
        newest = meetings.order_by(F("date").desc(nulls_last=True), "-pk")
        return meetings_for_lists(newest)[:FEED_SIZE]

    def item_title(self, meeting):
        return xml_text(f"{meeting.title} ({meeting.date:%-d %B %Y})" if meeting.date else meeting.title)

    def item_link(self, meeting):
        return meeting.get_absolute_url()

    def item_description(self, meeting):
        place = ", ".join(
            part for part in (meeting.city, meeting.country.name if meeting.country else "") if part
        )
        people = format_html_join(
            ", ",
            "{}{}",
            (
                (p.person.name, f" ({p.country.name})" if p.country else "")
                for p in meeting.participants.all()
            ),
        )
        parts = [format_html("<p>{}</p>", meeting.summary)] if meeting.summary else []
        if place:
            parts.append(format_html("<p>{} · {}</p>", place, meeting.get_kind_display()))
        if people:
            parts.append(format_html("<p>Participants: {}</p>", people))
        parts.extend(self.extra_description(meeting))
        return xml_text("".join(parts))

    def extra_description(self, meeting):
        return []

    def item_pubdate(self, meeting):
        return day_start(meeting.date)

    def item_updateddate(self, meeting):
        return (
            day_start(meeting.date) or meeting.archived or datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
        )


class MeetingListFeed(MeetingEntriesFeed):
    """/feeds/meetings/?<the filters of /meetings/> (and /feed/: every meeting)."""

    def get_object(self, request):
        page = MeetingListView()
        page.setup(request)
        if not page.filters_are_valid:
            raise InvalidFeedRequest(form_errors_text(page.filterset.form.errors.get_json_data()))
        return page

    def meetings(self, page):
        return page.get_queryset().prefetch_related(None)  # items() adds the participants

    def feed_title(self, page):
        return page.get_page_title()

    def feed_subtitle(self, page):
        return "The newest meetings of the archive with these filters."

    def link(self, page):
        return reverse("meetings:meeting-list") + query_without(page.request, "page", "format", "sort")


class PersonFeed(MeetingEntriesFeed):
    """/feeds/people/<slug>/: the person's meetings, with what they said at each."""

    def __call__(self, request, slug):
        if not Person.objects.filter(slug=slug).exists():
            moved = Person.moved_from(slug)
            if moved is not None:
                return redirect("meetings:person-feed", slug=moved.slug, permanent=True)
        return super().__call__(request, slug=slug)

    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def meetings(self, person):
        said = Statement.objects.filter(speaker=person).select_related("speaker").order_by("order", "pk")
        return Meeting.objects.with_person(person).prefetch_related(
            Prefetch("statements", queryset=said, to_attr="said")
        )

    def extra_description(self, meeting):
        return [
            format_html("<blockquote><p>{}: {}</p></blockquote>", statement.speaker.name, statement.text)
            for statement in meeting.said
        ]

    def feed_title(self, person):
        return f"Meetings of {person.name}"

    def link(self, person):
        return person.get_absolute_url()


class OrganizationFeed(MeetingEntriesFeed):
    """/feeds/organizations/<slug>/: meetings that mention the organization or where it was represented."""

    def __call__(self, request, slug):
        if not Organization.objects.filter(slug=slug).exists():
            moved = Organization.moved_from(slug)
            if moved is not None:
                return redirect("meetings:organization-feed", slug=moved.slug, permanent=True)
        return super().__call__(request, slug=slug)

    def get_object(self, request, slug):
        return get_object_or_404(Organization, slug=slug)

    def meetings(self, organization):
        return Meeting.objects.with_organization(organization)

    def feed_title(self, organization):
        return f"Meetings of {organization}"

    def link(self, organization):
        return organization.get_absolute_url()


class CountryFeed(MeetingEntriesFeed):
    """/feeds/countries/<code>/: meetings the country took part in or hosted."""

    def __call__(self, request, code):
        country_or_404(code)  # an unknown code is a 404, not a redirect to another unknown one
        if code != code.lower():
            return redirect("meetings:country-feed", code=code.lower(), permanent=True)
        return super().__call__(request, code=code)

    def get_object(self, request, code):
        return country_or_404(code)

    def meetings(self, country):
        return Meeting.objects.with_country(country.code)

    def feed_title(self, country):
        return f"Meetings of {country.name}"

    def link(self, country):
        return reverse("meetings:country-detail", args=[country.code.lower()])


class CountryPairFeed(MeetingEntriesFeed):
    """/feeds/countries/<code>/<other>/: meetings in which both countries took part (or one hosted)."""

    def __call__(self, request, code, other):
        country_or_404(code), country_or_404(other)
        if code.lower() == other.lower():
            return redirect("meetings:country-feed", code=code.lower(), permanent=True)
        if code != code.lower() or other != other.lower():
            return redirect(
                "meetings:country-pair-feed", code=code.lower(), other=other.lower(), permanent=True
            )
        return super().__call__(request, code=code, other=other)

    def get_object(self, request, code, other):
        return country_or_404(code), country_or_404(other)

    def meetings(self, pair):
        first, second = pair
        return Meeting.objects.with_country(first.code).with_country(second.code)

    def feed_title(self, pair):
        first, second = pair
        return f"Meetings of {first.name} and {second.name}"

    def link(self, pair):
        first, second = pair
        return reverse("meetings:country-pair", args=[first.code.lower(), second.code.lower()])


class SearchFeed(ArchiveFeed):
    """/feeds/search/?<the query and filters of /search/>: the newest matching statements."""

    def get_object(self, request):
        page = SearchView()
        page.setup(request)
        errors = page.get_data_errors()
        if errors:
            raise InvalidFeedRequest(form_errors_text(errors))
        return page

    def items(self, page):
        arguments = page.search_arguments()
        query, filters = arguments if arguments is not None else ("", {})
        statements = matching_statements(query, **filters).select_related("meeting", "speaker", "source")
        return statements.order_by(F("meeting__date").desc(nulls_last=True), "-pk")[:FEED_SIZE]

    def feed_title(self, page):
        return page.get_page_title()

    def feed_subtitle(self, page):
        return "The newest statements matching this search."

    def link(self, page):
        return reverse("meetings:search") + query_without(page.request, "page", "format")

    @staticmethod
    def speaker(statement):
        return statement.speaker.name if statement.speaker else (statement.attribution or "Unattributed")

    def item_title(self, statement):
        text = statement.text if len(statement.text) <= 120 else statement.text[:119].rstrip() + "…"
        return xml_text(f"{self.speaker(statement)}: “{text}”")

    def item_link(self, statement):
        return statement.get_absolute_url()

    def item_description(self, statement):
        meeting = statement.meeting
        when = f" ({meeting.date:%-d %B %Y})" if meeting.date else ""
        return xml_text(
            format_html(
                "<blockquote><p>{}</p></blockquote><p>{} at {}{}</p>",
                statement.text,
                self.speaker(statement),
                meeting.title,
                when,
            )
        )

    def item_pubdate(self, statement):
        return day_start(statement.meeting.date)

    def item_updateddate(self, statement):
        fallback = (
            statement.source.imported_at
            if statement.source
            else datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
        )
        return day_start(statement.meeting.date) or fallback
