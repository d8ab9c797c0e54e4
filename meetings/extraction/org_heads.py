"""Organization names built around a head word: "... Council", "Senate of Mexico",
"... Commission for Manned Flights", "Hitachi Zosen Corp."."""

from __future__ import annotations

import re

from . import titles
from .countries import country_by_code, country_mentions, find_country
from .dates import MONTH_NAMES, WEEKDAYS
from .org_data import (
    CONNECTORS,
    HEADS,
    HEADS_NEEDING_COMPLEMENT,
    LEFT_STOP,
    LEGISLATURE_HEADS,
    NOT_ACRONYMS,
    REGIONS,
    SINGLE_WORD_HEADS,
    _acronym_matches,
    _Candidate,
    _data,
    _tokens,
)


def _headed(text: str, defined: dict[str, str]) -> list[_Candidate]:
    """Capitalised names built around a head word, with "of ..." complements."""
    tokens = _tokens(text)
    found = []

    def adjacent(i: int, j: int) -> bool:  # "Workers' Party": a plural's apostrophe is no gap
        return re.fullmatch(r"['’]?[ \t]+(?:&[ \t]+)?", text[tokens[i][1] : tokens[j][0]]) is not None

    def capital(i: int) -> bool:
        word = tokens[i][2]
        possessive = re.search(r"['’]s$", word)  # "Russia's Security Council", but "People's Party"
        return word[:1].isupper() and (not possessive or word[:-2] in _COMMON_POSSESSORS)

    for i, (_, _, word) in enumerate(tokens):
        if word not in HEADS:
            continue
        left = i
        while (
            left > 0
            and adjacent(left - 1, left)
            and capital(left - 1)
            and tokens[left - 1][2] not in LEFT_STOP
        ):
            left -= 1
        known_name = text[tokens[left][0] : tokens[i][1]] in _data()["names"]
        # a well-known name is complete: "International Atomic Energy Agency on the ..." stops at Agency
        right = i if known_name else _complement(text, tokens, i, adjacent, capital)
        article = re.search(
            r"\bthe[ \t]+$", text[max(0, tokens[left][0] - 5) : tokens[left][0]], re.IGNORECASE
        )
        if word in HEADS_NEEDING_COMPLEMENT and right == i and (left == i or article):
            continue  # "the White House" is a building; "Chatham House", without article, an institution
        if left == right and word in LEGISLATURE_HEADS and word not in HEADS_NEEDING_COMPLEMENT:
            opening = re.search(
                r"(?:^|[.!?:\n])[\s“\"]*$", text[max(0, tokens[left][0] - 40) : tokens[left][0]]
            )
            modifier = _ATTRIBUTIVE.match(text, tokens[i][1])  # "Parliament Members", "Congress leaders"
            if not opening and not modifier:
                found.append(_Candidate(tokens[i][0], tokens[i][1], word, strength=1, head_end=tokens[i][1]))
            continue  # "asked Congress to act": a legislature named by its head word alone
        if left == right and word not in SINGLE_WORD_HEADS:
            acronym = _acronym_before(text, tokens[left][0], defined)
            if not acronym:
                continue
        if left == i - 1 and right == i and word == "Party" and find_country(tokens[left][2]):
            continue  # "the Vietnamese Party and State": a country's ruling party, not its name
        start, end = tokens[left][0], tokens[right][1]
        start = _acronym_before(text, start, defined, position=True) or start
        name = " ".join(text[start:end].replace("(", " ").replace(")", " ").split())
        end = _country_list_end(text, end, name)
        name = " ".join(text[start:end].replace("(", " ").replace(")", " ").split())
        found.append(_Candidate(start, end, name, strength=1, head_end=tokens[i][1]))
    return found


# Nouns whose possessive opens or continues a name: "Lao People's Revolutionary Party",
# "National Women's Council", "Kora Children's Fund".
_COMMON_POSSESSORS = {"People", "Women", "Children", "Men", "Youth"}

# A head word before a noun it qualifies is no name: "Parliament Members", "Congress leaders".
_ATTRIBUTIVE = re.compile(
    r"[ \t]+(?:[A-Z]\w*|members?|leaders?|speakers?|deputies|elections?|buildings?|sessions?|committees?)\b"
)


def _acronym_before(text: str, start: int, defined: dict[str, str], position: bool = False):
    """ "Organization for ... (OSCE) Minsk Group": the acronym defined just before a name."""
    match = re.search(r"\(\s*([A-Z][A-Za-z0-9&+\-]{1,11})\s*\)[ \t]+$", text[max(0, start - 20) : start])
    if not match or match.group(1) not in defined:
        return None
    return start - len(match.group(0)) + match.start(1) - match.start(0) if position else match.group(1)


_TIME_WORDS = {*WEEKDAYS, *MONTH_NAMES}


def _complement(text, tokens, head, adjacent, capital) -> int:
    """Index of the last token of "of/for ..." after a head word ("Council of Europe",
    "Organization for Security and Co-operation in Europe"); ``head`` if there is none.

    The complement ends at a country's name ("Senate of Mexico"), before a title ("... and the
    Prime Minister"), and before "and" that opens another organization ("... and the Union of").
    """
    right, i = head, head + 1
    if i < len(tokens) and adjacent(i - 1, i) and tokens[i][2] in HEADS and capital(i):
        right, i = i, i + 1  # "Commission Secretariat"
    if not (i < len(tokens) and adjacent(i - 1, i) and tokens[i][2] in {"of", "for", "on", "de"}):
        return right
    i += 1
    last_capital = None
    while i < len(tokens) and adjacent(i - 1, i) and i - head <= 10:
        word = tokens[i][2]
        if capital(i):
            if word in titles.WORDS_ENDING_AN_ORGANIZATION_NAME or word.lower() in _TIME_WORDS:
                break  # "State House on Friday": a day is no part of a name
            last_capital = i
            country_end = _country_ending_at(text, tokens, i)
            if country_end is not None:
                return country_end
        elif (
            word not in CONNECTORS
            or (word == "and" and _head_follows(tokens, i))
            or (word == "in" and not _region_follows(tokens, i))
        ):
            break
        i += 1
        if re.search(r"['’]s$", tokens[i - 1][2]):
            break
    return last_capital if last_capital is not None else right


def _country_ending_at(text, tokens, i) -> int | None:
    """If a country's name starts at token ``i`` ("the Republic of Azerbaijan"), its last token."""
    mentions = country_mentions(text[tokens[i][0] : tokens[min(i + 6, len(tokens) - 1)][1]])
    if not mentions or mentions[0][0] != 0:
        return None
    country = country_by_code(mentions[0][2])
    if country and text[tokens[i][0] : tokens[i][0] + mentions[0][1]] in country.demonyms:
        return None  # "Union of South American Nations": an adjective, the name goes on
    end = tokens[i][0] + mentions[0][1]
    last = i
    while last + 1 < len(tokens) and tokens[last + 1][1] <= end:
        last += 1
    return last


def _region_follows(tokens, i) -> bool:
    """Whether "in" at token ``i`` continues a name ("Co-operation in Europe"), not a place ("in Samarkand")."""
    following = [word for _, _, word in tokens[i + 1 : i + 3] if word != "the"]
    return bool(following) and following[0] in REGIONS


def _head_follows(tokens, i) -> bool:
    """Whether the words after "and" name another organization ("and the Union of ...")."""
    for _, _, word in tokens[i + 1 : i + 5]:
        if word in HEADS:
            return True
        if word[:1].islower() and word != "the":
            return False
    return False


def _country_list_end(text: str, end: int, name: str) -> int:
    """Extend "Customs Union of Russia" over ", Belarus and Kazakhstan" when every item is a country."""
    if " of " not in name or not find_country(name.rsplit(" of ", 1)[-1]):
        return end
    match = re.match(
        r"((?:,[ \t]*[A-Z][\w\-]+(?:[ \t][A-Z][\w\-]+)?)*,?[ \t]+and[ \t]+[A-Z][\w\-]+(?:[ \t][A-Z][\w\-]+)?)",
        text[end:],
    )
    if not match:
        return end
    items = [item.strip() for item in re.split(r",|\band\b", match.group(1)) if item.strip()]
    return end + match.end(1) if all(find_country(item) for item in items) else end


_ACRONYM_AFTER = re.compile(r"[ \t]*\(\s*([A-Z][A-Za-z0-9&+\-]{1,11})\s*\)")


def foreign_acronym(cand: _Candidate, text: str) -> str | None:
    """The acronym in parentheses right after a head-word name when it abbreviates the name in
    another language ("Andean Community (CAN)", for Comunidad Andina): its letters include the
    initials of the head word and of another word of the name, in any order."""
    match = _ACRONYM_AFTER.match(text, cand.end)
    if not match or cand.acronym:
        return None
    acronym = match.group(1)
    line_start = text.rfind("\n", 0, cand.start) + 1
    before = " ".join(text[line_start : cand.end].split()[-(len(acronym) + 5) :])
    if _acronym_matches(acronym, before) is not None:
        return None  # an English acronym: of the name, the body it ends with or a longer name
    letters = acronym.upper()
    if sum(c.isupper() for c in acronym) < 2 or acronym.upper() in NOT_ACRONYMS or find_country(acronym):
        return None
    words = [w for w in cand.name.split() if w[:1].isupper()]
    heads = [w for w in words if w in HEADS]
    if len(words) < 2 or not heads or heads[0][0] not in letters:
        return None
    others = [w for w in words if w is not heads[0]]
    return acronym if any(w[0].upper() in letters for w in others) else None


# "the Saudi company ACWA POWER", "the state broadcaster NHK": a name after a common noun of its kind.
_AFTER_KIND = re.compile(
    r"\b(?:company|firm|corporation|conglomerate|broadcaster|newspaper|airline|carrier|news agency)[ \t]+"
    r"(?P<name>[A-Z][\w&.+\-]*(?:[ \t]+[A-Z][\w&.+\-]*){0,3})"
)


def after_kind_noun(text: str) -> list[_Candidate]:
    """Names right after "company", "firm", "broadcaster" ...: companies and media."""
    found = []
    for match in _AFTER_KIND.finditer(text):
        name = match.group("name")
        words = name.split()
        if words[0] in titles.WORDS_ENDING_AN_ORGANIZATION_NAME or find_country(words[0]):
            continue
        if words[0].isupper():  # "ACWA POWER Mohammad Rahimi": a name in capitals ends where they do
            words = words[: next((i for i, w in enumerate(words) if not w.isupper()), len(words))]
            name = " ".join(words)
        start = match.start("name")
        found.append(_Candidate(start, start + len(name), name, strength=1, head_end=start))
    return found
