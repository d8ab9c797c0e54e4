"""The dateline: where a story was filed, read in the many forms outlets write it.

"United Nations, New York, 9 February 2010", "Tehran:", "NEW DELHI (Xinhua) --", "MOSCOW —"
after a photo caption, "Addis Ababa February 15/2023 /ENA/", "From Jane Doe, Abuja" (a byline
with the reporter's city), or a city alone on a line under the date. Only the head of the
story is read: a city written elsewhere is no dateline.
"""

from __future__ import annotations

import re

from .countries import country_by_code, country_of_city, find_country
from .gazetteer import city_country, city_state

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Where the place part of a dateline ends: a dash, a colon, an agency in brackets, a date.
_PLACE_END = re.compile(
    rf"\s*(?:—|–|--|\s-\s|:|\(|/|\b\d|\b{_MONTHS}\b|\b(?:Jan|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\b)",
)
_INLINE = re.compile(
    r"(?:^|\s)([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})\s*(?:\([^)\n]{1,30}\))?\s*(?:—|–|--)\s"
)
_BYLINE = re.compile(r"^(?:From|By)\s+[^,\n]{3,50},\s*([A-Z][\w'’ .-]{2,30}?)\s*$")
_SEGMENT = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,3}$")
# Lines of the head read for a dateline.
HEAD_LINES = 6


def _named_so_elsewhere(name: str, text: str) -> bool:
    """Whether the word is part of a longer proper name in the text ("Barack Obama", "Ali Khan"):
    then it is no safe dateline for a city only the gazetteer knows."""
    pattern = rf"\b[A-Z][a-z]+\s+{re.escape(name)}\b|\b{re.escape(name)}\s+(?!City\b)[A-Z][a-z]+"
    return bool(re.search(pattern, text))


def _city(name: str, text: str = "", country_capital: bool = True) -> tuple[str, str] | None:
    name = name.strip(" ,.;:-—–")
    if not name or not _SEGMENT.match(name):
        return None
    written = name.title() if name.isupper() else name
    if city_state(written):
        return written, city_state(written)
    country = find_country(written)
    if country:
        # "KUWAIT, Jan 22 (KUNA)": a dateline names the capital that shares the country's name
        capital = (country_by_code(country).capital or "") if country_by_code(country) else ""
        same_name = capital.split(" ")[0] == written.split(" ")[0]
        return (capital, country) if country_capital and same_name else None
    code = country_of_city(written)
    if code is None and not _named_so_elsewhere(written, text):
        code = city_country(written, min_population=15_000)
    if code:
        if written.endswith(" City") and city_country(written[:-5]) == code:
            written = written[:-5]  # "New York City" -> "New York"
        return written, code
    return None


def read_dateline(text: str, body_start: int) -> tuple[str, str] | None:
    """(city, code) of the dateline at the head of the story, or None."""
    head = text[: body_start + 300]
    lines = [line.strip() for line in head.splitlines() if line.strip()][:HEAD_LINES]
    for line in lines:
        byline = _BYLINE.match(line)
        if byline and _city(byline.group(1), text):
            return _city(byline.group(1), text)
        if len(line) <= 30:  # a line of its own: a country alone there is a section's name
            found = _city(line, text, country_capital=False)
            if found:
                return found
        end = _PLACE_END.search(line)
        prefix = line[: end.start()] if end else ""
        if prefix and len(prefix) <= 60 and end.start() > 0:
            for segment in prefix.split(","):
                found = _city(segment, text)
                if found:
                    return found
        for match in _INLINE.finditer(line[:400]):
            found = _city(match.group(1), text)
            if found:
                return found
    return None
