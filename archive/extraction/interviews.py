"""Question-and-answer interviews, whose paragraphs open with the speaker's
label ("((WN))", "((Dorsa Derakhshani))")."""

import re
from collections import Counter
from functools import cached_property

from archive.extraction.lexicon import VERB_RE
from archive.extraction.tokens import fold

# "((Dorsa Derakhshani))  ..." or "Q: ..." opening a paragraph of an interview.
INTERVIEW_LABEL_RE = re.compile(r"\(\(([^()\n]{1,60})\)\)\s")
INTERVIEWERS = {"wn", "wikinews", "q", "interviewer"}


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
        if self.interviewee and re.search(
            r"\byou(?:'ve|\s+have|\s+had)?\s+(?:\w+\s+)?" + VERB_RE.pattern + r"[\s,:]*$", before
        ):
            return self.interviewee
        return None

    @cached_property
    def interviewee(self):
        """The person whose label opens most answers, as found among the people named."""
        answers = Counter(v for v in self.labels.values() if v.lower() not in INTERVIEWERS)
        if not answers:
            return None
        name = answers.most_common(1)[0][0]
        for _, _, ent in self.doc.mentions:
            if ent.kind == "person" and fold(ent.name) == fold(name):
                return ent
        return self.speakers.body_named(name, kind="person")
