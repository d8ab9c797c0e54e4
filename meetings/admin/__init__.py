"""The editors' workbench: the Django admin registrations (`registrations`), what they share
(`curating`: filters, source excerpts, curated flags, merge actions) and merging people or
organizations (`merging`, one atomic operation with its policy in the docstring).

May import: `meetings.models`, `meetings.search`, `meetings.ingest`. Django's admin autodiscovery
imports this package, which registers the record admins.
"""

from . import registrations  # noqa: F401  (registers the admins)
