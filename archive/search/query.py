"""The user's words as a query Whoosh cannot misread.

haystack hands the backend a query *string*, which its Whoosh backend parses
with every plugin on (field:value, ranges, boosts, wildcards anywhere), so a
Whoosh QueryParser of our own would give a Query object haystack cannot take.
Instead this small parser reads what the search box offers (words,
"phrases", AND / OR / NOT, -word, prefix*) and writes a string of only word
characters, quotes, brackets and operators; anything else is searched as
plain words with a notice."""

import re
from dataclasses import dataclass, field

from whoosh.analysis import STOP_WORDS

TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<open>\()|(?P<close>\))|(?P<stray>")|(?P<chunk>[^\s()"]+)')
WORDS = re.compile(r"\w+")
OPERATORS = {"AND", "OR", "NOT"}
# What one search may hold: every word is a posting list to read, a phrase's
# words are checked position by position, and a prefix is the words it
# begins (a two-letter one begins thousands: see backend.MAX_EXPANSION).
MAX_WORDS = 32
MAX_PHRASE_WORDS = 16
MIN_PREFIX = 3


class QuerySyntaxError(ValueError):
    pass


@dataclass
class ParsedQuery:
    """`query` is a Whoosh query string built only from word characters,
    quotes, brackets and operators; `terms` and `prefixes` are what to
    highlight; `words` what to spell-check."""

    text: str = ""
    query: str = ""
    terms: set = field(default_factory=set)
    prefixes: set = field(default_factory=set)
    words: list = field(default_factory=list)
    plain: bool = False  # the syntax could not be read: searched as plain words
    error: str = ""  # why it could not be read
    ignored: bool = False  # only common words: nothing to search for
    exclude: str = ""  # "NOT mayor" alone: everything except what this matches
    # Words alone (no operators, phrases or prefixes): names and questions
    # are read in them. `typed` as the user wrote them, question words left out.
    simple: bool = False
    typed: list = field(default_factory=list)
    dropped: list = field(default_factory=list)  # question and reporting words set aside
    any_word: bool = False  # the words are alternatives, best matches first
    too_long: int = 0  # the number of words, when more than MAX_WORDS: nothing is searched
    shortened: bool = False  # a phrase was searched by its first MAX_PHRASE_WORDS words


# Words of a question ("what did Heseltine say about referendums") that a
# quotation need not contain: searched as words, they find nothing.
QUESTION_WORDS = frozenset(
    """
what which who whom whose when where why how did does do done say says said saying tell tells told talk talks
talked talking speak speaks spoke spoken about regarding concerning think thinks thought believe believes
view views opinion opinions comment comments commented claim claims claimed mention mentioned feel feels
felt ever anything something has have had is was were are been quote quotes quoted according
""".split()
)


def tokenize(text):
    """[(kind, value)] with kind in term/prefix/phrase/op/open/close."""
    tokens = []
    for m in TOKEN.finditer(text):
        if m.group("stray"):
            raise QuerySyntaxError("unbalanced quotation mark")
        if m.group("open"):
            tokens.append(("open", "("))
        elif m.group("close"):
            tokens.append(("close", ")"))
        elif m.group("phrase") is not None:
            words = WORDS.findall(m.group("phrase").lower())
            if words:
                tokens.append(("phrase", words[:MAX_PHRASE_WORDS]))
        else:
            tokens.extend(chunk_tokens(m.group("chunk")))
    return tokens


def chunk_tokens(chunk):
    if chunk in OPERATORS:
        return [("op", chunk)]
    negate = chunk.startswith("-") and len(chunk) > 1
    chunk = chunk.lstrip("-+")
    words = WORDS.findall(chunk.lower())
    if chunk.endswith("*"):
        if len(words) != 1 or len(words[0]) < MIN_PREFIX or not chunk[:-1].isalnum():
            raise QuerySyntaxError("a * goes at the end of a word of three letters or more")
        token = ("prefix", words[0])
    elif not words:
        return []
    else:
        # "directly-elected" is indexed as two words: search them as a phrase.
        token = ("term", words[0]) if len(words) == 1 else ("phrase", words)
    return [("op", "NOT"), token] if negate else [token]


class Parser:
    """expr := unary ((AND | OR)? unary)* ; unary := NOT unary | term | ( expr )"""

    def __init__(self, tokens):
        self.tokens, self.i, self.out = tokens, 0, []
        self.terms, self.prefixes, self.words = set(), set(), []

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def parse(self):
        if not self.tokens:
            return ""
        self.expr(negated=False)
        if self.i != len(self.tokens):
            raise QuerySyntaxError("unbalanced bracket")
        return "(" + " ".join(self.out) + ")"

    def expr(self, negated):
        self.unary(negated)
        while self.peek()[0] not in (None, "close"):
            kind, value = self.peek()
            if kind == "op" and value in ("AND", "OR"):
                self.out.append(value)
                self.i += 1
            self.unary(negated)

    def unary(self, negated):
        kind, value = self.peek()
        self.i += 1
        if kind == "op" and value == "NOT":
            # Whoosh's parser fails (IndexError) on "NOT NOT x": a run of NOTs
            # is written as one NOT when odd, none when even.
            nots = 1
            while self.peek() == ("op", "NOT"):
                self.i += 1
                nots += 1
            if nots % 2:
                self.out.append("NOT")
            self.unary(negated != bool(nots % 2))
        elif kind == "open":
            self.out.append("(")
            if self.peek()[0] == "close":
                raise QuerySyntaxError("empty brackets")
            self.expr(negated)
            if self.peek()[0] != "close":
                raise QuerySyntaxError("unbalanced bracket")
            self.i += 1
            self.out.append(")")
        elif kind in ("term", "prefix", "phrase"):
            self.term(kind, value, negated)
        else:
            raise QuerySyntaxError("an operator needs words on both sides")

    def term(self, kind, value, negated):
        if kind == "term":
            self.out.append(value)
        elif kind == "prefix":
            self.out.append(value + "*")
        else:
            self.out.append('"' + " ".join(value) + '"')
        if negated:
            return
        if kind == "prefix":
            self.prefixes.add(value)
        else:
            words = [value] if kind == "term" else value
            self.terms.update(words)
            self.words.extend(words)


def negations_only(tokens):
    """For tokens that are each "NOT x" (x a word, phrase, prefix or bracket),
    the query matching any x; "" when the tokens are anything else."""
    units, i = [], 0
    while i < len(tokens):
        if tokens[i] != ("op", "NOT") or i + 1 >= len(tokens):
            return ""
        i += 1
        if tokens[i][0] == "open":
            depth, j = 0, i
            while j < len(tokens):
                depth += {"open": 1, "close": -1}.get(tokens[j][0], 0)
                if depth == 0:
                    break
                j += 1
            units.append(tokens[i : j + 1])
            i = j + 1
        elif tokens[i][0] in ("term", "prefix", "phrase"):
            units.append([tokens[i]])
            i += 1
        else:
            return ""
        if i < len(tokens) and tokens[i] == ("op", "AND"):
            i += 1
    either = []
    for unit in units:
        either.extend([("op", "OR"), *unit] if either else unit)
    try:
        return Parser(either).parse()
    except QuerySyntaxError:
        return ""


def searched_words(text):
    """How many words a search of `text` reads: operators are no words, and
    a long phrase counts as the MAX_PHRASE_WORDS words it is searched by."""
    count = sum(1 for word in WORDS.findall(text) if word not in OPERATORS)
    for m in TOKEN.finditer(text):
        if m.group("phrase") is not None:
            count -= max(0, len(WORDS.findall(m.group("phrase"))) - MAX_PHRASE_WORDS)
    return count


def long_phrase(text):
    return any(
        len(WORDS.findall(m.group("phrase"))) > MAX_PHRASE_WORDS
        for m in TOKEN.finditer(text)
        if m.group("phrase") is not None
    )


def parse_query(text):
    """A ParsedQuery for what the user typed; never raises."""
    text = (text or "").strip()
    counted = searched_words(text)
    if counted > MAX_WORDS:
        return ParsedQuery(text=text, too_long=counted)
    parsed = parse_words(text)
    parsed.shortened = long_phrase(text)
    return parsed


def parse_words(text):
    try:
        tokens = tokenize(text)
        parser = Parser(tokens)
        parsed = ParsedQuery(text=text, query=parser.parse())
    except (QuerySyntaxError, RecursionError) as exc:
        words = [w for w in WORDS.findall(text.lower())]
        parser = Parser([("term", w) for w in words])
        error = str(exc) if isinstance(exc, QuerySyntaxError) else "too deeply nested"
        parsed = ParsedQuery(text=text, query=parser.parse(), plain=True, error=error)
        return finish(parsed, parser)
    if tokens and all(kind == "term" for kind, _ in tokens):
        typed = WORDS.findall(text)
        kept = [w for w in typed if w.lower() not in QUESTION_WORDS]
        if kept and len(kept) < len(typed):
            parsed = words_query(text, kept)
            parsed.dropped = [w for w in typed if w.lower() in QUESTION_WORDS]
            return parsed
        parsed.simple, parsed.typed = True, typed
    if parsed.query and not parser.terms and not parser.prefixes:
        # Whoosh finds nothing for a query of negations alone ("NOT mayor",
        # "-london -mayor"): search for what they negate and leave it out.
        parsed.exclude = negations_only(tokens)
        if parsed.exclude:
            parsed.query = ""
    return finish(parsed, parser)


def words_query(text, words, any_word=False):
    """The ParsedQuery for `words` alone (e.g. what is left once a name is
    taken out), each required, or any of them with `any_word`."""
    tokens = []
    for word in words:
        if tokens and any_word:
            tokens.append(("op", "OR"))
        tokens.append(("term", word.lower()))
    parser = Parser(tokens)
    parsed = ParsedQuery(text=text, query=parser.parse(), simple=True, typed=list(words), any_word=any_word)
    return finish(parsed, parser)


def finish(parsed, parser):
    parsed.terms, parsed.prefixes, parsed.words = parser.terms, parser.prefixes, parser.words
    # Whoosh drops these words, and a query of nothing but them would match everything.
    if parsed.query and not parsed.prefixes and all(len(t) < 2 or t in STOP_WORDS for t in parsed.terms):
        parsed.query, parsed.ignored = "", True
    return parsed
