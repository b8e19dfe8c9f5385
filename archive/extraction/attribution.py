"""The speaker of each quotation: the rules that read the clause after the
closing mark (`", she said"`), the one before the opening mark
(`X said: "`), the end of the sentence (`..., Lord Porter has said.`), a
paragraph introduced by the colon ending the one before (`X denied it:`),
and a quotation with no verb that continues the last speaker."""

import re
from bisect import bisect_left

from archive.extraction.interviews import Interview
from archive.extraction.lexicon import PARTICIPLES, QUOTING_ONLY_VERBS, REPORTING_VERBS, VERB_RE
from archive.extraction.quotations import (
    CONTEXT,
    NOT_SUBJECT_RE,
    POST_INVERTED_RE,
    POST_SUBJECT_RE,
    post_attribution_clause,
)
from archive.extraction.references import SUBJECT_PRONOUNS, resolve_pronoun
from archive.extraction.sources import (
    DOCUMENT_KINDS,
    OUTLET_WORDS,
    according_to,
    document_source,
    named_at,
    outlet_verb,
)
from archive.extraction.speakers import Speakers
from archive.extraction.text import BOUNDARY_RE, TITLE_DOT_RE, first_sentence, last_sentence

NON_SPACE_RE = re.compile(r"\S")
DOCUMENT_NOUN_RE = re.compile(r"\b(" + "|".join(k for group in DOCUMENT_KINDS for k in group) + r")s?\b", re.IGNORECASE)
ACCORDING_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)
# "a statement by X", "an order from X": the words come from X.
SOURCE_BY_RE = re.compile(
    r"\b(?:statement|order|letter|tweet|post|message|remarks|comments|speech|ruling|e-?mail|"
    r"announcement|decree|note|memo|interview|address|testimony|report)s?\b[^.;,]{0,40}?\b(?:by|from)\s+"
)
COORDINATED_VERB_RE = re.compile(
    r"[^\w\n]{0,3}\s+(?:and|but)\s+(?:also\s+|later\s+|then\s+)?(?:" + VERB_RE.pattern[2:-2] + r")\b"
)
# A sentence opening on a participle before the quotation: "Calling it ...",
# "Describing the plan as ...".
OPENING_PARTICIPLE_RE = re.compile(
    r"\s*(?:Calling|Describing|Labell?ing|Branding|Dubbing|Terming|Saying|Adding|"
    r"Noting|Insisting|Warning|Arguing|Stressing)\b[^.;:,]{0,60}$"
)
PASSIVE_RE = re.compile(
    r"\b(?:(?:was|were|been|being|is|are)\s+(?:told|informed|warned|advised|assured|described|called|"
    r"labell?ed|branded|praised|critici[sz]ed|hailed|characteri[sz]ed|quoted)"
    r"|described|labell?ed|branded|characteri[sz]ed|dubbed)\s+by\s+"
)
SENTENCE_END_RE = re.compile(
    r",\s+(?P<np>[^,.;]{1,90}?)\s+(?:has\s+|have\s+|had\s+)?(?:" + VERB_RE.pattern[2:-2] + r")\W*$"
)
VERB_WORDS = REPORTING_VERBS | QUOTING_ONLY_VERBS
WORD_RE = re.compile(r"\w+")


class Attributor:
    """Attributes the quotations of one article, in order."""

    def __init__(self, doc):
        self.doc = doc
        self.speakers = Speakers(doc)
        self.interview = Interview(doc, self.speakers)

    def attribute(self, quote):
        """The speaker of a quotation; False from a finder means "someone
        unnamed", which stops the search and gives no speaker."""
        p_start = self.doc.paragraphs[quote.paragraph][0]
        # quote.finder names the rule that decided: a feature for the speaker model.
        found, quote.finder = self.interview.speaker(quote, p_start), "interview_speaker"
        if found is None:
            found, quote.finder = self.interview.first_person(quote, p_start), "first_person"
        for finder in () if found is not None else (self.after_quote, self.before_quote, self.sentence_end):
            found, quote.finder = finder(quote), finder.__name__
            if found is not None:
                break
        if found is None:
            found, quote.finder = self.continuation(quote, p_start), "continuation"
        if found is None and self.interview.answerer(p_start) is not None:
            # Words an interviewee quotes without saying whose are mostly
            # what people say or think, nobody named ('"Oh, corona is coming".').
            found, quote.finder = False, "unattributed_answer"
        speaker = found or None
        if quote.finder == "first_person":
            if speaker is not None:
                # One answering in the first person is not whom a later "she" means.
                self.speakers.add_event(quote.start, None)
        elif speaker is not None:
            self.speakers.add_event(quote.start, speaker)
        return speaker

    def after_quote(self, quote):
        end = min(self.doc.paragraph_end(quote.close_at), quote.close_at + 1 + CONTEXT)
        after = TITLE_DOT_RE.sub(r"\1 ", self.doc.text[quote.close_at + 1 : end])
        clause = post_attribution_clause(after, quote.text)
        if not clause:
            return None
        offset = quote.close_at + 1 + after.index(clause)
        m = re.match(r"(?:according to|per)\s+(.*)", clause, re.IGNORECASE | re.DOTALL)
        if m:
            found = according_to(self.speakers, offset + m.start(1), offset + len(clause))
            if found and self.reported_before(quote):
                return None  # 'Pelosi called it a "breach", according to NBC': Pelosi's word
            return found
        m = POST_INVERTED_RE.match(clause)
        if m and m.group("verb") in PARTICIPLES:
            return None  # '... as a "mandate", saying he ...': the sentence's subject spoke
        if m:
            rest = offset + m.start("rest")
            return self.speakers.resolve_phrase(rest, offset + len(clause))
        if quote.text.rstrip().endswith(("?", "!")) and re.match(r"[^\n]*[,:]\s*[“\"]", after[after.index(clause) :]):
            # '"... exempt?" Y said, "..."': the attribution introduces the next
            # quotation; this one keeps its own, when it has one.
            found = self.before_quote(quote)
            if found:
                return found
        m = POST_SUBJECT_RE.match(clause)
        return self.speakers.resolve_subject(offset, offset + m.end("np")) or False

    def before_quote(self, quote):
        p_start = max(self.doc.paragraphs[quote.paragraph][0], quote.open_at - CONTEXT)
        # A short quotation nobody said ("Anna Franowska of "Have no fear",
        # a charity, told ...") is a name inside the clause, not its end.
        clause_start = max(
            [p_start]
            + [
                q.close_at + 1
                for q in self.doc.quotes_before(quote, p_start)
                if q.speaker is not None or len(q.text.split()) > 5
            ]
        )
        before = self.doc.text[clause_start : quote.open_at]
        cuts = [m.end() for m in BOUNDARY_RE.finditer(before) if not m.group().startswith(":")]
        start = clause_start + (cuts[-1] if cuts else 0)
        clause = self.doc.text[start : quote.open_at]
        if OPENING_PARTICIPLE_RE.match(clause):
            return self.main_clause_subject(quote)
        opening = re.match(r"\s*([A-Z][a-z]+)\s+(?=[A-Z])", clause)
        if opening and opening.group(1).lower() in REPORTING_VERBS and opening.group(1).endswith("ed"):
            # "Remarked Center for Biological Diversity scientist Tierra Curry, '...'"
            return self.speakers.resolve_phrase(start + opening.end(), quote.open_at) or None
        for pattern in (ACCORDING_RE, SOURCE_BY_RE, PASSIVE_RE):
            m = pattern.search(clause)
            if not m:
                continue
            # "According to police and county officials, Zhukovskyy was driving
            # '...'": the source is the phrase up to the comma, not whoever follows.
            comma = clause.find(",", m.end())
            if pattern is ACCORDING_RE and comma > 0 and VERB_RE.search(clause, comma):
                continue  # "According to ISNA, the prosecutor said": the prosecutor spoke
            source_end = start + comma if pattern is ACCORDING_RE and comma > 0 else quote.open_at
            pronoun = re.fullmatch(r"\s*(him|her|them|it)\s*", self.doc.masked[start + m.end() : source_end])
            if pronoun:
                # "According to him, ...": whoever "he" is.
                return resolve_pronoun(self.speakers, SUBJECT_PRONOUNS[pronoun.group(1)], start + m.end()) or False
            found = according_to(self.speakers, start + m.end(), source_end)
            if found is None and pattern is PASSIVE_RE:
                found = named_at(self.speakers, start + m.end(), quote.open_at)  # "described by the Daily Hive as"
            if found and source_end < quote.open_at and OUTLET_WORDS.search(found.name):
                # "According to the BBC, a spokesman for Downing Street ...": the
                # outlet reported it; whoever else the sentence names spoke.
                found = according_to(self.speakers, start + m.end(), quote.open_at)
            if found:
                return found
            if source_end < quote.open_at:
                return False
        verbs = [v for v in VERB_RE.finditer(clause) if not outlet_verb(clause, v)]
        if not verbs and COORDINATED_VERB_RE.match(self.doc.masked, quote.close_at + 1):
            # 'X gave its "deepest sympathies" and said ...': X's words.
            return self.speakers.resolve_subject(start, quote.open_at)
        if not verbs:
            # "X spoke to the press after the speech: '...'" - a colon introduces X's words.
            if clause.rstrip().endswith(":"):
                return self.speakers.resolve_subject(start, quote.open_at) or False
            return None
        verb = verbs[-1]
        found = self.speakers.resolve_subject(start, start + verb.start())
        if found is None and verb.group().lower() in ("reads", "read"):
            found = self.speakers.resolve_phrase(start + verb.end(), quote.open_at)
        if (
            not found
            and verb.group().lower() in ("reads", "read")
            and re.fullmatch(r"\s*(?:[Ii]t|[Tt]his)\s*", self.doc.masked[start : start + verb.start()])
        ):
            # 'X released a statement. It read, "..."': X's words.
            found = self.document_before(start) or found
        if found is None:
            found = self.previous_in_sentence(quote, start)
        if found is False and self.doc.masked[start : start + verb.start()].strip():
            # Someone unnamed spoke ("the head of the investigators told the
            # court"); a following "she said" is that person, not someone named.
            self.speakers.add_event(start + verb.start(), None)
        return found

    def sentence_end(self, quote):
        """ "... to 'take the blame' if something goes wrong, Lord Porter has said." """
        end = min(self.doc.paragraph_end(quote.close_at), quote.close_at + 1 + CONTEXT)
        tail = self.doc.masked[quote.close_at + 1 : end]
        tail = first_sentence(tail)
        # The verb must be the last word. Asking that first spares a search
        # that backtracks a long way through a blanked quotation after a comma.
        words = WORD_RE.findall(tail)
        m = SENTENCE_END_RE.search(tail) if words and words[-1] in VERB_WORDS else None
        if not m:
            # '... rose in a "sharp increase" last week, according to a Tesco spokesman.'
            source = re.search(r",\s+(?:according to|per)\s+(?P<np>[^,;]{1,90}?)\W*$", tail, re.IGNORECASE)
            if source and not self.reported_before(quote):
                offset = quote.close_at + 1 + source.start("np")
                return according_to(self.speakers, offset, offset + len(source.group("np")))
            return None
        offset = quote.close_at + 1 + m.start("np")
        return self.speakers.resolve_subject(offset, offset + len(m.group("np")))

    def document_before(self, pos):
        """Whoever issued the document named last in the 300 characters
        before `pos` ("a statement", "the letter"), or None."""
        nouns = list(DOCUMENT_NOUN_RE.finditer(self.doc.masked, max(0, pos - 300), pos))
        return document_source(self.speakers, nouns[-1].group(1).lower(), pos) if nouns else None

    def reported_before(self, quote):
        p_start = max(self.doc.paragraphs[quote.paragraph][0], quote.open_at - CONTEXT)
        before = self.doc.masked[p_start : quote.open_at]
        head = last_sentence(before)
        return bool(VERB_RE.search(head))

    def main_clause_subject(self, quote):
        """'Calling it "just another apology", Anna Franowska told Reuters': the
        participle's subject is the main clause's, after the quotation."""
        end = min(self.doc.paragraph_end(quote.close_at), quote.close_at + 1 + CONTEXT)
        tail = re.sub(r"[\"“”‘’]", " ", self.doc.masked[quote.close_at + 1 : end])
        m = re.match(r"[\s,]*", tail)
        offset = quote.close_at + 1 + m.end()
        m = POST_SUBJECT_RE.match(tail[m.end() :])
        if not m or NOT_SUBJECT_RE.match(m.group("np")):
            return None
        return self.speakers.resolve_subject(offset, offset + m.end("np"))

    def previous_in_sentence(self, quote, start):
        for other in self.doc.quotes_before(quote, start - 2):
            if other.speaker:
                return other.speaker
        return False

    def continuation(self, quote, p_start):
        """A quotation with no verb continues the last speaker, in the same
        paragraph or when it opens its paragraph."""
        earlier = self.doc.quotes[max(0, bisect_left(self.doc.quote_starts, quote.open_at) - 1) :][:1]
        earlier = [q for q in earlier if q.close_at < quote.open_at]
        if earlier and earlier[-1].paragraph == quote.paragraph:
            return earlier[-1].speaker
        if NON_SPACE_RE.search(self.doc.text, p_start, quote.open_at):
            return None
        introduced = introduced_by_colon(self.speakers, quote)
        if introduced:
            return introduced
        if earlier and earlier[-1].paragraph == quote.paragraph - 1:
            return earlier[-1].speaker
        last = next(self.speakers.events_before(quote.open_at), None)
        return last[1] if last else None


def introduced_by_colon(speakers, quote):
    """'X denied any wrongdoing:' closing the paragraph before one that
    opens on a quotation: the subject of that sentence, or None."""
    doc = speakers.doc
    if quote.paragraph == 0:
        return None
    p_start, p_end = doc.paragraphs[quote.paragraph - 1]
    if not doc.text[p_start:p_end].rstrip().endswith(":"):
        return None
    start = max([p_start] + [s for s in doc.sentence_starts if s < p_end])
    clause = doc.masked[start:p_end]
    verbs = [v for v in VERB_RE.finditer(clause) if not outlet_verb(clause, v)]
    # Without a verb of saying ("He sent a message to X:") the subject is
    # too often not the first name there.
    return speakers.resolve_subject(start, start + verbs[-1].start()) if verbs else None
