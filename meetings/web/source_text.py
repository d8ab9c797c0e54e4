"""A source document's text with every sentence a record came from marked, escaped.

Two kinds of marks, which may overlap:
- statements (`Statement.start/end`): the span is a link to the statement on its meeting's page,
  `<a class="statement-mark" id="statement-<id>"><mark>…</mark></a>`; a statement overlapping an
  earlier one, or with offsets outside the text, is left unmarked (it is still listed on the page);
- provenance (`SourceMark`): the sentence that gave a meeting's date or place, or named a
  participant with their role, as `<span class="provenance">`, preceded by an empty anchor
  `id="mark-<id>"` and followed by links to the records it gave. Links never nest: when a
  sentence ends inside a statement, its links follow the statement.

Pure: takes records already loaded, runs no query.
"""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def accepted_statements(text, statements):
    """Statements with usable offsets, in order, none overlapping an earlier one."""
    accepted, position = [], 0
    for statement in sorted(statements, key=lambda s: (s.start if s.start is not None else -1, s.pk)):
        start, end = statement.start, statement.end
        if start is None or end is None or start < position or end > len(text) or end <= start:
            continue
        accepted.append(statement)
        position = end
    return accepted


def mark_label(mark):
    """What a provenance mark gave: "date", "place", or "Sergey Lavrov, Minister of Foreign Affairs"."""
    if mark.participant_id is None:
        return mark.get_field_display().lower()
    participant = mark.participant
    role = f", {participant.role}" if participant.role else ""
    return f"{participant.person.name}{role}"


def _mark_links(marks):
    links = [
        format_html(
            '<a class="mark-link mark-{}" href="{}">{}</a>',
            mark.field,
            mark.get_absolute_url(),
            mark_label(mark),
        )
        for mark in marks
    ]
    return format_html('<span class="mark-links">[{}]</span>', mark_safe("; ".join(links)))


def highlight_source(text, statements, marks=()) -> SafeString:
    """The text, escaped, with statements and provenance marks (see the module docstring)."""
    statements = accepted_statements(text, statements)
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    points = {0, len(text)}
    for item in [*statements, *marks]:
        points.update((item.start, item.end))
    starts_statement = {s.start: s for s in statements}
    ends_statement = {s.end: s for s in statements}
    parts, inside, pending = [], None, []
    ordered = sorted(points)
    for index, point in enumerate(ordered):
        if point in ends_statement and inside is ends_statement[point]:
            parts.append("</mark></a>")
            inside = None
        ending = [m for m in marks if m.end == point]
        pending.extend(ending)
        if pending and inside is None:
            parts.append(_mark_links(pending))
            pending = []
        if point in starts_statement:
            statement = starts_statement[point]
            speaker = statement.attribution or (statement.speaker.name if statement.speaker else "")
            parts.append(
                format_html(
                    '<a class="statement-mark" id="statement-{}" href="{}" title="{}"><mark>',
                    statement.pk,
                    statement.get_absolute_url(),
                    f"Statement by {speaker}" if speaker else "Statement",
                )
            )
            inside = statement
        parts.extend(
            format_html('<span class="mark-anchor" id="mark-{}"></span>', m.pk)
            for m in marks
            if m.start == point
        )
        if index + 1 == len(ordered):
            break
        segment = escape(text[point : ordered[index + 1]])
        if any(m.start <= point < m.end for m in marks):
            segment = format_html('<span class="provenance">{}</span>', segment)
        parts.append(segment)
    return mark_safe("".join(str(part) for part in parts))
