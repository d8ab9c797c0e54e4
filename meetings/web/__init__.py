"""The public pages: thin class-based views (`views/`, one module per kind of page), django-filter
FilterSets (`filters`) and what turns records into page furniture (`presentation`: charts, the
highlighted source text; `network_drawing`: a record's who-met-whom drawing), plus following and
reuse: Atom feeds (`feeds`) and the feed, citation and JSON-LD context of pages (`follow`).

May import: `meetings.models`, `meetings.search`, the `?format=json|csv` twins of
`meetings.opendata.formats`, and the formats of `meetings.opendata.citations`, `.jsonld` and
`.network`. Views never parse text and never write records.
"""
