"""Pure helpers for the public pages: the meetings-per-year chart and the highlighted source text.

They take plain data and run no queries, so the views stay thin and each can be tested alone.
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

CHART_HEIGHT = 180
CHART_TOP = 24  # room for the count above the tallest bar
CHART_BASELINE = 150  # y of the axis; the year labels sit below it
CHART_SLOT = 36  # horizontal space per year
CHART_MIN_WIDTH = 320
CHART_MAX_YEARS = 80  # a century of data still fits a page; older years are summed into the first


@dataclass(frozen=True)
class ChartBar:
    year: int
    count: int
    x: float
    y: float
    width: float
    height: float
    label_x: float
    count_y: float
    show_label: bool


@dataclass(frozen=True)
class YearChart:
    bars: list[ChartBar]
    width: int
    height: int
    baseline: int
    label_y: int
    total: int
    peak: int

    @property
    def description(self):
        return ", ".join(f"{bar.year}: {bar.count}" for bar in self.bars)


def year_chart(counts):
    """Bars for meetings per year from {year: count}; every year between the first and the last
    gets a bar (zero included) so gaps show. None when there is nothing dated to draw."""
    counts = {int(year): int(n) for year, n in counts.items() if year is not None and n}
    if not counts:
        return None
    first, last = min(counts), max(counts)
    if last - first + 1 > CHART_MAX_YEARS:
        first = last - CHART_MAX_YEARS + 1
        counts[first] = sum(n for year, n in counts.items() if year <= first)
    years = range(first, last + 1)
    peak = max(counts.get(year, 0) for year in years)
    width = max(CHART_MIN_WIDTH, CHART_SLOT * len(years) + 20)
    slot = (width - 20) / len(years)
    label_every = 1 if len(years) <= 12 else (5 if len(years) <= 60 else 10)
    usable = CHART_BASELINE - CHART_TOP
    bars = []
    for index, year in enumerate(years):
        count = counts.get(year, 0)
        height = usable * count / peak
        x = 10 + index * slot + slot * 0.15
        bars.append(
            ChartBar(
                year=year,
                count=count,
                x=round(x, 1),
                y=round(CHART_BASELINE - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label_x=round(x + slot * 0.35, 1),
                count_y=round(CHART_BASELINE - height - 5, 1),
                show_label=index == 0 or index == len(years) - 1 or year % label_every == 0,
            )
        )
    return YearChart(
        bars=bars,
        width=int(width),
        height=CHART_HEIGHT,
        baseline=CHART_BASELINE,
        label_y=CHART_BASELINE + 18,
        total=sum(counts.get(year, 0) for year in years),
        peak=peak,
    )


def highlight_statements(text, statements) -> SafeString:
    """The source text, escaped, with each statement's span wrapped in a link to its record.

    Statements without offsets, with offsets outside the text, or overlapping an earlier
    statement are left unmarked (they are still listed on the page)."""
    parts = []
    position = 0
    for statement in sorted(statements, key=lambda s: (s.start if s.start is not None else -1, s.pk)):
        start, end = statement.start, statement.end
        if start is None or end is None or start < position or end > len(text) or end <= start:
            continue
        parts.append(escape(text[position:start]))
        speaker = statement.attribution or (statement.speaker.name if statement.speaker else "")
        parts.append(
            format_html(
                '<a class="statement-mark" id="statement-{}" href="{}" title="{}"><mark>{}</mark></a>',
                statement.pk,
                statement.get_absolute_url(),
                f"Statement by {speaker}" if speaker else "Statement",
                text[start:end],
            )
        )
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
