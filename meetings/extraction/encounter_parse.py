"""Reading one sentence's encounter from the dependency parse: the verb or noun of meeting it
turns on, the acting side and the met side of it, and whether a name is met by it directly or
only named inside what is met ("welcomed President X" against "welcomed the progress of talks
between X and Y"). ``episodes.py`` turns these readings into meetings.
"""

from __future__ import annotations

import re

from . import titles

# Verbs whose subject meets their object (or the object of their "with").
ENCOUNTER_VERBS = {
    "meet", "receive", "host", "welcome", "greet", "confer", "talk", "hold", "have", "exchange",
    "discuss", "speak", "call", "visit", "converse", "phone", "telephone", "sit", "accept",
    "evaluate", "review", "assess",
}  # fmt: skip
# Verbs of talking something over: their "with" names the one talked with; without it, or two
# subjects, they tell no encounter ("discussed the situation", "spoke at the forum").
_DISCUSSION_VERBS = {"discuss", "speak", "talk", "converse"}
# Verbs of talking a subject over with someone: "discussed relations with X", "reviewed ties with X".
_TALKED_OVER = {"discuss", "evaluate", "review", "assess", "exchange"}
# Verbs whose two coordinated subjects met each other ("A and B discussed ...", "A and B met").
_RECIPROCAL_VERBS = {"meet", "discuss", "talk", "confer", "exchange", "hold", "have", "converse", "speak"}
# Nouns of an encounter that tell it alone, with "with" ("During his conversation with X, ...").
_ENCOUNTER_NOUNS_ALONE = {"meeting", "talks", "conversation", "discussion", "call", "consultations"}
# "held talks with", "had a meeting with": the noun carries the counterpart.
ENCOUNTER_NOUNS = {
    "meeting", "meetings", "talks", "talk", "conversation", "conversations", "exchange", "call",
    "audience", "discussion", "discussions", "consultations", "views", "view", "session", "encounter",
    "consultation", "negotiation", "negotiations", "dialogue", "interview", "visit", "courtesy",
}  # fmt: skip
_REMOTE = re.compile(r"\b(?:tele)?phone|video|call from|call with", re.IGNORECASE)


def meeting_trigger(sent):
    """The verb of meeting a sentence turns on, or None."""
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX") or lemma not in ENCOUNTER_VERBS:
            continue
        if lemma in ("hold", "have", "exchange", "sit", "accept") and not any(
            encounter_noun(t) for t in token.subtree
        ):
            continue
        preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
        objects = [c for c in token.children if c.dep_ == "dobj"]
        preps |= {p.lower_ for o in objects for p in o.children if p.dep_ == "prep" and lemma in _TALKED_OVER}
        if lemma in _DISCUSSION_VERBS | _TALKED_OVER - {"exchange"} and not (
            preps & {"with", "to"} or _coordinated_subject(token)
        ):
            continue  # "discussed the situation", "spoke at the forum"
        if lemma == "call" and not (preps & {"on", "upon"} or _REMOTE.search(sent.text)):
            continue  # "called for restraint"
        return token
    for token in sent:  # "after meetings in Washington with A, B and C": the noun alone
        if (
            token.tag_ == "NNS"
            and token.lemma_.lower() == "meeting"
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
        ):
            return token
    for token in sent:  # "During his conversation with X, ...", "Their meeting with X was ..."
        if encounter_told_by_noun(token):
            return token
    return None


def _coordinated_subject(verb):
    """The subject of a verb when it is two coordinated words ("A and B discussed"), or None."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and any(c.dep_ == "conj" for c in subject.children):
        return subject
    return None


def encounter_told_by_noun(token) -> bool:
    """Whether a noun of meeting tells, by itself, an encounter that took place: it stands in
    "during"/"after" with a "with" ("during the talks with X", "in his conversation with X");
    not one still ahead ("ahead of his meeting with X"). (An owner alone, "his meeting with X
    was ...", did not carry over to the held-out documents.)"""
    if token.pos_ != "NOUN" or token.lower_ not in _ENCOUNTER_NOUNS_ALONE:
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return False
    if any(a.lower_ in ("ahead", "before", "prior", "for", "until") for a in token.ancestors):
        return False
    return token.dep_ == "pobj" and token.head.lower_ in ("during", "in", "at", "after", "following")


def told_as_past(trigger) -> bool:
    """Whether the meeting is what came before ("following meetings with X, he will travel on",
    "after talks with X"), whatever the sentence says of the future."""
    return any(a.lower_ in ("following", "after") for a in trigger.ancestors)


def side_positions(trigger) -> tuple[set[int], set[int]]:
    """Character offsets of the tokens on the acting side and the met side of a trigger verb."""
    acting, met = set(), set()
    passive = any(c.dep_ == "auxpass" for c in trigger.children)
    for child in trigger.children:
        offsets = {t.idx for t in child.subtree}
        if child.dep_ in ("nsubj",) or (child.dep_ == "poss" and trigger.pos_ == "NOUN"):
            acting |= offsets
        elif child.dep_ == "nsubjpass":
            met |= offsets
        elif child.dep_ == "agent" and passive:
            acting |= offsets
        elif child.dep_ in ("dobj", "prep", "dative", "pobj", "attr", "npadvmod", "oprd", "advcl"):
            if child.dep_ == "prep" and child.lower_ not in ("with", "to", "on", "upon", "by", "between"):
                continue
            met |= offsets
    names_met = any(
        t.idx in met and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "") for t in trigger.subtree
    )
    if trigger.lemma_.lower() in _RECIPROCAL_VERBS and not names_met:
        # "A and B discussed trade": A met B (the parser may also make B a second subject)
        subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
        joined = [c for s in subjects[:1] for c in s.children if c.dep_ == "conj"]
        for other in subjects[1:] + joined:
            others = {t.idx for t in other.subtree}
            acting -= others
            met |= others
    if not acting and trigger.dep_ in ("xcomp", "conj", "advcl") and trigger.head.i != trigger.i:
        for child in trigger.head.children:  # "went on to meet", "arrived and met"
            if child.dep_ == "nsubj":
                acting |= {t.idx for t in child.subtree}
    return acting, met


_PASSING_DEPS = {
    "prep",
    "pobj",
    "dobj",
    "conj",
    "appos",
    "nsubjpass",
    "agent",
    "dative",
    "cc",
    "punct",
    "compound",
    "attr",
    "npadvmod",
    "nsubj",
    "amod",
    "nmod",
}


def name_head(doc, start: int, end: int):
    """The token heading a name's words in the parse (its last word, usually)."""
    tokens = [t for t in doc if start <= t.idx < end]
    for token in tokens:
        if not (start <= token.head.idx < end) or token.head.i == token.i:
            return token
    return tokens[-1] if tokens else None


def met_directly(trigger, token) -> bool:
    """Whether a name is met by the trigger itself, not merely named inside what is met:
    "welcomed President X" and "held talks with the Ambassador of China, X" are, "welcomed the
    progress of talks between X and Y" and "discussed Xi Jinping's visit" are not."""
    while token.i != trigger.i:
        if token.dep_ == "poss" or token.dep_ not in _PASSING_DEPS:
            return False
        head = token.head
        if head.i == token.i:
            return False
        if (
            head.i != trigger.i
            and head.pos_ == "NOUN"
            and not (encounter_noun(head) or title_word(head) or _talked_over_with(trigger, head, token))
        ):
            return False
        token = head
    return True


def _talked_over_with(trigger, noun, prep) -> bool:
    """ "discussed bilateral relations with Minister X", "evaluated ties with X": the parser hangs
    the "with" on what was talked over; it names the one talked with."""
    return (
        trigger.lemma_.lower() in _TALKED_OVER
        and noun.dep_ == "dobj"
        and noun.head.i == trigger.i
        and prep.dep_ == "prep"
        and prep.lower_ == "with"
    )


def names_titled_object(trigger, head, start: int) -> bool:
    """Whether a name set off by a comma names the title the trigger's object is ("received the
    Minister Delegate to X in charge of Relations with Y, Félix Mbayu"), though the parser hangs
    it on the last noun before it: nothing between the title and the name is a verb or a name."""
    if head.dep_ != "appos":
        return False
    title = next((c for c in trigger.children if c.dep_ == "dobj" and title_word(c)), None)
    if title is None or not title.i < head.i:
        return False
    between = [t for t in head.doc[title.i + 1 : head.i] if t.idx < start]
    return not any(t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON" for t in between) and any(
        t.text == "," for t in between[-3:]
    )


def encounter_noun(token) -> bool:
    """Whether a word is a noun of encounter ("talks", "meeting", "audience")."""
    return token.lemma_.lower() in ENCOUNTER_NOUNS or token.lower_ in ENCOUNTER_NOUNS


def title_word(token) -> bool:
    """Whether a word is a title or a word for an office-holder ("minister", "counterpart", "envoys")."""
    lemma = token.lemma_.lower()
    return (
        lemma in titles.TITLE_HEADS
        or lemma.rstrip("s") in titles.TITLE_HEADS
        or lemma
        in (
            "counterpart",
            "counterparts",
            "envoy",
            "envoys",
            "ambassador",
            "ambassadors",
            "delegation",
            "chair",
        )
    )
