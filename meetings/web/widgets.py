"""Form widgets that render fast: the lists on every filter form are long.

A country <select> has some 250 options; Django renders each option through a template, about
20 ms per select, which was most of the time of a search page that found nothing. The options
are escaped once per language and joined on each render.
"""

from functools import lru_cache

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_countries import countries


@lru_cache(maxsize=8)
def _country_choices(language):
    return tuple((country.code, country.name) for country in countries)


def country_choices():
    """[(code, name)] for every country, in the current language's alphabetical order."""
    return list(_country_choices(get_language()))


@lru_cache(maxsize=32)
def _escaped(choices):
    return tuple((str(value), escape(value), escape(label)) for value, label in choices)


class FastSelect(forms.Select):
    """A single <select> whose option markup is built without a template per option."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = (
            "" if value is None else str(value[0] if isinstance(value, (list, tuple)) and value else value)
        )
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        options = [
            f'<option value="{escaped}"{" selected" if raw == selected else ""}>{label}</option>'
            for raw, escaped, label in _escaped(tuple((value, str(label)) for value, label in self.choices))
        ]
        return mark_safe(f"<select{flatatt(final_attrs)}>\n" + "\n".join(options) + "\n</select>")
