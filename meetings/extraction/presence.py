"""Whether a person named in a sentence of meeting was there, and whether a "name" is a person.

A sentence that tells a meeting also names people who were not present: the sender of an envoy
or a message ("an envoy of President X", "on behalf of King Y"), the source of the account
("according to Spokesperson Z"), a spokesperson describing the meeting. And the recogniser takes
some names of places and things for people ("at Cheong Wa Dae", "next to the Eternal Flame",
"his Ikh Tenger residence"): a name used only so is no person.
"""

from __future__ import annotations

import re

# The words between "envoy of" and the name: a title, "of the Republic of Korea, Mr" (case kept).
_WORDS_OF_A_NAME = r"(?:(?:[A-Z][\w’'.-]*|of|the|and),?[ \t]+){0,10}"
_ON_BEHALF = re.compile(
    r"\b(?i:envoy|emissary|representative|message|letter|greetings|behalf|instructions?|invitation|"
    rf"regards|congratulations|condolences|wishes)[ \t]+(?i:of|from)[ \t]+{_WORDS_OF_A_NAME}$"
)
# "according to Spokesperson Z": a comma ends it ("According to the ministry, X met ...").
_ACCORDING_TO = re.compile(r"\b(?i:according to)[ \t]+(?:(?:[A-Z][\w’'.-]*|of|the|and)[ \t]+){0,8}$")
# Roles of people who tell of a meeting rather than take part in it.
_NARRATOR_ROLE = re.compile(r"\b(?:spokes(?:man|woman|person)|press secretary)\b", re.IGNORECASE)


def absent(text: str, start: int) -> bool:
    """Whether the name at `start` stands for someone not there: "an envoy of President Xi",
    "a message from King Charles", "on behalf of the Prime Minister Y", "according to Z"."""
    before = text[max(0, start - 120) : start]
    return bool(_ON_BEHALF.search(before) or _ACCORDING_TO.search(before))


def narrator(person) -> bool:
    """Whether a person's role is one of telling about meetings (a spokesperson's)."""
    return bool(person.role and _NARRATOR_ROLE.search(person.role))


_PLACE_BEFORE = re.compile(r"(?:\b(?:at|next to|near|outside|inside)\s+(?:the\s+)?|\bthe\s+)$", re.IGNORECASE)


def _names_a_thing(doc, text: str, mention, titled: bool) -> bool:
    """Whether one mention uses the name for a place or a thing: it qualifies the common noun
    after it ("the Ikh Tenger residence"), or, with no title to vouch for a person, stands after
    "at" or "the" ("at Cheong Wa Dae", "next to the Eternal Flame"), not as an owner ("at Ana
    Soto's invitation")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is not None:
        head = span[-1].head
        if (
            span[-1].dep_ == "compound"
            and span.end <= head.i <= span.end + 1
            and head.pos_ == "NOUN"
            and head.text.islower()
        ):
            return True
    if titled or re.match(r"[’']s\b", text[mention.end : mention.end + 3]):
        return False
    return bool(_PLACE_BEFORE.search(text[max(0, mention.start - 12) : mention.start]))


def names_a_thing(person, doc, text: str) -> bool:
    """Whether every mention of a "person" uses the name for a place or a thing."""
    return all(_names_a_thing(doc, text, m, person.role is not None) for m in person.mentions)


def only_asks(person, direct, text: str) -> bool:
    """Whether everything a speaker says in a transcript is a question: a journalist's, who is
    not at the meeting ("Carl Dinnen (ITV): What are the ideas ...?")."""
    said = [text[f.start : f.end].strip().rstrip("”\"'’").rstrip() for f in direct if f.person is person]
    return bool(said) and all(s.endswith("?") for s in said)
