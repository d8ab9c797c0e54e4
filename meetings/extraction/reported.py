"""Reported speech: a sentence whose verb or frame of saying has one person as its subject.

The lexicon (data/speech.json) lists verbs of saying by lemma, the particles some need ("point
out", "refer to", "went on"), the objects others need ("made clear", "raised concerns"), and
frames that open such a sentence ("In his words, ..."). The speaker comes from the parse: the
subject (or passive agent) of the verb, resolved through the people of the document.
"""

from __future__ import annotations

import re

from . import titles
from .document import doc_text
from .lexicon import lexicon, quote_verbs, speech_lemma
from .people import Person, person_at
from .roles import title_head
from .statements import _ACCORDING_TO, _PRONOUNS, Found, SpeakerContext, _strip_span

_QUOTE_VERB = re.compile(rf"\b{quote_verbs()}\b")


def introduces_quotation(sent, quoted) -> bool:
    """Whether a sentence only introduces a quotation it contains ("X said: “...”", "“...,” X
    said"): the direct statement is the quotation; the sentence is not also reported speech."""
    text = doc_text(sent.doc)
    inside = 0
    for quote in quoted:
        start, end = max(quote.start, sent.start_char), min(quote.end, sent.end_char)
        if start < end:
            inside += end - start
    if not inside:
        return False
    if any(
        _lead_in_right_before(text[sent.start_char : q.start])
        for q in quoted
        if sent.start_char < q.start < sent.end_char
    ):
        return True
    outside = re.findall(r"\w+", text[sent.start_char : sent.end_char])
    return (
        len(outside)
        - len(
            re.findall(
                r"\w+",
                " ".join(
                    text[max(q.start, sent.start_char) : min(q.end, sent.end_char)]
                    for q in quoted
                    if q.start < sent.end_char and q.end > sent.start_char
                ),
            )
        )
        <= 12
    )


def _lead_in_right_before(before: str) -> bool:
    """Whether the words before a quotation end in its one verb of saying, however long the clause
    before it ("Talking about the ties between the two countries, X said, “..."): a lead-in."""
    before = before.rstrip(' \t“"«„-–—')
    verbs = list(_QUOTE_VERB.finditer(before))
    return len(verbs) == 1 and not before[verbs[0].end() :].strip(" ,:;")


def reported_statements(
    sentences, text: str, skip: list[tuple[int, int]], context: SpeakerContext, quoted: list[Found] = ()
) -> list[Found]:
    """Sentences of reported speech: a verb of saying whose subject is one person. Quotations
    (`quoted`) met on the way count as their speaker being spoken of, for a following "he"."""
    found = []
    context.text = text
    for index, sent in enumerate(sentences):
        context.learn_gender(sent)
        for quote in quoted:
            if sent.start_char - 2 <= quote.start < sent.end_char:
                context.note(quote.person)
        if any(s <= sent.start_char < e for s, e in skip) or introduces_quotation(sent, quoted):
            continue
        if found and sent.start_char < found[-1].end:
            continue  # the rest of a sentence the parser cut at an initial ("President Ts." | "Elbegdorj")
        person, attribution = _reported_speaker(sent, context)
        subject = _sentence_subject(sent, context)
        if person is not None and sent.text.rstrip().endswith(":"):
            found.append(Found(person, "lead", sent.start_char, sent.end_char, attribution))
            context.note(person)  # "He said:" introduces a speech block, it is no statement itself
        elif person is not None:
            start, end = _strip_span(text, sent.start_char, _sentence_end(text, sentences, index))
            found.append(Found(person, "reported", start, end, attribution))
            context.note(person)
        elif subject is not None:
            context.note(subject)
    return found


def _sentence_end(text: str, sentences, index: int) -> int:
    """Where a sentence really ends: the parser sometimes cuts one before its last words
    ("... and intends" | "to work actively ..."); a piece that starts in lower case on the same
    line belongs to it."""
    end = sentences[index].end_char
    for following in sentences[index + 1 : index + 4]:
        tail = text[:end].rstrip()
        if "\n" in text[len(tail) : following.start_char]:
            break
        if tail.rstrip('”"’)')[-1:] in ".!?…" and not _cut_at_abbreviation(text, tail, following):
            break
        end = following.end_char
    return end


def _cut_at_abbreviation(text: str, tail: str, following) -> bool:
    """Whether the parser ended a sentence at an initial or a short title ("President Ts." |
    "Elbegdorj ...", "Mr." | "Lee said"): a full stop after one capital with at most one small
    letter, before a capitalized word. (A full stop glued to the next word is no sign: scraped
    texts often lose the space between sentences.)"""
    return (
        bool(_INITIAL_AT_END.search(tail)) and text[following.start_char : following.start_char + 1].isupper()
    )


_ACCORDING_TO_AFTER = re.compile(r"(?:,|\() *according to (?P<who>[^,.()]{2,80}?) *[,.)]")
_INITIAL_AT_END = re.compile(r"(?:^|[\s(])[A-Z][a-z]?\.$")


def _reported_speaker(sent, context: SpeakerContext):
    if any(frame.match(sent.text) for frame in lexicon()["frames"]) and context.last() is not None:
        return context.last(), sent.text.split(",")[0].strip()  # "In his words, ..."
    for frame in [_ACCORDING_TO, *lexicon()["named_frames"]]:  # "According to X, ...", "As X put it, ..."
        match = frame.search(sent.text)
        if match:
            start = sent.start_char + match.start("who")
            person = context.resolve_phrase(match.group("who"), start, start + len(match.group("who")))
            if person is not None:
                return person, match.group("who")
    saying = False
    for token in sent:
        if speech_lemma(token) not in lexicon()["verbs"] or token.pos_ not in ("VERB", "AUX"):
            continue
        if not _is_saying(token, context):
            continue
        saying = True
        inverted = _inverted_subject(token)
        if inverted is not None:  # "..., noted the Portuguese minister."
            person, phrase = _resolve_subject(inverted, context)
            if person is not None:
                return person, phrase
        subject = _subject_of(token)
        if subject is None and token.tag_ == "VBG" and token.dep_ in ("advcl", "acl", "xcomp"):
            subject = _clause_subject(token)  # "He held talks with X, Chile's FM, stressing ...": he stresses
        if subject is None or subject.tag_ == "VBG":
            # the parser lost the subject, or took a fronted participle for it ("Handing over the
            # letter to X, Ambassador Y, said"); a name right before the verb is it
            person = _named_just_before(context.people, doc_text(sent.doc), token.idx)
            if person is not None:
                return person, person.name
        if subject is None:
            continue
        person, phrase = _resolve_subject(subject, context)
        if person is not None:
            return person, phrase
    match = None if saying else _ACCORDING_TO_AFTER.search(sent.text)
    if (
        match
    ):  # "The port will be ready in 2026, according to X." (not "the ministers stressed ..., according to")
        start = sent.start_char + match.start("who")
        person = context.resolve_phrase(match.group("who"), start, start + len(match.group("who")))
        if person is not None:
            return person, match.group("who")
    return None, ""


def _inverted_subject(verb):
    """The noun phrase after a verb of saying that ends the sentence after a comma ("...,
    noted the Portuguese minister."): the speaker, whatever the parser made of it."""
    sent = verb.sent
    if verb.i == sent.start or verb.doc[verb.i - 1].text != ",":
        return None
    rest = [t for t in verb.doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    for child in verb.children:
        if child.i == verb.i + 1 or rest and child.i > verb.i and rest[0] in list(child.subtree):
            covered = {t.i for t in child.subtree}
            return child if rest and all(t.i in covered for t in rest) else None
    return None


def _clause_subject(participle):
    """The subject of the clause a participle without a subject of its own hangs from."""
    for verb in participle.ancestors:
        if verb.pos_ in ("VERB", "AUX"):
            return _subject_of(verb)
    return None


def _named_just_before(people: list[Person], text: str, position: int) -> Person | None:
    """The person named nearest before a verb, with at most a short apposition or a comma between
    ("X said", "X, the Kenyan minister, said", "Kenyan Foreign Minister X, said")."""
    named = [
        (mention.end, person)
        for person in people
        for mention in person.mentions
        if mention.end <= position
        and re.fullmatch(r"\s*(?:,[^,]{1,40},|,)?\s*", text[mention.end : position])
    ]
    return max(named, key=lambda pair: pair[0])[1] if named else None


def _is_saying(token, context: SpeakerContext) -> bool:
    """Whether a verb of the lexicon is used as one of saying here."""
    words = lexicon()
    lemma = speech_lemma(token)
    children = list(token.children)
    if lemma in words["with_particle"]:
        particles = words["with_particle"][lemma]
        if any(c.lower_ in particles and c.dep_ in ("prep", "prt", "advmod") for c in children):
            # "called on the parties to act" urges; "called on Prime Minister X" is a visit
            return not (
                lemma == "call" and not any(c.lower_ == "for" for c in children) and not _urges(token)
            )
        if lemma not in words["with_object"]:
            return False
    if lemma in words["with_object"]:
        objects = words["with_object"][lemma]
        return any(t.lemma_.lower() in objects or t.lower_ in objects for t in _complements(token))
    if _to_the_media(token, words["to_the_media"]):
        return False  # "told Bernama News Service", "said in an interview": words given elsewhere
    objects = [c for c in children if c.dep_ in ("dobj", "dative")]
    if lemma in words["not_with_person_object"] and any(
        person_at(context.people, o.idx, o.idx + len(o.text)) for o in objects
    ):
        return False  # "welcomed President X": a greeting, not speech
    if any(o.lemma_.lower() in words["not_with_object"].get(lemma, ()) for o in objects):
        return False  # "welcomed the new ambassadors"
    return lemma not in words["not_alone"]


def _to_the_media(token, media: set[str]) -> bool:
    """Whether a verb's object, or its "to", "with" or "in" phrase, names a news medium or an
    interview."""
    heard = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    heard += [
        g for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "with", "in") for g in c.children
    ]
    heard = [w for w in heard if w.lemma_.lower() not in ("conference", "briefing")]  # "in a news conference"
    return any(t.lower_ in media for word in heard for t in word.subtree)


def _complements(token) -> list:
    """The words of a verb's objects and complements ("made it clear", "brought to the attention"),
    not those inside a clause or a prepositional phrase of an object ("gave an interview to the
    information portal": no information given)."""
    found, stack = [], list(token.children)
    while stack:
        word = stack.pop()
        if word.dep_ == "prep" and word.head.i != token.i or word.dep_ in ("relcl", "advcl", "acl"):
            continue
        found.append(word)
        stack.extend(word.children)
    return found


def _urges(token) -> bool:
    """Whether a verb has a "to"-clause of what someone is urged to do ("called on X to act")."""
    near = [c for c in token.children if c.dep_ not in ("conj", "cc")]
    words = [t for c in near for t in c.subtree] + near
    return any(
        t.dep_ in ("xcomp", "advcl", "ccomp", "acl", "relcl")
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children)
        for t in words
    )


def _subject_of(token):
    for child in token.children:  # "This was announced by the Ambassador ...": the agent speaks
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    for child in token.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "nsubjpass":
            return None
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        return _subject_of(token.head)
    quoted = token.head.head if token.head.lower_ == "as" else None
    if quoted is not None and quoted.lemma_.lower() == "quote":  # "Lind was quoted as saying ..."
        return next((c for c in quoted.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    return None


def _resolve_subject(subject, context: SpeakerContext):
    if subject.tag_ == "VBG":  # "Responding, Mr X, who is ..., said": the parser made the participle
        subject = next((c for c in subject.children if c.dep_ == "appos"), None)  # the subject
        if subject is None:
            return None, ""
    if any(c.dep_ == "conj" for c in subject.children) or subject.lower_ in titles.GROUP_SUBJECTS:
        return None, ""
    if subject.tag_ in ("NNS", "NNPS"):
        return None, ""
    tokens = _phrase_tokens(subject)
    tokens.sort(key=lambda t: t.i)
    if _joined_before(tokens[0], context):
        return None, ""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    phrase = "".join(t.text_with_ws for t in tokens).strip()
    if subject.lower_ in _PRONOUNS:
        return _main_subject(subject, context) or context.last(subject.lower_), subject.text
    if subject.pos_ == "PRON":
        return None, ""
    person = person_at(context.people, subject.idx, subject.idx + len(subject.text))
    if person is None and not title_head(subject.text):
        return None, ""  # "The Georgian PM's press service said": a service, not a person
    possessors = [
        t for t in tokens if t.dep_ == "poss" and person_at(context.people, t.idx, t.idx + len(t.text))
    ]
    if person is None and possessors:
        return None, ""  # "Lavrov's deputy said": someone else
    if person is None:
        person = person_at(context.people, start, end) or context.resolve_phrase(phrase, end, end)
    if person is None:
        person = _titled_so_elsewhere(phrase, context.candidates, doc_text(subject.doc))
    return person, phrase


def _titled_so_elsewhere(phrase: str, candidates: list[Person], text: str) -> Person | None:
    """The one candidate the text names right after the same title elsewhere: "The High
    Representative said" after "High Representative X met ...", whatever title X's role took."""
    title = re.sub(r"^(?:the|this|that)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    if not title[:1].isupper():
        return None
    before_name = re.compile(rf"\b{re.escape(title)}\s+$", re.IGNORECASE)
    named = [
        p
        for p in candidates
        if any(before_name.search(text[max(0, m.start - 80) : m.start]) for m in p.mentions)
    ]
    return named[0] if len(named) == 1 else None


def _main_subject(pronoun, context: SpeakerContext) -> Person | None:
    """The person named as the subject of the sentence a pronoun's clause hangs from: "X met Y, to
    whom he conveyed ...": he is X."""
    root = pronoun.sent.root
    if pronoun.head.i == root.i or root.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return person_at(context.people, subject.idx, subject.idx + len(subject.text))


def _joined_before(first, context: SpeakerContext) -> bool:
    """Whether a person named right before "and" joins the subject, with no verb or comma between:
    the parser lost a subject of two ("X and the U.S. Senator Y discussed ..., and stressed")."""
    before = list(first.doc[first.sent.start : first.i])
    joins = [k for k, t in enumerate(before) if t.lower_ == "and" and k > 0]
    if not joins or any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in before[joins[-1] :]):
        return False
    named = before[joins[-1] - 1]
    return person_at(context.people, named.idx, named.idx + len(named.text)) is not None


def _phrase_tokens(subject) -> list:
    """The words of a subject noun phrase: its head, determiners, modifiers and its chain of "of"
    phrases ("the head of state", "the head of the Ministry of Foreign Affairs of X"), without
    clauses, appositions or other prepositional phrases."""
    kept = []

    def walk(token, of_chain=True):
        kept.append(token)
        for child in token.children:
            if child.dep_ in ("relcl", "acl", "appos", "advcl", "conj", "cc"):
                continue
            if child.dep_ == "punct" and child.tag_ != "HYPH":  # keep "Governor-General" whole
                continue
            if child.dep_ == "prep" and not (of_chain and child.lower_ == "of"):
                continue
            walk(child, of_chain and (token is subject or child.dep_ in ("prep", "pobj")))

    walk(subject)
    return kept


def _sentence_subject(sent, context: SpeakerContext) -> Person | None:
    root = sent.root
    subject = _subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    if subject is None:
        return None
    if subject.lower_ in _PRONOUNS:
        return context.last(subject.lower_)
    return person_at(context.people, subject.idx, subject.idx + len(subject.text))
