"""Whether a meeting a sentence tells is still to come: planned, expected or invited meetings
("is due to hold talks", "will meet", "an upcoming visit", "invited him to visit") did not take
place, so they are not meetings of the document.
"""

from __future__ import annotations

# Verbs of meeting whose future form makes a planned meeting.
MEETING_ACTS = ("meet", "receive", "host", "visit", "hold", "confer", "talk", "welcome", "travel", "call")
# Words governing "to <meet>" that put the meeting in the future.
FUTURE_FRAMES = {
    "expect", "plan", "schedule", "due", "set", "intend", "go", "hope", "aim", "agree", "invite",
    "prepare", "slate", "want", "wish", "seek", "propose", "look",
}  # fmt: skip
# Modifiers of a meeting noun that put it in the future.
FUTURE_MODIFIERS = {
    "upcoming",
    "forthcoming",
    "planned",
    "future",
    "next",
    "proposed",
    "expected",
    "scheduled",
}
MEETING_NOUNS = {"visit", "meeting", "talks", "summit", "trip", "conversation", "consultations", "session"}
FUTURE_AUXILIARIES = {"will", "would", "shall", "'ll"}


def planned(sent) -> bool:
    """Whether the sentence tells its meeting as one still to come."""
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in MEETING_ACTS:
            words = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
            if words & FUTURE_AUXILIARIES:
                return True
            if "to" in words and token.head.lemma_.lower() in FUTURE_FRAMES:
                return True
        if (
            token.pos_ == "NOUN"
            and lemma in MEETING_NOUNS
            and any(c.lower_ in FUTURE_MODIFIERS for c in token.children if c.dep_ in ("amod", "compound"))
        ):
            return True
    return False
