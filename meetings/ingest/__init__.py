"""Ingest: extracted data in, records out: the only code besides the admin that writes the archive.

- `runner`: `Ingester` reads documents, skips those already stored, extracts the rest (here or
  in worker processes, `workers`) and stores each document in its own transaction;
- `records`: `RecordWriter` writes one document's meetings, participants and statements;
- `named_records`: files the people and organizations a document names;
- `resolution`: who is who (its docstring states the identity rules);
- the reading rules, applied as records are written (and by `tidying` to older records): `roles`
  (one form per office, ranks), `titles` (meeting titles and principals), `naming` (display
  names, review reasons for thin records), `provenance` (the sentences each field came from);
- `synthetic`: synthetic press releases for benchmarks and load tests.

May import: `meetings.models` and `meetings.extraction`. Never the web, opendata or admin rooms.
"""
