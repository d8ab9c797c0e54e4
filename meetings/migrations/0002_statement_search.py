"""Full-text search of statements: a generated tsvector column and GIN index on PostgreSQL, an FTS5
table kept in step by triggers on SQLite. The SQL lives in meetings/search/schema.py."""

from django.db import migrations

from meetings.search.schema import create_search_structures, drop_search_structures


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_search_structures, drop_search_structures),
    ]
