"""The data version: a counter every change to the public records moves on, which the page
cache is keyed by."""

from django.db import models


class DataVersion(models.Model):
    """One row counting changes to the public records: pages and API answers are cached under it
    (and give it as their ETag), so a change shows at once on the next request in every process."""

    version = models.BigIntegerField(default=1)
    changed = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"data version {self.version}"

    @classmethod
    def current(cls):
        """(version, changed): one indexed read; the row is created on first use."""
        row = cls.objects.filter(pk=1).values_list("version", "changed").first()
        return row or cls.objects.get_or_create(pk=1)[0].as_tuple()

    def as_tuple(self):
        return self.version, self.changed


def _bump_now():
    from django.utils import timezone

    if not DataVersion.objects.filter(pk=1).update(version=models.F("version") + 1, changed=timezone.now()):
        DataVersion.objects.get_or_create(pk=1, defaults={"version": 2})


def bump_data_version():
    """Record that public data changed: once, after the current transaction commits (at once
    outside a transaction). Called by signals for every saved or deleted record (apps.py) and by
    writers that bypass signals (bulk_create, update())."""
    from django.db import transaction

    connection = transaction.get_connection()
    if connection.atomic_blocks and getattr(connection.atomic_blocks[0], "_from_testcase", False):
        _bump_now()  # inside a test's transaction, which never commits (Django's own durable check)
    elif not any(entry[1] is _bump_now for entry in connection.run_on_commit):
        transaction.on_commit(_bump_now)
