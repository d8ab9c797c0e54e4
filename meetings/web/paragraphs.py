"""Statements as a reader wants them: paragraphs with their own anchors, direct speech in
quotation marks, long speeches collapsed after their first paragraphs, and the paragraph a
search matched.

Layout only: the statement's stored text is never changed. A paragraph is what the source set
apart (a blank line or a line break); a paragraph longer than `LONG_PARAGRAPH` characters is cut
at sentence ends into pieces of about `PIECE` characters, so no wall of text remains.

    paragraphs = statement_paragraphs(statement)   # [Paragraph(number=1, anchor="statement-7-p1", ...)]
    paragraph_anchor(statement, "ceasefire")       # "statement-7-p3": where the words are
"""

import re
from dataclasses import dataclass

LONG_PARAGRAPH = 900
PIECE = 600
SHOWN_PARAGRAPHS = 2  # a longer statement shows these and folds the rest into <details>
_BREAKS = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’)]?\s+(?=[“\"‘(]?[A-ZА-ЯЁ0-9])")
_DIALOGUE_DASH = re.compile(r"^[-–—]\s+")
_QUOTES = "“”\"«»„‘’'"
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based
    text: str
    anchor: str  # "statement-<id>-p<number>"
    opens_quote: bool = False  # direct speech: “ before it
    closes_quote: bool = False  # direct speech: ” after it (the last paragraph only)


def _pieces(paragraph):
    """A long paragraph cut at sentence ends into pieces of about PIECE characters."""
    if len(paragraph) <= LONG_PARAGRAPH:
        return [paragraph]
    pieces, current = [], ""
    for sentence in _SENTENCE_END.split(paragraph):
        if current and len(current) + len(sentence) > PIECE:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        pieces.append(current)
    return pieces


def split_paragraphs(text):
    """The paragraphs of a statement's text (never empty for a non-blank text)."""
    paragraphs = []
    for block in _BREAKS.split(text or ""):
        block = _DIALOGUE_DASH.sub("", block.strip())
        if block:
            paragraphs.extend(_pieces(block))
    return paragraphs


def statement_paragraphs(statement):
    """The Paragraphs of a Statement, with quotation marks for direct speech (opening on every
    paragraph, closing on the last, as English prints a quotation of several paragraphs)."""
    texts = split_paragraphs(statement.text)
    direct = statement.kind == "direct"
    already_quoted = bool(texts) and texts[0][:1] in _QUOTES and texts[-1][-1:] in _QUOTES
    quote = direct and not already_quoted
    return [
        Paragraph(
            number=number,
            text=text,
            anchor=f"statement-{statement.pk}-p{number}",
            opens_quote=quote,
            closes_quote=quote and number == len(texts),
        )
        for number, text in enumerate(texts, start=1)
    ]


def query_words(query):
    """The words of a search query worth looking for: no excluded (-word) terms, no operators."""
    words = []
    for token in (query or "").split():
        if token.startswith("-"):
            continue
        words.extend(
            word.lower() for word in _WORD.findall(token) if word.upper() not in {"OR", "AND", "NOT"}
        )
    return words


def _stem(word):
    return word[: max(4, len(word) - 2)] if len(word) > 4 else word


def matching_paragraph(paragraphs, query):
    """The number of the first paragraph holding the most of the query's words (1 if none)."""
    words = {_stem(word.replace("-", "")) for word in query_words(query)}
    best, best_score = 1, 0
    for paragraph in paragraphs:
        folded = paragraph.text.lower().replace("-", "")
        score = sum(1 for word in words if word in folded)
        if score > best_score:
            best, best_score = paragraph.number, score
    return best


def paragraph_anchor(statement, query=""):
    """The anchor of the paragraph of `statement` that `query` matched ("statement-7-p3")."""
    paragraphs = statement_paragraphs(statement)
    number = matching_paragraph(paragraphs, query) if paragraphs else 1
    return f"statement-{statement.pk}-p{number}"


def paragraph_url(statement, query=""):
    """The meeting page at the paragraph of `statement` that `query` matched."""
    return f"{statement.meeting.get_absolute_url()}#{paragraph_anchor(statement, query)}"
