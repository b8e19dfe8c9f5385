"""Jobs and titles: which words name a job, and the role the article gives
a person ("Emergencies Minister", "leader of Wolverhampton City Council")."""

import re

from archive.extraction.lexicon import (
    FORMS_OF_ADDRESS,
    FUNCTION_WORDS,
    ROLE_WORDS,
    SURNAME_LIKE_ORG_WORDS,
    is_given_name,
)
from archive.extraction.tokens import is_cap, is_honorific_token

ROLE_BEFORE_RE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w-]+\s+){0,2}?(?P<job>[a-z][\w-]*)"
    r"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)?,\s*$"
)


def role_before(text, start):
    m = ROLE_BEFORE_RE.search(text, max(0, start - 80), start)
    return bool(m) and m.group("job") in ROLE_WORDS


def read_honorific(role):
    if not role or not is_honorific_token(role[-1][0]):
        return ""
    title = role[-1][0].rstrip(".")
    if title.lower() in FORMS_OF_ADDRESS or len(role) == 1:
        return title
    return ""


APPOSITION_RE = re.compile(
    r",\s+(?!who\b|which\b|whose\b|that\b|where\b|both\b|and\b|but\b|as\b)"
    r"((?:the|a|an)\s+)?([^,;.()\"“”]{3,90}?)(?=[,;.]|\s+(?:said|says|told|added)\b)"
)


def read_role(text, role_tokens, start, end):
    """The job the article gives a person: "Emergencies Minister", "Bristol
    mayor", or an apposition: "leader of Wolverhampton City Council"."""
    words = [t[0] for t in role_tokens]
    if words and words[-1].lower().rstrip(".") in FORMS_OF_ADDRESS:
        words = words[:-1]
    line = text[max(0, start - 80):start].rsplit("\n", 1)[-1]
    lead = []
    for word in reversed(re.findall(r"[\w'’.-]+|[^\w\s]", line)):
        if word.lower() in ROLE_WORDS or (is_cap(word) and word.lower() not in FUNCTION_WORDS):
            lead.insert(0, word)
        else:
            break
    words = lead + words
    if {w.lower() for w in words} & ROLE_WORDS:
        return " ".join(words)
    m = APPOSITION_RE.match(text, end)
    if m and set(re.findall(r"[\w-]+", m.group(2).lower())) & ROLE_WORDS and len(m.group(2).split()) <= 12:
        return m.group(2).strip()
    return ""


def is_role_token(word, is_last):
    bare = word.lower().rstrip(".")
    acronym = len(bare) > 1 and word.rstrip(".").replace(".", "").isupper() and not is_last
    return bare in ROLE_WORDS or acronym or (not is_last and (job_noun(word) or plural_role(bare)))


def plural_role(word):
    """"Senators", "Representatives": a job shared by the people named after it."""
    return len(word) > 5 and word.endswith("s") and word[:-1] in ROLE_WORDS - SURNAME_LIKE_ORG_WORDS - {"right"}


def job_noun(word):
    """Occupations the word lists do not name: "Geologist", "Historian"."""
    bare = word.lower()
    if bare.startswith(("co-", "ex-", "vice-")):
        rest = bare.split("-", 1)[1]
        return rest in ROLE_WORDS or job_noun(rest)
    if len(bare) >= 10 and bare.endswith(("man", "woman", "person")):
        return True    # "Assemblywoman", "Councilman"; not "Freeman" or "Goodman"
    return bool(re.fullmatch(r"[a-z]{3,}(?:ist|ologist|ician|arian|orian)", bare)) and not is_given_name(word)
