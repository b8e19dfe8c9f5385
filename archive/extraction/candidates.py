"""Who might have said a quotation: the speakers the model chooses among.

For each quotation: the rules' choice, everyone named near it (its own
paragraph, the one before and the one after, within a bound in characters),
the previous quotation's speaker, whoever a pronoun next to it refers to, and
"nobody" (an entity of None), which is always a candidate. Pure Python; reads
the attribution `Context` (its mentions, paragraphs and pronoun resolution)
without changing it."""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from archive.extraction.references import resolve_pronoun

# How far from the quotation's marks a mention may be, in characters, on top
# of the paragraph bounds: enough for a long paragraph, never a whole page.
WINDOW_BEFORE = 1000
WINDOW_AFTER = 600
# A subject pronoun right after a quotation or shortly before it: '", he said'.
PRONOUN_AFTER_RE = re.compile(r"[\s,—–-]*(he|she|they|it)\b", re.IGNORECASE)
PRONOUN_BEFORE_RE = re.compile(r"\b(he|she|they|it)\b[^.!?\"“”]{0,60}$", re.IGNORECASE)


@dataclass
class Candidate:
    entity: object  # a mentions.Entity, or None for "nobody"
    before: tuple = None  # (start, end) of the nearest mention before the quotation
    after: tuple = None  # (start, end) of the nearest mention after it
    # Why it is a candidate: "nobody", "window", "rules", "previous", "last_speaker", "main_person", "pronoun".
    sources: set = field(default_factory=set)


@dataclass
class Setting:
    """What every candidate of one quotation is measured against."""

    quote: object
    previous: object  # the quotation before, or None
    open_paragraph: int
    close_paragraph: int
    sentence_start: int  # of the sentence the quotation opens in
    sentence_end: int  # of the sentence it closes in
    window: tuple  # (start, end) where mentions count
    pronoun_referent: object = None


def propose(speakers, quote, previous=None, last_speaker=None, main_person=None):
    """The Setting of `quote` and its candidates: "nobody" first, then the
    others in order of their first appearance near the quotation.
    `last_speaker` is the last one the rules gave an earlier quotation and
    `main_person` the person the article names most."""
    setting = make_setting(speakers, quote, previous)
    found = {}

    def add(entity, source):
        key = id(entity) if entity is not None else None
        if key not in found:
            found[key] = Candidate(entity)
        found[key].sources.add(source)
        return found[key]

    add(None, "nobody")
    start, end = setting.window
    first = bisect_left(speakers.doc.mention_starts, start)
    last = bisect_left(speakers.doc.mention_starts, end)
    for s, e, entity in speakers.doc.mentions[first:last]:
        candidate = add(entity, "window")
        if e <= quote.open_at:
            candidate.before = (s, e)
        elif s >= quote.close_at and candidate.after is None:
            candidate.after = (s, e)
    if quote.speaker is not None:
        add(quote.speaker, "rules")
    if previous is not None and previous.speaker is not None:
        add(previous.speaker, "previous")
    # In a long interview the speaker may be named only pages before.
    if last_speaker is not None:
        add(last_speaker, "last_speaker")
    if main_person is not None:
        add(main_person, "main_person")
    if setting.pronoun_referent is not None:
        add(setting.pronoun_referent, "pronoun")
    return setting, list(found.values())


def make_setting(speakers, quote, previous):
    paragraphs = speakers.doc.paragraphs
    open_paragraph = quote.paragraph
    close_paragraph = max(open_paragraph, bisect_right(speakers.doc.paragraph_starts, max(quote.close_at - 1, 0)) - 1)
    starts = speakers.doc.sentence_starts
    k = bisect_right(starts, quote.open_at) - 1
    sentence_start = starts[k] if k >= 0 else 0
    k = bisect_right(starts, quote.close_at)
    sentence_end = starts[k] if k < len(starts) else len(speakers.doc.text)
    window_start = paragraphs[max(0, open_paragraph - 1)][0]
    window_end = paragraphs[min(len(paragraphs) - 1, close_paragraph + 1)][1]
    window = (max(window_start, quote.open_at - WINDOW_BEFORE), min(window_end, quote.close_at + WINDOW_AFTER))
    setting = Setting(quote, previous, open_paragraph, close_paragraph, sentence_start, sentence_end, window)
    setting.pronoun_referent = pronoun_referent(speakers, setting)
    return setting


def pronoun_referent(speakers, setting):
    """Whom a pronoun next to the quotation refers to, as the rules resolve
    it: '"...," she said' or 'He said it was "..."'."""
    quote, masked = setting.quote, speakers.doc.masked
    after = PRONOUN_AFTER_RE.match(masked, quote.close_at + 1, min(setting.sentence_end, quote.close_at + 40))
    if after:
        pronoun, pos = after.group(1).lower(), after.start(1)
    else:
        before = PRONOUN_BEFORE_RE.search(
            speakers.doc.masked, max(setting.sentence_start, quote.open_at - 80), quote.open_at
        )
        if not before:
            return None
        pronoun, pos = before.group(1).lower(), before.start(1)
    return resolve_pronoun(speakers, pronoun, pos) or None


def main_person(entities):
    """The person named most often, the first named among equals."""
    people = [e for e in entities if e.kind == "person" and e.mentions]
    return max(people, key=lambda e: (len(e.mentions), -e.mentions[0][0]), default=None)
