"""`{% load web_urls %}`: `url|web_url` is the URL when it is an http(s) address, else "".

Records are validated as http(s) on the way in (models.web_url_validator), but a page never trusts
that: a `javascript:` or `data:` URL that got into the database some other way must not become a
clickable link.
"""

from django import template
from django.core.exceptions import ValidationError

from meetings.models import web_url_validator

register = template.Library()


@register.filter
def web_url(value):
    if not value:
        return ""
    try:
        web_url_validator(str(value))
    except ValidationError:
        return ""
    return value
