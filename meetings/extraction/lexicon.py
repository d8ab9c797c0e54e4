"""The speech lexicon (data/speech.json): verbs and frames of saying, by lemma, and the written
forms of those verbs that attribute a quotation ("said", "mentioned", "went on")."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "speech.json"


@cache
def lexicon() -> dict:
    """The speech lexicon, with its lists as sets and its frames compiled."""
    with LEXICON_FILE.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    return {
        "verbs": set(raw["verbs"]),
        "with_particle": {k: set(v) for k, v in raw["with_particle"].items()},
        "with_object": {k: set(v) for k, v in raw["with_object"].items()},
        "not_alone": set(raw["not_alone"]),
        "not_with_person_object": set(raw["not_with_person_object"]),
        "not_with_object": {k: set(v) for k, v in raw["not_with_object"].items()},
        "frames": [re.compile(f, re.IGNORECASE) for f in raw["frames"]],
        "named_frames": [re.compile(f) for f in raw["named_frames"]],
        "to_the_media": set(raw["to_the_media"]),
    }


# Written forms English does not make by adding -ed and -s.
_IRREGULAR = {
    "say": ("said", "says"), "tell": ("told", "tells"), "write": ("wrote", "writes"),
    "go": ("went", "goes"), "speak": ("spoke", "speaks"), "bring": ("brought", "brings"),
    "give": ("gave", "gives"), "make": ("made", "makes"), "draw": ("drew", "draws"),
    "put": ("put", "puts"), "pay": ("paid", "pays"), "spell": ("spelled", "spells"),
}  # fmt: skip


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    past = (
        lemma + "d"
        if lemma.endswith("e")
        else lemma[:-1] + "ied"
        if re.search(r"[^aeiou]y$", lemma)
        else lemma + "ed"
    )
    third = (
        lemma[:-1] + "ies"
        if re.search(r"[^aeiou]y$", lemma)
        else lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    )
    return past, third


@cache
def _lemma_of_form() -> dict[str, str]:
    words = lexicon()["verbs"]
    table = {form: lemma for lemma in words for form in _forms(lemma)}
    table.update({re.sub(r"e$", "", lemma) + "ing": lemma for lemma in words if lemma not in table})
    return table


def speech_lemma(token) -> str:
    """The lexicon's lemma of a verb token: spaCy's lemma, or, when the lemmatizer errs ("hoped"
    read as "hop"), the lemma whose written form the token is."""
    lemma = token.lemma_.lower()
    if lemma in lexicon()["verbs"]:
        return lemma
    return _lemma_of_form().get(token.lower_, lemma)


@cache
def quote_verbs() -> str:
    """A regex alternation of the written forms that attribute a quotation: every verb of the
    lexicon that makes speech by itself, and those that need a particle with it ("pointed out",
    "went on"); not those that need an object ("made clear" does not attribute a quotation)."""
    words = lexicon()
    forms = {"according to"}
    for lemma in words["verbs"]:
        if lemma in words["with_object"] or lemma in words["not_alone"] - {
            "post",
            "tweet",
            "write",
            "continue",
        }:
            continue
        particles = words["with_particle"].get(lemma)
        for form in _forms(lemma):
            forms |= {f"{form} {p}" for p in particles} if particles else {form}
    forms |= {"emphasised", "emphasized"}
    return "(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + ")"
