"""SQLite gets the copies of the speaker's country and the meeting's country and date on each
statement that PostgreSQL has had since 0003 (kept by triggers, meetings/search/schema.py), with
indexes in the newest-first order, so listing and filtering statements needs no join."""

from django.db import migrations

from meetings.search.schema import create_sqlite_copies, drop_sqlite_copies


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_search_perf"),
    ]

    operations = [
        migrations.RunPython(create_sqlite_copies, drop_sqlite_copies),
    ]
