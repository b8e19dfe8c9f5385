"""Paragraphs and sentences of an article body, and the masked copy of it
in which quoted words are blanked out."""

import re

# A sentence ends at . ! ? followed by a capital, but not after a title or an initial.
# (The look-ahead first spares the look-behinds at every other character.)
BOUNDARY_RE = re.compile(
    r"(?=[.!?;])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\b[A-Z])[.!?;]+[\"”’']?\s+(?=[\"“‘'A-Z\[])"
    r"|[—–]\s+(?=[\"“‘']?[A-Z])|:\s+|\n+"
)
# A title's full stop ("Dr. Anthony Fauci") ends no clause; it is read as a space.
TITLE_DOT_RE = re.compile(r"\b(Dr|Mr|Ms|Mrs|St|Jr|Sr|Lt|Gen|Gov|Sen|Rep|Col|Sgt|Prof|Capt|Rev)\.(?=\s)")


def paragraph_spans(text):
    """(start, end) of each non-blank line: a paragraph is one line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def sentence_spans(text, paragraphs, in_quote):
    """(start, end) of each sentence, never cut inside a quotation (`in_quote`
    tells) nor at a colon."""
    spans = []
    for p_start, p_end in paragraphs:
        start = p_start
        for m in BOUNDARY_RE.finditer(text, p_start, p_end):
            if m.group().startswith(":") or in_quote(m.start()):
                continue
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, p_end))
    return spans


def last_sentence(before):
    """The end of `before` from the start of its last sentence."""
    return re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])", before)[-1]


def first_sentence(after):
    """The start of `after` up to the end of its first sentence."""
    return re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]


def skip_space(text, i, end):
    while i < end and text[i].isspace():
        i += 1
    return i


def mask(text, spans):
    """`text` with quoted words blanked, so a name or pronoun inside a
    quotation is never taken for its speaker."""
    chars = list(text)
    for a, b in spans:
        for i in range(a + 1, min(b, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
