"""Dataclasses mirroring the extraction JSON: the shape of shared/eval/SCHEMA.md plus extra keys
that ingest uses and the scorer ignores:

- statement `text` (the whole statement), `start`/`end` (character offsets in the text as read)
  and `attribution` (the speaker as written there: "S.Lavrov", "the Russian minister");
- participant and person `mentions` (every form of the name in the text), participant
  `start`/`end` (where the participant is first named);
- meeting `kind` ("in_person", "phone" or "video");
- organization `kind` and `country`.
- meeting, participant and statement `confidence` (0..1; see the package docstring).

`DocumentResult.as_dict()` gives exactly the object `manage.py extract` prints for one document.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


def _contract_fields(pairs: list[tuple[str, object]]) -> dict:
    """`asdict`'s dict factory: fields in declaration order, dates as ISO strings."""
    return {name: value.isoformat() if isinstance(value, date) else value for name, value in pairs}


class _AsDict:
    def as_dict(self) -> dict:
        """This record as the contract's JSON object; nested records and lists become plain ones."""
        return asdict(self, dict_factory=_contract_fields)


@dataclass
class Statement(_AsDict):
    speaker: str
    kind: str  # "direct" | "reported"
    text: str
    start: int
    end: int
    attribution: str  # the speaker as the source wrote it here: "S.Lavrov", "The Russian Minister"
    confidence: float = 1.0  # 0..1, see the package docstring


@dataclass
class Participant(_AsDict):
    name: str
    country: str | None
    role: str | None
    organization: str | None = None
    mentions: list[str] = field(default_factory=list)
    start: int | None = None
    end: int | None = None
    confidence: float = 1.0


@dataclass
class Meeting(_AsDict):
    date: date | None
    city: str | None
    country: str | None
    kind: str = "in_person"  # "in_person" | "phone" | "video"
    participants: list[Participant] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    confidence: float = 1.0


@dataclass
class OrganizationResult(_AsDict):
    name: str
    acronym: str | None
    kind: str = "other"
    country: str | None = None


@dataclass
class PersonResult(_AsDict):
    name: str
    country: str | None
    role: str | None
    mentions: list[str] = field(default_factory=list)


@dataclass
class DocumentResult(_AsDict):
    document: str
    title: str | None = None
    published: date | None = None
    meetings: list[Meeting] = field(default_factory=list)
    organizations: list[OrganizationResult] = field(default_factory=list)
    people: list[PersonResult] = field(default_factory=list)
