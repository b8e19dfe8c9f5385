"""Question-and-answer interviews, whose paragraphs open with the speaker's
label ("((WN))", "((Dorsa Derakhshani))")."""

import re
from collections import Counter
from functools import cached_property

from archive.extraction.candidates import main_person
from archive.extraction.lexicon import VERB_RE
from archive.extraction.tokens import fold

# "((Dorsa Derakhshani))  ..." or "Q: ..." opening a paragraph of an interview.
INTERVIEW_LABEL_RE = re.compile(r"\(\(([^()\n]{1,60})\)\)\s")
INTERVIEWERS = {"wn", "wikinews", "q", "interviewer"}
# The one answering introduces words in the first person: 'I said, "..."',
# 'I'm like: "..."', 'So we thought "..."', 'I can tell you "..."'. Only
# object pronouns may stand between the verb and the quotation, so that
# 'I told my mom, and she's like "..."' stays the mother's.
FIRST_PERSON_RE = re.compile(
    r"\b(?:I|[Ww]e)(?:(?:['’]m|\s+(?:am|was|were))\s+(?:just\s+)?like"
    r"|(?:\s+(?:would|could|can|will|just|then|also|always|even|only|usually|often|sometimes|simply))*"
    r"\s+(?:said|say|thought|told|tell|asked|ask|replied|reply|wrote|write|wondered|went\s+like|go\s+like))"
    r"(?:\s+(?:to\s+)?(?:them|him|her|you|myself|me|us|it|then|again|once))*\s*[,:]?\s*$"
)
# Someone the one answering speaks of, introducing words in the same clause
# ("he would say", "and she, in response, said"). Not "they", which often
# means the body the question named ("they said" of a federation).
THIRD_PERSON_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Yy]ou|[Pp]eople)\b[^.!?\"“”]{0,60}$")
# Someone else in the answer: 'and she's like, "..."', 'people are like "..."'.
THIRD_PERSON_LIKE_RE = re.compile(
    r"\b(?:he|she|they|[a-z]+s)(?:['’]s|['’]re|\s+(?:is|are|was|were))\s+(?:just\s+)?like"
    r"\s*[,:]?\s*$"
)


class Interview:
    """The labels of one article's interview paragraphs, if it has any."""

    def __init__(self, doc, speakers):
        self.doc = doc
        self.speakers = speakers

    @cached_property
    def labels(self):
        """Speaker labels opening the paragraphs of a question-and-answer
        interview ("((Dorsa Derakhshani))", "((WN))"), by paragraph start."""
        labels = {}
        for start, end in self.doc.paragraphs:
            m = INTERVIEW_LABEL_RE.match(self.doc.text, start, end)
            if m:
                labels[start] = m.group(1).strip()
        return labels

    def speaker(self, quote, p_start):
        """In an interview, words quoted in a question that says "you said"
        are the interviewee's. (Words quoted in an answer are often someone
        else's, so the answer's label alone attributes nothing.)"""
        label = self.labels.get(p_start)
        if not label or label.lower() not in INTERVIEWERS:
            return None
        before = self.doc.masked[p_start : quote.open_at][-120:]
        # "you had mentioned Neanderthals "...": a subject may stand between.
        if re.search(
            r"\byou(?:'ve|\s+have|\s+had)?\s+(?:\w+\s+)?" + VERB_RE.pattern + r"(?:\s+\w+){0,2}[\s,:]*$", before
        ):
            # With only the questions labelled, the one asked is the person named most.
            return self.interviewee or main_person({id(e): e for _, _, e in self.doc.mentions}.values())
        return None

    def first_person(self, quote, p_start):
        """In an answer, words the one answering says they said ('I said,
        "..."') are theirs, and those they say someone else said ('she's
        like "..."') are someone unnamed's (False); None anywhere else."""
        answerer = self.answerer(p_start)
        if answerer is None:
            return None
        start = max(p_start, quote.open_at - 80)
        if FIRST_PERSON_RE.search(self.doc.masked, start, quote.open_at):
            return answerer
        if THIRD_PERSON_LIKE_RE.search(self.doc.masked, start, quote.open_at):
            return False
        other = THIRD_PERSON_RE.search(self.doc.masked, start, quote.open_at)
        if other and self.doc.first_entity(start + other.start(), quote.open_at) is None:
            return False  # whoever the answer speaks of, unnamed
        return None

    def answerer(self, p_start):
        """Who answers in the paragraph at `p_start`: the label opening it, or
        for a paragraph after the first label that has none, the last one
        answering before it (the interviewee after a question); None in a
        question, before the interview or outside one."""
        label = self.labels.get(p_start)
        if label is None:
            earlier = [
                name for start, name in self.labels.items() if start < p_start and name.lower() not in INTERVIEWERS
            ]
            if not any(start < p_start for start in self.labels):
                return None
            return self.person(earlier[-1]) if earlier else self.interviewee
        return None if label.lower() in INTERVIEWERS else self.person(label)

    @cached_property
    def interviewee(self):
        """The person whose label opens most answers, as found among the people named."""
        answers = Counter(v for v in self.labels.values() if v.lower() not in INTERVIEWERS)
        if not answers:
            return None
        return self.person(answers.most_common(1)[0][0])

    def person(self, name):
        """The person a label names, as found among the people named."""
        for _, _, ent in self.doc.mentions:
            if ent.kind == "person" and fold(ent.name) == fold(name):
                return ent
        return self.speakers.body_named(name, kind="person")
