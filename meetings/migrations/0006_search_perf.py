"""The data version that cached pages are keyed by, and (PostgreSQL) each statement's words with
their BM25 impact for ranking every match (meetings/search/impacts.py). Nothing else on SQLite:
FTS5 ranks every match itself."""

from django.db import migrations, models

from meetings.search.impacts import create_impacts, drop_impacts


def create_first_version(apps, schema_editor):
    apps.get_model("meetings", "DataVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0005_reading"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(default=1)),
                ("changed", models.DateTimeField(auto_now=True)),
            ],
        ),
        migrations.RunPython(create_first_version, migrations.RunPython.noop),
        migrations.RunPython(create_impacts, drop_impacts),
    ]
