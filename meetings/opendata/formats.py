"""Machine-readable twins of the list pages: `?format=json` and `?format=csv`.

Put `DataFormatMixin` first in a ListView's bases and give the view `data_kind` and
`get_data_queryset()`; the same URL with the same filters then answers in JSON (one page, with
`count`, `next`, `previous`, `results`) or CSV (every matching row, streamed). The records
themselves come from meetings/opendata/serializers.py, so a list, its CSV and the API agree column for column.

CORS: every data response carries `Access-Control-Allow-Origin: *`. The data is public, read-only
and served without cookies or credentials, so any origin may read it; a simple GET needs no
preflight. That is one static header on responses we build ourselves, so it is set here rather
than through a middleware or a dependency such as django-cors-headers.
"""

import csv
import io
from operator import itemgetter

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections
from django.db.models import QuerySet
from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse

from .record_urls import UrlBuilder
from .serializers import serializer_for
from .spreadsheet import neutralize_cell, neutralized_sql

FORMATS = ("json", "csv")
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
CSV_CHUNK_SIZE = 2000


def allow_any_origin(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def json_response(data, status=200):
    response = JsonResponse(
        data, status=status, safe=False, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False}
    )
    return allow_any_origin(response)


def json_error(message, status=400, **extra):
    return json_response({"error": message, **extra}, status=status)


def unknown_format_error(requested):
    return json_error(f"unknown format {requested[:40]!r}: use json or csv")


class BadPageRequest(ValueError):
    """A `page` or `page_size` that cannot be served; str(err) says why in one line."""


def _positive_int(request, name, default):
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadPageRequest(f"{name} must be a whole number, not {raw[:40]!r}") from None
    if value < 1:
        raise BadPageRequest(f"{name} must be 1 or more, not {value}")
    return value


def page_parameters(request, default_page_size=DEFAULT_PAGE_SIZE):
    """(page, page_size) from the query string; page_size is capped at MAX_PAGE_SIZE."""
    page = _positive_int(request, "page", 1)
    page_size = min(_positive_int(request, "page_size", default_page_size), MAX_PAGE_SIZE)
    return page, page_size


def url_with(request, **changes):
    """The absolute URL of this request with query parameters changed (None removes one)."""
    query = request.GET.copy()
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = str(value)
    encoded = query.urlencode()
    return request.build_absolute_uri(request.path + (f"?{encoded}" if encoded else ""))


def _count(data):
    try:
        return data.count()
    except (AttributeError, TypeError):
        return len(data)


def json_page(request, data, kind, default_page_size=DEFAULT_PAGE_SIZE):
    """One page of `data` as {count, next, previous, results}; a 400 JSON error for a bad page."""
    try:
        page, page_size = page_parameters(request, default_page_size)
    except BadPageRequest as err:
        return json_error(str(err))
    count = _count(data)
    last_page = max(1, -(-count // page_size))
    if page > last_page:
        return json_error(f"page {page} does not exist: there are {last_page} pages of {page_size}")
    offset = (page - 1) * page_size
    serializer = serializer_for(kind)
    data = serializer.ordered(data)
    results = list(serializer.records(data[offset : offset + page_size], UrlBuilder(request)))
    body = {"count": count}
    if hasattr(data, "count_is_exact"):  # a search: its count may be an estimate, as on its page
        body["count_is_exact"] = data.count_is_exact
    body.update(
        {
            "next": url_with(request, page=page + 1) if page < last_page else None,
            "previous": url_with(request, page=page - 1) if page > 1 else None,
            "results": results,
        }
    )
    return json_response(body)


def csv_lines(data, kind, urls, chunk_size=CSV_CHUNK_SIZE, use_copy=True):
    """The CSV of every record in `data`, header first, then one string per chunk of rows.

    Cells: None is an empty cell, booleans are `true` / `false` like the JSON's values, text a
    spreadsheet would run as a formula gets a leading `'` (see spreadsheet.py); lines end
    with "\n". On PostgreSQL a kind with SQL columns (statements) is written by the database
    itself (see copy_csv_chunks): the same bytes, without building a Python row per record."""
    serializer = serializer_for(kind)
    data = serializer.ordered(data)
    names = serializer.column_names
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    yield buffer.getvalue()
    copied = copy_csv_chunks(data, serializer, urls) if use_copy else None
    if copied is not None:
        yield from copied
        return
    cells_of = itemgetter(*names)
    booleans = [i for i, column in enumerate(serializer.columns) if column.type == "boolean"]
    texts = [i for i, column in enumerate(serializer.columns) if column.type == "string"]
    for rows in serializer.record_chunks(data, urls, chunk_size):
        buffer.seek(0)
        buffer.truncate()
        cells = [list(cells_of(row)) for row in rows]
        for i in booleans:
            for row in cells:
                row[i] = CSV_BOOLEANS[row[i]]
        for i in texts:
            for row in cells:
                row[i] = neutralize_cell(row[i])
        _write_rows(writer, buffer, cells, texts)
        yield buffer.getvalue()


def _write_rows(writer, buffer, cells, texts):
    """writer.writerows(cells), except that a row with a carriage return in a text cell is
    written with that cell quoted, as PostgreSQL's COPY does: Python 3.11's writer quotes only
    the characters of its own line terminator ("\n"), and a bare "\r" splits the row for readers."""
    if not any("\r" in row[i] for row in cells for i in texts if row[i]):
        writer.writerows(cells)
        return
    crlf_buffer = io.StringIO()
    crlf_writer = csv.writer(crlf_buffer, lineterminator="\r\n")
    for row in cells:
        if any("\r" in row[i] for i in texts if row[i]):
            crlf_buffer.seek(0)
            crlf_buffer.truncate()
            crlf_writer.writerow(row)
            buffer.write(crlf_buffer.getvalue()[:-2] + "\n")
        else:
            writer.writerow(row)


def copy_csv_chunks(data, serializer, urls, buffer_size=1 << 16):
    """CSV rows of `data` written by PostgreSQL (COPY (SELECT ...) TO STDOUT), in chunks of about
    `buffer_size` bytes; None when that is not possible here (another database, a plain list, a
    kind without SQL columns). The query is the view's own queryset with the columns annotated,
    so filters and order are exactly those of the page."""
    if not isinstance(data, QuerySet) or data.model is not serializer.model:
        return None
    connection = connections[data.db]
    columns = serializer.sql_columns(urls) if connection.vendor == "postgresql" else None
    if columns is None:
        return None
    texts = {column.name for column in serializer.columns if column.type == "string"}
    columns = {
        name: neutralized_sql(expression) if name in texts else expression
        for name, expression in columns.items()
    }
    queryset = (
        data.prefetch_related(None)
        .annotate(**{f"csv_{name}": expression for name, expression in columns.items()})
        .values_list(*[f"csv_{name}" for name in serializer.column_names])
    )
    sql, params = queryset.query.sql_with_params()
    return _copy_out(connection, sql, params, buffer_size)


def _copy_out(connection, sql, params, buffer_size):
    from psycopg import ClientCursor

    with connection.cursor() as cursor:
        # COPY takes no bound parameters: interpolate them client-side, with psycopg's quoting.
        query = ClientCursor(connection.connection).mogrify(sql, params)
        with cursor.cursor.copy(f"COPY ({query}) TO STDOUT WITH (FORMAT csv)") as copy:
            buffer = bytearray()
            for data in copy:
                buffer += data
                if len(buffer) >= buffer_size:
                    yield bytes(buffer)
                    buffer.clear()
            if buffer:
                yield bytes(buffer)


CSV_BOOLEANS = {True: "true", False: "false", None: ""}


def csv_response(request, data, kind, filename):
    response = StreamingHttpResponse(
        csv_lines(data, kind, UrlBuilder(request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return allow_any_origin(response)


def format_links(request):
    """Links to the JSON and CSV twins of this page, with its current filters (and no page)."""
    return {
        "json": url_with(request, format="json", page=None),
        "csv": url_with(request, format="csv", page=None, page_size=None),
        "docs": reverse("api:index"),
    }


class DataFormatMixin:
    """Serve `?format=json` / `?format=csv` of a list view's records; put FIRST in the bases.

    The view provides `data_kind` ("meeting", "person", "organization", "country", "statement",
    "participant", "source") and `get_data_queryset()`: the full filtered, ordered queryset (or
    list) the page shows. When the view keeps a bound django-filter FilterSet in
    `self.filterset` and its form is invalid, the data formats answer 400 with the form's errors
    instead of silently ignoring a filter. Any other request is the HTML page, whose context
    gains `format_links` (see templates/meetings/_formats.html).
    """

    data_kind = None
    default_page_size = DEFAULT_PAGE_SIZE

    def get(self, request, *args, **kwargs):
        requested = request.GET.get("format", "")
        if requested in ("", "html"):
            return super().get(request, *args, **kwargs)
        if requested not in FORMATS:
            return unknown_format_error(requested)
        data = self.get_data_queryset()
        errors = self.get_data_errors()
        if errors:
            return json_error("invalid filter", errors=errors)
        if requested == "json":
            return json_page(request, data, self.data_kind, self.default_page_size)
        return csv_response(request, data, self.data_kind, serializer_for(self.data_kind).plural)

    def get_data_queryset(self):
        return self.get_queryset()

    def get_data_errors(self):
        filterset = getattr(self, "filterset", None)
        if filterset is not None and getattr(filterset, "is_bound", False) and not filterset.is_valid():
            return filterset.form.errors.get_json_data()
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["format_links"] = format_links(self.request)
        return context
