"""Open data: the records as JSON and CSV for whoever wants to reuse them.

- `serializers` (built from `columns`): one definition of each kind of record's columns, used by
  the `?format=json|csv` twins of the list pages (`formats`), the API and the OpenAPI document;
- `record_urls`: absolute URLs of records in those files;
- `dump`: `export` and `import_dump`, every column of every table;
- `api/`: the read-only JSON API under /api/ and its OpenAPI document.

May import: `meetings.models`, `meetings.search`, and the FilterSets and list views of
`meetings.web` (the API answers the same questions as the pages, with the same filters).
Writes records only in `dump.load_dump`, the restore of a dump.
"""
