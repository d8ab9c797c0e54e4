"""Countries: the one place the extractor learns what a country is called.

All names live in ``data/countries.json`` (ISO 3166-1 alpha-2 code, short, official and other
names, demonyms, capital, major cities). This module only reads that file and answers three
questions: which country does a phrase name (``find_country``), which country is a city in
(``country_of_city``), and where in a text are countries mentioned (``country_mentions``).

Matching in running text is case-sensitive on purpose: "US" is a country, "us" is not; "Chad"
and "Turkey" are countries when capitalised. Headlines in capitals ("JAPAN FOREIGN MINISTRY")
are matched through upper-case variants of names of four letters or more.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .document import strip_accents

DATA_FILE = Path(__file__).resolve().parent / "data" / "countries.json"

# Seats of government named instead of their city ("met in the White House"), lower case.
LANDMARK_CITIES = {
    "white house": "Washington", "kremlin": "Moscow", "elysee palace": "Paris", "élysée palace": "Paris",
    "downing street": "London", "zhongnanhai": "Beijing", "great hall of the people": "Beijing",
    "blue house": "Seoul", "kantei": "Tokyo", "quirinal palace": "Rome",
}  # fmt: skip

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    official_names: tuple[str, ...]
    other_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    cities: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the country itself (short first), without demonyms."""
        return (self.name, *self.official_names, *self.other_names)


def _fold(text: str) -> str:
    """Lower case without accents, straight apostrophes, single spaces."""
    return " ".join(strip_accents(text.translate(_APOSTROPHES)).lower().split())


def literal_alternation(phrases) -> str:
    """A regex alternation of literal phrases, grouped by first character so that matching tries
    only the phrases that can start at a position; longer phrases win at each position."""
    by_first: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        if phrase:
            by_first.setdefault(phrase[0], []).append(phrase[1:])
    branches = [
        re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in rests) + ")"
        for first, rests in sorted(by_first.items())
    ]
    return "(?:" + "|".join(branches) + ")"


def _plural(demonym: str) -> str | None:
    """ "Azerbaijanis", "Brazilians", "Kazakhs"; None where English has no -s plural."""
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")) or " " in demonym:
        return None
    return demonym + "s"


@cache
def _data() -> dict:
    with DATA_FILE.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    countries = [
        Country(
            code=row["code"],
            name=row["name"],
            official_names=tuple(row["official_names"]),
            other_names=tuple(row["other_names"]),
            demonyms=tuple(row["demonyms"]),
            capital=row["capital"],
            cities=tuple(row["cities"]),
        )
        for row in raw["countries"]
    ]
    # surface form (as written) -> code; None marks a phrase that only looks like a country
    forms: dict[str, str | None] = {}
    for country in countries:
        plurals = [p for p in map(_plural, country.demonyms) if p]
        for form in (*country.names, *country.demonyms, *plurals):
            for variant in {form, form.replace("'", "’")}:
                forms.setdefault(variant, country.code)
                if len(variant) >= 4 and not variant.isupper():
                    forms.setdefault(variant.upper(), country.code)
    for blocker in raw["not_countries"]:
        forms[blocker] = None
        forms[blocker.upper()] = None
    # case-insensitive lookup for find_country, leaving out abbreviations ("US" must not be "us")
    folded = {}
    for form, code in forms.items():
        if code and not form.replace(".", "").isupper():
            folded.setdefault(_fold(form), code)
    cities = {}
    for country in countries:
        for city in (country.capital, *country.cities):
            if city:
                cities.setdefault(_fold(city), country.code)
    pattern = re.compile(r"(?<![\w.])" + literal_alternation(forms) + r"(?![\w])")
    return {
        "countries": countries,
        "by_code": {c.code: c for c in countries},
        "forms": forms,
        "folded": folded,
        "cities": cities,
        "pattern": pattern,
    }


def all_countries() -> list[Country]:
    """Every country and territory in the data file, sorted by short name."""
    return list(_data()["countries"])


def country_by_code(code: str) -> Country | None:
    """The country with this ISO alpha-2 code (any case), or None."""
    return _data()["by_code"].get((code or "").strip().upper())


def _strip_phrase(phrase: str) -> str:
    phrase = " ".join((phrase or "").translate(_APOSTROPHES).split())
    phrase = re.sub(r"^(?:the|The|THE)\s+", "", phrase)
    phrase = _POSSESSIVE.sub("", phrase)
    return phrase.strip(' ,;:!?()[]"')


def find_country(phrase: str) -> str | None:
    """The alpha-2 code of the country a short phrase names, or None.

    Accepts names, official names, other names and demonyms, with or without "the" and a
    possessive: "Russian", "the Russian Federation", "Mexico's", "U.S.", "Azerbaijani".
    Abbreviations must be written in capitals ("US", not "us").
    """
    data = _data()
    phrase = _strip_phrase(phrase)
    if not phrase:
        return None
    for candidate in (phrase, phrase.rstrip(".")):
        if candidate in data["forms"]:
            return data["forms"][candidate]
    return data["folded"].get(_fold(phrase.rstrip(".")))


def country_of_city(city: str) -> str | None:
    """The alpha-2 code of the country of a capital or major city ("Baku" -> "AZ"), or None."""
    return _data()["cities"].get(_fold(_strip_phrase(city)))


def country_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every country name, official name or demonym in ``text``.

    Longest match wins, matches do not overlap, and they come in text order. Both halves of a
    hyphenated pair count ("Azerbaijani-Russian relations" mentions AZ and RU).
    """
    data = _data()
    found = []
    for match in data["pattern"].finditer(text or ""):
        code = data["forms"].get(match.group(0))
        if code:
            found.append((match.start(), match.end(), code))
    return found
