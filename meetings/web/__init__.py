"""The public pages: thin class-based views (`views/`, one module per kind of page), django-filter
FilterSets (`filters`) and what turns records into page furniture (`presentation`: charts, source
titles, the footer's counts; `paragraphs`: statements in paragraphs and the paragraph a search
matched; `source_text`: a source's text with its statements and provenance marked). Templates
reach the helpers through `{% load reading %}` (meetings/templatetags/reading.py).

May import: `meetings.models`, `meetings.search` and the `?format=json|csv` twins of
`meetings.opendata.formats`. Views never parse text and never write records.
"""
