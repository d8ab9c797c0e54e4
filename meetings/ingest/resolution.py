"""Who is who across the archive: the identity rules ingest uses for people and organizations.

Plain Python, no database: ingest loads the known names into a `PersonIndex` and an
`OrganizationIndex` once per run, asks them for a match per name, and tells them about every
record it creates, so each lookup is a dictionary access however large the archive grows.

People — a name is compared on two parts, the first name and the surname (middle names and
patronymics are ignored), each reduced to a *key*: written in Latin letters (`anyascii`: "Сергей
Лавров" is "Sergey Lavrov"), accents folded, case dropped, a particle joined to the surname
dropped ("el-Sisi", "al-Sisi" and "Sisi" are one surname; "von der Leyen" is "Leyen"), and common
transliteration variants written one way (Sergei/Sergey, Aliyev/Aliev, Alexei/Aleksey,
Yevgeny/Evgeny, Mikhail/Mihail). Candidates are the known people with the same surname key;
their country must agree when both sides know it. Then, in this order:

1. a full first name ("Sergey Lavrov") matches the one candidate with the same first-name key;
   if none has it, the one candidate known only by the same initial ("S.Lavrov");
2. an initial ("S.Lavrov", "S. Lavrov") matches the one candidate whose first name starts with it;
3. a bare surname ("Lavrov") matches when exactly one candidate has that surname;
4. several candidates left by a rule: the name is *ambiguous* — it is not guessed, a new person
   is made, flagged for review and listed in the run's report;
5. no candidate: a new person.

Different first names never match (Ilham Aliyev and Heydar Aliyev stay two people), and
surnames must agree exactly after folding (Aliyev and Aliyeva stay apart).

Organizations — a name matches a known organization when its key (folded, without a leading
"the", punctuation dropped) equals the key of the organization's name or of one of its aliases,
or when its acronym (or the name itself, written as an acronym) equals a known acronym. So "the
OSCE Minsk Group" is "OSCE Minsk Group", and "IEPF" is "International Eurasia Press Fund (IEPF)".
"""

import re
import unicodedata
from dataclasses import dataclass, field

from anyascii import anyascii

# Letters NFKD does not decompose into a base letter plus an accent.
_SPECIAL_LETTERS = str.maketrans(
    {"ə": "a", "Ə": "a", "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "đ": "d", "Đ": "d"}
)

# Applied in order to a folded name part; each writes one transliteration variant one way.
_TRANSLITERATION = [
    (re.compile(r"x"), "ks"),  # Alexei / Aleksei
    (re.compile(r"kh"), "h"),  # Mikhail / Mihail
    (re.compile(r"^ye"), "e"),  # Yevgeny / Evgeny, Yelena / Elena
    (re.compile(r"iy"), "i"),  # Aliyev / Aliev, Dmitriy / Dmitri
    (re.compile(r"ii$"), "i"),  # Dmitrii / Dmitri
    (re.compile(r"(?<=[aeiou])y$"), "i"),  # Sergey / Sergei, Nikolay / Nikolai
    (re.compile(r"y$"), "i"),  # Dmitry / Dmitri, Yury / Yuri
    (re.compile(r"(.)\1"), r"\1"),  # Mammadov / Mamadov
]

_HONORIFICS = {"mr", "mrs", "ms", "dr", "h.e", "he", "sir", "madam", "mister"}
# Words that show a phrase describes someone rather than names them ("The Russian Minister").
_NOT_A_NAME = {"the", "minister", "president", "ambassador", "secretary", "side", "sides", "delegation"}
# A name ending in a patronymic ("Ilham Heydar oglu", "Sergey Viktorovich") has no surname.
# ("Cavusoglu", "Davutoglu" are surnames: only a separate "oglu" is a patronymic word.)
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna)$|^(?:ogly|oglu|qizi|kyzy|gizi|uulu)$")
_INITIAL_AND_SURNAME = re.compile(r"^(\w)\.\s*(\w[\w'’-]*)$")
# Lower-case words standing before a surname ("von der Leyen", "bin Salman", "da Silva").
_PARTICLES = {
    "al", "el", "ul", "ad", "ed", "bin", "ibn", "bint", "ben", "van", "von", "der", "den", "de", "del",
    "della", "di", "da", "do", "dos", "das", "du", "la", "le", "ter", "ten", "zu", "y",
}  # fmt: skip
# A particle joined to the surname by a hyphen or apostrophe: "el-Sisi", "al-Assad", "d'Estaing".
_JOINED_PARTICLE = re.compile(r"^(?:al|el|ul|ad|ed|d)[-'’](?=\w)", re.IGNORECASE)


def fold(text):
    """Lower-case ASCII letters of `text`: accents folded, everything else dropped except spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    text = anyascii("".join(ch for ch in text if not unicodedata.combining(ch))).lower()
    return re.sub(r"[^a-z0-9 ]+", "", re.sub(r"[-'’.]", " ", text)).strip()


def name_part_key(part):
    """The comparison key of one part of a name ("Sergei" and "Sergey" give the same key)."""
    key = fold(_JOINED_PARTICLE.sub("", part)).replace(" ", "")
    for pattern, replacement in _TRANSLITERATION:
        key = pattern.sub(replacement, key)
    return key


@dataclass(frozen=True)
class NameForm:
    """A person's name reduced to what identity rules compare: first-name key, its initial,
    surname key. `first` is "" when only an initial (or nothing) was written."""

    first: str
    initial: str
    surname: str


def parse_person_name(name):
    """The `NameForm` of a written name, or None when it has no usable surname
    ("Ilham Heydar oglu", "the Minister", "")."""
    name = " ".join((name or "").split())
    match = _INITIAL_AND_SURNAME.match(name)
    if match:
        surname = name_part_key(match.group(2))
        return NameForm("", fold(match.group(1))[:1], surname) if surname else None
    tokens = [t for t in re.split(r"\s+", name) if t and fold(t) not in _HONORIFICS]
    while len(tokens) > 1 and tokens[0] in _PARTICLES:
        tokens.pop(0)  # "von der Leyen": the surname alone
    if (
        not tokens
        or not _capitalized(_JOINED_PARTICLE.sub("", tokens[0]))
        or any(fold(t) in _NOT_A_NAME for t in tokens)
    ):
        return None
    # "S. Lavrov", "S.V. Lavrov": leading initials.
    initials = []
    while len(tokens) > 1 and re.fullmatch(r"(\w\.)+", tokens[0]):
        initials.append(fold(tokens.pop(0))[:1])
    if not tokens:
        return None
    last = tokens[-1]
    if _PATRONYMIC.search(fold(last)) or not _capitalized(_JOINED_PARTICLE.sub("", last)):
        return None
    surname = name_part_key(last)
    if not surname:
        return None
    if len(tokens) == 1:
        initial = initials[0] if initials else ""
        return NameForm("", initial, surname)
    # The initial is the written one: "Y.Primakov" is Yevgeny, "E.Primakov" is Evgeny.
    return NameForm(name_part_key(tokens[0]), fold(tokens[0])[:1], surname)


def _capitalized(word):
    """Written as a name is: a capital first letter, or a script without case (Chinese, Arabic)."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


@dataclass
class KnownPerson:
    pk: int
    name: str
    country: str
    curated: bool
    forms: set = field(default_factory=set)
    written: set = field(default_factory=set)  # every spelling seen, exactly as written

    @property
    def first_names(self):
        return {form.first for form in self.forms if form.first}

    @property
    def initials(self):
        return {form.initial for form in self.forms if form.initial}


@dataclass
class PersonMatch:
    """The answer for one name: the person it is (`pk`), or None with the `candidates` that made
    it ambiguous (empty when nobody like it is known yet)."""

    pk: int | None
    candidates: list = field(default_factory=list)

    @property
    def ambiguous(self):
        return self.pk is None and bool(self.candidates)


class _Journal:
    """Undo steps for the index changes of one document, replayed when its transaction fails."""

    def __init__(self):
        self._undo = []

    def record(self, step):
        self._undo.append(step)

    def commit(self):
        self._undo.clear()

    def rollback(self):
        while self._undo:
            self._undo.pop()()


class PersonIndex(_Journal):
    """The people known to the archive, by surname key."""

    def __init__(self):
        super().__init__()
        self.people = {}
        self.by_surname = {}

    def add(self, pk, name, country="", curated=False):
        """Make a person known (loaded or just created), with their main name as first form."""
        person = KnownPerson(pk, name, country or "", curated)
        self.people[pk] = person
        self.record(lambda: self.people.pop(pk, None))
        self.add_form(pk, name)
        return person

    def add_form(self, pk, name):
        """Record another written form of a known person's name (an alias)."""
        form = parse_person_name(name)
        person = self.people.get(pk)
        if person is None:
            return
        if name not in person.written:
            person.written.add(name)
            self.record(lambda: person.written.discard(name))
        if form is None or form in person.forms:
            return
        person.forms.add(form)
        holders = self.by_surname.setdefault(form.surname, set())
        added_holder = pk not in holders
        holders.add(pk)

        def undo():
            person.forms.discard(form)
            if added_holder:
                holders.discard(pk)

        self.record(undo)

    def update(self, pk, *, name=None, country=None):
        person = self.people[pk]
        old = (person.name, person.country)
        if name is not None:
            person.name = name
        if country is not None:
            person.country = country

        def undo():
            person.name, person.country = old

        self.record(undo)

    def forget(self, pk):
        """Drop a deleted person (undone with the rest if the document's transaction fails)."""
        person = self.people.pop(pk, None)
        if person:
            self.record(lambda: self.people.__setitem__(pk, person))

    def match(self, name, country=None, among=None):
        """Apply the module's rules to `name` (with the country it represents, if known);
        `among`: consider only these people (a document's own, say)."""
        form = parse_person_name(name)
        if form is None:
            return PersonMatch(None)
        candidates = [
            self.people[pk]
            for pk in sorted(self.by_surname.get(form.surname, ()))
            if pk in self.people
            and (among is None or pk in among)
            and not (country and self.people[pk].country and self.people[pk].country != country)
        ]
        if form.first:
            same_first = [p for p in candidates if form.first in p.first_names]
            if not same_first:
                same_first = [p for p in candidates if not p.first_names and form.initial in p.initials]
            chosen = same_first
        elif form.initial:
            chosen = [p for p in candidates if form.initial in p.initials]
        else:
            chosen = candidates
        if len(chosen) == 1:
            return PersonMatch(chosen[0].pk)
        return PersonMatch(None, [p.pk for p in chosen])


def organization_key(name):
    """Comparison key of an organization's name: folded, no leading "the", single spaces."""
    key = " ".join(fold(name or "").split())
    return key[4:] if key.startswith("the ") else key


def acronym_key(text):
    """ "O.S.C.E." -> "OSCE"; None unless `text` looks like an acronym (2+ letters, mostly capitals)."""
    compact = re.sub(r"[.\s]", "", text or "")
    capitals = sum(c.isupper() for c in compact)
    # "OSCE", "UNESCO", "NATO"; also "OSCEs"-like one-lower-case forms such as "UNiTE".
    if 2 <= len(compact) <= 15 and compact.isalnum() and capitals >= max(2, len(compact) - 1):
        return compact.upper()
    return None


class OrganizationIndex(_Journal):
    """The organizations known to the archive, by name key and by acronym."""

    def __init__(self):
        super().__init__()
        self.curated = {}
        self.by_name = {}
        self.by_acronym = {}

    def _put(self, table, key, pk):
        if not key:
            return
        holders = table.setdefault(key, set())
        if pk not in holders:
            holders.add(pk)
            self.record(lambda: holders.discard(pk))

    def add(self, pk, name, acronym="", curated=False):
        self.curated[pk] = curated
        self.add_form(pk, name, acronym)

    def add_form(self, pk, name, acronym=""):
        self._put(self.by_name, organization_key(name), pk)
        self._put(self.by_acronym, acronym_key(acronym), pk)
        self._put(self.by_acronym, acronym_key(name), pk)

    def forget(self, pk):
        """Drop a deleted organization (undone with the rest if the document's transaction fails)."""
        if pk in self.curated:
            curated = self.curated.pop(pk)
            self.record(lambda: self.curated.__setitem__(pk, curated))

    def match(self, name, acronym=None):
        """The known organizations `name`/`acronym` may be, by the module's rules (sorted)."""
        found = set(self.by_name.get(organization_key(name), ()))
        for key in {acronym_key(acronym), acronym_key(name)} - {None}:
            found |= self.by_acronym.get(key, set())
        return sorted(pk for pk in found if pk in self.curated)
