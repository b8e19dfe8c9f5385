"""Reported speech without quotation marks ("Lord Heseltine said that he
believed ..."), and the subjects of reporting verbs that later pronouns
refer to."""

import re
from bisect import bisect_left

from archive.extraction.entity import Entity
from archive.extraction.lexicon import PARTICIPLES, QUOTING_ONLY_VERBS, VERB_RE
from archive.extraction.quotations import Quote
from archive.extraction.sources import outlet_verb


def indirect_speech(speakers):
    """ "Lord Heseltine said that he believed ...": kept as `indirect`.
    The first reporting verb of every sentence with a known subject also
    records who spoke last, for pronouns later on."""
    doc = speakers.doc
    found = []
    for start, end in doc.sentences():
        sentence = doc.masked[start:end]
        verb = next(
            (
                v
                for v in VERB_RE.finditer(sentence)
                if not outlet_verb(sentence, v) and not sentence[: v.start()].endswith("to ")
            ),
            None,
        )
        if verb is None or verb.group() in QUOTING_ONLY_VERBS:
            continue
        speaker = speakers.resolve_subject(start, start + verb.start())
        clause_events(speakers, start, sentence, verb)
        if not isinstance(speaker, Entity):
            continue
        speakers.add_event(start + verb.start(), speaker)
        k = bisect_left(doc.quote_starts, start)
        quoted = k < len(doc.quote_starts) and doc.quote_starts[k] < end
        clause = "" if quoted else indirect_clause(sentence, verb)
        if clause:
            c_start = start + sentence.index(clause, verb.end())
            found.append(
                Quote(
                    c_start,
                    c_start + len(clause),
                    c_start,
                    c_start + len(clause),
                    0,
                    text=clause,
                    kind="indirect",
                    speaker=speaker,
                )
            )
    return found


def clause_events(speakers, start, sentence, first_verb):
    doc = speakers.doc
    for subject_start, verb in clause_subjects(sentence, first_verb):
        entity = doc.first_entity(start + subject_start, start + verb.start())
        if entity:
            speakers.add_event(start + verb.start(), entity)


def clause_subjects(sentence, first_verb):
    """(subject start, verb) for later clauses: "..., while X wrote ..." """
    for verb in VERB_RE.finditer(sentence, first_verb.end()):
        head = sentence[first_verb.end() : verb.start()]
        joint = None
        for joint in re.finditer(r"(?:\bwhile\b|\bwhereas\b|\band\b|\bbut\b|;|,)\s*", head):
            pass
        if joint:
            yield first_verb.end() + joint.end(), verb


def indirect_clause(sentence, verb):
    rest = sentence[verb.end() :]
    m = re.match(
        r"(?:\s+(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*|\s+(?:reporters|journalists|"
        r"the\s+\w+|him|her|them|us|me))?\s+(?:that\s+)?(?P<clause>(?:he|she|it|they|the|a|an|"
        r"[a-z]+|[A-Z][a-z]+)\b.{10,})$",
        rest,
        re.DOTALL,
    )
    if not m or (verb.group() in PARTICIPLES and not rest.lstrip().startswith("that")):
        return ""
    return m.group("clause").rstrip(" .")
