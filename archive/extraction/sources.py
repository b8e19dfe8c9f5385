"""Where words come from when no one says them aloud: documents ("the
statement read"), sources ("according to X") and the outlets that report
them, which are never the speaker themselves."""

import re
from bisect import bisect_right

from archive.extraction import places
from archive.extraction.document import LAW_RE

OUTLET_WORDS = re.compile(
    r"\b(?:Times|Post|News|Herald|Journal|Guardian|Telegraph|Gazette|Tribune|Mail|Express|"
    r"Independent|Observer|Chronicle|Mirror|Press|Reuters|BBC|CNN|AFP|TASS|Wikinews|"
    r"Agence|Verge|Bloomberg|Associated|Radio|Television|TV|NBC|ABC|CBS|NPR|PBS|Fox|Sky|ITV|Jazeera)\b"
)
CAPITALISED_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.&-]*(?:\s+(?:of\s+)?[A-ZÀ-ÖØ-Þ][\w'’.&-]*){0,5}")
# Documents that speak for whoever issued them, by kind: "the decision" is
# the ruling the article mentioned before.
DOCUMENT_KINDS = (
    ("statement", "release", "communiqué", "communique", "announcement"),
    ("ruling", "decision", "judgment", "judgement", "verdict", "opinion"),
    ("letter",),
    ("report",),
    ("notice",),
    ("tweet",),
    ("warning", "advisory", "alert"),
    ("proclamation", "declaration", "decree"),
)
# The verbs by which someone issues a document of a kind: "X proclaimed a
# national emergency" before "the proclamation said". ("Declared" is left
# out: an article often has several things declared, "an outbreak a pandemic".)
ISSUING_VERBS = {
    "statement": "announced",
    "ruling": "ruled",
    "tweet": "tweeted",
    "proclamation": "proclaimed|decreed",
}
DOCUMENT_RE = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(" + "|".join(k for g in DOCUMENT_KINDS for k in g) + r")\b")


def according_to(speakers, start, end):
    """ "according to a tweet by X": X, but never the outlet that reported it."""
    doc = speakers.doc
    found = [ent for _, _, ent in doc.entities_in(start, end) if not LAW_RE.search(ent.name)]
    for ent in found:
        if not OUTLET_WORDS.search(ent.name):
            return ent
    # "according to The Aviation Herald": a publication can be the source.
    if found:
        return found[0]
    # "described by the CBCP as": an acronym there is a body even when it
    # is never spelled out.
    m = re.match(r"\s*(?:the\s+)?([A-Z][A-Z&]{1,7})\b(?![\w-])", doc.masked[start:end])
    if m and not OUTLET_WORDS.search(m.group(1)):
        return speakers.body_named(m.group(1))
    return None


def named_at(speakers, pos, end):
    """Whoever a capitalised name at `pos` (after an optional "the") names:
    someone the article knows, or else a body of that name, but no place."""
    doc = speakers.doc
    pos += re.match(r"(?:the\s+)?", doc.masked[pos:end]).end()
    name = CAPITALISED_RE.match(doc.masked, pos, end)
    if not name:
        return None
    found = doc.first_entity(pos, name.end())
    if found or places.is_place(name.group()):
        return found
    return speakers.body_named(name.group())


def document_source(speakers, noun, pos):
    """ "read the statement", "the summary of the decision read": whoever
    the article last said issued such a document ("X released a statement",
    "a ruling by X")."""
    doc = speakers.doc
    kinds = next(group for group in DOCUMENT_KINDS if noun in group)
    verbs = ISSUING_VERBS.get(kinds[0])
    pattern = re.compile(
        r"\b(?:(?:" + "|".join(kinds) + r")s?" + (f"|{verbs}" if verbs else "") + r")\b", re.IGNORECASE
    )
    # The last five mentions within a few pages' reach.
    for m in list(pattern.finditer(doc.masked, max(0, pos - 8000), pos))[:-6:-1]:
        # "the warning issued by X", not "a ruling in favor of a lawsuit filed by X".
        by = re.match(r"(?:\s+[\w-]+){0,2}?\s+(?:by|from)\s+(?:the\s+)?", doc.masked[m.end() : m.end() + 60])
        if by:
            at = m.end() + by.end()
            if CAPITALISED_RE.match(doc.masked, at, at + 80):
                found = named_at(speakers, at, at + 80)  # "the warning issued by Met Éireann"
            else:
                found = doc.first_entity(at, at + 60)  # "from her brother, King X"
            if found:
                return found
        k = bisect_right(doc.sentence_starts, m.start()) - 1
        start = doc.sentence_starts[k] if k >= 0 else 0
        for s, _, ent in doc.entities_in(start, m.start()):
            place = places.is_place(re.sub(r"^County\s+|\s+(?:County|Province|State)$", "", ent.name))
            if not doc.is_object(s) and not place and not LAW_RE.search(ent.name):
                return ent
    return None


def outlet_verb(clause, verb):
    """ "as reported by CNN", "Reuters reported": the outlet is not the speaker."""
    tail = clause[verb.end() : verb.end() + 30]
    return verb.group() in ("reported", "reports") and bool(
        re.match(r"\s+by\b", tail) or OUTLET_WORDS.search(clause[: verb.start()])
    )
