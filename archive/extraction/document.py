"""One article indexed for attribution: its paragraphs, sentences and
quotations, where each entity is mentioned outside quotation marks, and the
small positional questions asked of them (is this mention an object, a
possessive, after "told"?)."""

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from archive.extraction.lexicon import ROLE_WORDS
from archive.extraction.organisations import SOURCE_NOUNS
from archive.extraction.text import mask, sentence_spans

# Names of laws and treaties; a law "says" things but is not a speaker.
LAW_RE = re.compile(
    r"\b(?:Act|Bill|Law|Treaty|Agreement|Accord|Convention|Code|Directive|Regulation|Amendment)(?:\s+No\.?)?$"
)
SOURCE_AFTER_RE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?" + SOURCE_NOUNS + r"\b")
# A name right after these is where or to whom words were said, not who said
# them: "via Twitter", "told Martin Smith", "in a post on Instagram".
NOT_SPEAKER_MARKERS = set(
    "via on to at in into toward towards than told asked interviewed contacted with against about".split()
)
# "a government Twitter account", "a Facebook post": the platform carried the words.
PLATFORM_RE = re.compile(r"\s+(?:account|post|page|feed|video|channel|story|profile|handle|live)s?\b")
# Words after which a name is an object, not the subject of its sentence.
OBJECT_MARKERS = set(
    "to with by from for of about against at on in into toward towards than told asked thanked met "
    "interviewed called contacted visited killed murdered shot attacked arrested charged sued "
    "praised criticised criticized blamed accused replaced defeated beat".split()
)


class Document:
    """Where things are in one article; nothing here changes once built."""

    def __init__(self, text, entities, quotes, paragraphs):
        self.text = text
        self.quotes = sorted(quotes, key=lambda q: q.open_at)
        self.paragraphs = paragraphs
        self.paragraph_starts = [start for start, _ in paragraphs]
        self.quoted = sorted((q.open_at, q.close_at) for q in quotes)
        self.quote_starts = [a for a, _ in self.quoted]
        self.masked = mask(text, self.quoted)
        # Names in brackets are asides ("Cllr Ian Ward (Lab, Shard End) said"), never speakers.
        asides = [m.span() for m in re.finditer(r"(?<!\()\([^()\n]{1,80}\)(?!\))", text)]
        aside_starts = [a for a, _ in asides]

        def in_aside(pos):
            k = bisect_right(aside_starts, pos) - 1
            return k >= 0 and pos < asides[k][1]

        self.mentions = sorted(
            ((s, e, ent) for ent in entities for s, e in ent.mentions if not self.in_quote(s) and not in_aside(s)),
            key=lambda mention: mention[:2],
        )
        self.mention_starts = [s for s, _, _ in self.mentions]

    def in_quote(self, pos):
        k = bisect_right(self.quote_starts, pos - 1) - 1
        return k >= 0 and pos < self.quoted[k][1]

    def sentences(self):
        return self.sentence_list

    @cached_property
    def sentence_list(self):
        return sentence_spans(self.text, self.paragraphs, self.in_quote)

    @cached_property
    def sentence_starts(self):
        return [start for start, _ in self.sentences()]

    def paragraph_end(self, pos):
        k = bisect_right(self.paragraph_starts, pos) - 1
        if k >= 0 and pos < self.paragraphs[k][1]:
            return self.paragraphs[k][1]
        return len(self.text)

    def entities_in(self, start, end):
        first = bisect_left(self.mention_starts, start)
        last = bisect_left(self.mention_starts, end)
        return [(s, e, ent) for s, e, ent in self.mentions[first:last] if e <= end]

    def first_entity(self, start, end, people_only=False, allow_possessive=False):
        found = [
            (s, e, ent)
            for s, e, ent in self.entities_in(start, end)
            if not LAW_RE.search(ent.name)
            and not PLATFORM_RE.match(self.text, e)
            and (
                not self.after_marker(s, NOT_SPEAKER_MARKERS, start)
                # "with Zinichev describing it as": the subject of the participle
                or (self.after_marker(s, {"with"}, start) and re.match(r"\s+\w+ing\b", self.text[e : e + 30]))
            )
        ]
        for s, e, ent in found:
            if ent.kind == "person" and (allow_possessive or not self.possessive(e)):
                return ent
        if people_only:
            return None
        for s, e, ent in found:
            if allow_possessive or not self.possessive(e):
                return ent
        return None

    def source_owner(self, start, end):
        """ "Boeing's statement", "the RIAA's take-down notice", "X's spokesperson":
        the owner of the words, when no person is named in the phrase."""
        for s, e, ent in self.entities_in(start, end):
            if (
                self.possessive(e)
                and not LAW_RE.search(ent.name)
                and SOURCE_AFTER_RE.match(self.masked, e, min(end + 1, len(self.masked)))
            ):
                return ent
        return None

    def first_subject(self, start, end):
        """The first person in a stretch who is not the object of a preposition
        or verb: not Martin Smith in "Speaking to Martin Smith of PBS, he said"."""
        for s, e, ent in self.entities_in(start, end):
            if ent.kind == "person" and not self.possessive(e) and not self.is_object(s):
                return ent
        return None

    def opening_possessor(self, start, end):
        """ "Actor Brendan Fraser's appearance was ...": a sentence about a
        person whose name opens it in the possessive."""
        found = self.entities_in(start, min(end, start + 60))
        if (
            found
            and found[0][2].kind == "person"
            and self.possessive(found[0][1])
            and re.fullmatch(r"\s*(?:[A-Z][\w-]*\s+){0,2}", self.text[start : found[0][0]])
        ):
            return found[0][2]
        return None

    def after_marker(self, pos, markers, start=0):
        """True when the word before `pos`, and after `start`, is one of `markers`."""
        m = re.search(r"([\w'’-]+)\W*$", self.text[max(0, pos - 30, start) : pos])
        return bool(m) and m.group(1).lower() in markers

    def is_object(self, pos):
        """True when the mention at `pos` follows a preposition or a verb that
        takes a person as object, past any role words ("to journalist X")."""
        words = re.findall(r"[\w'’-]+|[^\w\s]", self.text[max(0, pos - 60) : pos])
        while words and (
            words[-1].lower() in ROLE_WORDS or words[-1][:1].isupper() or words[-1].lower() in ("the", "a", "an")
        ):
            words.pop()
        if len(words) > 1 and words[-2].lower() == "according":
            return False  # "according to X": X is the source
        return bool(words) and words[-1].lower() in OBJECT_MARKERS

    def possessive(self, end):
        return self.text[end : end + 2] in ("'s", "’s") or self.text[end : end + 1] in ("'", "’")

    def recent_entities(self, pos):
        """Everyone mentioned before `pos` (within the last 500 mentions, a long
        article's worth), once each, the most recent first."""
        k = bisect_left(self.mention_starts, pos)
        seen, found = set(), []
        for _, _, ent in reversed(self.mentions[max(0, k - 500) : k]):
            if id(ent) not in seen:
                seen.add(id(ent))
                found.append(ent)
        return found

    def quotes_before(self, quote, start):
        """The quotations closed between `start` and this one's opening mark."""
        k = bisect_left(self.quote_starts, quote.open_at)
        found = []
        for other in reversed(self.quotes[max(0, k - 50) : k]):
            if other.close_at < start:
                break
            if other.close_at < quote.open_at:
                found.append(other)
        return found
