"""Jobs and titles: which words name a job, and the role the article gives
a person ("Emergencies Minister", "leader of Wolverhampton City Council")."""

import re

from archive.extraction.lexicon import (
    FORMS_OF_ADDRESS,
    FUNCTION_WORDS,
    HONORIFICS,
    ORG_WORDS,
    ROLE_WORDS,
    SURNAME_LIKE_ORG_WORDS,
    is_given_name,
    word_set,
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
    line = text[max(0, start - 80) : start].rsplit("\n", 1)[-1]
    lead = []
    for word in reversed(re.findall(r"[\w'’.-]+|[^\w\s]", line)):
        if ends_sentence(word):
            break
        if word.lower() in ROLE_WORDS or (is_cap(word) and word.lower() not in FUNCTION_WORDS):
            lead.insert(0, word)
        else:
            break
    words = lead + words
    if {w.lower() for w in words} & ROLE_WORDS:
        return bound_role(" ".join(words))
    m = APPOSITION_RE.match(text, end)
    if m and set(re.findall(r"[\w-]+", m.group(2).lower())) & ROLE_WORDS and len(m.group(2).split()) <= 12:
        role = bound_role(m.group(2))
        if set(re.findall(r"[\w-]+", role.lower())) & ROLE_WORDS:
            return role
    return ""


# Words that start a clause after a role: "leader of the council who said".
CLAUSE_WORDS = word_set(
    "who whom whose which that where when while because although though after before since until unless if "
    "as than whether but he she they we i you it him them me"
)
AUXILIARIES = word_set(
    "is are was were be been being has have had do does did will would can could shall should may might must"
)
IRREGULAR_VERBS = word_set(
    "said says told tells wrote writes spoke speaks became becomes become paid pays made makes took takes gave "
    "gives won wins lost loses left leaves met meets held holds sent sends ran runs went goes came comes saw sees "
    "knew knows thought thinks found finds kept keeps brought brings built builds bought buys sought seeks fled "
    "got gets began begins"
)
# Participles that describe a job holder rather than say what someone did.
ADJECTIVAL_PARTICIPLES = word_set(
    "retired elected acting leading ruling managing founding outgoing incoming governing presiding standing "
    "serving sitting reigning visiting consulting commanding supervising distinguished renowned acclaimed "
    "celebrated respected unnamed unidentified alleged suspected accused convicted jailed detained exiled "
    "embattled disgraced deposed ousted married widowed qualified trained registered licensed certified "
    "designated advertising marketing operating flying blessed united"
)
# Nouns that merely end like a past tense.
NOT_PAST_TENSES = word_set("speed breed greed creed tweed steed need seed bleed")
PREPOSITIONS = word_set(
    "of for at in on to from by with during unlike like despite about after before over under into since through via"
)
ROLE_EDGE_WORDS = PREPOSITIONS | word_set("and or the a an")
# Where a long role is cut: before what adds where or for whom ("at the University").
CUT_WORDS = word_set("at for in with and on from by to or")
OWNERS = word_set("his her its their our my your")
# What follows a verb and seldom a noun: "claiming a", "ranging from", "making her".
OBJECT_STARTS = OWNERS | word_set("a an the from to him them that")
# Built once here: a set built in a function is built on every call.
ORG_OR_ROLE_WORDS = ORG_WORDS | ROLE_WORDS
PLURAL_ROLE_STEMS = ROLE_WORDS - SURNAME_LIKE_ORG_WORDS - {"right"}
ROLE_MAX_WORDS = 8


def bound_role(phrase):
    """The job a phrase gives, as a short noun phrase: on its first line, up
    to a verb, a clause, a name or a comma, at most ROLE_MAX_WORDS words, and
    never opening on a preposition nor ending on "of" or "the". "leader of
    Wolverhampton City Council who said" gives "leader of Wolverhampton City
    Council"."""
    words = phrase.split("\n", 1)[0].split()
    if words and words[0].istitle() and words[0].lower() in CLAUSE_WORDS:
        words = words[1:]  # "When Representative ...": the sentence's opening word
    kept = []
    for k, word in enumerate(words):
        bare = word.strip("\"“”‘’'()[]").rstrip(",;:")
        following = words[k + 1] if k + 1 < len(words) else ""
        if word.endswith(("?", "!")) or ends_role(bare, following) or (k == 0 and bare.lower() in PREPOSITIONS):
            break
        kept.append(bare)
        if word.endswith((",", ";", ":")):
            break
    if len(kept) > ROLE_MAX_WORDS:
        # "professor of public policy at the University of Manchester": cut
        # before the last "at" or "for" that keeps it short, else the last "of".
        reach = range(1, ROLE_MAX_WORDS + 1)
        cuts = [k for k in reach if kept[k].lower() in CUT_WORDS] or [k for k in reach if kept[k].lower() == "of"]
        kept = kept[: cuts[-1] if cuts else ROLE_MAX_WORDS]
    while kept and kept[-1].lower() in ROLE_EDGE_WORDS:
        kept.pop()
    return " ".join(kept)


def ends_sentence(word):
    """ "Islands." ends a sentence; "U.S.", "Dr." and "J." do not."""
    stem = word[:-1]
    return word.endswith(".") and len(stem) > 1 and "." not in stem and stem.lower() not in HONORIFICS


def ends_role(word, following):
    """True when `word` starts what a role is not: a clause ("who", "he"), a
    verb ("said", "appointed to", "to be"), or a person's name ("Bill Bayes")."""
    if not word.islower():
        # A given name and a surname; not "Heather Heyer's mother", "Howard University".
        surname = re.fullmatch(r"[A-Z][\w-]*", following.rstrip(",;:."))
        return (
            is_given_name(word)
            and bool(surname)
            and "-" not in following
            and following.lower() not in ORG_OR_ROLE_WORDS
        )
    after = following.lower()
    return (
        word in CLAUSE_WORDS
        or word in AUXILIARIES
        or word in IRREGULAR_VERBS
        or verb_form(word, after)
        or (word == "to" and following[:1].islower() and after not in ROLE_EDGE_WORDS | OWNERS)
    )


def verb_form(word, following):
    """A lower-case -ed or -ing word used as a verb: "Trump appointed",
    "claiming a right"; not "retired general" or "acting mayor"."""
    if len(word) < 5 or word in ADJECTIVAL_PARTICIPLES or "-" in word:
        return False
    if word.endswith("ing"):
        return following in OBJECT_STARTS
    return word.endswith("ed") and word not in NOT_PAST_TENSES


def is_role_token(word, is_last):
    bare = word.lower().rstrip(".")
    acronym = len(bare) > 1 and word.rstrip(".").replace(".", "").isupper() and not is_last
    return bare in ROLE_WORDS or acronym or (not is_last and (job_noun(word) or plural_role(bare)))


def plural_role(word):
    """ "Senators", "Representatives": a job shared by the people named after it."""
    return len(word) > 5 and word.endswith("s") and word[:-1] in PLURAL_ROLE_STEMS


def job_noun(word):
    """Occupations the word lists do not name: "Geologist", "Historian"."""
    bare = word.lower()
    if bare.startswith(("co-", "ex-", "vice-")):
        rest = bare.split("-", 1)[1]
        return rest in ROLE_WORDS or job_noun(rest)
    if len(bare) >= 10 and bare.endswith(("man", "woman", "person")):
        return True  # "Assemblywoman", "Councilman"; not "Freeman" or "Goodman"
    return bool(re.fullmatch(r"[a-z]{3,}(?:ist|ologist|ician|arian|orian)", bare)) and not is_given_name(word)
