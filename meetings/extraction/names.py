"""Names of people: cleaning a name of titles and courtesy words, and telling whether two
written forms are one name ("S.Lavrov", "Sergey Lavrov", "Lavrov")."""

from __future__ import annotations

import functools
import re

from . import titles
from .countries import country_of_city, find_country
from .dates import MONTH_NAMES, WEEKDAYS
from .document import strip_accents
from .org_data import is_known_organization_name

_NAME_WORD = r"(?:(?:[A-Z]\.){2,3}|[A-Z][\w'’-]*\.?|[A-Z]\.|(?:al|el|ad|as|ash|at|az|ar|an)-[A-Z][\w'’-]*)"
# An Arabic article joined to a surname ("el-Sisi", "al-Assad") belongs to the name.
_JOINED_ARTICLE = re.compile(r"(?:al|el|ad|as|ash|at|az|ar|an)-[A-Z]")
_PARTICLE = r"(?:bin|bint|ibn|al|el|de|da|do|dos|das|van|von|der|den|la|le|du|di|del|della|ben|abu)"
_NAME_SEQUENCE = re.compile(rf"{_NAME_WORD}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0])?{_NAME_WORD}){{0,4}}")
_INITIAL_SURNAME = re.compile(r"\b(?:[A-Z]\.\s?){1,2}[A-Z][a-z][\w'’-]+")
_TITLE_ALTERNATION = "|".join(
    sorted((re.escape(t) for t in titles.TITLE_HEADS | set(titles.HONORIFICS)), key=len, reverse=True)
)
_AFTER_TITLE = re.compile(rf"\b(?i:{_TITLE_ALTERNATION})\.?[ \u00a0]+(?P<name>{_NAME_SEQUENCE.pattern})")


_NOT_NAME_WORDS = {
    "embassy", "ministry", "staff", "office", "palace", "summit", "council", "committee", "group",
    "agency", "fund", "union", "house", "government", "parliament", "assembly", "department",
    "republic", "federation", "kingdom", "state", "states", "news", "press", "service",
    "academy", "university", "institute", "center", "centre", "bank", "corporation", "company",
    "organization", "organisation", "association", "forum", "region",
    "countries", "nations", "ministerial", "commission", "bureau", "secretariat", "directorate", "sea", "ocean", "river", "lake", "mountains", "administration", "cabinet",
    # heads of the names of organizations, programmes and streets: "Workers Party", "Zosen Corp",
    # "Strategic Partnership", "Downing Street", "Agência Brasil"
    "party", "movement", "corp", "inc", "ltd", "consulate", "programme", "program", "partnership",
    "alliance", "coalition", "network", "society", "foundation", "street", "avenue", "square",
    "boulevard", "road", "agencia", "agence", "articles", "headquarters", "building", "hall", "hotel",
    "residence", "tower", "airport", "stadium", "agreement", "treaty", "accord", "pact", "convention",
    "initiative", "declaration", "charter", "protocol",
    # regions, days and offices that end the names of places, events and institutions:
    # "West Asia", "Wisma Putra Day", "the Great Patriotic War", "pro tempore Presidency"
    "asia", "europe", "africa", "america", "americas", "eurasia", "pacific", "caucasus", "balkans",
    "gulf", "peninsula", "strait", "day", "war", "presidency",
    # the labels of a transcript's anonymous turns
    "question", "moderator", "operator", "answer", "audience", "participant",
    # and the days and months, all but May, a given name too ("Theresa May")
} | ({*WEEKDAYS, *MONTH_NAMES} - {"may"})  # fmt: skip
# Words of a title's complement left before a name ("... and Security Policy Josep Borrell").
_COMPLEMENT_WORDS = {"policy", "affairs", "security", "cooperation", "development", "relations", "trade"}
# Occupations written before a name like a title ("Analyst Tatiana Stanovaya").
_OCCUPATIONS = {
    "analyst", "expert", "professor", "researcher", "journalist", "reporter", "correspondent",
    "economist", "scholar", "lawyer", "activist", "commentator", "historian", "photographer",
}  # fmt: skip
# Entity labels of names that are not people; a name inside a longer one is part of that name.
_NOT_PERSON_LABELS = {"ORG", "FAC", "GPE", "LOC", "NORP", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}


_FUNCTION_WORDS = {
    "and", "or", "before", "after", "their", "his", "her", "with", "of", "the", "in", "on", "at",
    "for", "to", "from", "by", "meets", "met", "holds", "held", "receives", "received", "says",
    "said", "during", "while", "about", "over", "into", "as", "is", "was", "will", "we", "i",
    "you", "they", "he", "she", "it", "this", "that", "these", "our", "my", "your",
}  # fmt: skip


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case without accents, for comparing names."""
    return strip_accents(text).lower()


def name_tokens(name: str) -> list[str]:
    """The folded words of a name that identify it (no particles, no initials' dots)."""
    words = [w for w in re.split(r"[^\w]+", fold(name)) if w]
    return [w for w in words if w not in titles.NAME_PARTICLES]


def _is_patronymic(word: str) -> bool:
    low = fold(word)
    return low in titles.PATRONYMIC_WORDS or (len(low) > 6 and low.endswith(titles.PATRONYMIC_SUFFIXES))


@functools.lru_cache(maxsize=8192)
def _is_place_word(word: str) -> bool:
    return any(find_country(part) for part in word.split("-") if part) or bool(find_country(word))


_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "col",
    "sen",
    "rep",
    "gov",
    "amb",
    "capt",
    "lt",
    "sgt",
    "prof",
    "st",
    "jr",
    "sr",
    "hon",
}


def _first_sentence(text: str) -> str:
    """The text up to a full stop that ends a sentence ("Kiev. Cavusoglu" -> "Kiev"), not one
    after an initial or an abbreviation ("S. Jaishankar", "Mr. Ruto")."""
    for match in re.finditer(r"(\w+)\.\s+(?=[A-Z])", text):
        word = match.group(1)
        if len(word) > 1 and word.lower() not in _ABBREVIATIONS:
            return text[: match.start(1) + len(word)]
    return text


@functools.lru_cache(maxsize=8192)
def clean_name(text: str) -> str | None:
    """A person's name without courtesy words, titles, possessive ending or patronymic.

    Returns None when nothing name-like is left (a title alone, a form of address with a first
    name only, a word in lower case).
    """
    text = re.split(r"\s+(?:and|&)\s+|,|\(|/", _first_sentence(text.strip()))[0]  # "/" ends a photo credit
    caps = re.match(r"(?:[A-Z][A-Z'’.-]+\s+){2,}(?=[A-Z][a-z])", text.strip())
    if caps:  # "By MATTHEW LEE Associated Press": a name in capitals ends where the capitals do
        text = caps.group().strip()
    if text.isupper():  # "SECRETARY KERRY" in a transcript
        text = text.title()
    text = re.sub(r"[’']s$", "", text.strip(" ,.;:()[]\"“”«»'’-–—"))
    words = text.split()
    if find_country(text):
        return None  # "Sri Lanka", whose first word is also an honorific
    for size in (4, 3, 2, 1):  # a country before the name ("Russian Federation Sergey Lavrov")
        if len(words) > size and find_country(" ".join(words[:size])):
            words = words[size:]
            break
    while words:
        low = fold(words[0]).rstrip(".’'")
        pair = low + " " + fold(words[1]) if len(words) > 1 else ""
        if pair in titles.HONORIFICS or pair in titles.TITLE_HEADS:
            words = words[2:]
        elif (
            low in titles.HONORIFICS
            or (low in _COMPLEMENT_WORDS and len(words) > 2)
            or (low in _OCCUPATIONS and len(words) > 2)
            or low in titles.TITLE_HEADS
            or low in titles.TITLE_MODIFIERS
            or low in titles.PARTY_LABELS
            or words[0].isupper()
            and words[0] in titles.TITLE_ABBREVIATIONS
        ):
            words = words[1:]
        else:
            break
    if words and any(_is_patronymic(w) for w in words):
        if _is_patronymic(words[-1]) or len(words) < 3:
            return None  # "Sergey Viktorovich", "Ilham Heydar oglu": forms of address
        # "Vladimir Vladimirovich Putin"; "Heydar Alirza oglu Aliyev": "Alirza oglu" (son of
        # Alirza) is the patronymic, the father's name with it
        fathers = {i - 1 for i, w in enumerate(words) if fold(w) in titles.PATRONYMIC_WORDS and i > 1}
        words = [w for i, w in enumerate(words) if not _is_patronymic(w) and i not in fathers]
    if (
        not words
        or not words[0][:1].isupper()
        or not (words[-1][:1].isupper() or _JOINED_ARTICLE.match(words[-1]))
    ):
        return None
    if len(words) == 1 and (len(words[0]) < 2 or words[0].isupper() or country_of_city(words[0])):
        return None
    if len(words) > 1 and country_of_city(" ".join(words)):
        return None  # "Rio de Janeiro"
    cut = next(
        (
            i
            for i, w in enumerate(words)
            if fold(w) in _FUNCTION_WORDS
            or (w.islower() and fold(w) not in titles.NAME_PARTICLES and not _JOINED_ARTICLE.match(w))
        ),
        None,
    )  # a lower-case word that is no particle ends a name: "Yerevan where Mirziyoyev"
    if cut is not None:  # "Nabil Fahmy Before Their Meeting" in a headline in title case
        words = words[:cut]
        if not words or (len(words) == 1 and country_of_city(words[0])):
            return None
    for w in words:
        low = fold(w)
        if low in titles.TITLE_MODIFIERS or low in _NOT_NAME_WORDS or low in titles.MEETING_NOUNS:
            return None
        if low in titles.TITLE_HEADS and low not in titles.TITLES_ALSO_NAMES:
            return None
        if re.search(r"[’'][a-z]{1,2}$", w) or _is_place_word(w):
            return None
    # A well-known organization's one-word name, with at most a letter or numeral beside it, names the
    # organization or its product ("Reuters", "Sputnik V"), not a person ("Michael Bloomberg" is one).
    if any(is_known_organization_name(w) for w in words) and all(
        is_known_organization_name(w) or re.fullmatch(r"[A-Z]|[IVX]+|\d+", w) for w in words
    ):
        return None
    name = " ".join(words)
    if find_country(name) or fold(name) in titles.TITLE_HEADS:
        return None
    if name.isupper():
        name = name.title()
    return name


def compatible(short: str, long: str) -> bool:
    """Whether `short` can be another form of the name `long` ("S.Lavrov" of "Sergey Lavrov",
    "Kishida Fumio" of "Fumio Kishida", "Marcela Rebelo de Souza" of "Marcelo Rebelo de Sousa")."""
    a, b = name_tokens(short), name_tokens(long)
    if not a or not b:
        return False
    if len(a) > len(b):
        a, b = b, a
    full_a = [t for t in a if len(t) > 1]
    initials = [t for t in a if len(t) == 1]
    if not full_a:
        return False
    if len(full_a) >= 2 and a[0] == full_a[0] and _short_form(a[0], b[0]) and a[-1] == b[-1]:
        return True  # "Joe Biden" of "Joseph R. Biden"
    if not all(any(_close(t, u) for u in b) for t in full_a):
        return False
    if len(a) >= 2 and len(full_a) == len(a) and len(a) == len(b):
        return True
    if len(a) == 1:
        # a lone word is the other name's surname or given name; in a name of three words or more
        # also a later part ("Ebrard" of "Marcelo Ebrard Casaubón", "Obrador" of "López Obrador")
        return (
            _close(a[0], b[-1]) or _close(a[0], b[0]) or (len(b) >= 3 and any(_close(a[0], u) for u in b[1:]))
        )
    if initials:
        return all(any(u.startswith(i) for u in b) for i in initials) and _close(full_a[-1], b[-1])
    return _close(a[-1], b[-1]) or _close(a[0], b[0])


def _short_form(x: str, y: str) -> bool:
    """A familiar short form of a given name keeps its first two letters and is at most four
    long ("Joe" of "Joseph", "Mike" of "Michael", "Alex" of "Alexander")."""
    shorter, longer = sorted((x, y), key=len)
    return (
        3 <= len(shorter) <= 4 < len(longer) and longer.startswith(shorter[:2]) and shorter[:1] == longer[:1]
    )


def _close(x: str, y: str) -> bool:
    if x == y:
        return True
    if len(x) < 5 or len(y) < 5 or abs(len(x) - len(y)) > 1:
        return False
    # one substitution, insertion or deletion (Sousa/Souza, Sergei/Sergey)
    if len(x) == len(y):
        return sum(1 for p, q in zip(x, y, strict=True) if p != q) <= 1
    shorter, longer = sorted((x, y), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
