"""CSV cells that a spreadsheet would run as a formula, made inert (OWASP, "CSV Injection").

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice
and Google Sheets as a formula (`=cmd|' /C calc'!A0`, `=HYPERLINK(...)`); a leading single quote
makes them show the text as it is. Statements are quoted from documents anyone can publish, so
every CSV the archive writes goes through here:

- the site's and the API's CSVs (`neutralize_cell`, and `neutralized_sql` for the CSV PostgreSQL
  writes itself with COPY): a cell that begins with one of those characters gets a `'` in front.
  These CSVs are for reading; the JSON twin of the same URL has the exact text.
- the CSV dump (`escape_dump_cell` / `unescape_dump_cell`), which must load back exactly: a text
  cell that begins with one of those characters OR with `'` gets a `'` in front, and `import_dump`
  removes one leading `'` from every text cell. So `=1+1` is written `'=1+1`, `'quoted` is written
  `''quoted`, and both load back as they were.
"""

from django.db.models import Func, TextField, Value

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralize_cell(value):
    """`value` with a `'` in front if a spreadsheet would read it as a formula; others unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def neutralized_sql(expression):
    """The SQL twin of neutralize_cell for PostgreSQL (NULL stays NULL)."""
    return Func(
        expression,
        Value("^([=+@\t\r-])"),
        Value("'\\1"),
        function="regexp_replace",
        output_field=TextField(),
    )


def escape_dump_cell(value):
    """A text cell of the CSV dump: inert in a spreadsheet, and reversible by unescape_dump_cell."""
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, QUOTE)):
        return QUOTE + value
    return value


def unescape_dump_cell(value):
    """The text escape_dump_cell was given."""
    return value[1:] if value.startswith(QUOTE) else value
