"""Snippets that are safe to put in a page: the text escaped, only <mark> as markup.

The databases mark matches with two private-use characters that are stripped from the statement
text first, so no source text can open or close a highlight; everything else is escaped here.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

START, STOP = "\ue000", "\ue001"
# PostgreSQL's ts_headline drops what its parser reads as markup ("<b>", "&amp;", a <script>
# element's content), so these characters travel through it disguised as private-use ones.
DISGUISED = {"<": "\ue002", ">": "\ue003", "&": "\ue004"}
UNDISGUISE = str.maketrans({mark: ch for ch, mark in DISGUISED.items()})
EXCERPT_LENGTH = 240


def strip_markers(text: str) -> str:
    return text.replace(START, "").replace(STOP, "")


def marked_to_html(marked: str) -> SafeString:
    """Database output with START/STOP around matches -> escaped HTML with <mark> elements."""
    html, open_mark, plain = [], False, []

    def flush():
        if plain:
            html.append(escape("".join(plain)))
            plain.clear()

    for ch in marked.translate(UNDISGUISE):
        if ch == START and not open_mark:
            flush()
            html.append("<mark>")
            open_mark = True
        elif ch == STOP and open_mark:
            flush()
            html.append("</mark>")
            open_mark = False
        elif ch not in (START, STOP):
            plain.append(ch)
    flush()
    if open_mark:
        html.append("</mark>")
    return mark_safe("".join(html))


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> SafeString:
    """The start of a statement, escaped, cut at a word boundary (for listings without a query)."""
    text = " ".join(strip_markers(text).split())
    if len(text) > length:
        cut = text[:length].rsplit(" ", 1)[0] or text[:length]
        text = cut.rstrip(",;:") + " …"
    return mark_safe(escape(text))
