"""Quotation marks: where quotations open and close, which quoted spans are
quotations (not titles, nicknames or scare quotes), and whether each is
direct or partial. `post_attribution_clause` reads the words after a closing
mark that say who spoke (`", she said"`)."""

import re
from dataclasses import dataclass

from archive.extraction.entity import Entity
from archive.extraction.lexicon import VERB_RE
from archive.extraction.text import first_sentence, last_sentence, skip_space

DOUBLE_OPEN, DOUBLE_CLOSE = '“"', '”"'
SINGLE_OPEN, SINGLE_CLOSE = "‘'", "’'"
MARK_RE = re.compile("[" + DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "]")
NAMING_RE = re.compile(
    r"(?:so-called|nicknamed|dubbed|known as|called|named|titled|entitled|labelled|labeled|"
    r"the (?:words?|terms?|phrases?|slogans?|hashtags?|names?|labels?|titles?|headlines?|motto|brand))"
    r"(?:\s+(?:the|a|an))?\s*$",
    re.IGNORECASE,
)
# "what he called", "which the Treasury called": someone's words, not a name.
SPEAKER_CALLED_RE = re.compile(
    r"\b(?:what|which|whom?|that)\s+(?:he|she|they|we|it|the\s+[\w-]+|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
    r"\s+(?:has\s+|had\s+|have\s+)?(?:called|dubbed|labell?ed|branded|described\s+as)\s*$"
)


@dataclass
class Quote:
    start: int  # first character of the quoted words
    end: int  # one past the last quoted character
    open_at: int  # the opening mark
    close_at: int  # the closing mark, or the paragraph end when never closed
    paragraph: int
    text: str = ""
    kind: str = "direct"
    speaker: Entity = None
    finder: str = ""  # the rule that attributed it, a feature for the speaker model


def find_quotes(text, paragraphs):
    """Quoted spans. A paragraph that leaves a quotation open continues it in
    the next paragraph when that one opens with the same kind of mark."""
    quotes, carry = [], None
    for index, (p_start, p_end) in enumerate(paragraphs):
        i, state = p_start, None
        if carry:
            first = skip_space(text, p_start, p_end)
            if first < p_end and text[first] in carry[1]:
                i, state = first + 1, carry
            elif carry[1][0] == "“":
                # A double mark never closed: the quotation ends with its paragraph.
                quotes.append(make_quote(text, carry[0], paragraphs[index - 1][1], carry[2]))
        carry = None
        for mark in MARK_RE.finditer(text, i, p_end):  # nothing else opens or closes
            i, ch = mark.start(), mark.group()
            if state is None:
                if ch in DOUBLE_OPEN and can_open(text, i, p_end):
                    state = (i, DOUBLE_OPEN + DOUBLE_CLOSE, index)
                elif ch in SINGLE_OPEN and can_open(text, i, p_end) and not elision(text, i):
                    state = (i, SINGLE_OPEN + SINGLE_CLOSE, index)
            elif ch in state[1] and closes(text, i, p_end, state[1]):
                quotes.append(make_quote(text, state[0], i, state[2]))
                state = None
        carry = state
    if carry and carry[1][0] == "“":
        quotes.append(make_quote(text, carry[0], paragraphs[-1][1], carry[2]))
    return [q for q in quotes if q.end > q.start]


def can_open(text, i, end):
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    if text[i] == "“" and after == " " and i + 2 < end and text[i + 2].isalnum():
        after = text[i + 2]  # "“ This report...": a stray space after an opening curly mark
    return not before.isalnum() and not after.isspace() and before not in ".,;"


def elision(text, i):
    """'90s, 'n', 'em: an apostrophe that opens nothing."""
    return bool(re.match(r".(?:\d0s|n'|em\b|tis\b|cause\b)", text[i : i + 6]))


def closes(text, i, end, marks):
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    if marks[0] == "“":
        return not (before.isspace() and after.isalnum())
    # A single mark between letters is an apostrophe: "the north's".
    return not before.isspace() and not after.isalnum()


def make_quote(text, open_at, close_at, paragraph):
    start = skip_space(text, open_at + 1, close_at)
    end = close_at
    while end > start and text[end - 1].isspace():
        end -= 1
    body = re.sub(r"\s*\n\s*[“\"‘']?", "\n\n", text[start:end])
    return Quote(start, end, open_at, close_at, paragraph, text=body)


# Characters either side of a quotation that classify() reads.
CONTEXT = 600


def classify(text, quote, paragraphs):
    """Keep quotations, drop titles, nicknames and scare quotes; set the kind."""
    p_start, p_end = paragraphs[quote.paragraph]
    # What decides is close by; a bound keeps a page-long paragraph linear.
    before = text[max(p_start, quote.open_at - CONTEXT) : quote.open_at]
    after = text[quote.close_at + 1 : min(p_end, quote.close_at + 1 + CONTEXT)]
    words = re.findall(r"[\w'’\[\]]+", quote.text)
    if not words or (NAMING_RE.search(before.rstrip(" ")) and not SPEAKER_CALLED_RE.search(before)):
        return False
    attributed = bool(post_attribution_clause(after, quote.text))
    if not attributed and title_like(words, quote.text):
        return False
    if re.search(r"[A-Z][\w.]*\s$", before) and re.match(r"\s[A-Z]", after) and len(words) <= 3:
        return False
    sentence = sentence_around(before, after)
    # '"We thank her," wrote X, "for her service."': the rest of an interrupted quotation.
    interrupted = re.search(r"[\"”]\s*,?[^\"“”]*" + VERB_RE.pattern + r"[^\"“”]*,\s*$", before)
    if (
        len(words) <= 3
        and not attributed
        and not interrupted
        and not VERB_RE.search(sentence)
        and not re.search(r"according to", sentence, re.IGNORECASE)
    ):
        return False
    quote.kind = "direct" if is_direct(before, quote.text, attributed) else "partial"
    return True


def title_like(words, body):
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with"}
    content = [w for w in words if w.lower() not in small]
    return (
        content
        and len(words) <= 8
        and all(w[:1].isupper() or w[:1].isdigit() for w in content)
        and not re.search(r"[.!?]\s", body)
        and not (len(words) == 1 and body.endswith((",", ".")))
    )


def sentence_around(before, after):
    head = last_sentence(before)
    tail = first_sentence(after)
    return strip_quoted(head) + " " + strip_quoted(tail)


def strip_quoted(fragment):
    return re.sub(r"[“\"][^”\"]*[”\"]", " ", fragment)


def is_direct(before, body, attributed):
    lead = before.rstrip()
    if not lead or lead[-1] in ":,.!?—–(":
        return True
    if re.search(r"[.!?]\]?\s+[\[A-Z]", body):
        return True
    starts_sentence = body[:1].isupper() or body[:1] == "["
    tail = " ".join(lead.split()[-4:])
    return (attributed and starts_sentence) or (starts_sentence and bool(VERB_RE.search(tail)))


POST_INVERTED_RE = re.compile(r"^(?P<verb>" + VERB_RE.pattern[2:-2] + r")\b(?P<rest>.*)", re.DOTALL)
POST_SUBJECT_RE = re.compile(
    r"^(?P<np>[^.;:!?\"“”]{1,90}?)\s+(?:also\s+|further\s+|later\s+|then\s+|has\s+|had\s+)?"
    r"(?P<verb>" + VERB_RE.pattern[2:-2] + r")\b"
)
# After a quotation, a clause opening with one of these starts a new thought
# rather than attributing the quotation ("... while X wrote ...").
CONJUNCTION_RE = re.compile(
    r"(?:while|and|but|as|because|if|when|although|though|after|before|since|which|who|"
    r"where|so|or|then|with|whereas|until|unless)\b",
    re.IGNORECASE,
)
# A clause opening with these is no subject: '"..." including X, who tried to warn',
# nor with a participle: '"...," meaning both sides, for which he was criticised'.
NOT_SUBJECT_RE = re.compile(
    r"(?:including|such as|among|like|for|of|from|to|with|without|in|on|at|by|about|over|under|"
    r"against|despite|during)\b|(?-i:(?!(?:some|no|any|every)thing\b)[a-z]+ing\b)",
    re.IGNORECASE,
)
# '"...," Crystal Bearing, the director of the Fish and Game Department, said':
# a name and a job between commas may run longer than other subjects.
NAME_AND_JOB_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*,\s+[^,]{3,120},$")
# '"... a rescue mission" Smith told Wikinews': a name and its verb, no comma.
NAME_THEN_VERB_RE = re.compile(r"\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:" + VERB_RE.pattern[2:-2] + r")\b")


def post_attribution_clause(after, body):
    """The words after a closing mark when they attribute it: `", she said`."""
    if not (
        re.search(r"[,?!—–-]\W*$", body)
        or re.match(r"\s*[,—–]", after)
        or re.match(r"\s+[a-z]", after)
        or (NAME_THEN_VERB_RE.match(after) and body.rstrip()[-1:].isalnum())
    ):
        return ""
    # An initial's full stop ("John G. Roberts") does not end the clause.
    clause = re.split(r"(?<!\b[A-Z])[.;:]\s|[“\"‘]", after.lstrip(" ,—–"), maxsplit=1)[0]
    if CONJUNCTION_RE.match(clause):
        return ""
    if POST_INVERTED_RE.match(clause) or re.match(r"(?:according to|per)\b", clause, re.IGNORECASE):
        return clause
    m = POST_SUBJECT_RE.match(clause)
    if m and m.group("verb").endswith("ing") and len(m.group("np").split()) <= 2:
        return ""  # '"...," further saying, "..."': the same speaker goes on
    if (
        m
        and (len(m.group("np").split()) <= 9 or NAME_AND_JOB_RE.match(m.group("np")))
        and not NOT_SUBJECT_RE.match(m.group("np"))
        and not re.search(r",\s*(?:who|which|whose)\b", m.group("np"))
    ):
        return clause
    return ""
