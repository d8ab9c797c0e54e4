"""{% load reading %}: statements in paragraphs and links to the paragraph a search matched.

    {% for paragraph in statement|paragraphs %}<p id="{{ paragraph.anchor }}">…{% endfor %}
    <a href="{% paragraph_url statement query %}">…</a>

The logic lives in `meetings.web.paragraphs`; this module only registers it.
"""

from django import template

from meetings.web import paragraphs as statement_text
from meetings.web.presentation import checked_counts
from meetings.web.presentation import source_title as title_of_source

register = template.Library()


@register.filter
def paragraphs(statement):
    """The statement's Paragraphs (see meetings.web.paragraphs)."""
    return statement_text.statement_paragraphs(statement)


@register.filter
def source_title(source):
    """A source's title, else the opening of its text (see meetings.web.presentation)."""
    return title_of_source(source)


@register.simple_tag
def paragraph_url(statement, query=""):
    """The meeting page at the paragraph of `statement` that `query` matched."""
    return statement_text.paragraph_url(statement, query or "")


@register.inclusion_tag("meetings/_checked_by_editors.html")
def checked_by_editors():
    """The footer's account of the records: how many an editor has checked (saved in the admin)."""
    return {"checked": checked_counts()}
