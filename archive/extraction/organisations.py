"""Organisations: named bodies, acronyms and their spelled-out forms, and
single words that speak as a body ("Boeing said", "according to NHC")."""

import re
from bisect import bisect_right

from archive.extraction import places
from archive.extraction.entity import Entity
from archive.extraction.lexicon import (
    CONNECTORS,
    KNOWN_ORGS,
    NOT_NAME_WORDS,
    NOT_ORG_ACRONYMS,
    ORG_WORDS,
    PERSON_ROLE_HEADS,
    REPORTING_VERBS,
    ROLE_WORDS,
    is_given_name,
)
from archive.extraction.tokens import (
    fold,
    initials,
    is_acronym,
    is_cap,
    possessive_end,
    sentence_initial,
    whole_words,
)


def add_org(text, orgs, run):
    for k, (word, _, _) in enumerate(run[:-1]):
        if word.lower() in CONNECTORS and run[k + 1][0].lower() in NOT_NAME_WORDS - ORG_WORDS - {"state", "city"}:
            run = run[:k]
            break
    words = [t[0] for t in run]
    while words and words[-1].lower() in CONNECTORS:
        words.pop()
        run = run[:-1]
    if not words:
        return
    words[-1] = re.sub(r"['’]s$", "", words[-1])
    if fold(words[0]) in PERSON_ROLE_HEADS:
        return  # "Member of Parliament", "Minister of Health": a job
    name = " ".join(words)
    org = next((o for o in orgs if o.name == name), None) or earlier_full_form(orgs, words)
    if org is None:
        org = Entity(name, kind="organisation")
        orgs.append(org)
    elif org.name != name:
        org.add_alias(name)
    org.mentions.append((run[0][1], possessive_end(text, run[-1][2])))


def earlier_full_form(orgs, words):
    """The organisation named in full earlier that a shorter form refers to:
    "the State Department" after "the United States Department of State"."""
    short = {fold(w) for w in words if w not in ("US", "U.S.", "UK", "U.K.")} - CONNECTORS
    if len(short) < 2:
        return None
    for org in reversed(orgs):
        full = {fold(w) for w in org.name.split()}
        if short <= full and len(org.name.split()) > len(words):
            return org
    return None


ACRONYM_RE = re.compile(r"((?:[A-Z][\w&'-]*\s(?:(?:of|the|for|and|on)\s)*){1,8})\(([A-Z][A-Za-z&.]{1,9})\)")
# The other order: "AEW (All Elite Wrestling)".
EXPANSION_RE = re.compile(r"\b([A-Z][A-Z&]{1,8})\s+\(((?:[A-Z][\w&'-]*(?:\s+(?:of|the|for|and|on))*\s*){2,8})\)")


def add_acronyms(text, orgs, people):
    """ "the Royal Canadian Mounted Police (RCMP)": the acronym is an alias.
    A name spelled out next to its acronym is an organisation even without
    an organisation word in it ("All Elite Wrestling (AEW)")."""
    pairs = [(m.group(1).strip(), m.group(2), m.start(1)) for m in ACRONYM_RE.finditer(text)]
    pairs += [(m.group(2).strip(), m.group(1), m.start(2)) for m in EXPANSION_RE.finditer(text)]
    for full, acronym, start in pairs:
        acronym_letters = acronym.replace(".", "").replace("&", "").upper()
        while len(full.split()) > 1 and (
            full.split()[0].lower() in CONNECTORS
            or (full.split()[0].lower() in NOT_NAME_WORDS and initials(full) != acronym_letters)
        ):
            start += len(full.split(" ", 1)[0]) + 1
            full = full.split(" ", 1)[1]
        org = next((o for o in orgs if o.name == full), None)
        if (
            org is None
            and initials(full) == acronym_letters
            and len(full.split()) > 1
            and not {fold(full.split()[0]), fold(full.split()[-1])} & PERSON_ROLE_HEADS
        ):
            org = Entity(full, kind="organisation")
            orgs.append(org)
            # "All Elite Wrestling" taken for a person "Elite Wrestling": the
            # acronym beside it says otherwise.
            for person in people:
                if fold(person.name) in fold(full):
                    org.mentions.extend(person.mentions)
                    person.mentions = []
            org.mentions.append((start, start + len(full)))
            org.mentions = [
                (a, b)
                for a, b in sorted(set(org.mentions))
                if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in org.mentions)
            ]
        if org is not None:
            org.add_alias(acronym)


def org_like_acronym(word):
    return (
        is_acronym(word)
        and word not in NOT_ORG_ACRONYMS
        and word.lower() not in ROLE_WORDS
        and not places.is_place(word)
    )


SOURCE_NOUNS = (
    r"(?:statement|spokes(?:man|woman|person)|press\s+release|release|notice|letter|"
    r"tweet|post|message|website|account|announcement|report|filing|complaint|"
    r"take-?down\s+notice|blog(?:\s+post)?|office|press\s+office|campaign|camp)"
)
# What follows a name that speaks: " said", "'s statement said", "’s DMCA notice alleged".
SPEAKS_NEXT_RE = re.compile(
    r"(?:['’]s?\s+(?:[\w-]+\s+){0,2}" + SOURCE_NOUNS + r")?\s+(?:also\s+|later\s+|has\s+|had\s+)?"
    r"(?P<verb>[a-z]+)\b"
)


POSSESSIVE_S_RE = re.compile(r"['’]s?$")
OWN_VOICE_RE = re.compile(r",\s+(?:in|through|via)\s+its\b")


def add_single_word_orgs(text, tokens, people, orgs):
    """ "Boeing said", "the RIAA's notice alleged": single words that name an
    organisation. Well-known names count anywhere; an acronym or any other
    capitalised word counts where it speaks ("..., Arriva said", "according
    to NHC") and is no person's or place's name."""
    taken = sorted(span for e in people + orgs for span in e.mentions)
    starts = [s for s, _ in taken]

    def free(start):
        k = bisect_right(starts, start) - 1
        return not (k >= 0 and start < taken[k][1])

    found = {}
    for word, start, end in tokens:
        if not is_cap(word):
            continue
        bare = POSSESSIVE_S_RE.sub("", word)
        if bare in found or not free(start):
            continue
        if (
            bare in KNOWN_ORGS
            or own_voice(text, start, bare, people)
            or (speaks_at(text, start, bare) and (org_like_acronym(bare) or plain_org_word(text, start, bare, people)))
        ):
            org = next((o for o in orgs if bare in o.aliases), None)
            if org is None:
                org = Entity(bare, kind="organisation")
                orgs.append(org)
            found[bare] = org
    # Every other mention of the word, before or after the one that spoke.
    for bare, org in found.items():
        for m in whole_words(text, bare):
            if free(m.start()) and (m.start(), m.end()) not in org.mentions:
                org.mentions.append((m.start(), m.end()))
        org.mentions.sort()


ORG_VOICE_RE = re.compile(
    r"\s+(?:spokes(?:person|man|woman|people)|representatives?|(?:press|media) release|statement)\b"
    r"|,\s+(?:in|through|via)\s+its\b"
)


def own_voice(text, start, bare, people):
    """ "Coles, in its media release, said": "its" makes a body of the word,
    even where it opens the sentence."""
    return (
        bool(OWN_VOICE_RE.match(text, start + len(bare)))
        and bare.isalpha()
        and bare.lower() not in NOT_NAME_WORDS
        and not places.is_place(bare)
        and not any(fold(p.surname) == fold(bare) for p in people)
    )


def speaks_at(text, start, bare):
    """ "Boeing said", "according to Tesco", "a Tesco spokesman", "Coles, in its
    media release, reported": the word names the one whose words they are."""
    if ORG_VOICE_RE.match(text, start + len(bare)):
        return True
    m = SPEAKS_NEXT_RE.match(text, start + len(bare))
    return bool(m and m.group("verb") in REPORTING_VERBS) or bool(
        re.search(r"\baccording to\s+(?:the\s+|an?\s+)?$", text[max(0, start - 20) : start], re.IGNORECASE)
    )


def plain_org_word(text, start, bare, people):
    """A capitalised word mid-sentence that is no name we know of: "Tesco",
    "GitHub". Not sentence-initial, where "Witnesses said" is common."""
    before = text[max(0, start - 30) : start]
    glued = re.search(r"([A-Z][\w'’.-]*)\s$", before)
    follows = re.match(r"\s[A-Z]", text[start + len(bare) : start + len(bare) + 2])
    if (glued and glued.group(1).lower() not in NOT_NAME_WORDS) or follows:
        return False  # part of a longer capitalised run ("Los Angeles", "People's Vote")
    return (
        len(bare) > 2
        and bare.isalpha()
        and (bare[1:].islower() or bool(re.search(r"[a-z][A-Z]", bare)))
        and not sentence_initial(text, start)
        and bare.lower() not in NOT_NAME_WORDS | ROLE_WORDS
        and not is_given_name(bare)
        and not places.is_place(bare)
        and not any(fold(p.surname) == fold(bare) for p in people)
    )


COMPANY_RE = re.compile(r"\b(?:Company|Inc|Corporation|Corp|Motors?|Ltd|Limited|plc|LLC|Group|Airlines?|Holdings)\b")
