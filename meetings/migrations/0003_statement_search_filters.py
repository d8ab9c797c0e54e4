"""PostgreSQL: the search filters' values (speaker's country, meeting's country and date) copied
onto statements by triggers and indexed with the tsvector in one GIN index. Nothing on SQLite.
The SQL lives in meetings/search/schema.py."""

from django.db import migrations

from meetings.search.schema import create_filter_columns, drop_filter_columns


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0002_statement_search"),
    ]

    operations = [
        migrations.RunPython(create_filter_columns, drop_filter_columns),
    ]
