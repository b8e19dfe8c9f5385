"""Evidence that a name is a person's, and adding a person's mention.

A capitalised run is kept as a person when something in the text says so: a
courtesy title, a role word, a known given name, a later bare surname, an
apposition, an age, a reporting verb."""

import re
from bisect import bisect_right
from functools import lru_cache

from archive.extraction import places
from archive.extraction.entity import Entity
from archive.extraction.job_titles import job_noun, plural_role, read_honorific, read_role, role_before
from archive.extraction.kinds import zipf
from archive.extraction.lexicon import (
    CONNECTORS,
    COURTESY,
    FEATURE_WORDS,
    FEMALE_NAMES,
    FORMS_OF_ADDRESS,
    HONORIFICS,
    INVERTED_VERBS,
    KIN,
    KIN_GENDER,
    MALE_NAMES,
    NOT_NAME_WORDS,
    ORG_WORDS,
    PARTICLES,
    PEERAGE,
    PERSON_JOBS,
    POSTNOMINALS,
    REPORTING_VERBS,
    ROLE_WORDS,
    SURNAME_LIKE_ORG_WORDS,
    census_given_names,
    is_given_name,
)
from archive.extraction.tokens import (
    ROMAN,
    fold,
    lower_case_word_before,
    lower_case_words,
    next_word,
    possessive_end,
    prev_word,
    whole_words,
)


def looks_like_person(text, run, role, name, words, counts, vouched=False):
    """True when the name in `run` is a person's. `vouched`: the words around
    it already say so (a pair "both from Ethiopia", an employer after "of")."""
    lower = [fold(w) for w in words]
    given = is_given_name(words[0])
    if lower_case_word_before(text, name[0][1]) == "for" and all(zipf(w) > 0 and not is_given_name(w) for w in words):
        return False  # "Minister for Consumer Affairs": the job's portfolio
    # Arabic and other names with particles run longer: "Zine El Abidine Ben Ali".
    longest = 6 if any(w in PARTICLES for w in lower[1:-1]) else 4
    # "Theresa May": a month or a modal verb is a surname after a known given name.
    surname_word = len(lower) == 2 and lower[-1] in ("may", "march") and given
    if (
        any(w in NOT_NAME_WORDS for w in lower[: len(lower) - surname_word])
        or len(words) > longest
        # "Deputy Chief" is a job; "Stephen King", "Steve Field" are people.
        or (lower[-1].rstrip(".") in ROLE_WORDS and not (len(words) > 1 and given and words[-1] not in POSTNOMINALS))
        or lower[-1] in FEATURE_WORDS
        or plural_role(lower[-1])
    ):
        return False
    # "Cllr Jane Street", "Co-author Min-jun Park": after a job title, an
    # organisation word that is also a common surname still ends a name.
    org_words = {w for w in lower if w in ORG_WORDS} - (SURNAME_LIKE_ORG_WORDS if role else set())
    if org_words and not given:
        return False
    if any(not w[:1].isalpha() for w in words):
        return False
    if any(re.search(r"['’]s$", t[0]) for t in name[:-1]):
        return False
    if len(words) == 1:
        # "Dr Castle", "President Macron": only a title right before one word makes it a name.
        title = role[-1][0].lower().rstrip(".") if role else ""
        if title in HONORIFICS and role[-1][2] + 1 == name[0][1]:
            return True
        # "Turkish president Erdoğan", "prime minister Modi": a job in lower case.
        if not role and lower_case_word_before(text, name[0][1]) in PERSON_JOBS:
            return True
        # "Fourteen-year-old Zoe", "Robert, 15, said": children and witnesses
        # are often given one name, with an age that shows they are people.
        start, end = name[0][1], name[0][2]
        # "Katie says": a given name alone that speaks, from either list
        # (a census name that is a place, "Kenya said", is not one).
        return bool(YEAR_OLD_RE.search(text, max(0, start - 25), start) or AGE_RE.match(text, end)) or (
            (is_given_name(words[0]) or (census_given_name(text, words[0]) and not places.is_place(words[0])))
            and not re.search(r"(?:[A-Z][\w.]*|&)\s+$", text[max(0, start - 20) : start])
            and next_word(text[end : end + 40]) in REPORTING_VERBS
            and not re.search(r"\b" + re.escape(words[0]) + r"\s+[A-Z]", text)
        )
    if places.is_place(" ".join(words)):
        return False
    if POSTNOMINAL_RE.match(text, name[-1][2]):
        return True  # only people are QCs, MPs or OBEs
    particle = any(w in PARTICLES for w in lower[1:-1])
    # A census given name before a surname that is also a town ("Alex Greenwich")
    # needs no more than any other name; a town first still does ("Austin Texas").
    census_first = len(words) == 2 and census_given_name(text, words[0]) and not places.is_place(words[0])
    if (
        not given
        and not role
        and not particle
        and (
            places.is_place(words[0])
            or (places.is_place(words[-1]) and words[-1] not in places.COMMON_WORDS and not census_first)
        )
    ):
        # Many given names are also towns somewhere ("Jarosław", "Florence"):
        # only the way the text uses the name can tell, so ask for that.
        # "her younger brother Borna", "director Sidney Lumet": kin or a job before.
        before = lower_case_word_before(text, run[0][1])
        kin_or_job = re.fullmatch(KIN, before) or (
            before not in NOT_NAME_WORDS and (before in ROLE_WORDS or job_noun(before))
        )
        return bool(kin_or_job) or vouched or job_after(text, name[-1][2]) or speaks_as_person(text, name, words)
    return vouched or has_person_evidence(text, run, role, name, words, counts)


def speaks_as_person(text, name, words):
    """Evidence from position alone: the name, or its last word on its own
    elsewhere, is the subject of a reporting verb or carries an age or a
    courtesy title ("Kaczyński said", "Mr Kaczyński", "Kaczyński, 71,")."""
    after = text[name[-1][2] : name[-1][2] + 40]
    if next_word(after) in REPORTING_VERBS or AGE_RE.match(after):
        return True
    if prev_word(text[max(0, name[0][1] - 15) : name[0][1]]) in INVERTED_VERBS:
        return True  # '"...", said Vasco Cordeiro'
    for m in whole_words(text, words[-1]):
        if m.start() == name[-1][1]:
            continue
        if next_word(text[m.end() : m.end() + 40]) in REPORTING_VERBS or AGE_RE.match(text, m.end()):
            return True
        if prev_word(text[max(0, m.start() - 12) : m.start()]) in FORMS_OF_ADDRESS:
            return True
    return False


POSTNOMINAL_RE = re.compile(r",?\s+(?:" + "|".join(sorted(POSTNOMINALS, key=len, reverse=True)) + r")\b")
AGE_RE = re.compile(r",\s+(?:aged\s+)?\d{1,3},")
YEAR_OLD_RE = re.compile(r"\b[\w-]+-year-old\s+$", re.IGNORECASE)
# Built once here: a set built in a function is built on every call.
PERSON_BEFORE_WORDS = ROLE_WORDS | {"by", "as", "says", "said"}
APPOSITION_ROLE_WORDS = ROLE_WORDS - NOT_NAME_WORDS


def job_after(text, end):
    """ "Helena Herklots, Chief Executive of Carers UK", "Crystal Bearing, the
    director of...": a job set off by a comma."""
    after = re.sub(r"^,\s+(?:the|a|an)\s+", ", ", text[end : end + 60])
    if not re.match(r",\s+\w", after):
        return False
    # "Bronwyn Hill, Permanent Secretary at Defra": a capitalised word or two may open the job.
    for word in re.findall(r"[\w-]+", after)[:3]:
        if fold(word) in APPOSITION_ROLE_WORDS:
            return True
        if not word[:1].isupper():
            return False
    return False


def has_person_evidence(text, run, role, name, words, counts):
    end = name[-1][2]
    before = text[max(0, run[0][1] - 40) : run[0][1]]
    after = text[end : end + 40]
    surname = fold(words[-1])
    return bool(
        role
        or is_given_name(words[0])
        or census_given_name(text, words[0])
        or any(w.lower() in PARTICLES or "-" in w[:4] for w in words[1:])
        or (prev_word(before) in PERSON_BEFORE_WORDS)
        or re.match(r",\s+(?:\d+|a|an|the|who|whose|another|former|formerly|both|one of)\b", after)
        or YEAR_OLD_RE.search(before)
        or job_after(text, end)
        or (next_word(after) in REPORTING_VERBS and not after.startswith(")"))
        or counts[surname] > 1
        # "The mayor of London, Sadiq Khan, said": set off by commas after a job.
        or (text[end : end + 1] == "," and role_before(text, run[0][1]))
    )


def add_person(text, people, role, name, words):
    start, end = name[0][1], possessive_end(text, name[-1][2])
    honorific = read_honorific(role)
    if honorific and text[role[-1][2] : start] == " ":
        start = role[-1][1]
    bare = [w for w in words if not ROMAN.match(w)]
    display = " ".join(words)
    if len(bare) == 1 and honorific.lower() in PEERAGE:
        display = f"{honorific} {display}"
    person = match_person(people, words, honorific)
    if person is None:
        person = Entity(display, honorific=honorific, gender=name_gender(words, honorific))
        people.append(person)
    elif len(bare) > 1 and len(person.name.split()) < len(words) and person.honorific.lower() not in PEERAGE:
        person.add_alias(person.name)
        person.name = display
    if not person.honorific and honorific:
        person.honorific = honorific
    if not person.gender:
        person.gender = name_gender(words, honorific)
    person.add_alias(re.sub(r"['’]s$", "", text[start:end]))
    person.mentions.append((start, end))
    if not person.role:
        person.role = read_role(text, role, run_start(role, name), end)


def run_start(role, name):
    return (role or name)[0][1]


KNIGHTS = {"sir", "dame"}  # "Sir Alasdair" is Sir Alasdair Breckenridge: knights go by their given name


def match_person(people, words, honorific):
    folded = tuple(fold(w) for w in words if not ROMAN.match(w))
    if len(folded) == 1 and honorific.lower() in KNIGHTS:
        for person in reversed(people):
            theirs = folded_name(person.name)
            if len(theirs) > 1 and theirs[0] == folded[0]:
                return person
    for person in reversed(people):
        theirs = folded_name(person.name)
        if theirs[-1] != folded[-1]:
            continue  # each way of matching below needs the same surname
        if theirs == folded:
            return person
        # "Ben Ali" after "Zine El Abidine Ben Ali": a surname opening with a particle.
        shorter, longer = sorted((folded, theirs), key=len)
        if 1 < len(shorter) < len(longer) and longer[-len(shorter) :] == shorter and shorter[0] in PARTICLES:
            return person
        if len(folded) == 1 or len(theirs) == 1 or theirs[0] == folded[0]:
            return person
    return None


@lru_cache(maxsize=4096)
def folded_name(name):
    """A name's words as match_person compares them; kept, since each new
    name is compared with every person named before it."""
    return tuple(fold(w) for w in name.split() if not ROMAN.match(w))


def name_gender(words, honorific):
    title = honorific.lower()
    gender = COURTESY.get(title) or PEERAGE.get(title) or ""
    if gender:
        return gender
    first = words[0].lower()
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return ""


def pronoun_gender(text, person, people):
    """He or she in the words right after a mention, before anyone else is named."""
    others = sorted(s for p in people if p is not person for s, _ in p.mentions)
    votes = {"m": 0, "f": 0}
    for start, end in person.mentions:
        k = bisect_right(others, end)  # the next mention of anyone else
        limit = min(others[k], end + 200) if k < len(others) else end + 200
        for m in re.finditer(r"\b(he|him|his|himself|she|her|hers|herself)\b", text[end:limit], re.IGNORECASE):
            votes[
                "m"
                if m.group(1).lower().startswith("h") and m.group(1).lower() not in ("her", "hers", "herself")
                else "f"
            ] += 1
            break
    if votes["m"] > votes["f"]:
        return "m"
    if votes["f"] > votes["m"]:
        return "f"
    return ""


SINGLE_NAME_RE = re.compile(
    r"\b(?:identified (?:only )?as|named|known only as|(?:the |a )?(?:pseudonym|alias|first name)|"
    r"(?P<kin>" + KIN + r")s?,?|children,?|kids,?)\s+"
    r"(?P<names>[A-Z][a-z]+(?:(?:,\s+|,?\s+and\s+)[A-Z][a-z]+)*)\b(?!\s[A-Z])"
)


def add_single_names(text, people):
    """People the article names once by a single name ("identified only as
    Ivan", "his wife Amanda", "their sons Brodie and Nolan")."""
    for m in SINGLE_NAME_RE.finditer(text):
        for word in re.finditer(r"[A-Z][a-z]+", m.group("names")):
            name = word.group()
            if name.lower() in NOT_NAME_WORDS | CONNECTORS | ROLE_WORDS or places.is_place(name):
                continue
            if not any(fold(p.surname) == fold(name) for p in people):
                gender = KIN_GENDER.get(m.group("kin") or "") or name_gender([name], "")
                people.append(Entity(name, gender=gender))
                start = m.start("names") + word.start()
                people[-1].mentions.append((start, start + len(name)))


def census_given_name(text, word):
    """A census given name the article never writes in lower case: not "Young"
    or "Hope" in an article that speaks of young people and hope."""
    lower = fold(word)
    return lower in census_given_names() and lower not in lower_case_words(text)
