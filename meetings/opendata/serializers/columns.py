"""What every serializer in this package is made of: the `Column` that names, types
and documents one field of a flat record, and `RecordSerializer`, which reads records as ORM
values in chunks and turns them into flat dicts.
"""

from collections import namedtuple
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from django.db.models import QuerySet
from django_countries.fields import Country

LIST_SEPARATOR = "; "  # joins multi-valued columns (aliases, participant countries) in a CSV cell


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # JSON Schema type: "string", "integer", "boolean"; format given separately
    description: str
    nullable: bool = False
    format: str = ""  # "date", "date-time", "uri" or ""


def column(name, description, type="string", *, nullable=False, format=""):
    return Column(name, type, description, nullable, format)


def chunked(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _value_of(obj, lookup):
    """Follow an ORM lookup ("speaker__slug") through attributes of a model instance."""
    value = obj
    for part in lookup.split("__"):
        if value is None:
            return None
        value = getattr(value, part)
    if isinstance(value, Country):
        return value.code or ""
    return value


class RecordSerializer:
    """Turns records of one kind into flat dicts. Subclasses name the ORM values they read
    (`lookups`), the columns they produce (`columns`, in CSV order) and how (`row`)."""

    kind = ""
    model = None
    plural = ""
    lookups: tuple = ()
    columns: tuple = ()

    @property
    def column_names(self):
        return [column.name for column in self.columns]

    # The order of records when the view did not choose one (None: the model's default ordering).
    default_order = None

    def ordered(self, data):
        """`data` in the view's explicit order, else in `default_order`."""
        if self.default_order and isinstance(data, QuerySet) and not data.query.order_by:
            return data.order_by(*self.default_order)
        return data

    def row(self, values, urls):
        raise NotImplementedError

    def add_related(self, rows, values):
        """Fill the columns that need other tables, one query per chunk (rows and values align)."""

    def sql_columns(self, urls):
        """The columns as SQL expressions, for PostgreSQL to write the CSV itself (COPY); None
        when this kind has no such twin. See formats.copy_csv_chunks."""
        return None

    @cached_property
    def values_type(self):
        """The row type `row()` reads: one attribute per lookup, as `values_list(named=True)` gives."""
        return namedtuple(f"{type(self).__name__}Values", self.lookups)

    def values_of(self, item):
        """The looked-up values of a model instance (or a dict of them), as a values_type row."""
        if isinstance(item, dict):
            return self.values_type(**{lookup: item.get(lookup) for lookup in self.lookups})
        return self.values_type(*(_value_of(item, lookup) for lookup in self.lookups))

    def record_chunks(self, data, urls, chunk_size=2000):
        """Flat records of `data` (a queryset of this kind, or an iterable of instances), in
        lists of at most `chunk_size`, streaming from the database."""
        if isinstance(data, QuerySet) and data.model is self.model:
            values = (
                data.prefetch_related(None)
                .values_list(*self.lookups, named=True)
                .iterator(chunk_size=chunk_size)
            )
        else:
            values = (self.values_of(item) for item in data)
        for chunk in chunked(values, chunk_size):
            rows = [self.row(value, urls) for value in chunk]
            self.add_related(rows, chunk)
            yield rows

    def records(self, data, urls, chunk_size=2000):
        for chunk in self.record_chunks(data, urls, chunk_size):
            yield from chunk

    def record(self, instance, urls):
        return next(self.records([instance], urls))


REVIEW_COLUMNS = (
    column("curated", "True once an editor has saved the record: ingest no longer changes it.", "boolean"),
    column("review_reason", "Why the extractor was unsure; empty when nothing needs a look."),
)
