"""Where records come from: source documents as read, and the feeds that bring new ones."""

from django.db import models
from django.urls import reverse

from .base import web_url_validator


class SourceDocument(models.Model):
    """A press release or news article as it was read, kept whole so every record can point
    back to the sentence it came from, with where it came from: publisher, URL, date and format."""

    class Format(models.TextChoices):
        TEXT = "text", "Plain text"
        HTML = "html", "Web page"
        PDF = "pdf", "PDF"

    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, unique=True)
    text = models.TextField()
    title = models.CharField(max_length=500, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(
        max_length=1000, blank=True, validators=[web_url_validator], help_text="The canonical address."
    )
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.TEXT)
    imported_at = models.DateTimeField(auto_now_add=True)
    extractor_version = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-published", "file_name"]

    def __str__(self):
        return self.title or self.file_name

    def get_absolute_url(self):
        return reverse("meetings:source-detail", args=[self.pk])


class Feed(models.Model):
    """An RSS or Atom feed that `fetch_feeds` reads; the validators it last answered with make the
    next fetch a conditional request."""

    url = models.URLField(max_length=1000, unique=True, validators=[web_url_validator])
    title = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True, help_text="Inactive feeds are not fetched.")
    last_fetched = models.DateTimeField(null=True, blank=True)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["title", "url"]

    def __str__(self):
        return self.title or self.url
