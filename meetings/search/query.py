"""The search box's language, parsed once in Python and rendered for each database.

The syntax is PostgreSQL's web-search syntax (`websearch_to_tsquery`):

    ceasefire Lavrov          both words (AND)
    "strategic partnership"   the words next to each other, in this order
    gas OR energy             either (OR binds loosest: `a b OR c` is `(a AND b) OR c`)
    Karabakh -OSCE            without the word; `-"a phrase"` works too

Parsing happens here, not in the database, so that PostgreSQL and SQLite see the same structure
and so that no user input ever reaches FTS5's MATCH as syntax: every word is rendered as a quoted
FTS5 string made only of letters and digits, and only the operators written below are bare.
Everything else (unbalanced quotes, `*`, `:`, `^`, `NEAR(`, a lone `-` or `OR`) is punctuation,
which separates words like a space does.

Stop words ("the", "of", "and", ...) are dropped as PostgreSQL's English configuration drops them,
so a query of only stop words has no searchable terms.
"""

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MAX_QUERY_LENGTH = 500
MAX_TERMS = 32
# Characters that join the parts of one written word into a phrase ("Nagorno-Karabakh",
# "Russia's", "U.S."); any other punctuation separates words.
WORD_JOINERS = frozenset("-'’.")


@cache
def stop_words() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "english_stopwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def fold(token: str) -> str:
    """Lower case without accents, as both databases compare words."""
    decomposed = unicodedata.normalize("NFKD", token.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_stop_word(token: str) -> bool:
    return fold(token) in stop_words()


@dataclass(frozen=True)
class Term:
    """One word, or several that must appear next to each other in this order (a phrase).

    `alternatives`: other spellings that count as the term: "cease-fire" is also "ceasefire",
    and "ceasefire" also "cease fire" where the archive has that phrase (see `with_alternatives`).
    """

    tokens: tuple[str, ...]
    alternatives: tuple[tuple[str, ...], ...] = ()

    @property
    def forms(self) -> tuple[tuple[str, ...], ...]:
        return (self.tokens, *self.alternatives)


@dataclass
class Group:
    """Terms that must all be present, and terms that must all be absent."""

    include: list[Term] = field(default_factory=list)
    exclude: list[Term] = field(default_factory=list)

    def __bool__(self):
        return bool(self.include or self.exclude)


@dataclass
class ParsedQuery:
    """Groups joined by OR. Empty when the text had no searchable word."""

    groups: list[Group]

    def __bool__(self):
        return bool(self.groups)

    @property
    def only_excludes(self) -> bool:
        """`-word` alone: every statement without the word (nothing to rank by)."""
        return len(self.groups) == 1 and not self.groups[0].include

    def terms(self) -> list[Term]:
        return [term for group in self.groups for term in group.include + group.exclude]


def runs_of(text: str, belongs) -> list[str]:
    """The runs of characters for which `belongs(ch)` holds, in order."""
    runs, current = [], []
    for ch in text:
        if belongs(ch):
            current.append(ch)
        elif current:
            runs.append("".join(current))
            current = []
    if current:
        runs.append("".join(current))
    return runs


def words_of(text: str) -> list[str]:
    """Runs of letters and digits: the tokens both databases index."""
    return runs_of(text, str.isalnum)


def make_term(text: str) -> Term | None:
    """A term from a written word or phrase, trimmed of stop words at its ends.

    Stop words inside a phrase stay: PostgreSQL counts them as a gap of one word, SQLite as
    the word itself, which agree whenever the source used the same small word.
    """
    tokens = [token for token in words_of(text) if len(token) <= 100]
    while tokens and is_stop_word(tokens[0]):
        tokens.pop(0)
    while tokens and is_stop_word(tokens[-1]):
        tokens.pop()
    if not tokens:
        return None
    # A hyphenated word written whole ("cease-fire", not a quoted phrase) is also its joined form.
    parts = runs_of(text, lambda ch: ch.isalnum() or ch == "-")
    if len(tokens) > 1 and len(parts) == 1 and "-" in parts[0] and words_of(parts[0]) == tokens:
        return Term(tuple(tokens), (("".join(tokens),),))
    return Term(tuple(tokens))


def split_forms(word: str, shortest=4) -> list[tuple[str, str]]:
    """The ways to write a joined word as two words ("ceasefire" -> ..., ("cease", "fire"), ...)."""
    return [
        (word[:i], word[i:])
        for i in range(shortest, len(word) - shortest + 1)
        if not is_stop_word(word[:i]) and not is_stop_word(word[i:])
    ]


def with_alternatives(parsed: "ParsedQuery", phrase_exists) -> "ParsedQuery":
    """The query where each single long word also counts written as two words, for the splits
    that `phrase_exists(tokens)` finds in the archive ("ceasefire" also finds "cease-fire")."""

    def expand(term):
        if len(term.tokens) != 1 or len(term.tokens[0]) < 8 or term.alternatives:
            return term
        found = tuple(split for split in split_forms(term.tokens[0]) if phrase_exists(split))
        return Term(term.tokens, found) if found else term

    groups = [
        Group([expand(t) for t in group.include], [expand(t) for t in group.exclude])
        for group in parsed.groups
    ]
    return ParsedQuery(groups)


def split_chunk(chunk: str) -> list[str]:
    """`well-known,ceasefire` -> ["well-known", "ceasefire"]: joiners keep a word whole."""
    return runs_of(chunk, lambda ch: ch.isalnum() or ch in WORD_JOINERS)


def lex(text: str) -> list[tuple[str, str]]:
    """The query as (kind, value) items: ("word"|"phrase"|"-word"|"-phrase"|"or", text)."""
    items, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated = False
        if ch == "-" and i + 1 < n and not text[i + 1].isspace():
            negated, i = True, i + 1
            ch = text[i]
        if ch == '"':
            close = text.find('"', i + 1)
            close = n if close == -1 else close
            items.append(("-phrase" if negated else "phrase", text[i + 1 : close]))
            i = close + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        chunk = text[i:j]
        i = j
        if not negated and chunk.lower() == "or":
            items.append(("or", chunk))
            continue
        for k, part in enumerate(split_chunk(chunk)):
            items.append(("-word" if negated and k == 0 else "word", part))
    return items


def clean_text(text) -> str:
    """What someone typed without control characters (NUL, escape codes, stray surrogates):
    dropped before the text is echoed on a page or reaches SQL; tabs and newlines become spaces."""
    text = str(text or "")
    return "".join(
        " " if ch in "\t\n\r" else ch
        for ch in text
        if ch in "\t\n\r" or unicodedata.category(ch) not in ("Cc", "Cs")
    )


def parse(text: str) -> ParsedQuery:
    """Parse what someone typed. Never raises; anything unsearchable is simply left out."""
    text = clean_text(text)[:MAX_QUERY_LENGTH]
    groups, current, count = [], Group(), 0
    for kind, value in lex(text):
        if kind == "or":
            if current:
                groups.append(current)
                current = Group()
            continue
        term = make_term(value)
        if term is None or count >= MAX_TERMS:
            continue
        count += 1
        target = current.exclude if kind.startswith("-") else current.include
        if term not in target:
            target.append(term)
    if current:
        groups.append(current)
    # A group of only excluded words inside an OR would match nearly everything; a query that
    # is nothing but exclusions is kept (it lists what lacks the words).
    if len(groups) > 1:
        groups = [group for group in groups if group.include]
    return ParsedQuery(groups)


# --- SQLite FTS5 -------------------------------------------------------------------------


def fts5_term(term: Term) -> str:
    # Tokens hold only letters and digits, so the double quotes cannot be broken out of.
    forms = ['"' + " ".join(tokens) + '"' for tokens in term.forms]
    return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"


def fts5_any(terms: list[Term]) -> str:
    rendered = [fts5_term(term) for term in terms]
    return rendered[0] if len(rendered) == 1 else "(" + " OR ".join(rendered) + ")"


def to_fts5(parsed: ParsedQuery) -> str:
    """An FTS5 MATCH expression for the terms to find (excluded-only queries: see to_fts5_excluded)."""
    rendered = []
    for group in parsed.groups:
        if not group.include:
            continue
        expr = " AND ".join(fts5_term(term) for term in group.include)
        if group.exclude:
            expr = f"({expr}) NOT {fts5_any(group.exclude)}"
        rendered.append(f"({expr})")
    return " OR ".join(rendered)


def to_fts5_excluded(parsed: ParsedQuery) -> str:
    """For a query that only excludes: the MATCH expression of what to leave out."""
    return fts5_any(parsed.groups[0].exclude)


# --- PostgreSQL tsquery -------------------------------------------------------------------


def to_tsquery_sql(parsed: ParsedQuery, config: str) -> tuple[str, list[str]]:
    """An SQL expression building the tsquery, with its parameters (words are never SQL)."""
    params: list[str] = []

    def term_sql(term: Term) -> str:
        params.extend(" ".join(tokens) for tokens in term.forms)
        forms = [f"phraseto_tsquery('{config}', %s)" for _ in term.forms]
        return forms[0] if len(forms) == 1 else "(" + " || ".join(forms) + ")"

    groups_sql = []
    for group in parsed.groups:
        parts = [term_sql(term) for term in group.include]
        parts += [f"(!! {term_sql(term)})" for term in group.exclude]
        groups_sql.append("(" + " && ".join(parts) + ")")
    return "(" + " || ".join(groups_sql) + ")", params
