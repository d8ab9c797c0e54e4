"""Dates: absolute dates in any common form, the document's date line, and relative phrases.

Press releases write dates every way there is: "06 April 2016, 23:50", "December 3, 2019",
"2019-12-03", "17/08/2017", "Dec. 3", "2 Dekabr 2015". Meetings are dated relative to the
document ("has today received", "on Monday", "tomorrow"), so the document's own date line is
found first and everything else is resolved against it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# English months with their usual abbreviations, plus the Latin-script Azerbaijani/Russian forms
# that agencies of the region leave in their date lines ("2 Dekabr 2015").
_MONTHS = {
    1: ("january", "jan", "yanvar", "janeiro", "enero"),
    2: ("february", "feb", "fevral", "fevereiro", "febrero"),
    3: ("march", "mar", "mart", "março", "marzo"),
    4: ("april", "apr", "aprel", "abril"),
    5: ("may", "maio", "mayo"),
    6: ("june", "jun", "iyun", "junho", "junio"),
    7: ("july", "jul", "iyul", "julho", "julio"),
    8: ("august", "aug", "avqust", "avgust", "agosto"),
    9: ("september", "sept", "sep", "sentyabr", "setembro", "septiembre"),
    10: ("october", "oct", "oktyabr", "outubro", "octubre"),
    11: ("november", "nov", "noyabr", "novembro", "noviembre"),
    12: ("december", "dec", "dekabr", "dezembro", "diciembre"),
}
MONTH_NAMES = tuple(names[0] for names in _MONTHS.values())  # "january" ... "december"
_MONTH_BY_NAME = {name.lower(): number for number, names in _MONTHS.items() for name in names}
_MONTH = r"(?P<{}>" + "|".join(sorted(map(re.escape, _MONTH_BY_NAME), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<{}>(?:19|20)\d\d)(?!\d)"

_DATE = re.compile(
    r"(?<![\w\d])(?:"
    # 2019-12-03, 2019/12/03, 2019.12.03, 2019-12-03T10:00:00Z
    r"{y1}(?P<sep1>[-/.])(?P<m1>[01]?\d)(?P=sep1)(?P<d1>[0-3]?\d)(?!\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
    # 03.12.2019, 17/08/2017, 17-08-2017 (day first unless the second number cannot be a month)
    r"|(?P<a2>[0-3]?\d)[./-](?P<b2>[0-3]?\d)[./-]{y2}"
    # 20-25 November 2019 / 20-25 November / from 18 to 19 September (a range: its first day)
    r"|{d3}\s*(?:[-–]|\s(?:to|and|until)\s)\s*[0-3]?\d\s+{m3}(?:,?\s+{y3})?"
    # 06 April 2016, 3rd of December, 2019, 13 november / 2017
    r"|{d4}(?:\s+of)?\s+{m4}(?:,?\s+|\s*/\s*){y4}"
    # December 3, 2019; Apr. 19 2024; Sept. 22, 2013
    r"|{m5}\s+{d5},?\s+{y5}"
    # yearless: 3 December; December 3; Dec. 3
    r"|{d6}(?:\s+of)?\s+{m6}"
    r"|{m7}\s+{d7}"
    # year, month and day each followed by its word in another script: 2016年4月15日, 2016 оны 4 сарын 15
    r"|{y8}\s*[^\x00-\x7f\d\s]+\s*(?P<m8>[01]?\d)\s*[^\x00-\x7f\d\s]+\s*(?P<d8>[0-3]?\d)(?!\d)[^\x00-\x7f\d\s]*"
    r")(?![\w])".format(
        y8=_YEAR.format("y8"),
        y1=_YEAR.format("y1"),
        y2=_YEAR.format("y2"),
        d3=_DAY.format("d3"),
        m3=_MONTH.format("m3"),
        y3=_YEAR.format("y3"),
        d4=_DAY.format("d4"),
        m4=_MONTH.format("m4"),
        y4=_YEAR.format("y4"),
        m5=_MONTH.format("m5"),
        d5=_DAY.format("d5"),
        y5=_YEAR.format("y5"),
        d6=_DAY.format("d6"),
        m6=_MONTH.format("m6"),
        m7=_MONTH.format("m7"),
        d7=_DAY.format("d7"),
    ),
    re.IGNORECASE,
)
_TIME = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?!\d)")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:on|in|at|since|by|from|until|till|to|of|before|after|between|and|through)\s*[(]?\s*$",
    re.IGNORECASE,
)
_PUBLISHED_BEFORE = re.compile(
    r"\b(?:published|posted|updated|released|issued|dated?)\b[\s:]*(?:on)?\s*$"
    r"|\b(?:written|posted|published|filed)\s+by\s+[^,\n]{2,50}?\s+on\s*$",  # "Written by Ana Ruiz on 23/07/2021"
    re.I,
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _found_dates(text: str):
    """Yield (year or None, month, day, start, end) for every date-like phrase, in order."""
    for match in _DATE.finditer(text or ""):
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        year = next((int(groups[k]) for k in ("y1", "y2", "y3", "y4", "y5", "y8") if k in groups), None)
        if "a2" in groups:
            first, second = int(groups["a2"]), int(groups["b2"])
            day, month = (second, first) if second > 12 >= first else (first, second)
        else:
            month_key = next(k for k in ("m1", "m3", "m4", "m5", "m6", "m7", "m8") if k in groups)
            day_key = next(k for k in ("d1", "d3", "d4", "d5", "d6", "d7", "d8") if k in groups)
            month_text = groups[month_key]
            month = int(month_text) if month_text.isdigit() else _MONTH_BY_NAME[month_text.lower()]
            day = int(groups[day_key])
        if 1 <= month <= 12 and 1 <= day <= 31:
            yield year, month, day, match.start(), match.end()


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_reference_year(month: int, day: int, reference: date) -> date | None:
    """A yearless date in the reference's year, or the year before when that would put it more
    than about six months after the reference (a January article about "December 30")."""
    candidate = _make(reference.year, month, day)
    if candidate and (candidate - reference).days > 183:
        candidate = _make(reference.year - 1, month, day) or candidate
    return candidate


def parse_date(text: str, reference: date | None = None) -> date | None:
    """The first date written in ``text`` in any common form, or None.

    "06 April 2016", "19 november 2017", "December 3, 2019", "3 December 2019", "2019-12-03",
    "03.12.2019". A date without a year ("Dec. 3") takes its year from ``reference`` when one
    is given, and is None otherwise.
    """
    for year, month, day, _, _ in _found_dates(text):
        if year:
            found = _make(year, month, day)
        elif reference:
            found = _with_reference_year(month, day, reference)
        else:
            continue
        if found:
            return found
    return None


def _is_date_line(line: str, start: int, end: int) -> bool:
    """Whether a date at line[start:end] dates the document rather than an event in a sentence."""
    before = line[:start]
    if _PREPOSITION_BEFORE.search(before) and not _PUBLISHED_BEFORE.search(before):
        return False
    rest = (before + line[end:]).strip()
    # a short line around the date ("Press release 04 December 2019", "# 10 May 2021 22:04")
    # or a dateline opening a paragraph ("OREANDA-NEWS. May 16, 2011. Sergey Lavrov ...")
    return len(rest) <= 60 or len(before) <= 40


_CITY_BEFORE = re.compile(r"\s*(?P<city>[A-Z][A-Za-z.'’ -]{1,30}),\s*$")


def _is_dateline(before: str) -> bool:
    """Whether a date follows a city, as a story's dateline does ("Brussels, 19/06/2021"),
    rather than standing alone as a site's header often does ("Fri. Jun 2nd, 2023")."""
    match = _CITY_BEFORE.fullmatch(before)
    return bool(match) and match.group("city").strip(" .").lower() not in WEEKDAYS + _WEEKDAY_ABBREVIATIONS


_WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

_UPDATED = re.compile(
    r"\b(?:updated|modified|edited|revised|mis à jour|actualizado|aktualisiert)\b[^\d]{0,15}$", re.IGNORECASE
)


def find_date_line(text: str, max_lines: int = 15, max_chars: int = 2500) -> tuple[date, int, int] | None:
    """The document's own date near its top and the span of that date in ``text``.

    Looks at the first ``max_lines`` non-empty lines for a date that stands on its own line or
    opens a dateline ("06 April 2016, 23:50", "Press release 04 December 2019",
    "# 10 May 2021 22:04 (UTC +04:00)", "Baku, December 3 (AZERTAC)"), not one inside a sentence
    ("On February 5, 2019, the Ambassador ..."). A line that also gives a time of day wins over
    one that does not (sites often print today's date in their page header), and a dateline
    after a city ("Brussels, 19/06/2021") wins over both. A dateline without a year takes it
    from the nearest full date of the document's top.
    """
    candidates = []  # (has_time, order, year, month, day, start, end)
    offset, seen = 0, 0
    for line in (text or "").split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if line_start > max_chars or seen >= max_lines:
            break
        if not line.strip():
            continue
        seen += 1
        for year, month, day, start, end in _found_dates(line):
            if _UPDATED.search(line[max(0, start - 30) : start]):
                continue  # "Updated: 03 Jun. 2021": a later edit, not the publication
            if _is_date_line(line, start, end):
                has_time = bool(
                    _TIME.search(line[end : end + 20]) or _TIME.search(line[max(0, start - 12) : start])
                )
                dateline = _is_dateline(line[:start])
                candidates.append(
                    (
                        dateline,
                        has_time,
                        len(candidates),
                        year,
                        month,
                        day,
                        line_start + start,
                        line_start + end,
                    )
                )
    if not candidates:
        return None
    full_years = [c[3] for c in candidates if c[3]] or [
        y for y, _, _, s, _ in _found_dates(text[:max_chars]) if y and s >= candidates[0][6]
    ]
    ranked = sorted(candidates, key=lambda c: (not c[0], not c[1], c[2]))
    for _dateline, _has_time, _, year, month, day, start, end in ranked:
        year = year or (full_years[0] if full_years else None)
        found = _make(year, month, day) if year else None
        if found:
            return found, start, end
    return None


_RELATIVE = re.compile(
    r"\b(?P<word>the\s+day\s+after\s+tomorrow|the\s+day\s+before\s+yesterday|today|tonight|"
    r"this\s+(?:morning|afternoon|evening)|last\s+(?:night|evening|afternoon)|yesterday|tomorrow)\b"
    r"|\b(?:(?P<which>next|last|this|on|coming)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
_RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "last night": -1,  # the evening before the report
    "last evening": -1,
    "last afternoon": -1,
    "tomorrow": 1,
}


def resolve_date(phrase_or_sentence: str, reference: date | None) -> date | None:
    """The day a phrase or sentence refers to, resolved against ``reference`` (the document date).

    A full date wins ("on February 5, 2019"); then the first of: a yearless date ("on December
    3", "November 20-25": the reference's year), "today" / "this evening", "yesterday",
    "tomorrow", a weekday ("on Monday": the most recent one on or before the reference; "next
    Monday": the first one after it). Vague phrases ("last week", "recently") give None, as
    does a relative phrase without a reference.
    """
    text = phrase_or_sentence or ""
    found = list(_found_dates(text))
    for year, month, day, _, _ in found:
        if year and (full := _make(year, month, day)):
            return full
    cues = []
    for _, month, day, start, _ in found:
        cues.append((start, "date", (month, day)))
    for match in _RELATIVE.finditer(text):
        cues.append((match.start(), "relative", match))
    if reference is None:
        return None
    for _, kind, value in sorted(cues, key=lambda cue: cue[0]):
        if kind == "date":
            resolved = _with_reference_year(*value, reference)
            if resolved:
                return resolved
            continue
        return _resolve_relative(value, reference)
    return None


def _resolve_relative(match: re.Match, reference: date) -> date:
    word = match.group("word")
    if word:
        word = " ".join(word.lower().split())
        if word == "the day after tomorrow":
            return reference + timedelta(days=2)
        if word == "the day before yesterday":
            return reference - timedelta(days=2)
        return reference + timedelta(days=_RELATIVE_DAYS.get(word, 0))
    weekday = WEEKDAYS.index(match.group("weekday").lower())
    which = (match.group("which") or "").lower()
    if which in ("next", "coming"):
        return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    back = (reference.weekday() - weekday) % 7
    if which == "last" and back == 0:
        back = 7
    return reference - timedelta(days=back)
