"""Dataclasses mirroring the extraction JSON contract (shared/eval/SCHEMA.md plus CONTRACTS.md §1).

`DocumentResult.as_dict()` gives exactly the object `manage.py extract` prints for one document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass
class Statement:
    speaker: str
    kind: str  # "direct" | "reported"
    text: str
    start: int
    end: int
    attribution: str  # the speaker as the source wrote it here: "S.Lavrov", "The Russian Minister"

    def as_dict(self) -> dict:
        return {
            "speaker": self.speaker,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "attribution": self.attribution,
        }


@dataclass
class Participant:
    name: str
    country: str | None
    role: str | None
    organization: str | None = None
    mentions: list[str] = field(default_factory=list)
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "country": self.country,
            "role": self.role,
            "organization": self.organization,
            "mentions": list(self.mentions),
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Meeting:
    date: date | None
    city: str | None
    country: str | None
    kind: str = "in_person"  # "in_person" | "phone" | "video"
    participants: list[Participant] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "date": _iso(self.date),
            "city": self.city,
            "country": self.country,
            "kind": self.kind,
            "participants": [p.as_dict() for p in self.participants],
            "statements": [s.as_dict() for s in self.statements],
        }


@dataclass
class OrganizationResult:
    name: str
    acronym: str | None
    kind: str = "other"
    country: str | None = None

    def as_dict(self) -> dict:
        return {"name": self.name, "acronym": self.acronym, "kind": self.kind, "country": self.country}


@dataclass
class PersonResult:
    name: str
    country: str | None
    role: str | None
    mentions: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "country": self.country,
            "role": self.role,
            "mentions": list(self.mentions),
        }


@dataclass
class DocumentResult:
    document: str
    title: str | None = None
    published: date | None = None
    meetings: list[Meeting] = field(default_factory=list)
    organizations: list[OrganizationResult] = field(default_factory=list)
    people: list[PersonResult] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "document": self.document,
            "title": self.title,
            "published": _iso(self.published),
            "meetings": [m.as_dict() for m in self.meetings],
            "organizations": [o.as_dict() for o in self.organizations],
            "people": [p.as_dict() for p in self.people],
        }
