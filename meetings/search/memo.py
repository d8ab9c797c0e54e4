"""Answers that change only with the data, remembered per data version in each process: document
frequencies, which phrases occur, the planner's estimates (backends.py).

May import `meetings.models` only.
"""

import functools

from django.db.models import QuerySet

from meetings.models import DataVersion

_remembered = {}


def _key_of(arg):
    """A queryset argument stands for the SQL it runs, written once per queryset object (a
    search asks several questions about the same filtered statements; writing SQL costs)."""
    if not isinstance(arg, QuerySet):
        return arg
    key = arg.__dict__.get("_remembered_as")
    if key is None:
        key = arg.__dict__["_remembered_as"] = str(arg.query)
    return key


def remembered_per_data_version(method):
    """Memoize a backend method's answer for the data version it was computed at: document
    frequencies and which phrases occur change only with the data (a bounded in-process memo,
    correct in every process since the version is read from the database)."""

    @functools.wraps(method)
    def wrapper(self, *args):
        args_key = tuple(_key_of(arg) for arg in args)
        key = (method.__name__, self.connection.alias, self.connection.vendor, str(self.parsed), args_key)
        if getattr(self, "data_version", None) is None:
            self.data_version = DataVersion.current()
        version = self.data_version
        found = _remembered.get(key)
        if found is not None and found[0] == version:
            return found[1]
        answer = method(self, *args)
        if len(_remembered) > 10_000:
            _remembered.clear()
        _remembered[key] = (version, answer)
        return answer

    return wrapper
