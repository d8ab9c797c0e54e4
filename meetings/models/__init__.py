"""The archive's records: source documents, the people and organizations in them, the meetings
they report and what was said there.

Vocabulary follows Popolo where it can: a Statement keeps its `attribution` as the source wrote it
next to the resolved `speaker`, as openparliament.ca keeps `who_en` beside the politician.

Two flags run through the editable records:
- `curated`: an editor saved it through the admin; ingest never changes or deletes it again.
- `review_reason`: why the extractor was unsure ("ambiguous person", "meeting without a date");
  empty when nothing needs a look. The admin lists what is flagged so an editor can clear it.

The records live in one module each by job: `base` (what they share), `sources` (source
documents and feeds), `records` (people, organizations, meetings, participants, statements and
source marks) and `versions` (the data version pages are cached under). Import them from here.
"""

from .base import NamedRecord, Reviewable, unique_slug, web_url_validator, wikidata_id_validator
from .records import (
    Meeting,
    MeetingQuerySet,
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Participant,
    Person,
    PersonAlias,
    PersonQuerySet,
    PersonRedirect,
    SourceMark,
    Statement,
)
from .sources import Feed, SourceDocument
from .versions import DataVersion, bump_data_version

__all__ = [
    "DataVersion",
    "Feed",
    "Meeting",
    "MeetingQuerySet",
    "NamedRecord",
    "Organization",
    "OrganizationAlias",
    "OrganizationRedirect",
    "Participant",
    "Person",
    "PersonAlias",
    "PersonQuerySet",
    "PersonRedirect",
    "Reviewable",
    "SourceDocument",
    "SourceMark",
    "Statement",
    "bump_data_version",
    "unique_slug",
    "web_url_validator",
    "wikidata_id_validator",
]
