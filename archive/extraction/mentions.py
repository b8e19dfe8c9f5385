"""People and organisations named in English news text, with the offsets
of every mention. `find_entities(text)` is the entry point; the rules live in
runs (splitting capitalised runs), people, organisations and job_titles."""

import re
from bisect import bisect_right
from collections import Counter

from archive.extraction.lexicon import NOT_NAME_WORDS, REPORTING_VERBS, word_set
from archive.extraction.organisations import COMPANY_RE, SPEAKS_NEXT_RE, add_acronyms, add_single_word_orgs
from archive.extraction.people import add_single_names, pronoun_gender
from archive.extraction.runs import classify_run, strip_leading
from archive.extraction.tokens import capitalised_runs, fold, is_cap, tokenize


def find_entities(text):
    """People and organisations in `text` with the offsets of every mention."""
    tokens = tokenize(text)
    # Capitalised uses only: "the country" does not make "Black Country" a surname twice.
    counts = Counter(fold(w) for w in re.findall(r"[\w-]+", text) if w[:1].isupper())
    people, orgs = [], []
    for run in capitalised_runs(text, tokens):
        run = strip_leading(text, run)
        if run:
            classify_run(text, run, people, orgs, counts)
    add_acronyms(text, orgs, people)
    add_single_names(text, people)
    capitalised = [t for t in tokens if is_cap(t[0])]  # all that the next two read
    link_bare_names(text, capitalised, people, orgs)
    add_single_word_orgs(text, capitalised, people, orgs)
    for person in people:
        person.mentions.sort()
        if not person.gender:
            person.gender = pronoun_gender(text, person, people)
    return [e for e in people + orgs if e.mentions]


# Verbs after which a given name alone is someone's subject ("Manoj sees").
SUBJECT_VERBS = word_set(
    "is was has had sees saw believes believed thinks thought feels felt hopes hoped wants wanted "
    "knows knew views viewed worked works became joined started began decided went recalls recalled"
)
VERB_BEFORE_RE = re.compile(r"[,”\"’]\s+([a-z]+)\s+$")  # '..., explained Neil'
NEXT_CAPITAL_RE = re.compile(r"\s[A-Z]")
POSSESSIVE_RE = re.compile(r"['’]s$")


def acts(text, start, end):
    """The word at start:end is the subject of a verb ("Manoj sees") or
    follows a quotation's reporting verb ('”, explained Neil')."""
    verb = SPEAKS_NEXT_RE.match(text, end)
    if verb and verb.group("verb") in REPORTING_VERBS | SUBJECT_VERBS:
        return True
    verb = VERB_BEFORE_RE.search(text, max(0, start - 20), start)
    return bool(verb) and verb.group(1) in REPORTING_VERBS


def link_bare_names(text, tokens, people, orgs):
    """A later bare surname ("Kosgei") or short form ("Ford", "RCMP") is a
    mention of the full name given earlier."""
    taken = sorted(span for e in people + orgs for span in e.mentions)
    starts = [s for s, _ in taken]
    by_surname = {}
    for p in people:
        by_surname.setdefault(fold(p.surname), []).append(p)
    # The first organisation a word can stand for: one of its aliases ("RCMP"),
    # or a company's first word ("Ford"). Looked up, not searched for, per word.
    org_for = {}
    for org in orgs:
        company = [org.name.split()[0]] if COMPANY_RE.search(org.name) else []
        for form in org.aliases + company:
            org_for.setdefault(form, org)
    for word, start, end in tokens:
        if not is_cap(word):
            continue
        k = bisect_right(starts, start) - 1
        if k >= 0 and start < taken[k][1]:
            continue
        if NEXT_CAPITAL_RE.match(text, end) and not POSSESSIVE_RE.search(word):
            continue  # part of a longer name: "American" in "American Samoa"
        bare = POSSESSIVE_RE.sub("", word)
        folded = fold(bare)
        # With two Trumps named, a bare "Trump" is the one named more often.
        # One known by a single name ("Katie says") is that name before too.
        same = [p for p in by_surname.get(folded, ()) if p.mentions and (p.mentions[0][0] < start or " " not in p.name)]
        target = max(same, key=lambda p: len(p.mentions), default=None)  # ties: the first named
        if target is None and folded not in NOT_NAME_WORDS and acts(text, start, start + len(bare)):
            # "Sergey said", "Manoj sees", '", explained Neil' after "Sergey M.",
            # "Manoj Badale", "Neil Parkin": a given name alone that does
            # something is the one person of that given name named before
            # (not "Christian" in "Christian groups").
            same = [
                p
                for p in people
                if p.mentions
                and p.mentions[0][0] < start
                and len(p.name.split()) > 1
                and fold(p.name.split()[0]) == folded
            ]
            target = same[0] if len(same) == 1 else None
        if target is None and folded not in NOT_NAME_WORDS:
            target = org_for.get(bare)
        if target:
            target.mentions.append((start, start + len(bare)))
