"""The feeds `manage.py fetch_feeds` reads: editors register a site's RSS or Atom feed here; what
was fetched last (when, the ETag and Last-Modified for the next conditional request, the last
error) is shown read-only."""

from django.contrib import admin
from django.db import models

from meetings.models import Feed


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ("__str__", "url", "active", "last_fetched", "last_error")
    list_filter = ("active",)
    search_fields = ("title", "url")
    readonly_fields = ("last_fetched", "etag", "last_modified", "last_error")
    fields = ("url", "title", "active", *readonly_fields)
    # An address typed without a scheme is read as https (Django 6's default; no deprecation warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
