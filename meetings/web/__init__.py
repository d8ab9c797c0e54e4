"""The public pages: thin class-based views (`views/`, one module per kind of page), django-filter
FilterSets (`filters`), fast form widgets (`widgets`), the meeting list's facet counts (`facets`),
the page cache keyed by the data version with ETag/304 (`caching`, a middleware) and what turns
records into page furniture (`presentation`: charts, source titles, the footer's counts;
`paragraphs`: statements in paragraphs and the paragraph a search matched; `source_text`: a
source's text with its statements and provenance marked; `network_drawing`: a record's
who-met-whom drawing), plus following and reuse: Atom feeds (`feeds`) and the feed, citation and
JSON-LD context of pages (`follow`). Templates reach the helpers through `{% load reading %}`
(meetings/web/templatetags/reading.py).

May import: `meetings.models`, `meetings.search`, the `?format=json|csv` twins of
`meetings.opendata.formats`, and the formats of `meetings.opendata.citations`, `.jsonld` and
`.network`. Views never parse text and never write records.
"""
