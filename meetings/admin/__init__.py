"""The editors' workbench: the Django admin registrations (`registrations`), what they share
(`curating`: filters, source excerpts, curated flags, merge actions), merging people or
organizations (`merging`, one atomic operation with its policy in the docstring) and the feeds
`fetch_feeds` reads (`feeds`).

May import: `meetings.models`, `meetings.search`, `meetings.ingest`. Django's admin autodiscovery
imports this package, which registers the record admins.
"""

from . import feeds, registrations  # noqa: F401  (registers the admins)
