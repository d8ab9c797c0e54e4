"""Titles and countries of people, read from the words around their names, and the reverse:
which person a title phrase ("The Russian Minister", "the head of state", "IEPF President") means.
"""

from __future__ import annotations

import re

from . import titles
from .countries import country_mentions, country_of_city, find_country
from .people import Person, fold

_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")
_GLUE = {"of", "the", "for", "and", "to", "in", "on", "’s", "'s", "his", "her"}
_LOWER_TITLE_WORDS = titles.TITLE_HEADS | titles.TITLE_MODIFIERS | {"counterpart", "counterparts"}
_APPOSITION = re.compile(
    r"^,[ \t]+(?P<app>(?:[^,;:()“”\"\n]|\([A-Z]{2,10}\)){3,120}?)"  # "(OSCE)" may stand inside
    r"[ \t]*(?:,|;|(?<![A-Z])\.(?!\w)|\n|$|[ \t]+(?:who|which)\b)"
)
# An apposition whose title runs on over commas to its country: ", Minister of Foreign Affairs,
# Trade and Worship of Argentina, and ..." (up to a comma before a word in lower case).
_LONG_APPOSITION = re.compile(
    r"^,[ \t]+(?P<app>[^;:()“”\"\n]{3,160}?)[ \t]*(?:,[ \t]+(?=[a-z])|;|(?<![A-Z])\.(?!\w)|\n|$)"
)
_PAREN = re.compile(r"^\s*\((?P<inner>[^()]{2,40})\)")
_OF_COUNTRY = re.compile(r"^\s+(?:of|from)\s+(?P<c>(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})")


def title_head(role: str | None) -> str | None:
    """The head noun of a title, lower case: "Foreign Minister" -> "minister", "Deputy Prime
    Minister" -> "prime minister", "assistant to Ambassador" -> "assistant"."""
    if not role:
        return None
    low = fold(role)
    for abbreviation, expansion in titles.TITLE_ABBREVIATIONS.items():
        if expansion and re.search(rf"\b{abbreviation.lower()}\b", low):
            low = re.sub(rf"\b{abbreviation.lower()}\b", expansion.lower(), low)
    words = [
        w[:-1] if w.endswith("s") and w[:-1] in titles.TITLE_HEADS else w for w in re.findall(r"[\w-]+", low)
    ]
    for i in range(len(words)):
        for size in (2, 1):
            phrase = " ".join(words[i : i + size])
            if phrase in titles.TITLE_HEADS and phrase not in titles.TITLE_MODIFIERS:
                # "Foreign Minister" -> minister; "Deputy Head of ..." -> head
                return phrase
    for word in words:
        if word in titles.TITLE_HEADS:
            return word
    return None


def _country_with_and(tokens, index: int) -> bool:
    """Whether the "and" at ``index`` is inside a country's name ("Trinidad and Tobago",
    "Bosnia and Herzegovina")."""
    if index + 1 >= len(tokens):
        return False
    following = re.sub(r"[’']s$", "", tokens[index + 1].group())
    return bool(find_country(f"{tokens[index - 1].group()} and {following}"))


def left_phrase(text: str, start: int, floor: int) -> tuple[int, str]:
    """The run of title-like words just before a name ("the Ambassador of the United Mexican
    States to Azerbaijan"), with its start offset; stops at punctuation or an ordinary word."""
    begin = max(floor, start - 160, text.rfind("\n", 0, start) + 1)
    for stop in re.finditer(r"(?:(?<=[a-z]{3})|(?<=[A-Z]{2}))[.!?]\s+(?=[A-Z])", text[begin:start]):
        begin = begin + stop.end()  # not across the end of the previous sentence ("... to NATO. President")
    segment = text[begin:start]
    tokens = list(_WORD.finditer(segment))
    keep = len(tokens)
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index].group()
        low = fold(word)
        stem = re.sub(r"[’']s$", "", word)
        if _HEADLINE_VERB.fullmatch(word):
            break  # "Foreign Secretary Meets US Secretary of State": a headline's verb ends the title
        if (
            low == "and"
            and index > 0
            and find_country(tokens[index - 1].group())
            and not _country_with_and(tokens, index)
        ):
            break  # "Minister A of Sweden and Foreign Minister B": the title of B starts after "and"
        if word[:1].isupper() or low in _GLUE or low in _LOWER_TITLE_WORDS or word in "-–":
            keep = index
            continue
        if stem != word and stem[:1].isupper():
            keep = index
            continue
        if (
            index == len(tokens) - 1
            and index > 0
            and fold(tokens[index - 1].group()) == "the"
            and word.isalpha()
        ):
            keep = index  # "the President of the organization Umud Mirzayev"
            continue
        break
    tokens = tokens[keep:]
    # drop leading words that are neither title, country nor article ("Samarkand Acting ...")
    while tokens:
        word = tokens[0].group()
        low = fold(word)
        stem = re.sub(r"[’']s$", "", word)
        if (
            low in titles.TITLE_HEADS
            or low in titles.TITLE_MODIFIERS
            or word in titles.TITLE_ABBREVIATIONS
            or low in ("the", "his", "her")
            or find_country(stem)
            or (
                word[:1].isupper()
                and len(tokens) > 1
                and _is_title_word(tokens[1].group())
                and not country_of_city(word)  # "Samarkand Acting Foreign Minister": a dateline's city
            )
        ):
            break
        tokens = tokens[1:]
    if not tokens:
        return start, ""
    phrase_start = begin + tokens[0].start()
    return phrase_start, text[phrase_start:start].strip()


_HONORIFIC = re.compile(
    r"(?:\b(?:"
    + "|".join(
        re.escape(h).replace(r"\.", r"\.\s?") for h in sorted(titles.HONORIFICS, key=len, reverse=True)
    )
    + r")\.?\s+)+$",
    re.IGNORECASE,
)


def honorifics_start(text: str, start: int, floor: int = 0) -> int:
    """Where the forms of address before a name begin ("…Commission, H.E. Moussa Faki" -> the
    offset of "H.E."); the name's own start when there are none. Capitalised words only."""
    window_start = max(floor, start - 40)
    match = _HONORIFIC.search(text[window_start:start])
    if match is None or not match.group()[:1].isupper():
        return start
    return window_start + match.start()


_HEADLINE_VERB = re.compile(
    r"(?:Meets|Receives|Hosts|Holds|Visits|Welcomes|Greets|Calls|Speaks|Talks|Discusses|Signs|Says|"
    r"Met|Received|Hosted|Held|Visited|Welcomed)"
)


def _is_title_word(word: str) -> bool:
    low = fold(word)
    return low in titles.TITLE_HEADS or low in titles.TITLE_MODIFIERS or word in titles.TITLE_ABBREVIATIONS


def split_title(phrase: str) -> tuple[str | None, str | None]:
    """(role, country) from a title phrase: "Russian Foreign Minister" -> ("Foreign Minister", "RU");
    "Ambassador of Azerbaijan to Russia" -> ("Ambassador", "AZ"); the destination after "to" is not
    the person's country."""
    if not phrase:
        return None, None
    country = None
    pieces = []
    last = 0
    for start, end, code in country_mentions(phrase):
        before = phrase[:start]
        destination = re.search(r"\b(?:to|in)\s+(the\s+)?$", before)
        if country is None and not destination:
            country = code
        cut = re.search(r"\b(of|to|from|for)\s+(the\s+)?$", before[last:])
        piece_end = last + cut.start() if cut else start
        pieces.append(phrase[last:piece_end])
        last = end
        if phrase[last : last + 2] in ("’s", "'s"):
            last += 2
    pieces.append(phrase[last:])
    role = " ".join(p.strip() for p in pieces if p.strip())
    role = re.sub(r"^(the|his|her|a|an)\s+", "", role, flags=re.IGNORECASE)
    role = re.sub(r"\s+(the|of|to|in|and)$", "", role)
    role = re.sub(r"\s{2,}", " ", role).strip(" ,-–.;")
    while role and fold(role.split()[-1]).strip(".’'") in titles.HONORIFICS | {"the"}:
        if role.split()[-1] == "Prince" and role.split()[-2:-1] == ["Crown"]:
            break  # "Deputy Crown Prince" is the title
        role = " ".join(role.split()[:-1])  # "Senator the Hon." -> "Senator"
    if role.isupper() and role not in titles.TITLE_ABBREVIATIONS:
        role = role.title()  # "SECRETARY" in a transcript, not "FM"
    words = role.split()
    if words and words[-1].endswith("s") and fold(words[-1][:-1]) in titles.TITLE_HEADS:
        role = " ".join(words[:-1] + [words[-1][:-1]])  # "the Foreign Ministers of ... - X": one of them
    role = titles.TITLE_ABBREVIATIONS.get(role) or role
    if not title_head(role):
        role = None
    return role, country


def title_country(role: str | None) -> str | None:
    """The country of a title only one state uses ("Secretary of State"), as a last resort: a
    Foreign Secretary is British unless the text says otherwise."""
    return titles.TITLE_COUNTRIES.get(fold(role)) if role else None


def describe_people(people: list[Person], text: str) -> None:
    """Fill each person's role and country from the words around their mentions."""
    spans = sorted((m.start, m.end) for p in people for m in p.mentions)
    for person in people:
        for mention in person.mentions:
            floor = max([e for s, e in spans if e <= mention.start] + [0])
            if mention.text[:1].islower():
                continue
            phrase_start, phrase = left_phrase(text, mention.start, floor)
            if re.search(r"\bcounterparts?\b", phrase):
                person.counterpart_of = _subject_before(people, mention.start, spans, text)
            lead = honorifics_start(text, mention.start, floor)
            if not phrase and lead < mention.start:  # "Ambassador H.E. Ali Khan"
                _, phrase = left_phrase(text, lead, floor)
            comma = re.search(r",\s*$", text[max(floor, lead - 3) : lead])
            if not phrase and comma:  # "the Ambassador of Indonesia to Australia, (H.E.) Kristiarto Legowo"
                cut = text.rindex(",", 0, lead)
                _, phrase = left_phrase(text, cut, floor)
                courtesy = _HONORIFIC.fullmatch(phrase + " ") if phrase else None
                if courtesy and re.search(
                    r",\s*$", text[max(floor, cut - len(phrase) - 4) : cut - len(phrase)]
                ):
                    # "... of the Republic of South Africa, Her Excellency, Ms X": past the courtesy
                    _, phrase = left_phrase(text, text.rindex(",", 0, cut - len(phrase)), floor)
            role, country = split_title(phrase)
            if phrase and title_head(role) in _MILITARY_RANKS:
                role, country = _office_before_rank(text, phrase_start, floor, role, country)
            after = text[mention.end : mention.end + 120]
            if country is None:
                country = _country_after(after)
            if role is None or country is None:
                app_role, app_country = _apposition(after, mention.end, spans)
                role = role or app_role
                country = country or app_country
            if person.role is None and role:
                person.role = role
            elif (
                role
                and person.role
                and len(role) > len(person.role)
                and re.search(rf"\b{re.escape(person.role)}\b", role)
                and title_head(role) == title_head(person.role)
            ):
                person.role = role  # "Secretary" in the headline, "Secretary of State" in the text
            if person.country is None and country:
                person.country = country
    for person in people:  # "his Russian counterpart Sergey Lavrov" holds the same office
        other = person.counterpart_of
        if person.role is None and other is not None and other is not person and other.role:
            person.role = other.role


_MILITARY_RANKS = {"general", "admiral", "colonel", "major", "captain", "lieutenant", "marshal", "commander"}


def _office_before_rank(text: str, start: int, floor: int, role, country):
    """ "Minister of Defense of Azerbaijan, Colonel General X": the office before a rank is the
    title; the rank alone is kept when no office precedes it."""
    if not re.search(r",\s*$", text[max(floor, start - 3) : start]):
        return role, country
    _, earlier = left_phrase(text, text.rindex(",", 0, start), floor)
    office, office_country = split_title(earlier)
    if office and title_head(office) not in _MILITARY_RANKS:
        return office, country or office_country
    return role, country


def _subject_before(people: list[Person], start: int, spans, text: str) -> Person | None:
    """Whose counterpart someone is: the person named last before, in the same sentence."""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    best, best_start = None, -1
    for person in people:
        for mention in person.mentions:
            if sentence_start < mention.start < start and mention.start > best_start:
                best, best_start = person, mention.start
    return best


def _country_after(after: str) -> str | None:
    match = _PAREN.match(after)
    if match:
        return find_country(match.group("inner"))
    match = _OF_COUNTRY.match(after)
    if match:  # "Narendra Modi of India. The President ...": the longest start that is a country
        words = re.split(r"(?<=\w)\.\s", match.group("c"))[0].rstrip(".").split()
        for size in range(len(words), 0, -1):
            code = find_country(" ".join(words[:size]))
            if code:
                return code
    return None


def _apposition(after: str, offset: int, spans) -> tuple[str | None, str | None]:
    """The title in ", the Director-General of the Institute," after a name; never across a line."""
    match = _APPOSITION.match(after)
    if not match:
        return None, None
    start, end = offset + match.start("app"), offset + match.end("app")
    if any(s < end and start < e for s, e in spans):
        return None, None  # a list of names, not an apposition
    first = match.group("app").split()[0]
    if (
        first[:1].islower()
        and fold(first) not in ("the", "a", "an", "his", "her")
        and not _is_title_word(first)
    ):
        return None, None  # ", received today the Director-General ...": a clause, not a title
    role, country = split_title(match.group("app"))
    longer = _LONG_APPOSITION.match(after) if role and country is None else None
    if longer and not any(s < offset + longer.end("app") and offset + start < e for s, e in spans):
        country = split_title(longer.group("app"))[1]
    return role, country


# Phrases that stand for a country's foreign minister.
_FOREIGN_MINISTER_PHRASE = re.compile(
    r"\bhead of (?:the )?(?:[\w-]+ )?diplomacy\b|\b(?:top|chief) diplomat\b|"
    r"\bhead of the (?:ministry of foreign affairs|foreign ministry|ministry of external affairs)\b"
)


def resolve_reference(phrase: str, candidates: list[Person], recent: list[Person]) -> Person | None:
    """The person a title phrase stands for: "The Russian Minister", "IEPF President", "the head
    of state", "The Georgian PM". Ties go to the person spoken of most recently."""
    role, country = split_title(phrase)
    low = fold(phrase)
    if re.search(r"\bhead of (the )?state\b", low):
        pool = [p for p in candidates if title_head(p.role) in titles.HEAD_OF_STATE]
    elif re.search(r"\bhead of (the )?government\b", low):
        pool = [p for p in candidates if title_head(p.role) in titles.HEAD_OF_GOVERNMENT]
    elif _FOREIGN_MINISTER_PHRASE.search(low):  # "the head of British diplomacy", "the top diplomat"
        pool = [p for p in candidates if re.search(r"\b(?:foreign|external)\b", fold(p.role or ""))]
        stated = [code for _s, _e, code in country_mentions(phrase)]
        country = country or (stated[0] if stated else None)
    elif re.search(r"\bleader\b", low):  # "the Australian leader"
        leaders = titles.HEAD_OF_STATE | titles.HEAD_OF_GOVERNMENT
        pool = [p for p in candidates if title_head(p.role) in leaders]
    else:
        head = title_head(role)
        if head is None:
            return None
        pool = [p for p in candidates if title_head(p.role) == head]
        if len(pool) > 1 and role:
            exact = [p for p in pool if fold(p.role or "") == fold(role)]
            pool = exact or pool
    if "former" not in low:  # "the head of state" is not the former president
        pool = [p for p in pool if "former" not in fold(p.role or "")] or pool
    if country:  # the country must agree; someone whose country is not yet known may still be meant
        pool = [p for p in pool if p.country == country] or [p for p in pool if p.country is None]
    if not pool:
        return None
    if len(pool) == 1:
        return pool[0]
    for person in reversed(recent):
        if person in pool:
            return person
    return None
