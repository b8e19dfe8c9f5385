"""Words and their offsets: tokens, capitalised runs, and the small
questions asked of the words around a position."""

import re
import unicodedata
from functools import lru_cache

from archive.extraction.lexicon import CONNECTORS, HONORIFICS, PARTICLES


@lru_cache(maxsize=65536)
def fold(word):
    """Accent- and case-insensitive form: "Brudziński" == "Brudzinski"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


LOWER_WORD_BEFORE_RE = re.compile(r"\b([a-z][\w-]*)\s+$")
PREV_WORD_RE = re.compile(r"([\w-]+)\W*$")
NEXT_WORD_RE = re.compile(r"\W*([\w-]+)")


def lower_case_word_before(text, pos):
    """The word right before `pos` when written in lower case ("president" in
    "Turkish president Erdoğan"), else ""."""
    m = LOWER_WORD_BEFORE_RE.search(text[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def prev_word(before):
    m = PREV_WORD_RE.search(before)
    return m.group(1).lower() if m else ""


def next_word(after):
    m = NEXT_WORD_RE.match(after)
    return m.group(1).lower() if m else ""


def possessive_end(text, end):
    """A mention ends before its possessive "'s", which tells who owns what."""
    return end - 2 if text[end - 2 : end] in ("'s", "’s") else end


def initials(name):
    return "".join(w[0] for w in name.split() if w.lower() not in CONNECTORS).upper()


def is_acronym(word):
    bare = word.rstrip(".").replace(".", "")
    return 1 < len(bare) <= 6 and bare.isalpha() and bare.isupper()


# Dots join only initials ("U.S.", "J.R."), so "Amash.Image" stays two words.
TOKEN_RE = re.compile(r"[A-Z]\u2024|[^\W\d_]\w*(?:[-'’][^\W_]\w*|\.(?=[^\W\d_]\.)[^\W\d_])*\.?|\d+|[^\w\s]")
JOINERS = PARTICLES | CONNECTORS
ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X|Jr\.?|Sr\.?)$")


def is_cap(token):
    return token[:1].isupper()


def tokenize(text):
    """Word and punctuation tokens with offsets; a trailing dot stays on a word
    only for initials and abbreviations ("J.", "Dr.", "U.S.")."""
    tokens = []
    for m in TOKEN_RE.finditer(text):
        word, start = m.group(), m.start()
        if word.endswith(".") and len(word) > 2 and not is_abbreviation(word):
            tokens.append((word[:-1], start, m.end() - 1))
            tokens.append((".", m.end() - 1, m.end()))
        else:
            tokens.append((word, start, m.end()))
    return tokens


def is_abbreviation(word):
    bare = word.rstrip(".").lower()
    return bare in HONORIFICS or "." in word[:-1] or bare in {"st", "jr", "sr", "gen", "mt"}


def capitalised_runs(text, tokens):
    """Maximal runs of capitalised tokens joined by single spaces, allowing
    name particles ("al-", "van der") and connectors ("of the") inside."""
    runs, i = [], 0
    while i < len(tokens):
        if not starts_run(tokens[i][0]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and text[tokens[j - 1][2] : tokens[j][1]] == " ":
            word = tokens[j][0]
            joins = word.lower() in JOINERS and next_capital(text, tokens, j)
            if starts_run(word) or ROMAN.match(word) or joins:
                j += 1
            else:
                break
        runs.append(tokens[i:j])
        i = j
    return runs


def next_capital(text, tokens, j):
    """True when particles or connectors from token j lead on to a capital:
    "de la Vega", "of the Congo"; but "X and the Y" names two things."""
    if tokens[j][0].lower() in ("and", "&") and j + 1 < len(tokens) and tokens[j + 1][0].lower() == "the":
        return False
    while j + 1 < len(tokens) and text[tokens[j][2] : tokens[j + 1][1]] == " ":
        j += 1
        if starts_run(tokens[j][0]):
            return True
        if tokens[j][0].lower() not in JOINERS:
            return False
    return False


def starts_run(word):
    if not word[:1].isalpha():
        return False
    if is_cap(word):
        return True
    if "-" not in word:
        return False  # most words: only "al-Assad" and the like start a run in lower case
    head, _, rest = word.partition("-")
    return head.lower() in PARTICLES and is_cap(rest)


def sentence_initial(text, start):
    # Back over spaces and opening marks, without copying the text before.
    i = start
    while i > 0 and text[i - 1] in " \t\"'“‘(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n"


def is_honorific_token(word):
    return word.lower().rstrip(".") in HONORIFICS


def occurrences(text, word):
    """Where `word` occurs in `text`, overlapping occurrences too."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def whole_words(text, word):
    """`word` between word boundaries, each match as re.finditer finds it,
    but tried only where `word` occurs: the regex alone tries every position
    of the text, and articles ask this of many words."""
    pattern = re.compile(r"\b" + re.escape(word) + r"\b")
    last_end = 0
    for at in occurrences(text, word):
        m = pattern.match(text, at) if at >= last_end else None
        if m:
            yield m
            last_end = m.end()


def capitalised_words_before(text, word):
    """The matches of `re.finditer(pattern, text)` below, tried only before
    each occurrence of `word`. A match is a stretch without spaces, spaces,
    then `word`, so it starts in the stretch before the spaces before an
    occurrence and, as with finditer, not before the last match ended."""
    pattern = re.compile(r"\b([A-Z][\w'’-]+)\s+" + re.escape(word) + r"\b")
    last_end = 0
    for at in occurrences(text, word):
        spaces = at
        while spaces > 0 and text[spaces - 1].isspace():
            spaces -= 1
        if spaces == at:
            continue  # no space before this occurrence: no match ends at it
        stretch = spaces
        while stretch > 0 and not text[stretch - 1].isspace():
            stretch -= 1
        for pos in range(max(stretch, last_end), spaces):
            m = pattern.match(text, pos)
            if m:
                yield m
                last_end = m.end()
                break


@lru_cache(maxsize=8)
def lower_case_words(text):
    """The words `text` writes in lower case ("don't" is not "don"), read once
    per text; addresses are not words (".../brooke-kinsella")."""
    prose = ADDRESS_RE.sub(" ", text)
    return {w for w in re.findall(r"\b\w+\b(?!['’])", prose) if w.islower()}


ADDRESS_RE = re.compile(r"\S*(?:/|@|www\.)\S*")
