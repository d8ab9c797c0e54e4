"""Answers that change only with the data, remembered per data version in each process: document
frequencies, which phrases occur, the planner's estimates (backends.py).

May import `meetings.models` only.
"""

import functools

from django.db.models import QuerySet

from meetings.models import DataVersion

_remembered = {}


def remembered_per_data_version(method):
    """Memoize a backend method's answer for the data version it was computed at: document
    frequencies and which phrases occur change only with the data (a bounded in-process memo,
    correct in every process since the version is read from the database)."""

    @functools.wraps(method)
    def wrapper(self, *args):
        # A queryset argument stands for the SQL it runs.
        args_key = tuple(str(arg.query) if isinstance(arg, QuerySet) else arg for arg in args)
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
