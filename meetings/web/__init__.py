"""The public pages: thin class-based views (`views/`, one module per kind of page), django-filter
FilterSets (`filters`), fast form widgets (`widgets`), the meeting list's facet counts (`facets`),
the page cache keyed by the data version with ETag/304 (`caching`, a middleware) and what turns
records into page furniture (`presentation`: charts, the highlighted source text).

May import: `meetings.models`, `meetings.search` and the `?format=json|csv` twins of
`meetings.opendata.formats`. Views never parse text and never write records.
"""
