"""Roles as offices: one written form per office, and the rank that orders the heads of a meeting.

Sources write one office many ways ("Foreign Minister", "Minister of Foreign Affairs of the
Russian Federation", "Russian FM"); the archive stores one form (`Participant.role`) and keeps the
form as written beside it (`Participant.role_as_written`), as openparliament.ca keeps `who_en`.
The offices, their forms and ranks live in `data/offices.json`.

The office of a role is the first office form the role contains, the longest one when several
start there: "assistant to the Ambassador" is an Assistant, "IEPF Vice-President" a
Vice-President, "Deputy Foreign Minister" a Deputy Minister of Foreign Affairs. A role naming no
known office keeps its written form (tidied) and ranks after every office. A head of an
organization ("President of the organization", "World Bank president") ranks below the heads of
states and governments.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

OFFICES_FILE = Path(__file__).resolve().parent / "data" / "offices.json"
# Heads of an organization rank here at best, below heads of state, government and ministers.
ORGANIZATION_HEAD_RANK = 5
_ORGANIZATION_WORDS = re.compile(
    r"\b(?:organi[sz]ation|fund|foundation|association|union|bank|commission|council|committee|"
    r"agency|institute|centre|center|watch|society|federation of|chamber|company|corporation)\b",
    re.IGNORECASE,
)
# "the organization", "the Fund": a role that points at an organization the text named before.
_GENERIC_ORGANIZATION = re.compile(
    r"\b(?:of|at) the (?:organi[sz]ation|fund|foundation|association|agency|institute|centre|center)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


@dataclass(frozen=True)
class Office:
    name: str
    rank: int
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    """A role as stored: `name` (one form per office), `as_written`, `rank` (1 leads)."""

    name: str
    as_written: str
    rank: float


@cache
def offices():
    """The offices of data/offices.json, and the rank of a role that names none."""
    data = json.loads(OFFICES_FILE.read_text(encoding="utf-8"))
    return [Office(o["name"], o["rank"], tuple(o["forms"])) for o in data["offices"]], data["unranked"]


@cache
def _form_patterns():
    patterns = []
    for office in offices()[0]:
        for form in office.forms:
            patterns.append(
                (re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", re.IGNORECASE), office)
            )
    return patterns


def tidy(text):
    """Spaces collapsed, stray punctuation at the ends dropped; None becomes ""."""
    return re.sub(r"\s+", " ", text or "").strip(" ,;:.-–—")


def office_of(written):
    """The Office a written role names, or None."""
    best = None  # (position, -length, office)
    for pattern, office in _form_patterns():
        found = pattern.search(written)
        if found and (best is None or (found.start(), -len(found.group())) < best[:2]):
            best = (found.start(), -len(found.group()), office)
    return best[2] if best else None


def names_an_organization(written):
    """Whether a role is held in an organization rather than a state ("President of the
    organization", "IEPF Vice-President", "World Bank president")."""
    without_office = written
    for pattern, _office in _form_patterns():
        without_office = pattern.sub(" ", without_office)
    return bool(_ORGANIZATION_WORDS.search(written) or _ACRONYM.search(without_office))


def points_at_an_organization(written):
    """Whether a role refers to an organization named elsewhere: "President of the organization"."""
    return bool(_GENERIC_ORGANIZATION.search(written or ""))


def normalize_role(written, in_organization=False):
    """The Role for a role as written. `in_organization`: the participant represents an
    organization (not a state), which ranks its heads below heads of state."""
    as_written = tidy(written)
    if not as_written:
        return Role("", "", offices()[1])
    office = office_of(as_written)
    if office is None:
        return Role(as_written[:1].upper() + as_written[1:], as_written, offices()[1])
    rank = office.rank
    if in_organization or names_an_organization(as_written):
        rank = max(rank, ORGANIZATION_HEAD_RANK + rank / 10)
    return Role(office.name, as_written, rank)


def role_rank(role, in_organization=False):
    """The rank of a stored role (normalized or not): 1 leads, unknown roles last."""
    return normalize_role(role, in_organization).rank
