"""Organization data and shared pieces: head words, the data file of well-known bodies,
the candidate record every finder of organizations.py returns."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .countries import country_of_city, find_country, literal_alternation
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
# Legislatures by their own names, from the world's parliaments (Inter-Parliamentary Union's list):
# "Halk Maslahaty", "Jogorku Kenesh", "State Great Khural", "Lok Sabha", "Wolesi Jirga", "Storting".
NATIVE_LEGISLATURES = {
    "Maslahaty", "Kenesh", "Khural", "Hural", "Sabha", "Jirga", "Sobranie", "Sobranje", "Skupština",
    "Skupstina", "Sabor", "Diet", "Oireachtas", "Dáil", "Seanad", "Storting", "Stortinget", "Riksdag",
    "Riksdagen", "Folketing", "Folketinget", "Eduskunta", "Althing", "Saeima", "Seimas", "Riigikogu",
    "Mazhilis", "Majilis", "Sangsad", "Hluttaw", "Nationalrat", "Bundesversammlung", "Landtag",
}  # fmt: skip
HEADS |= NATIVE_LEGISLATURES | {"School", "College"}  # schools, as universities and academies
# Head words abbreviated as in headlines and tables ("European Comm'n"), and their full forms.
ABBREVIATED_HEADS = {
    "comm'n": "commission", "ass'n": "association", "assn.": "association", "assoc.": "association",
    "fed'n": "federation", "univ.": "university", "inst.": "institute", "int'l": "international",
    "nat'l": "national",
}  # fmt: skip
HEADS |= {
    form
    for word, full in ABBREVIATED_HEADS.items()
    if full.capitalize() in HEADS
    for form in (word.capitalize(), word.capitalize().replace("'", "’"))
}
HEADS_NEEDING_COMPLEMENT = {"House", "Chamber"}  # "House of Representatives", not "White House"
SINGLE_WORD_HEADS = {"Knesset", "Bundestag", "Bundesrat", "Sejm"}
LEGISLATURE_HEADS = {"Parliament", "Senate", "Congress", "Assembly", "Majlis", "Mejlis", "Duma", "Rada",
                     "Knesset", "Bundestag", "Bundesrat", "Sejm", "House", "Chamber", *NATIVE_LEGISLATURES}  # fmt: skip
STATE_BODY_HEADS = {"Commission", "Committee", "Agency", "Bureau", "Court", "Bank", "Council", "Tribunal"}
NGO_HEADS = {"Fund", "Foundation", "Association", "Society", "Cross", "Crescent", "Club"}
COMPANY_HEADS = {"Corporation", "Corp.", "Company", "Co.", "Inc.", "Ltd.", "LLC", "PLC", "Holding",
                 "Holdings", "Airlines", "Airways"}  # fmt: skip
# A state's executive offices, and other capitalised phrases that are not organizations.
EXECUTIVE = re.compile(
    r"\b(?:ministry|ministries|department|embassy|embassies|consulate|administration|office|cabinet|"
    r"government|governmental|white house|kremlin|presidency|armed forces|army|navy|air force|police|"
    r"mission|press service|foreign service|diplomatic service|palace|soviet union|"
    r"bureau of [\w ,]+ affairs|presidential secretariat)\b"
    # foreign ministries by their acronyms ("DFA chief Manalo", "the MFA"), in capitals
    r"|\b(?-i:DFA|MFA|MOFA|MoFA|FCDO|MEA|DFAT|PMO|MOD|MoD|DoD|DOD|MINREX|MOFCOM)\b",
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
# Head words of what a text names and abbreviates like a body but is none: treaties, plans,
# areas, programmes of work ("Joint Plan of Action (JPOA)", "African Continental Free Trade Area").
NOT_BODY_HEADS = {
    "Agreement", "Agreements", "Treaty", "Accord", "Accords", "Pact", "Protocol", "Convention",
    "Declaration", "Charter", "Act", "Memorandum", "Plan", "Strategy", "Roadmap",
    "Framework", "Deal", "Partnership", "Area", "Zone", "Corridor", "Goals", "Process", "Format",
    "Games", "Expo", "Exhibition", "Festival", "Year", "Week", "Day",
    # aid, goods and fields abbreviated like bodies: "Official Development Assistance (ODA)"
    "Assistance", "Aid", "Investment", "Product", "Weapons", "Missile", "Missiles", "Gas",
    "Intelligence", "Enterprises", "Technology",
}  # fmt: skip
# Titles by their initials: "EU HR/VP Borrell", "UNSG Guterres", "DPM Kora".
TITLE_INITIALS = {
    "PM", "FM", "FMS", "MP", "MPS", "CEO", "EAM", "PS", "HR", "SG", "UNSG", "DG", "DDG", "ADG", "VP",
    "SRSG", "HRVP", "MEP", "MEPS", "MOS", "DPM", "CFO", "COO", "CDS", "COAS", "CJCS", "PR", "MD",
}  # fmt: skip
# All-capital words that are not organizations.
NOT_ACRONYMS = {
    "UTC", "GMT", "AM", "PM", "FM", "FMS", "MP", "MPS", "CEO", "EAM", "PHOTO", "VIDEO", "UPDATE", "USSR",
    "TV", "OK", "II", "III", "IV", "VI", "NY", "DC", "HE", "HRH", "Q", "A", "ID", "COVID", "GDP",
    "QUESTION", "SECRETARY", "PRESIDENT", "MINISTER", "NO", "PS",
    # treaties, agreements, goods and topics rather than bodies
    "LNG", "AI", "NPT", "CEPA", "FTA", "JCPOA", "MOU", "MoU", "SDG", "SDGS", "SDGs", "ICT", "IT", "FDI",
    "WMD", "BIT", "RCEP", "CPTPP", "TPP", "CTBT", "START", "INF", "COP", "EXPO", "GMO", "SME", "SMES",
    "ESG", "CO2", "LGBT", "HIV", "AIDS", "PPP", "VAT", "OPED", "COVID-19",
    # month and street abbreviations, words of headings in capitals
    "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "ST", "END",
    # titles by their initials ("UNSG Guterres", "DPM Kora", "SRSG", "HRVP")
    *TITLE_INITIALS,
    # time zones and the furniture of web pages
    "EST", "EDT", "CET", "CEST", "EET", "EEST", "MSK", "BST", "IST", "PST", "PDT", "JST", "KST", "WIB",
    "SAST", "PDF", "RSS", "URL", "FAQ", "API", "SMS", "ISBN", "ISSN", "DOI", "HTML",
}  # fmt: skip
_TOKEN = re.compile(r"[^\W_][\w'’.&+\-]*")
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z0-9&+\-]{1,11})\s*\)")
_CAPS_ACRONYM = re.compile(r"^(?=[A-Z0-9+\-]*[A-Z][A-Z0-9+\-]*[A-Z])[A-Z][A-Za-z0-9+\-]{1,9}$|^G\d{1,2}$")
_NAME = r"(?:[A-Z][\w.’'&\-]*|al-[A-Z][\w\-]*)(?:[ \t]+(?:[A-Z][\w.’'&\-]*|of|the|de|al)){0,5}"
_CITED_AFTER = re.compile(
    r"\b(?:[Aa]ccording to|[Rr]eports?(?: from)?|[Rr]eported by|[Cc]iting|[Tt]old|[Qq]uoted by|[Ss]ource:|"
    r"[Vv]ia|[Cc]ourtesy of|[Pp]hoto:|[Pp]hoto by|(?:posted|wrote|said|tweeted|shared|published) on|"
    r"[Ii]n an? (?:post|message|statement) on|[Ii]n an?|on (?:his|her|its|their|the ministry's) (?:official )?|"
    # credits and interviews: "Photo credit: X", "Image: X", "in an interview with X", "speaking to X"
    r"(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture|[Vv]ideo)(?: credit)?:|[Cc]redit:|[Pp]hoto courtesy(?: of)?|"
    r"[Ii]nterview (?:with|to)|[Ss]peaking to|[Ww]riting in|[Pp]ublished (?:by|in)|[Cc]ited by|"
    r"[Cc]ourtesy:|(?:first )?appeared (?:first )?(?:on|in)|"
    # the outlet's own name in its footer: "Follow Kora News on Telegram", "Subscribe to Kora Times"
    r"[Ff]ollow|[Ss]ubscribe to|[Rr]ead (?:more )?(?:on|at))"
    r"\s+(?:the\s+)?(" + _NAME + r")|(?:©|\([Cc]\)|[Cc]opyright)\s*(?:©\s*)?(?:\d{4}(?:[-–]\d{4})?,?\s+)?"
    r"(?:the\s+)?(" + _NAME + ")"
)
_CITING_VERB = re.compile(
    r"(?:'s)?\s+(?:reports|reported|has reported|writes|wrote|informs|informed|learned|quoted|cites|cited|"
    r"correspondent|news agency|[Pp]hotos?|[Ff]ile [Pp]hoto)\b"  # "AP Photo", "Yonhap photo"
)
_NAME_AT_END = re.compile(r"(?<![\w.])(" + _NAME + r")$")
_DATELINE_PARENS = re.compile(
    r"^[ \t]*[A-Z][\w .’'\-]{1,30}(?:,[ \t]*[\w .’'\-]{1,30}){0,2}[ \t]*\((" + _NAME + r")\)[ \t]*[-–—:.]",
    re.MULTILINE,
)
_DATELINE_COMMA = re.compile(
    r"^[ \t]*[A-Z][\w .’'\-]{1,30},[ \t]*[A-Z][a-z]{2,9}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?,[ \t]*([A-Z][A-Za-z\-]{1,20})"
    # the agency ends the line, or (in capitals) a dash or colon opens the story: "..., 3 March, IRNA --"
    r"(?:[ \t]*$|(?<=[A-Z]{3})[ \t]*(?:-{1,2}|[–—:])[ \t])",
    re.MULTILINE,
)
_DATELINE_AGENCY = re.compile(
    r"^[ \t]*([A-Z][A-Z0-9\-]{2,20}(?:[ \t][A-Z][A-Z0-9\-]{1,20})?)[.,][ \t]+\w+[ \t]+\d", re.M
)
_DOMAIN = re.compile(
    r"(?<![\w.@/])((?:www\.)?([A-Za-z][A-Za-z0-9\-]{1,30})(?:\.(?:gov|com|co|org|net))?\.(?:[A-Za-z]{2,4}))(?![\w.])"
)
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


_ABBREVIATION = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, ABBREVIATED_HEADS)) + r")(?![\w'])")


def _words(text: str) -> str:
    """The comparison form of a name: folded, lower case, alphanumeric words only; a "+" is a word
    of its own, since "OPEC+" is not "OPEC"."""
    text = strip_accents(text or "").lower().replace("+", " plus ").replace("’", "'")
    text = _ABBREVIATION.sub(lambda m: ABBREVIATED_HEADS[m.group(0)], text)
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


def names_no_body(name: str) -> bool:
    """Whether a name's head word (the last before "of", "for" ...) is a treaty's, plan's or
    area's: "Joint Plan of Action", "African Continental Free Trade Area"."""
    head = None
    for word in name.split():
        if word in {"of", "for", "on", "in", "to", "between"}:
            break
        head = word
    return head in NOT_BODY_HEADS


def _is_country_or_place(name: str) -> bool:
    return bool(find_country(name) or country_of_city(name))


def _is_media_name(name: str) -> bool:
    """ "Asian Lite News", "The Yomiuri Shimbun", "Xinhua News Agency", "Agência Lusa", "... News Service"."""
    tokens = name.split()
    media_words = _data()["media_words"]
    if not tokens:
        return False
    if tokens[-1] in {"Agency", "Service"}:  # "Xinhua News Agency", "Kora International News Service"
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


_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.[ \t]")


def _cited_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of names cited as a source: "according to APA", "Trend reports"."""
    found = []
    position = 0
    while match := _CITED_AFTER.search(text, position):
        group = match.lastindex
        name = _SENTENCE_END.split(match.group(group))[0]  # "Kora.kx. All rights reserved"
        found.append((match.start(group), match.start(group) + len(name), name))
        position = max(match.start(group) + len(name), match.start() + 1)  # the next sentence is read again
    for verb in _CITING_VERB.finditer(text):
        window_start = max(0, verb.start() - 120)
        before = _NAME_AT_END.search(text[window_start : verb.start()])
        if before:
            found.append((window_start + before.start(1), window_start + before.end(1), before.group(1)))
    return found


def _tokens(text: str) -> list[tuple[int, int, str]]:
    tokens = []
    for match in _TOKEN.finditer(text):
        start, end, word = match.start(), match.end(), match.group(0)
        # a sentence's full stop is not part of its last word, unless that word is an abbreviation
        while word.endswith(".") and not (word in HEADS or re.fullmatch(r"(?:[A-Z]\.)+|\w+\.\w+\.?", word)):
            word, end = word[:-1], end - 1
        word = word.rstrip("'’-")  # "MENAFN- Jordan News Agency": a dash, not part of a word
        end = start + len(word)
        if word:
            tokens.append((start, end, word))
    return tokens
