"""The public pages: thin class-based views (`views/`, one module per kind of page), django-filter
FilterSets (`filters`) and what turns records into page furniture (`presentation`: charts, the
highlighted source text).

May import: `meetings.models`, `meetings.search` and the `?format=json|csv` twins of
`meetings.opendata.formats`. Views never parse text and never write records.
"""
