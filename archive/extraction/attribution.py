"""Quotations, speakers, people and places in English news text.

Plain functions, text in and plain data out, so the rules can be tested and
scored without a database. `extract(text)` is the entry point."""

import re
from bisect import bisect_left, bisect_right, insort_left
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from archive.extraction import mentions, model, places
from archive.extraction.mentions import REPORTING_VERBS, ROLE_WORDS, SOURCE_NOUNS, Entity

DOUBLE_OPEN, DOUBLE_CLOSE = "“\"", "”\""
SINGLE_OPEN, SINGLE_CLOSE = "‘'", "’'"
# "informed" and "referred to X as" report words too, though not the way "said" does,
# so they open no indirect speech (see indirect_speech).
QUOTING_ONLY_VERBS = {"informed", "informs", "referred", "refers", "read", "reads", "called", "calls", "pointed",
                      "reacted", "reacts", "lauded", "lauds", "slammed", "slams", "blasted", "branded", "brands",
                      "labelled", "labeled", "dismissed", "dismisses", "denounced", "denounces", "decried",
                      "derided", "mocked", "ridiculed"}
VERB_RE = re.compile(r"\b(" + "|".join(sorted(REPORTING_VERBS | QUOTING_ONLY_VERBS, key=len, reverse=True)) + r")\b")
PARTICIPLES = {"saying", "adding", "telling", "stating", "writing", "explaining", "noting",
               "describing", "calling", "claiming", "warning", "arguing", "insisting"}
# A sentence ends at . ! ? followed by a capital, but not after a title or an initial.
BOUNDARY_RE = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\b[A-Z])[.!?;]+[\"”’']?\s+(?=[\"“‘'A-Z\[])"
    r"|[—–]\s+(?=[\"“‘']?[A-Z])|:\s+|\n+"
)
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
PRONOUNS = {"he": "m", "she": "f", "they": "", "it": ""}
OUTLET_WORDS = re.compile(
    r"\b(?:Times|Post|News|Herald|Journal|Guardian|Telegraph|Gazette|Tribune|Mail|Express|"
    r"Independent|Observer|Chronicle|Mirror|Press|Reuters|BBC|CNN|AFP|TASS|Wikinews|"
    r"Agence|Verge|Bloomberg|Associated|Radio|Television|TV|NBC|ABC|CBS|NPR|PBS|Fox|Sky|ITV|Jazeera)\b"
)


@dataclass
class Quote:
    start: int          # first character of the quoted words
    end: int            # one past the last quoted character
    open_at: int        # the opening mark
    close_at: int       # the closing mark, or the paragraph end when never closed
    paragraph: int
    text: str = ""
    kind: str = "direct"
    speaker: Entity = None
    finder: str = ""    # the rule that attributed it, a feature for the speaker model


def extract(text, choose_speakers=model.choose_speakers):
    """Quotes with speakers, people and places found in one article body.
    The rules attribute each quotation; `choose_speakers(context, quotes)`
    may then change speakers (by default the trained model, when present)."""
    entities = mentions.find_entities(text)
    paragraphs = paragraph_spans(text)
    quotes = [q for q in find_quotes(text, paragraphs) if classify(text, q, paragraphs)]
    context = Context(text, entities, quotes, paragraphs)
    indirect = context.indirect_speech()
    for quote in quotes:
        quote.speaker = context.attribute(quote)
    choose_speakers(context, quotes)
    all_quotes = sorted(quotes + indirect, key=lambda q: q.start)
    people = [e for e in entities if e.kind == "person"]
    speaking_orgs = {id(q.speaker): q.speaker for q in all_quotes if q.speaker and q.speaker.kind != "person"}
    # A city inside an organisation's name still counts ("University of
    # Manchester"); inside a person's name it does not ("Andy Street").
    name_spans = [span for e in people for span in e.mentions]
    return {
        "quotes": [quote_data(q) for q in all_quotes],
        "people": [person_data(e) for e in people + list(speaking_orgs.values())],
        "places": places.find_places(text, name_spans),
    }


def quote_data(quote):
    speaker = quote.speaker
    return {
        "text": quote.text,
        "speaker": speaker.name if speaker else None,
        "kind": quote.kind,
        "start": quote.start,
        "end": quote.end,
        "role": speaker.role if speaker else "",
        "speaker_kind": speaker.kind if speaker else None,
    }


def person_data(entity):
    return {
        "name": entity.name,
        "honorific": entity.honorific,
        "aliases": list(entity.aliases),
        "kind": entity.kind,
        "role": entity.role,
        "mentions": len(entity.mentions),
    }


# --- finding quotations -------------------------------------------------------

def paragraph_spans(text):
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


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
        while i < p_end:
            ch = text[i]
            if state is None:
                if ch in DOUBLE_OPEN and can_open(text, i, p_end):
                    state = (i, DOUBLE_OPEN + DOUBLE_CLOSE, index)
                elif ch in SINGLE_OPEN and can_open(text, i, p_end) and not elision(text, i):
                    state = (i, SINGLE_OPEN + SINGLE_CLOSE, index)
            elif ch in state[1] and closes(text, i, p_end, state[1]):
                quotes.append(make_quote(text, state[0], i, state[2]))
                state = None
            i += 1
        carry = state
    if carry and carry[1][0] == "“":
        quotes.append(make_quote(text, carry[0], paragraphs[-1][1], carry[2]))
    return [q for q in quotes if q.end > q.start]


def skip_space(text, i, end):
    while i < end and text[i].isspace():
        i += 1
    return i


def can_open(text, i, end):
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isalnum() and not after.isspace() and before not in ".,;"


def elision(text, i):
    """ '90s, 'n', 'em: an apostrophe that opens nothing."""
    return bool(re.match(r".(?:\d0s|n'|em\b|tis\b|cause\b)", text[i:i + 6]))


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
NON_SPACE_RE = re.compile(r"\S")

# --- which spans are quotations, and what kind ---------------------------------

def classify(text, quote, paragraphs):
    """Keep quotations, drop titles, nicknames and scare quotes; set the kind."""
    p_start, p_end = paragraphs[quote.paragraph]
    # What decides is close by; a bound keeps a page-long paragraph linear.
    before = text[max(p_start, quote.open_at - CONTEXT):quote.open_at]
    after = text[quote.close_at + 1:min(p_end, quote.close_at + 1 + CONTEXT)]
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
    if len(words) <= 3 and not attributed and not interrupted and not VERB_RE.search(sentence) \
            and not re.search(r"according to", sentence, re.IGNORECASE):
        return False
    quote.kind = "direct" if is_direct(before, quote.text, attributed) else "partial"
    return True


def title_like(words, body):
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with"}
    content = [w for w in words if w.lower() not in small]
    return (content and len(words) <= 8 and all(w[:1].isupper() or w[:1].isdigit() for w in content)
            and not re.search(r"[.!?]\s", body) and not (len(words) == 1 and body.endswith((",", "."))))


def sentence_around(before, after):
    head = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])", before)[-1] if before else ""
    tail = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
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


ACCORDING_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)
POST_INVERTED_RE = re.compile(r"^(?P<verb>" + VERB_RE.pattern[2:-2] + r")\b(?P<rest>.*)", re.DOTALL)
POST_SUBJECT_RE = re.compile(
    r"^(?P<np>[^.;:!?\"“”]{1,90}?)\s+(?:also\s+|further\s+|later\s+|then\s+|has\s+|had\s+)?"
    r"(?P<verb>" + VERB_RE.pattern[2:-2] + r")\b"
)

# After a quotation, a clause opening with one of these starts a new thought
# rather than attributing the quotation ("... while X wrote ...").
CONJUNCTION_RE = re.compile(
    r"(?:while|and|but|as|because|if|when|although|though|after|before|since|which|who|"
    r"where|so|or|then|with|whereas|until|unless)\b", re.IGNORECASE
)
# A clause opening with these is no subject: '"..." including X, who tried to warn'.
NOT_SUBJECT_RE = re.compile(
    r"(?:including|such as|among|like|for|of|from|to|with|without|in|on|at|by|about|over|under|"
    r"against|despite|during)\b", re.IGNORECASE
)
# "a statement by X", "an order from X": the words come from X.
SOURCE_BY_RE = re.compile(
    r"\b(?:statement|order|letter|tweet|post|message|remarks|comments|speech|ruling|e-?mail|"
    r"announcement|decree|note|memo|interview|address|testimony|report)s?\b[^.;,]{0,40}?\b(?:by|from)\s+"
)
# Names of laws and treaties; a law "says" things but is not a speaker.
LAW_RE = re.compile(
    r"\b(?:Act|Bill|Law|Treaty|Agreement|Accord|Convention|Code|Directive|Regulation|Amendment)(?:\s+No\.?)?$"
)
SOURCE_AFTER_RE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?" + SOURCE_NOUNS + r"\b")
ADVERBIAL_RE = re.compile(r"\s*(?:in|on|at|after|before|during|from|by|with|without|speaking|writing|"
                          r"according|per|via|through|under|over|to)\b", re.IGNORECASE)
COORDINATED_VERB_RE = re.compile(r"[^\w\n]{0,3}\s+(?:and|but)\s+(?:also\s+|later\s+|then\s+)?(?:"
                                 + VERB_RE.pattern[2:-2] + r")\b")
# A name right after these is where or to whom words were said, not who said
# them: "via Twitter", "told Martin Smith", "in a post on Instagram".
NOT_SPEAKER_MARKERS = set("via on to at in into toward towards than told asked interviewed contacted "
                          "with against about".split())
# "a government Twitter account", "a Facebook post": the platform carried the words.
PLATFORM_RE = re.compile(r"\s+(?:account|post|page|feed|video|channel|story|profile|handle|live)s?\b")
# "The Wooster professor", "the Ohio senator": a job with a proper-noun
# modifier, the way a reporter refers back to the person just quoted.
EPITHET_RE = re.compile(r"(?:^|\s)[Tt]he\s+(?:[\w-]+\s+){0,2}[A-Z][\w-]+\s+[a-z][\w-]*\s*$")
# A plural common noun right before the verb is a group nobody names
# ("the scientists describe", "critics called"), not an earlier "it".
UNNAMED_GROUP_RE = re.compile(
    r"^\s*(?:[\w-]+\s+(?:what|which|as)\s+)?(?:(?:the|some|many|several|other|most|few)\s+)?(?:[a-z][\w-]*\s+)?"
    r"(?!(?:ha|wa|i|thi|u|a|it|hi|hers|its|yours|ours|theirs)s\b)[a-z][a-z-]+[^s']s\s*$"
)
# A sentence opening on a participle before the quotation: "Calling it ...",
# "Describing the plan as ...".
OPENING_PARTICIPLE_RE = re.compile(r"\s*(?:Calling|Describing|Labell?ing|Branding|Dubbing|Terming|Saying|Adding|"
                                   r"Noting|Insisting|Warning|Arguing|Stressing)\b[^.;:,]{0,60}$")
CAPITALISED_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.&-]*(?:\s+(?:of\s+)?[A-ZÀ-ÖØ-Þ][\w'’.&-]*){0,5}")
# Lower-case nouns for people: "Trump loyalist", "Grateful Dead drummer".
AGENT_NOUN_RE = re.compile(r"[a-z-]+(?:er|or|ist|ant|ent|ian|man|woman|person)|ally|aide|friend|rival|critic|"
                           r"confidant|associate|colleague|protégé|veteran|head|chief|boss")
# Words for kinds of body between a modifier and the name: "daily newspaper X".
KIND_NOUNS = mentions.THING_NOUNS | set("daily weekly broadcaster party union state-owned think-tank thinktank".split())
# Words before a job that do not tell one holder from another.
LOOSE_MODIFIERS = set("former then new current veteran outgoing incoming embattled senior top "
                      "longtime long-time acting interim".split())
OWNED_DOCUMENT_RE = re.compile(r"\s*(his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|letter|tweet|post|"
                               r"release|message|report|notice|announcement)s?\b", re.IGNORECASE)
# The subject form of an object or possessive pronoun: "according to him", "her statement".
SUBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "it": "it", "his": "he", "its": "it", "their": "they"}
# "((Dorsa Derakhshani))  ..." or "Q: ..." opening a paragraph of an interview.
INTERVIEW_LABEL_RE = re.compile(r"\(\(([^()\n]{1,60})\)\)\s")
INTERVIEWERS = {"wn", "wikinews", "q", "interviewer"}
ANONYMOUS_SOURCE_RE = re.compile(r"\s*(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+(?:[\w-]+\s+)?sources?\b")
SPOKES = {"spokesman", "spokeswoman", "spokesperson"}
BODY_OF_PLACE_RE = re.compile(r"\s*[Tt]he\s+(government|parliament|people|police|military|army|council|ministry)"
                              r"\s+of\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\b")
# Documents that speak for whoever issued them, by kind: "the decision" is
# the ruling the article mentioned before.
DOCUMENT_KINDS = (
    ("statement", "release", "communiqué", "communique"),
    ("ruling", "decision", "judgment", "judgement", "verdict"),
    ("letter",), ("report",), ("notice",), ("tweet",), ("warning", "advisory", "alert"),
    ("proclamation", "declaration", "decree"),
)
DOCUMENT_RE = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(" + "|".join(k for g in DOCUMENT_KINDS for k in g) + r")\b")
# Bodies that speak as one though seldom named in full: "the army said".
FORCES = {"army", "navy", "police", "military"}
FORCE_RE = re.compile(r"\s*(?:[Tt]he\s+)?(?:[A-Z][a-z]+\s+)?(army|navy|police|military)\s*$", re.IGNORECASE)
# Words after which a name is an object, not the subject of its sentence.
OBJECT_MARKERS = set(
    "to with by from for of about against at on in into toward towards than told asked thanked met "
    "interviewed called contacted visited killed murdered shot attacked arrested charged sued "
    "praised criticised criticized blamed accused replaced defeated beat".split()
)
PASSIVE_RE = re.compile(
    r"\b(?:(?:was|were|been|being|is|are)\s+(?:told|informed|warned|advised|assured|described|called|"
    r"labell?ed|branded|praised|critici[sz]ed|hailed|characteri[sz]ed|quoted)"
    r"|described|labell?ed|branded|characteri[sz]ed|dubbed)\s+by\s+"
)
SENTENCE_END_RE = re.compile(
    r",\s+(?P<np>[^,.;]{1,90}?)\s+(?:has\s+|have\s+|had\s+)?(?:" + VERB_RE.pattern[2:-2] + r")\W*$"
)


# '"... a rescue mission" Smith told Wikinews': a name and its verb, no comma.
NAME_THEN_VERB_RE = re.compile(r"\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:" + VERB_RE.pattern[2:-2] + r")\b")
# A title's full stop ("Dr. Anthony Fauci") ends no clause; it is read as a space.
TITLE_DOT_RE = re.compile(r"\b(Dr|Mr|Ms|Mrs|St|Jr|Sr|Lt|Gen|Gov|Sen|Rep|Col|Sgt|Prof|Capt|Rev)\.(?=\s)")


def post_attribution_clause(after, body):
    """The words after a closing mark when they attribute it: `", she said`."""
    if not (re.search(r"[,?!—–-]\W*$", body) or re.match(r"\s*[,—–]", after)
            or re.match(r"\s+[a-z]", after) or (NAME_THEN_VERB_RE.match(after) and body.rstrip()[-1:].isalnum())):
        return ""
    # An initial's full stop ("John G. Roberts") does not end the clause.
    clause = re.split(r"(?<!\b[A-Z])[.;:]\s|[“\"‘]", after.lstrip(" ,—–"), maxsplit=1)[0]
    if CONJUNCTION_RE.match(clause):
        return ""
    if POST_INVERTED_RE.match(clause) or re.match(r"(?:according to|per)\b", clause, re.IGNORECASE):
        return clause
    m = POST_SUBJECT_RE.match(clause)
    if m and m.group("verb").endswith("ing") and len(m.group("np").split()) <= 2:
        return ""   # '"...," further saying, "..."': the same speaker goes on
    if m and len(m.group("np").split()) <= 9 and not NOT_SUBJECT_RE.match(m.group("np")) \
            and not re.search(r",\s*(?:who|which|whose)\b", m.group("np")):
        return clause
    return ""


# --- attribution ------------------------------------------------------------------

class Context:
    """What attribution needs to know about one article: where entities are
    mentioned, who spoke last and who each sentence is about."""

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
        self.forces = {}
        self.events = self.subject_events()

    def add_event(self, pos, entity):
        """Record who is spoken of at `pos`; kept in order of position."""
        insort_left(self.events, (pos, entity), key=lambda event: event[0])

    def events_before(self, pos):
        """(position, entity) before `pos`, the most recent first; of two at
        one position, the one recorded first."""
        k = bisect_left(self.events, pos, key=lambda event: event[0])
        return (self.events[i] for i in range(k - 1, -1, -1))

    def recent_entities(self, pos):
        """Everyone mentioned before `pos` (within the last 500 mentions, a long
        article's worth), once each, the most recent first."""
        k = bisect_left(self.mention_starts, pos)
        seen, found = set(), []
        for _, _, ent in reversed(self.mentions[max(0, k - 500):k]):
            if id(ent) not in seen:
                seen.add(id(ent))
                found.append(ent)
        return found

    def quotes_before(self, quote, start):
        """The quotations closed between `start` and this one's opening mark."""
        k = bisect_left(self.quote_starts, quote.open_at)
        found = []
        for other in reversed(self.quotes[max(0, k - 50):k]):
            if other.close_at < start:
                break
            if other.close_at < quote.open_at:
                found.append(other)
        return found

    def in_quote(self, pos):
        k = bisect_right(self.quote_starts, pos - 1) - 1
        return k >= 0 and pos < self.quoted[k][1]

    def subject_events(self):
        """(position, entity) for each sentence that opens on a named person."""
        events = []
        for start, end in self.sentences():
            head = self.text[start:min(end, start + 110)]
            first = self.first_subject(start, start + len(head)) or self.opening_possessor(start, end)
            if first and not head.lstrip().startswith(("“", '"', "‘")):
                events.append((start, first))
        return events

    def opening_possessor(self, start, end):
        """ "Actor Brendan Fraser's appearance was ...": a sentence about a
        person whose name opens it in the possessive."""
        found = self.entities_in(start, min(end, start + 60))
        if found and found[0][2].kind == "person" and self.possessive(found[0][1]) \
                and re.fullmatch(r"\s*(?:[A-Z][\w-]*\s+){0,2}", self.text[start:found[0][0]]):
            return found[0][2]
        return None

    @cached_property
    def sentence_starts(self):
        return [start for start, _ in self.sentences()]

    def sentences(self):
        spans = []
        for p_start, p_end in self.paragraphs:
            start = p_start
            for m in BOUNDARY_RE.finditer(self.text, p_start, p_end):
                if m.group().startswith(":") or self.in_quote(m.start()):
                    continue
                spans.append((start, m.start()))
                start = m.end()
            spans.append((start, p_end))
        return spans

    # -- entities in a stretch of text

    def entities_in(self, start, end):
        first = bisect_left(self.mention_starts, start)
        last = bisect_left(self.mention_starts, end)
        return [(s, e, ent) for s, e, ent in self.mentions[first:last] if e <= end]

    def first_entity(self, start, end, people_only=False, allow_possessive=False):
        found = [(s, e, ent) for s, e, ent in self.entities_in(start, end)
                 if not LAW_RE.search(ent.name) and not PLATFORM_RE.match(self.text, e)
                 and (not self.after_marker(s, NOT_SPEAKER_MARKERS, start)
                      # "with Zinichev describing it as": the subject of the participle
                      or (self.after_marker(s, {"with"}, start) and re.match(r"\s+\w+ing\b", self.text[e:e + 30])))]
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
            if self.possessive(e) and not LAW_RE.search(ent.name) \
                    and SOURCE_AFTER_RE.match(self.masked, e, min(end + 1, len(self.masked))):
                return ent
        return None

    def first_subject(self, start, end):
        """The first person in a stretch who is not the object of a preposition
        or verb: not Martin Smith in "Speaking to Martin Smith of PBS, he said"."""
        for s, e, ent in self.entities_in(start, end):
            if ent.kind == "person" and not self.possessive(e) and not self.is_object(s):
                return ent
        return None

    def after_marker(self, pos, markers, start=0):
        """True when the word before `pos`, and after `start`, is one of `markers`."""
        m = re.search(r"([\w'’-]+)\W*$", self.text[max(0, pos - 30, start):pos])
        return bool(m) and m.group(1).lower() in markers

    def is_object(self, pos):
        """True when the mention at `pos` follows a preposition or a verb that
        takes a person as object, past any role words ("to journalist X")."""
        words = re.findall(r"[\w'’-]+|[^\w\s]", self.text[max(0, pos - 60):pos])
        while words and (words[-1].lower() in ROLE_WORDS or words[-1][:1].isupper()
                         or words[-1].lower() in ("the", "a", "an")):
            words.pop()
        if len(words) > 1 and words[-2].lower() == "according":
            return False    # "according to X": X is the source
        return bool(words) and words[-1].lower() in OBJECT_MARKERS

    def possessive(self, end):
        return self.text[end:end + 2] in ("'s", "’s") or self.text[end:end + 1] in ("'", "’")

    # -- resolving a noun phrase to a speaker

    def resolve_subject(self, start, end):
        """The speaker named by the words before a reporting verb. The last
        comma-separated part that names someone wins, unless it is an
        apposition ("Howard Rubel, a Toronto lawyer, told")."""
        phrase = self.masked[start:end]
        if re.search(r"\b(?:which|that)\s*$", phrase):
            return False    # "a law which says": a thing, not a speaker
        parts, pos = [], start
        for piece in re.split(r"(,\s*)", phrase):
            if piece and not re.fullmatch(r",\s*", piece):
                parts.append((pos, pos + len(piece), piece))
            pos += len(piece)
        for k in range(len(parts) - 1, -1, -1):
            p_start, p_end, piece = parts[k]
            first_word = re.match(r"\s*([\w-]+)", piece)
            # "Greg Barton, Chair In Global Politics at X, said": a job, not a name,
            # unless a person is named in it ("WMCA chair, Cllr Bob Sleigh, said").
            role_first = bool(first_word) and first_word.group(1).lower() in ROLE_WORDS \
                and self.first_entity(p_start, p_end, people_only=True) is None
            appositive = k > 0 and (re.match(r"\s*(?:the|a|an|another|[a-z])", piece) or role_first) \
                and not re.match(r"\s*(?:he|she|they|it|with|while|and|but|in|on|at|after|before|as|"
                                 r"for|from|by|since|during|when|then|so|although|though)\b", piece)
            # "the deal, which the Treasury called": a relative clause right before
            # the verb holds its subject; one between commas is an aside.
            relative = re.match(r"\s*(?:which|what)\b", piece) and not self.masked[p_end:end].strip()
            if appositive and not relative and self.first_entity(*parts[k - 1][:2]):
                continue
            if k > 0 and ADVERBIAL_RE.match(piece) and "," in self.masked[p_end:end]:
                continue    # "X, in remarks to the BBC, said": the BBC did not speak
            found = self.resolve_phrase(p_start, p_end)
            if found is not None:
                return found
            if k == len(parts) - 1 and UNNAMED_GROUP_RE.search(piece):
                return False    # "creating what the scientists describe as": nobody named
        return None

    def resolve_phrase(self, start, end, allow_possessive=False):
        pronoun = re.search(r"\b(he|she|they|it)\s*$", self.masked[start:end], re.IGNORECASE)
        if pronoun:
            # "On the day after the Court of Session ruling he said": he spoke.
            return self.resolve_pronoun(pronoun.group(1).lower(), start + pronoun.start())
        if ANONYMOUS_SOURCE_RE.match(self.masked, start, end):
            return False    # "A source within the Interior Ministry said": nobody named
        entity = self.head_entity(start, end) or self.source_owner(start, end) \
            or self.head_entity(start, end, people_only=False, allow_possessive=allow_possessive)
        if entity:
            return entity
        phrase = self.masked[start:end]
        pronoun = re.search(r"\b(he|she|it|they)\b(?!.*\b(?:he|she|it|they)\b)", phrase, re.IGNORECASE | re.DOTALL)
        if pronoun and not re.search(r"\b(?:officials|sources|police|people)\b", phrase):
            return self.resolve_pronoun(pronoun.group(1).lower(), start + pronoun.start())
        return self.resolve_role(phrase, start)

    def head_entity(self, start, end, people_only=True, allow_possessive=False):
        """The first one named in a stretch, or the next when only job or kind
        words stand between them: "Trump loyalist Stephen Schwarzman said",
        "Hungarian daily newspaper Magyar Nemzet revealed"."""
        first = self.first_entity(start, end, people_only=people_only, allow_possessive=allow_possessive)
        if first is None:
            return None
        named = [(s, e, ent) for s, e, ent in self.entities_in(start, end)
                 if ent.kind == first.kind or not people_only]
        for (_, e1, ent1), (s2, e2, ent2) in pairwise(named):
            words = self.masked[e1:s2].split()
            if ent1 is first and ent2 is not first and 1 <= len(words) <= 3 \
                    and all(w in ROLE_WORDS or AGENT_NOUN_RE.fullmatch(w) or w in KIND_NOUNS for w in words) \
                    and not self.possessive(e2):
                return ent2
        return first

    def resolve_pronoun(self, pronoun, pos):
        gender = PRONOUNS[pronoun]
        wants_person = pronoun in ("he", "she")
        for _, entity in self.events_before(pos):
            if entity is None:
                return None
            if wants_person and entity.kind == "person" and entity.gender in (gender, ""):
                return entity
            if not wants_person and entity.kind != "person":
                return entity
        if not wants_person:
            return None
        # The last person named, preferring one who was not an object ("told X").
        earlier = [(s, e) for s, _, e in reversed(self.mentions)
                   if s < pos and e.kind == "person" and e.gender in (gender, "")]
        for s, entity in earlier:
            if not self.is_object(s):
                return entity
        return earlier[0][1] if earlier else None

    def resolve_role(self, phrase, pos):
        """ "The Chancellor said", "the company said": the person given that
        job earlier, or the organisation of that kind."""
        latter = re.search(r"\bthe (latter|former)\b(.*)", phrase, re.IGNORECASE | re.DOTALL)
        if latter and not set(re.findall(r"[\w-]+", latter.group(2).lower())) & (ROLE_WORDS | mentions.ORG_HEADS):
            # "the latter yesterday confirming", but not "the former deputy prime minister"
            pair = self.recent_entities(pos)[:2]
            index = 0 if latter.group(1).lower() == "latter" else 1
            return pair[index] if len(pair) > index else None
        force = FORCE_RE.match(phrase)
        if force:
            return self.force(phrase, force.group(1).lower())
        body = BODY_OF_PLACE_RE.match(phrase)
        if body and places.is_place(body.group(2)):
            # "The government of American Samoa issued a statement": a body the
            # article never names otherwise, called as the article calls it.
            return self.body_named(f"{body.group(1).capitalize()} of {body.group(2)}")
        owned = OWNED_DOCUMENT_RE.match(phrase)
        if owned:
            # "Her statement read", "Its statement said": whoever "she" or "it" is.
            return self.resolve_pronoun(SUBJECT_PRONOUNS[owned.group(1).lower()], pos)
        document = list(DOCUMENT_RE.finditer(phrase))
        if document:
            return self.document_source(document[-1].group(1).lower(), pos)
        m = re.search(r"\b(?:the|its|their)\s+((?:[\w-]+(?:['’]s)?\s+){0,4})", phrase + " ", re.IGNORECASE)
        if not m:
            return None
        words = [w.lower() for w in re.findall(r"[\w-]+(?=['’]s\b|\b)", m.group(1)) if w.lower() != "s"]
        heads = [w for w in words if w in ROLE_WORDS or w in mentions.ORG_HEADS]
        if not heads:
            return None
        head = heads[0]
        earlier = self.recent_entities(pos)
        if head in ROLE_WORDS and head not in mentions.ORG_HEADS:    # "army" is both
            wanted = set(words) & ROLE_WORDS
            # "The local health minister" is not the Civil Aviation Minister.
            modifiers = {w[:5] for w in words[:words.index(head)] if w not in ROLE_WORDS and w not in LOOSE_MODIFIERS}
            for ent in earlier:
                if ent.kind == "person" and wanted <= ent.role_words() \
                        and modifiers <= {w[:5] for w in re.findall(r"[\w-]+", ent.role.lower())}:
                    return ent
            last = next(self.events_before(pos), (None, None))[1]
            if head in SPOKES and last is not None and last.kind == "organisation":
                return last     # "The spokesperson added": the body an unnamed spokesperson spoke for
            if EPITHET_RE.search(phrase) and words[-1] == head and head != "partner" \
                    and last is not None and last.kind == "person":
                # "said co-author Karen Alley. The Wooster professor added": a job the
                # article gave nobody describes the person who spoke last.
                return last
            return None
        if head in mentions.ORG_HEADS:
            # "the health ministry": a ministry whose name has "health" in it.
            modifiers = [w[:4] for w in words[:words.index(head)] if w not in ("the", "its", "their")]
            for ent in earlier:
                name_words = [w[:4] for w in re.findall(r"\w+", ent.name.lower())]
                if ent.kind == "organisation" and head in ent.name.lower() \
                        and all(m in name_words for m in modifiers):
                    return ent
            if head in ("company", "firm", "group", "organisation", "organization"):
                for ent in earlier:
                    if ent.kind == "organisation" and not LAW_RE.search(ent.name):
                        return ent
            if head in FORCES:
                return self.force(phrase, head)
        return None

    def document_source(self, noun, pos):
        """ "read the statement", "the summary of the decision read": whoever
        the article last said issued such a document ("X released a statement",
        "a ruling by X")."""
        kinds = next(group for group in DOCUMENT_KINDS if noun in group)
        pattern = re.compile(r"\b(?:" + "|".join(kinds) + r")s?\b", re.IGNORECASE)
        # The last five mentions within a few pages' reach.
        for m in list(pattern.finditer(self.masked, max(0, pos - 8000), pos))[:-6:-1]:
            by = re.match(r"[^.;]{0,40}?\b(?:by|from)\s+(?:the\s+)?", self.masked[m.end():m.end() + 60])
            if by:
                at = m.end() + by.end()
                if CAPITALISED_RE.match(self.masked, at, at + 80):
                    found = self.named_at(at, at + 80)      # "the warning issued by Met Éireann"
                else:
                    found = self.first_entity(at, at + 60)  # "from her brother, King X"
                if found:
                    return found
            k = bisect_right(self.sentence_starts, m.start()) - 1
            start = self.sentence_starts[k] if k >= 0 else 0
            for s, _, ent in self.entities_in(start, m.start()):
                place = places.is_place(re.sub(r"^County\s+|\s+(?:County|Province|State)$", "", ent.name))
                if not self.is_object(s) and not place and not LAW_RE.search(ent.name):
                    return ent
        return None

    def force(self, phrase, head):
        """ "The army said", "Chinese police said": a country's forces speak as a
        body even when the article never names them; the name is the phrase."""
        m = re.search(r"((?:(?!The\b)[A-Z][\w-]+\s+)?)(?i:" + head + r")\b", phrase)
        name = (m.group(1) + head) if m else head
        return self.body_named(name[0].upper() + name[1:])

    # -- attributing a quotation

    def attribute(self, quote):
        """The speaker of a quotation; False from a finder means "someone
        unnamed", which stops the search and gives no speaker."""
        p_start = self.paragraphs[quote.paragraph][0]
        found, quote.finder = self.interview_speaker(quote, p_start), "interview_speaker"
        for finder in () if found else (self.after_quote, self.before_quote, self.sentence_end):
            found, quote.finder = finder(quote), finder.__name__
            if found is not None:
                break
        if found is None:
            found, quote.finder = self.continuation(quote, p_start), "continuation"
        speaker = found or None
        if speaker is not None:
            self.add_event(quote.start, speaker)
        return speaker

    def after_quote(self, quote):
        end = min(self.paragraph_end(quote.close_at), quote.close_at + 1 + CONTEXT)
        after = TITLE_DOT_RE.sub(r"\1 ", self.text[quote.close_at + 1:end])
        clause = post_attribution_clause(after, quote.text)
        if not clause:
            return None
        offset = quote.close_at + 1 + after.index(clause)
        m = re.match(r"(?:according to|per)\s+(.*)", clause, re.IGNORECASE | re.DOTALL)
        if m:
            found = self.according_to(offset + m.start(1), offset + len(clause))
            if found and self.reported_before(quote):
                return None     # 'Pelosi called it a "breach", according to NBC': Pelosi's word
            return found
        m = POST_INVERTED_RE.match(clause)
        if m and m.group("verb") in PARTICIPLES:
            return None     # '... as a "mandate", saying he ...': the sentence's subject spoke
        if m:
            rest = offset + m.start("rest")
            return self.resolve_phrase(rest, offset + len(clause))
        if quote.text.rstrip().endswith(("?", "!")) and re.match(r"[^\n]*[,:]\s*[“\"]", after[after.index(clause):]):
            # '"... exempt?" Y said, "..."': the attribution introduces the next
            # quotation; this one keeps its own, when it has one.
            found = self.before_quote(quote)
            if found:
                return found
        m = POST_SUBJECT_RE.match(clause)
        return self.resolve_subject(offset, offset + m.end("np")) or False

    def reported_before(self, quote):
        p_start = max(self.paragraphs[quote.paragraph][0], quote.open_at - CONTEXT)
        before = self.masked[p_start:quote.open_at]
        head = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])", before)[-1]
        return bool(VERB_RE.search(head))

    def sentence_end(self, quote):
        """ "... to 'take the blame' if something goes wrong, Lord Porter has said." """
        end = min(self.paragraph_end(quote.close_at), quote.close_at + 1 + CONTEXT)
        tail = self.masked[quote.close_at + 1:end]
        tail = re.split(r"(?<=[.!?])\s", tail, maxsplit=1)[0]
        m = SENTENCE_END_RE.search(tail)
        if not m:
            # '... rose in a "sharp increase" last week, according to a Tesco spokesman.'
            source = re.search(r",\s+(?:according to|per)\s+(?P<np>[^,;]{1,90}?)\W*$", tail, re.IGNORECASE)
            if source and not self.reported_before(quote):
                offset = quote.close_at + 1 + source.start("np")
                return self.according_to(offset, offset + len(source.group("np")))
            return None
        offset = quote.close_at + 1 + m.start("np")
        return self.resolve_subject(offset, offset + len(m.group("np")))

    def according_to(self, start, end):
        """ "according to a tweet by X": X, but never the outlet that reported it."""
        found = [ent for _, _, ent in self.entities_in(start, end) if not LAW_RE.search(ent.name)]
        for ent in found:
            if not OUTLET_WORDS.search(ent.name):
                return ent
        # "according to The Aviation Herald": a publication can be the source.
        if found:
            return found[0]
        # "described by the CBCP as": an acronym there is a body even when it
        # is never spelled out.
        m = re.match(r"\s*(?:the\s+)?([A-Z][A-Z&]{1,7})\b(?![\w-])", self.masked[start:end])
        if m and not OUTLET_WORDS.search(m.group(1)):
            return self.body_named(m.group(1))
        return None

    def named_at(self, pos, end):
        """Whoever a capitalised name at `pos` (after an optional "the") names:
        someone the article knows, or else a body of that name, but no place."""
        pos += re.match(r"(?:the\s+)?", self.masked[pos:end]).end()
        name = CAPITALISED_RE.match(self.masked, pos, end)
        if not name:
            return None
        found = self.first_entity(pos, name.end())
        if found or places.is_place(name.group()):
            return found
        return self.body_named(name.group())

    def body_named(self, name, kind="organisation"):
        if name not in self.forces:
            self.forces[name] = Entity(name, kind=kind)
        return self.forces[name]

    def before_quote(self, quote):
        p_start = max(self.paragraphs[quote.paragraph][0], quote.open_at - CONTEXT)
        # A short quotation nobody said ("Anna Franowska of "Have no fear",
        # a charity, told ...") is a name inside the clause, not its end.
        clause_start = max([p_start] + [q.close_at + 1 for q in self.quotes_before(quote, p_start)
                                        if q.speaker is not None or len(q.text.split()) > 5])
        before = self.text[clause_start:quote.open_at]
        cuts = [m.end() for m in BOUNDARY_RE.finditer(before) if not m.group().startswith(":")]
        start = clause_start + (cuts[-1] if cuts else 0)
        clause = self.text[start:quote.open_at]
        if OPENING_PARTICIPLE_RE.match(clause):
            return self.main_clause_subject(quote)
        opening = re.match(r"\s*([A-Z][a-z]+)\s+(?=[A-Z])", clause)
        if opening and opening.group(1).lower() in REPORTING_VERBS and opening.group(1).endswith("ed"):
            # "Remarked Center for Biological Diversity scientist Tierra Curry, '...'"
            return self.resolve_phrase(start + opening.end(), quote.open_at) or None
        for pattern in (ACCORDING_RE, SOURCE_BY_RE, PASSIVE_RE):
            m = pattern.search(clause)
            if not m:
                continue
            # "According to police and county officials, Zhukovskyy was driving
            # '...'": the source is the phrase up to the comma, not whoever follows.
            comma = clause.find(",", m.end())
            if pattern is ACCORDING_RE and comma > 0 and VERB_RE.search(clause, comma):
                continue    # "According to ISNA, the prosecutor said": the prosecutor spoke
            source_end = start + comma if pattern is ACCORDING_RE and comma > 0 else quote.open_at
            pronoun = re.fullmatch(r"\s*(him|her|them|it)\s*", self.masked[start + m.end():source_end])
            if pronoun:
                # "According to him, ...": whoever "he" is.
                return self.resolve_pronoun(SUBJECT_PRONOUNS[pronoun.group(1)], start + m.end()) or False
            found = self.according_to(start + m.end(), source_end)
            if found is None and pattern is PASSIVE_RE:
                found = self.named_at(start + m.end(), quote.open_at)   # "described by the Daily Hive as"
            if found and source_end < quote.open_at and OUTLET_WORDS.search(found.name):
                # "According to the BBC, a spokesman for Downing Street ...": the
                # outlet reported it; whoever else the sentence names spoke.
                found = self.according_to(start + m.end(), quote.open_at)
            if found:
                return found
            if source_end < quote.open_at:
                return False
        verbs = [v for v in VERB_RE.finditer(clause) if not self.outlet_verb(clause, v)]
        if not verbs and COORDINATED_VERB_RE.match(self.masked, quote.close_at + 1):
            # 'X gave its "deepest sympathies" and said ...': X's words.
            return self.resolve_subject(start, quote.open_at)
        if not verbs:
            # "X spoke to the press after the speech: '...'" - a colon introduces X's words.
            if clause.rstrip().endswith(":"):
                return self.resolve_subject(start, quote.open_at) or False
            return None
        verb = verbs[-1]
        found = self.resolve_subject(start, start + verb.start())
        if found is None and verb.group().lower() in ("reads", "read"):
            found = self.resolve_phrase(start + verb.end(), quote.open_at)
        if found is None:
            found = self.previous_in_sentence(quote, start)
        if found is False and self.masked[start:start + verb.start()].strip():
            # Someone unnamed spoke ("the head of the investigators told the
            # court"); a following "she said" is that person, not someone named.
            self.add_event(start + verb.start(), None)
        return found

    @cached_property
    def interview_labels(self):
        """Speaker labels opening the paragraphs of a question-and-answer
        interview ("((Dorsa Derakhshani))", "((WN))"), by paragraph start."""
        labels = {}
        for start, end in self.paragraphs:
            m = INTERVIEW_LABEL_RE.match(self.text, start, end)
            if m:
                labels[start] = m.group(1).strip()
        return labels

    def interview_speaker(self, quote, p_start):
        """In an interview, words quoted in a question that says "you said"
        are the interviewee's. (Words quoted in an answer are often someone
        else's, so the answer's label alone attributes nothing.)"""
        label = self.interview_labels.get(p_start)
        if not label or label.lower() not in INTERVIEWERS:
            return None
        before = self.masked[p_start:quote.open_at][-120:]
        if self.interviewee and re.search(r"\byou(?:'ve|\s+have|\s+had)?\s+(?:\w+\s+)?" + VERB_RE.pattern
                                          + r"[\s,:]*$", before):
            return self.interviewee
        return None

    @cached_property
    def interviewee(self):
        """The person whose label opens most answers, as found among the people named."""
        answers = Counter(v for v in self.interview_labels.values() if v.lower() not in INTERVIEWERS)
        if not answers:
            return None
        name = answers.most_common(1)[0][0]
        for _, _, ent in self.mentions:
            if ent.kind == "person" and mentions.fold(ent.name) == mentions.fold(name):
                return ent
        return self.body_named(name, kind="person")

    def main_clause_subject(self, quote):
        """ 'Calling it "just another apology", Anna Franowska told Reuters': the
        participle's subject is the main clause's, after the quotation."""
        end = min(self.paragraph_end(quote.close_at), quote.close_at + 1 + CONTEXT)
        tail = re.sub(r"[\"“”‘’]", " ", self.masked[quote.close_at + 1:end])
        m = re.match(r"[\s,]*", tail)
        offset = quote.close_at + 1 + m.end()
        m = POST_SUBJECT_RE.match(tail[m.end():])
        if not m or NOT_SUBJECT_RE.match(m.group("np")):
            return None
        return self.resolve_subject(offset, offset + m.end("np"))

    def outlet_verb(self, clause, verb):
        """ "as reported by CNN", "Reuters reported": the outlet is not the speaker."""
        tail = clause[verb.end():verb.end() + 30]
        return verb.group() in ("reported", "reports") and bool(re.match(r"\s+by\b", tail) or
                                                                OUTLET_WORDS.search(clause[:verb.start()]))

    def previous_in_sentence(self, quote, start):
        for other in self.quotes_before(quote, start - 2):
            if other.speaker:
                return other.speaker
        return False

    def continuation(self, quote, p_start):
        """A quotation with no verb continues the last speaker, in the same
        paragraph or when it opens its paragraph."""
        earlier = self.quotes[max(0, bisect_left(self.quote_starts, quote.open_at) - 1):][:1]
        earlier = [q for q in earlier if q.close_at < quote.open_at]
        if earlier and earlier[-1].paragraph == quote.paragraph:
            return earlier[-1].speaker
        if NON_SPACE_RE.search(self.text, p_start, quote.open_at):
            return None
        if earlier and earlier[-1].paragraph == quote.paragraph - 1:
            return earlier[-1].speaker
        last = next(self.events_before(quote.open_at), None)
        return last[1] if last else None

    def clause_events(self, start, sentence, first_verb):
        for subject_start, verb in clause_subjects(sentence, first_verb):
            entity = self.first_entity(start + subject_start, start + verb.start())
            if entity:
                self.add_event(start + verb.start(), entity)

    def paragraph_end(self, pos):
        k = bisect_right(self.paragraph_starts, pos) - 1
        if k >= 0 and pos < self.paragraphs[k][1]:
            return self.paragraphs[k][1]
        return len(self.text)

    # -- reported speech without quotation marks

    def indirect_speech(self):
        """ "Lord Heseltine said that he believed ...": kept as `indirect`.
        The first reporting verb of every sentence with a known subject also
        records who spoke last, for pronouns later on."""
        found = []
        for start, end in self.sentences():
            sentence = self.masked[start:end]
            verb = next((v for v in VERB_RE.finditer(sentence) if not self.outlet_verb(sentence, v)
                         and not sentence[:v.start()].endswith("to ")), None)
            if verb is None or verb.group() in QUOTING_ONLY_VERBS:
                continue
            speaker = self.resolve_subject(start, start + verb.start())
            self.clause_events(start, sentence, verb)
            if not isinstance(speaker, Entity):
                continue
            self.add_event(start + verb.start(), speaker)
            k = bisect_left(self.quote_starts, start)
            quoted = k < len(self.quote_starts) and self.quote_starts[k] < end
            clause = "" if quoted else indirect_clause(sentence, verb)
            if clause:
                c_start = start + sentence.index(clause, verb.end())
                found.append(Quote(c_start, c_start + len(clause), c_start, c_start + len(clause),
                                   0, text=clause, kind="indirect", speaker=speaker))
        return found


def clause_subjects(sentence, first_verb):
    """(subject start, verb) for later clauses: "..., while X wrote ..." """
    for verb in VERB_RE.finditer(sentence, first_verb.end()):
        head = sentence[first_verb.end():verb.start()]
        joint = None
        for joint in re.finditer(r"(?:\bwhile\b|\bwhereas\b|\band\b|\bbut\b|;|,)\s*", head):
            pass
        if joint:
            yield first_verb.end() + joint.end(), verb


def mask(text, spans):
    """`text` with quoted words blanked, so a name or pronoun inside a
    quotation is never taken for its speaker."""
    chars = list(text)
    for a, b in spans:
        for i in range(a + 1, min(b, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def indirect_clause(sentence, verb):
    rest = sentence[verb.end():]
    m = re.match(r"(?:\s+(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*|\s+(?:reporters|journalists|"
                 r"the\s+\w+|him|her|them|us|me))?\s+(?:that\s+)?(?P<clause>(?:he|she|it|they|the|a|an|"
                 r"[a-z]+|[A-Z][a-z]+)\b.{10,})$", rest, re.DOTALL)
    if not m or (verb.group() in PARTICIPLES and not rest.lstrip().startswith("that")):
        return ""
    return m.group("clause").rstrip(" .")
