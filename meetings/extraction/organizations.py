"""Organizations: every named body a document mentions, with its acronym, kind and country.

Counted: international bodies and their organs, legislatures, councils, agencies, NGOs,
companies and news media. Not counted: countries, and a state's executive offices (ministries,
embassies, presidential administrations, press services).

Candidates come from five places, then overlapping ones are resolved (the longest span wins,
so "OSCE" inside "OSCE Minsk Group" is not a second organization) and the rest are merged
("IEPF" and "International Eurasia Press Fund"; "the Minsk Group" and "OSCE Minsk Group"):

1. acronym definitions: "International Eurasia Press Fund (IEPF)", "ASEAN (Association of ...)";
2. well-known organizations by name, alias or acronym (``data/organizations.json``);
3. names built around a head word: "... Council", "... Commission for Manned Flights",
   "Senate of Mexico", "Hitachi Zosen Corp.";
4. news media cited as a source: "according to APA", "Trend reports", "Jakarta (Indonesia
   Window) –", "Baku, December 2, AZERTAC", "© APA", photo credits, the outlet's web address;
5. spaCy ORG entities, when the pipeline passes its Doc, for acronyms and media names the
   rules above cannot see ("MGIMO", "Eurasia Diary").
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import titles
from .countries import country_mentions, country_of_city, find_country, literal_alternation
from .dates import MONTH_NAMES, WEEKDAYS
from .document import strip_accents

DATA_FILE = Path(__file__).resolve().parent / "data" / "organizations.json"

# Head words that make a capitalised phrase an organization's name.
HEADS = {
    "Council", "Committee", "Commission", "Organization", "Organisation", "Association", "Union",
    "Fund", "Foundation", "Institute", "Academy", "University", "Agency", "Bank", "Group",
    "Movement", "Parliament", "Senate", "Congress", "Assembly", "Court", "Tribunal", "Secretariat",
    "Party", "Corporation", "Corp.", "Company", "Co.", "Inc.", "Ltd.", "LLC", "PLC", "Holding",
    "Holdings", "Airlines", "Airways", "Society", "Federation", "Alliance", "Coalition", "Front",
    "Network", "Community", "Bureau", "Club", "Cross", "Crescent", "Majlis", "Mejlis", "Duma",
    "Rada", "Knesset", "Bundestag", "Bundesrat", "Sejm", "House", "Chamber",
}  # fmt: skip
HEADS_NEEDING_COMPLEMENT = {"House", "Chamber"}  # "House of Representatives", not "White House"
SINGLE_WORD_HEADS = {"Knesset", "Bundestag", "Bundesrat", "Sejm"}
LEGISLATURE_HEADS = {"Parliament", "Senate", "Congress", "Assembly", "Majlis", "Mejlis", "Duma", "Rada",
                     "Knesset", "Bundestag", "Bundesrat", "Sejm", "House", "Chamber"}  # fmt: skip
STATE_BODY_HEADS = {"Commission", "Committee", "Agency", "Bureau", "Court", "Bank", "Council", "Tribunal"}
NGO_HEADS = {"Fund", "Foundation", "Association", "Society", "Cross", "Crescent", "Club"}
COMPANY_HEADS = {"Corporation", "Corp.", "Company", "Co.", "Inc.", "Ltd.", "LLC", "PLC", "Holding",
                 "Holdings", "Airlines", "Airways"}  # fmt: skip
# A state's executive offices, and other capitalised phrases that are not organizations.
EXECUTIVE = re.compile(
    r"\b(?:ministry|ministries|department|embassy|embassies|consulate|administration|office|cabinet|"
    r"government|governmental|white house|kremlin|presidency|armed forces|army|navy|air force|police|"
    r"mission|press service|foreign service|diplomatic service|palace|soviet union|"
    r"bureau of [\w ,]+ affairs)\b",
    re.IGNORECASE,
)
INTERNATIONAL = re.compile(
    r"\b(?:International|World|Global|European|Eurasian|Asian|African|Islamic|Arab|Joint|"
    r"Intergovernmental|Inter-Parliamentary|United Nations|UN|Black Sea|Commonwealth|Turkic|Atlantic|"
    r"Pacific|Caspian|Nordic|Baltic|Gulf|Southeast|Latin|Caribbean)\b|\w-\w+ (?:Joint|Intergovernmental)"
)
# Capitalised words that open a sentence rather than a name.
LEFT_STOP = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "During", "After", "Before", "Also",
    "And", "But", "Then", "This", "That", "These", "Those", "Both", "Meanwhile", "Moreover", "However",
    "According", "Following", "Under", "Within", "Through", "Between", "While", "When", "Since", "As",
    "If", "Our", "Their", "His", "Her", "Its", "My", "We", "They", "He", "She", "It", "I", "Dear", "Mr",
    "Mrs", "Ms", "Dr", "Today", "Yesterday", "Tomorrow", "Other", "Such", "Some", "Many", "All", "Each",
    "Every", "Several", "Various", "Of", "To", "Welcoming", "Thanks", "Thank",
}  # fmt: skip
REGIONS = {"Europe", "Asia", "Africa", "America", "Americas", "Eurasia", "Middle", "Latin", "Central", "South",
           "North", "East", "West", "Southeast", "Asia-Pacific", "Indo-Pacific", "Pacific", "Caucasus",
           "Balkans", "Gulf", "Mediterranean", "Arctic", "Caribbean"}  # fmt: skip
CONNECTORS = {"of", "for", "on", "and", "in", "the", "&", "de", "du", "des", "la"}
# All-capital words that are not organizations.
NOT_ACRONYMS = {
    "UTC", "GMT", "AM", "PM", "FM", "FMS", "MP", "MPS", "CEO", "EAM", "PHOTO", "VIDEO", "UPDATE", "USSR",
    "TV", "OK", "II", "III", "IV", "VI", "NY", "DC", "HE", "HRH", "Q", "A", "ID", "COVID", "GDP",
    "QUESTION", "SECRETARY", "PRESIDENT", "MINISTER", "NO", "PS",
    # treaties, agreements, goods and topics rather than bodies
    "LNG", "AI", "NPT", "CEPA", "FTA", "JCPOA", "MOU", "MoU", "SDG", "SDGS", "SDGs", "ICT", "IT", "FDI",
    "WMD", "BIT", "RCEP", "CPTPP", "TPP", "CTBT", "START", "INF", "COP", "EXPO", "GMO", "SME", "SMES",
    "ESG", "CO2", "LGBT", "HIV", "AIDS", "PPP", "VAT", "OPED",
}  # fmt: skip
_TOKEN = re.compile(r"[^\W_][\w'’.&+\-]*")
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z0-9&+\-]{1,11})\s*\)")
_CAPS_ACRONYM = re.compile(r"^(?=[A-Z0-9+\-]*[A-Z][A-Z0-9+\-]*[A-Z])[A-Z][A-Za-z0-9+\-]{1,9}$|^G\d{1,2}$")
_NAME = r"(?:[A-Z][\w.’'&\-]*|al-[A-Z][\w\-]*)(?:[ \t]+(?:[A-Z][\w.’'&\-]*|of|the|de|al)){0,5}"
_CITED_AFTER = re.compile(
    r"\b(?:[Aa]ccording to|[Rr]eports?(?: from)?|[Rr]eported by|[Cc]iting|[Tt]old|[Qq]uoted by|[Ss]ource:|"
    r"[Vv]ia|[Cc]ourtesy of|[Pp]hoto:|[Pp]hoto by)\s+(?:the\s+)?("
    + _NAME
    + r")|©\s*(?:the\s+)?("
    + _NAME
    + ")"
)
_CITING_VERB = re.compile(
    r"(?:'s)?\s+(?:reports|reported|has reported|writes|wrote|informs|informed|learned|quoted|cites|cited|"
    r"correspondent|news agency)\b"
)
_NAME_AT_END = re.compile(r"(?<![\w.])(" + _NAME + r")$")
_DATELINE_PARENS = re.compile(
    r"^[ \t]*[A-Z][\w .’'\-]{1,30}(?:,[ \t]*[\w .’'\-]{1,30})?[ \t]*\((" + _NAME + r")\)[ \t]*[-–—:.]",
    re.MULTILINE,
)
_DATELINE_COMMA = re.compile(
    r"^[ \t]*[A-Z][\w .’'\-]{1,30},[ \t]*[A-Z][a-z]{2,9}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?,[ \t]*([A-Z][A-Za-z\-]{1,20})[ \t]*$",
    re.MULTILINE,
)
_DATELINE_AGENCY = re.compile(
    r"^[ \t]*([A-Z][A-Z0-9\-]{2,20}(?:[ \t][A-Z][A-Z0-9\-]{1,20})?)[.,][ \t]+\w+[ \t]+\d", re.M
)
_DOMAIN = re.compile(r"(?<![\w.@/])((?:www\.)?([A-Za-z][A-Za-z0-9\-]{1,30})\.(?:[A-Za-z]{2,4}))(?![\w.])")
_CREDIT_BOUNDARY = re.compile(r"[\n()|©:]")


@dataclass
class _Candidate:
    start: int
    end: int
    name: str
    acronym: str | None = None
    kind: str | None = None
    country: str | None = None
    entry: int | None = None  # index of a well-known organization in the data file
    strength: int = 0  # breaks ties between spans of equal length
    head_end: int | None = None  # end of the head word of a name built around one


def _words(text: str) -> str:
    """The comparison form of a name: folded, lower case, alphanumeric words only."""
    text = strip_accents(text or "").lower()
    words = re.findall(r"[a-z0-9]+", text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _data() -> dict:
    with DATA_FILE.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    entries = raw["organizations"]
    names, acronyms, by_words = {}, {}, {}
    for index, entry in enumerate(entries):
        for name in (entry["name"], *entry["aliases"]):
            names[name] = index
            by_words.setdefault(_words(name), index)
        if entry["acronym"]:
            acronyms[entry["acronym"]] = index
            by_words.setdefault(_words(entry["acronym"]), index)
    pattern = re.compile(r"(?<![\w.\-])(" + literal_alternation({*names, *acronyms}) + r")(?![\w\-]|\.\w)")
    return {
        "entries": entries,
        "names": names,
        "acronyms": acronyms,
        "by_words": by_words,
        "pattern": pattern,
        "media_words": set(raw["media_words"]),
    }


def is_known_organization_name(word: str) -> bool:
    """Whether `word` alone is the name or acronym of a well-known organization ("Sputnik", "TASS")."""
    data = _data()
    return word in data["names"] or word in data["acronyms"]


def _is_country_or_place(name: str) -> bool:
    return bool(find_country(name) or country_of_city(name))


def _is_media_name(name: str) -> bool:
    """ "Asian Lite News", "The Yomiuri Shimbun", "Xinhua News Agency", "Agência Lusa"."""
    tokens = name.split()
    media_words = _data()["media_words"]
    if not tokens:
        return False
    if tokens[-1] == "Agency":
        return any(token in media_words for token in tokens[:-1])
    return tokens[-1] in media_words or tokens[0] in {"Agência", "Agencia", "Agence"}


def _acronym_matches(acronym: str, long_form: str) -> int | None:
    """Schwartz-Hearst: the start (in ``long_form``) of the shortest suffix whose letters spell
    ``acronym`` in order, its first letter opening a word; None if there is none."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    li, si = len(letters) - 1, len(long_form) - 1
    while li >= 0:
        while si >= 0 and (
            long_form[si].lower() != letters[li] or (li == 0 and si > 0 and long_form[si - 1].isalnum())
        ):
            si -= 1
        if si < 0:
            return None
        li, si = li - 1, si - 1
    return si + 1


def _definitions(text: str) -> list[_Candidate]:
    """ "Long Name (ACR)" and "ACR (Long Name)"."""
    found = []
    for match in _ACRONYM_IN_PARENS.finditer(text):
        acronym = match.group(1)
        if sum(c.isupper() for c in acronym) < 2 or acronym.upper() in NOT_ACRONYMS:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start()].rstrip()
        words = before.split()[-(len(acronym) + 5) :]
        window = " ".join(words)
        offset = _acronym_matches(acronym, window)
        if offset is not None:
            long_form = window[offset:]
            if long_form[:1].isupper() and len(long_form.split()) >= 2:
                start = match.start() - len(text[line_start : match.start()]) + before.rfind(long_form)
                # the span stops before the acronym, so that "(OSCE) Minsk Group" can follow it
                found.append(_Candidate(start, match.start(1), long_form, acronym, strength=3))
                continue
        # "ASEAN (Association of Southeast Asian Nations)"
    for match in re.finditer(r"\b([A-Z][A-Za-z0-9&\-]{1,11})\s+\(([A-Z][^()\n]{5,120})\)", text):
        acronym, long_form = match.group(1), match.group(2).strip()
        if sum(c.isupper() for c in acronym) < 2:
            continue
        if _acronym_matches(acronym, long_form) == 0:
            found.append(_Candidate(match.start(), match.end(), long_form, acronym, strength=3))
    return [c for c in found if not EXECUTIVE.search(c.name) and not _is_country_or_place(c.name)]


def _cited_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of names cited as a source: "according to APA", "Trend reports"."""
    found = []
    for match in _CITED_AFTER.finditer(text):
        group = match.lastindex
        found.append((match.start(group), match.end(group), match.group(group)))
    for verb in _CITING_VERB.finditer(text):
        window_start = max(0, verb.start() - 120)
        before = _NAME_AT_END.search(text[window_start : verb.start()])
        if before:
            found.append((window_start + before.start(1), window_start + before.end(1), before.group(1)))
    return found


def _known(text: str) -> list[_Candidate]:
    """Well-known organizations by name, alias or acronym."""
    data = _data()
    found = []
    cited_spans = [(start, end) for start, end, _ in _cited_names(text)]
    for match in data["pattern"].finditer(text):
        form = match.group(1)
        is_acronym = form in data["acronyms"] and form not in data["names"]
        index = data["acronyms"][form] if is_acronym else data["names"][form]
        entry = data["entries"][index]
        needs_citation = entry.get("acronym_only_when_cited") if is_acronym else entry.get("only_when_cited")
        if needs_citation and not any(s <= match.start() and match.end() <= e for s, e in cited_spans):
            continue
        if is_acronym and _in_caps_run(text, match.start(), match.end()):
            continue
        name = entry["name"] if is_acronym else form
        found.append(
            _Candidate(
                match.start(), match.end(), name, entry["acronym"], entry["kind"], entry["country"], index, 2
            )
        )
    return found


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Whether an all-capital word sits among other all-capital words (a headline or a credit in
    capitals: "COURTESY OF JAPAN FOREIGN MINISTRY")."""
    before = re.search(r"([A-Za-z]+)[ \t/]*$", text[max(0, start - 30) : start])
    after = re.match(r"[ \t/]*([A-Za-z]+)", text[end : end + 30])
    return any(m and m.group(1).isupper() and len(m.group(1)) > 1 for m in (before, after))


def _tokens(text: str) -> list[tuple[int, int, str]]:
    tokens = []
    for match in _TOKEN.finditer(text):
        start, end, word = match.start(), match.end(), match.group(0)
        # a sentence's full stop is not part of its last word, unless that word is an abbreviation
        while word.endswith(".") and not (word in HEADS or re.fullmatch(r"(?:[A-Z]\.)+|\w+\.\w+\.?", word)):
            word, end = word[:-1], end - 1
        word = word.rstrip("'’")
        end = start + len(word)
        if word:
            tokens.append((start, end, word))
    return tokens


def _headed(text: str, defined: dict[str, str]) -> list[_Candidate]:
    """Capitalised names built around a head word, with "of ..." complements."""
    tokens = _tokens(text)
    found = []

    def adjacent(i: int, j: int) -> bool:
        return re.fullmatch(r"[ \t]+(?:&[ \t]+)?", text[tokens[i][1] : tokens[j][0]]) is not None

    def capital(i: int) -> bool:
        word = tokens[i][2]
        return word[:1].isupper() and not re.search(r"['’]s$", word)

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
        start, end = tokens[left][0], tokens[right][1]
        start = _acronym_before(text, start, defined, position=True) or start
        name = " ".join(text[start:end].replace("(", " ").replace(")", " ").split())
        end = _country_list_end(text, end, name)
        name = " ".join(text[start:end].replace("(", " ").replace(")", " ").split())
        found.append(_Candidate(start, end, name, strength=1, head_end=tokens[i][1]))
    return found


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


def _media(text: str) -> list[_Candidate]:
    """News media cited as sources, in datelines, photo credits and the outlet's web address."""
    data = _data()
    found = []

    def add(start: int, end: int, name: str, strength: int = 1):
        name = name.strip(" .,")
        if name.startswith("the "):
            start, name = start + 4, name[4:]
        end = start + len(name)
        if name and not EXECUTIVE.search(name) and not _is_country_or_place(name):
            found.append(_Candidate(start, end, name, kind="media", strength=strength))

    def trusted(name: str) -> bool:
        return bool(
            name in data["names"]
            or _CAPS_ACRONYM.match(name)
            or _DOMAIN.fullmatch(name)
            or _is_media_name(name)
        )

    for start, end, name in _cited_names(text):
        if trusted(name) and name.upper() not in NOT_ACRONYMS:
            add(start, end, name)
    for regex in (_DATELINE_PARENS, _DATELINE_COMMA, _DATELINE_AGENCY):
        for match in regex.finditer(text[:3000]):
            name = match.group(1)
            if not re.search(r"\d", name) and name.upper() not in NOT_ACRONYMS:
                add(match.start(1), match.end(1), name, strength=2)
    for segment_start, segment in _credit_segments(text):
        offset = segment_start
        for piece in segment.split("/"):
            stripped = piece.strip()
            media_like = (
                stripped in data["names"] or _CAPS_ACRONYM.match(stripped) or _is_media_name(stripped)
            )
            if stripped and media_like and stripped.upper() not in NOT_ACRONYMS:
                where = offset + piece.index(stripped)
                add(where, where + len(stripped), stripped)
            offset += len(piece) + 1
    top = text[:1500]
    for match in _DOMAIN.finditer(top):
        full, label = match.group(1), match.group(2)
        if full[:1].isupper():  # "Agenda.ge", "News.Az": the outlet's name as it writes it
            add(match.start(1), match.end(1), full)
        elif (index := data["by_words"].get(_words(label))) is not None and data["entries"][index][
            "kind"
        ] == "media":
            entry = data["entries"][index]
            found.append(_Candidate(match.start(1), match.end(1), entry["name"], entry["acronym"], "media",
                                    entry["country"], index, 1))  # fmt: skip
    return found


def _credit_segments(text: str):
    """(start, text) of each stretch of a line that holds slashes: "Quique Garcia/Agência Lusa/EPA"."""
    done = -1
    for slash in re.finditer("/", text):
        if slash.start() < done:
            continue
        starts = [
            m.end() for m in _CREDIT_BOUNDARY.finditer(text, max(0, slash.start() - 200), slash.start())
        ]
        start = starts[-1] if starts else max(0, slash.start() - 200)
        stop = _CREDIT_BOUNDARY.search(text, slash.end(), slash.end() + 200)
        end = stop.start() if stop else min(len(text), slash.end() + 200)
        done = end
        yield start, text[start:end]


def _title_follows(text: str, end: int) -> bool:
    following = re.match(r"[ \t]+([A-Z][\w\-]*)", text[end : end + 40])
    return bool(following) and following.group(1) in titles.WORDS_ENDING_AN_ORGANIZATION_NAME


def _from_spacy(doc) -> list[_Candidate]:
    """spaCy ORG entities the rules cannot see: undefined acronyms ("MGIMO") and media names."""
    found = []
    if doc is None:
        return found
    text = doc.text
    for ent in doc.ents:
        if ent.label_ != "ORG" or "\n" in ent.text:
            continue
        start, name = ent.start_char, ent.text
        if name.lower().startswith("the "):
            start, name = start + 4, name[4:]
        name = re.sub(r"['’]s$", "", name)
        if (
            not name
            or re.search(r"[^\w\s.’'&\-]", name)
            or EXECUTIVE.search(name)
            or _is_country_or_place(name)
        ):
            continue
        is_acronym = " " not in name and _CAPS_ACRONYM.match(name) and name.upper() not in NOT_ACRONYMS
        if is_acronym and not _in_caps_run(text, start, start + len(name)):
            found.append(_Candidate(start, start + len(name), name))
        elif (
            " " in name
            and _is_media_name(name)
            and all(w[:1].isupper() for w in name.split())
            and not _title_follows(text, start + len(name))  # "Pentagon Press Secretary"
        ):
            found.append(_Candidate(start, start + len(name), name, kind="media"))
    return found


def _resolve_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping spans (then the best-attested); return in text order."""
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.strength, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _same(a: _Candidate, b: _Candidate) -> bool:
    aw, bw = _words(a.name), _words(b.name)
    if a.entry is not None and a.entry == b.entry:
        return True
    if aw == bw:
        return True
    acronyms = {_words(x) for x in (a.acronym, b.acronym) if x}
    if (aw in acronyms and b.acronym and _words(b.acronym) == aw) or (
        bw in acronyms and a.acronym and _words(a.acronym) == bw
    ):
        return True
    if a.acronym and b.acronym and _words(a.acronym) == _words(b.acronym):
        return True
    shorter, longer = sorted((aw, bw), key=len)
    if longer.startswith(shorter + " of ") and find_country(longer[len(shorter) + 4 :]):
        return True  # "Milli Majlis" and "Milli Majlis of the Republic of Azerbaijan"
    if len(shorter.split()) >= 2 and len(shorter) > 6 and longer.endswith(" " + shorter):
        return not re.search(r"\b(?:of|for|on|and|the)$", longer[: -len(shorter)].strip())  # "Minsk Group"
    if len(shorter) < 10 or len(shorter) < 0.9 * len(longer):
        return False
    return difflib.SequenceMatcher(None, aw, bw).ratio() >= 0.9  # "Agência Brasil" / "Agência Brazil"


def _names_international_body(name: str) -> bool:
    """Whether a name starts with a well-known international body ("ASEAN Secretariat")."""
    data = _data()
    first = name.split()[0]
    index = data["acronyms"].get(first, data["names"].get(first))
    return index is not None and data["entries"][index]["kind"] == "international"


def _describe(cand: _Candidate) -> None:
    """Fill in the known entry, kind and country of a candidate."""
    data = _data()
    if cand.entry is None:
        cand.entry = data["by_words"].get(_words(cand.name))
        if cand.entry is None and cand.acronym:
            cand.entry = data["by_words"].get(_words(cand.acronym))
    if cand.entry is not None:
        entry = data["entries"][cand.entry]
        cand.acronym = cand.acronym or entry["acronym"]
        if cand.acronym == cand.name:
            cand.name = entry["name"]
        cand.kind, cand.country = entry["kind"], entry["country"]
        return
    codes = {code for _, _, code in country_mentions(cand.name)}
    cand.country = next(iter(codes)) if len(codes) == 1 else None
    words = cand.name.split()
    head = next((w for w in words if w in HEADS), None)
    if cand.kind:
        pass
    elif _is_media_name(cand.name):
        cand.kind = "media"
    elif head in NGO_HEADS:
        cand.kind = "ngo"
    elif head in COMPANY_HEADS:
        cand.kind = "other"
    elif (
        (INTERNATIONAL.search(cand.name) and not cand.country)
        or len(codes) > 1
        or _names_international_body(cand.name)
    ):
        cand.kind = "international"
    elif cand.country and set(words) & (LEGISLATURE_HEADS | STATE_BODY_HEADS):
        cand.kind = "government"
    else:
        cand.kind = "other"
    if cand.kind == "international":
        cand.country = None


def _cut_before_person(cand: _Candidate, text: str, doc) -> _Candidate:
    """Cut a name where a person's name follows its head word: "European Bank for Reconstruction
    and Development Odile Renaud-Basso" ends at "Development" (a well-known name, or spaCy's
    PERSON entity, tells where)."""
    cut = None
    for match in _data()["pattern"].finditer(text, cand.start, cand.end):
        if match.start() == cand.start and match.end() < cand.end and match.group(1) in _data()["names"]:
            rest = text[match.end() : cand.end].split()
            if rest and rest[0][:1].isupper() and rest[0] not in HEADS:
                cut = match.end()
        break
    if doc is not None and cut is None:
        for ent in doc.ents:
            if ent.label_ == "PERSON" and cand.head_end <= ent.start_char < cand.end:
                cut = ent.start_char
                break
    if cut is None:
        return cand
    name = re.sub(r"(?:\s+(?:of|for|on|and|in|the|&))+\s*$", "", text[cand.start : cut].rstrip())
    name = " ".join(name.replace("(", " ").replace(")", " ").split())
    cand.end, cand.name = cand.start + len(text[cand.start : cut].rstrip()), name
    return cand


def find_organizations(text: str, doc=None) -> list[dict]:
    """Every named organization ``text`` mentions, in order of first mention.

    Each is ``{"name", "acronym", "kind", "country"}``: kind is "government", "international",
    "ngo", "media" or "other"; country an ISO alpha-2 code or None. ``doc`` is the spaCy Doc of
    the same text, when the caller has one (it finds acronyms and media names the rules miss).
    """
    text = text or ""
    definitions = _definitions(text)
    defined = {c.acronym: c.name for c in definitions}
    headed = [_cut_before_person(c, text, doc) for c in _headed(text, defined)]
    candidates = definitions + _known(text) + headed + _media(text) + _from_spacy(doc)
    candidates = [c for c in candidates if c.entry is not None or not EXECUTIVE.search(c.name)]
    candidates = [c for c in candidates if not _is_country_or_place(c.name)]
    merged: list[_Candidate] = []
    for cand in _resolve_overlaps(candidates):
        if cand.acronym is None and cand.name in defined:  # a later bare "IEPF"
            cand.acronym, cand.name = cand.name, defined[cand.name]
        _describe(cand)
        twin = next((m for m in merged if _same(m, cand)), None)
        if twin is None:
            merged.append(cand)
            continue
        twin.acronym = twin.acronym or cand.acronym
        if len(_words(cand.name)) > len(_words(twin.name)) and cand.name != cand.acronym:
            twin.name = cand.name
        twin.country = twin.country or cand.country
        if twin.kind == "other" and cand.kind != "other":
            twin.kind = cand.kind
    return [{"name": m.name, "acronym": m.acronym, "kind": m.kind, "country": m.country} for m in merged]
