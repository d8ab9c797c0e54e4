"""Absolute URLs of records (meetings, people, organizations, countries, sources, statements),
for the API, the CSV and JSON downloads and the dumps."""

from functools import cached_property

from django.urls import reverse


class UrlBuilder:
    """Absolute URLs for records, fast enough for a million rows: each URL pattern is reversed
    once with a placeholder, then filled in by string concatenation."""

    _PLACEHOLDER = "zz0placeholder0zz"
    _NUMBER = 987654321

    def __init__(self, request=None, base=""):
        self.base = request.build_absolute_uri("/")[:-1] if request is not None else base.rstrip("/")

    def _split(self, name, numeric=False):
        marker = str(self._NUMBER) if numeric else self._PLACEHOLDER
        prefix, _, suffix = reverse(name, args=[marker]).partition(marker)
        return self.base + prefix, suffix

    @cached_property
    def _meeting(self):
        return self._split("meetings:meeting-detail")

    @cached_property
    def _person(self):
        return self._split("meetings:person-detail")

    @cached_property
    def _organization(self):
        return self._split("meetings:organization-detail")

    @cached_property
    def _country(self):
        return self._split("meetings:country-detail")

    @cached_property
    def _source(self):
        return self._split("meetings:source-detail", numeric=True)

    def absolute(self, path):
        return self.base + path

    def parts(self, kind):
        """(prefix, suffix) around the identifier in URLs of `kind`: "meeting", "person", ..."""
        return getattr(self, f"_{kind}")

    def meeting(self, slug):
        return f"{self._meeting[0]}{slug}{self._meeting[1]}" if slug else None

    def person(self, slug):
        return f"{self._person[0]}{slug}{self._person[1]}" if slug else None

    def organization(self, slug):
        return f"{self._organization[0]}{slug}{self._organization[1]}" if slug else None

    def country(self, code):
        return f"{self._country[0]}{code.lower()}{self._country[1]}" if code else None

    def source(self, pk):
        return f"{self._source[0]}{pk}{self._source[1]}" if pk is not None else None

    def statement(self, meeting_slug, pk):
        return f"{self._meeting[0]}{meeting_slug}{self._meeting[1]}#statement-{pk}" if meeting_slug else None
