"""A capitalised run of words, split into a role prefix ("US Secretary of
State") and a name ("Mike Pompeo"), and kept as a person or an organisation."""

import re

from archive.extraction import places
from archive.extraction.job_titles import is_role_token
from archive.extraction.kinds import zipf
from archive.extraction.lexicon import (
    CONNECTORS,
    NOT_NAME_WORDS,
    ORG_NAME_STARTS,
    ORG_WORDS,
    POSTNOMINALS,
    ROLE_OBJECTS,
    ROLE_WORDS,
    THING_NOUNS,
    census_given_names,
    is_given_name,
    word_set,
)
from archive.extraction.organisations import add_org
from archive.extraction.people import add_person, census_given_name, looks_like_person
from archive.extraction.tokens import (
    JOINERS,
    capitalised_words_before,
    fold,
    is_acronym,
    is_honorific_token,
    lower_case_word_before,
    sentence_initial,
    whole_words,
)


def strip_leading(text, run):
    while (
        run
        and run[0][0].lower() in NOT_NAME_WORDS
        and not is_honorific_token(run[0][0])
        and not is_acronym(run[0][0])
        and not org_name_start(text, run)
    ):
        run = run[1:]
    while run and (run[0][0].lower() in CONNECTORS or run[0][0].lower().endswith("-year-old")):
        run = run[1:]
    # A plural demonym or sentence-initial common noun glued to a name:
    # "Ethiopians Dejene Debela", "Countryman Lawrence Cherono".
    if len(run) > 2 and re.search(r"(?:ans|ese|is)$", run[0][0]) and not is_given_name(run[0][0]):
        run = run[1:]
    if (
        len(run) > 2
        and sentence_initial(text, run[0][1])
        and not is_given_name(run[0][0])
        and is_given_name(run[1][0])
        and run[0][0].lower() not in ROLE_WORDS
    ):
        run = run[1:]
    if len(run) > 1 and sentence_initial(text, run[0][1]) and ordinary_word(text, run[0][0]):
        run = run[1:]
    if (
        len(run) == 2
        and sentence_initial(text, run[0][1])
        and not is_given_name(run[0][0])
        and not census_given_name(text, run[0][0])
        and not is_honorific_token(run[0][0])
        and other_first_word(text, run)
    ):
        # "Afterwards Trump", "Longtime Imus": the surname is named elsewhere
        # with a real given name, so the opening word is not one (but "Brooke
        # Kinsella" beside "Ben Kinsella" is a sister).
        run = run[1:]
    return run


def other_first_word(text, run):
    for m in capitalised_words_before(text, run[1][0]):
        if (
            m.group(1) != run[0][0]
            and m.group(1).lower() not in NOT_NAME_WORDS
            and (is_given_name(m.group(1)) or not sentence_initial(text, m.start()))
        ):
            return True
    return False


ORDINARY_ENDINGS = re.compile(r"(?:ous|ive|ful|less|ly|ed|ing|ion|ment|ness|ity|ish)$")


def ordinary_word(text, word):
    """A word capitalised only because it opens a sentence ("Previous SpaceX
    pods"): it reads as an ordinary word, or the article uses it in lower case."""
    if is_given_name(word) or census_given_name(text, word) or word.lower() in ROLE_WORDS or not word[1:].islower():
        return False
    # An English word by its ending ("Previous", "Reportedly"), not a name
    # that ends the same way ("Sally", "Javed"): wordfreq knows the word.
    if ORDINARY_ENDINGS.search(word) and zipf(word) > 0:
        return True
    return next(whole_words(text, word.lower()), None) is not None


def org_name_start(text, run):
    """ "the State Department", "the City Council": a noun that starts an
    organisation's name mid-sentence stays part of it."""
    return (
        run[0][0].lower() in ORG_NAME_STARTS
        and len(run) > 1
        and any(t[0].lower() in ORG_WORDS for t in run)
        and not sentence_initial(text, run[0][1])
    )


def classify_run(text, run, people, orgs, counts, coordinated=False):
    while len(run) > 2 and run[-1][0].rstrip(".") in POSTNOMINALS:
        run = run[:-1]  # "Durham Hall QC", "Tim Farron MP": letters after a name
    lower = [t[0].lower().rstrip(".") for t in run]
    if "and" in lower and not set(lower) & ORG_WORDS:
        # "Sir Keith Morland and Cllr Jo Brant": two people, each named in full.
        k = lower.index("and")
        known = classify_run(text, run[:k], people, orgs, counts, coordinated)
        second = classify_run(text, strip_leading(text, run[k + 1 :]), people, orgs, counts, known)
        if second and not known and re.match(r",\s+(?:both|each)\b", text[run[-1][2] :]):
            # "Ababel Yeshaneh and Gelete Burka, both from Ethiopia": the
            # evidence after the pair is for both.
            classify_run(text, run[:k], people, orgs, counts, True)
        return second
    last_org = max((k for k, w in enumerate(lower[:-2]) if w in ORG_WORDS), default=None)
    if (
        last_org is not None
        and len(run) - last_org - 1 in (2, 3)
        and "of" not in lower[last_org:]
        and (is_given_name(run[last_org + 1][0]) or "-" in run[last_org + 1][0][1:4])
    ):
        # "director of Amnesty International Man-kei Tam": the body, then its officer.
        add_org(text, orgs, run[: last_org + 1])
        return classify_run(text, run[last_org + 1 :], people, orgs, counts, coordinated)
    owner = next((k for k, t in enumerate(run[:-2]) if re.search(r"['’]s$", t[0])), None)
    if (
        owner is not None
        and {fold(re.sub(r"['’]s$", "", t[0])) for t in run[: owner + 1]} & ORG_WORDS
        and (is_given_name(run[owner + 1][0]) or census_given_name(text, run[owner + 1][0]))
    ):
        # "The Native American Rights Fund's Jacqueline De León": the body,
        # then its member.
        add_org(text, orgs, run[: owner + 1])
        return classify_run(text, run[owner + 1 :], people, orgs, counts, coordinated)
    if (
        owner is not None
        and 2 <= owner + 1 <= 3
        and {t[0].lower().rstrip(".") for t in run[owner + 1 :]} & ORG_WORDS
        and is_given_name(run[0][0])
        and not {t[0].lower() for t in run[: owner + 1]} & ORG_WORDS
    ):
        # "John Lydon's Public Image Ltd": the person, then what they own.
        known = classify_run(text, run[: owner + 1], people, orgs, counts, coordinated)
        add_org(text, orgs, run[owner + 1 :])
        return known
    role, name, rest = split_run(run, bool(run) and lower_case_word_before(text, run[0][1]) in JOINING_WORDS)
    owner = next((k for k, t in enumerate(name[:-1]) if re.search(r"['’]s$", t[0])), None)
    if owner is not None and not {t[0].lower() for t in name[owner + 1 :]} & ORG_WORDS:
        # "Ben Ali's Presidency": the name ends at the possessive.
        name, rest = name[: owner + 1], []
    words = clean_name_tokens(name)
    # "Nikki Holland of the UK's National Crime Agency": a name, then the body
    # its bearer works for, is a person's even when the surname is a town;
    # "the South Lawn of the White House" is not.
    employer = (
        bool(rest)
        and run[run.index(rest[0]) - 1][0].lower() == "of"
        and any(fold(re.sub(r"['’]s$", "", t[0])) in ORG_WORDS for t in rest)
        and lower_case_word_before(text, run[0][1]) not in ("the", "a", "an")
    )
    if run and not role and THING_BEFORE_RE.search(text, max(0, run[0][1] - 30), run[0][1]):
        add_org(text, orgs, run)  # "the organization Equally American"
        return False
    if not role and named_for_country(words):
        add_org(text, orgs, name)  # "Historic England", "Public Health England", "Carers UK"
        return False
    if words and looks_like_person(text, run, role, name, words, counts, coordinated or employer):
        add_person(text, people, role, name, words)
        if rest:
            classify_run(text, strip_leading(text, rest), people, orgs, counts)
        return True
    if any(w.lower().rstrip(".") in ORG_WORDS for w, _, _ in run) and len(run) > 1:
        add_org(text, orgs, run)
    elif rest:
        classify_run(text, strip_leading(text, rest), people, orgs, counts)
    return False


PLACE_QUALIFIERS = word_set(
    "north south east west northern southern eastern western central across greater upper lower mid "
    "north-east north-west south-east south-west all rural urban"
)


def named_for_country(words):
    """A body named for the country it serves ("Sport England", "Cancer
    Research UK"): words that end in a country's name, none of them a
    given name, and no place as a whole ("South Africa")."""
    if len(words) < 2 or is_given_name(words[0]) or words[0].lower() in census_given_names():
        return False
    if places.is_place(" ".join(words)) or places.is_place(words[0]) or fold(words[0]) in PLACE_QUALIFIERS:
        return False  # "South Wales", "Melbourne Australia"
    last = places.lookup(words[-1])
    return bool(last) and (last["kind"] == "country" or words[-1] in places.UK_NATIONS.values())


THING_BEFORE_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted(THING_NOUNS | word_set("campaign coalition movement non-profit nonprofit band brand")))
    + r")\s+$"
)


JOINING_WORDS = {"of", "for", "and", "&"}
COMMON_NAME_ZIPF = 4.1  # "Jo" (4.0) and "Nikki" are names first; "Royal" (4.9) and "Carolina" (4.5) are words


def split_run(run, joined=False):
    """(role tokens, name tokens, rest) of a capitalised run: the name starts after
    the last job word or title, so "Coast Guard Commandant Admiral Elson
    Hermogino" gives the name "Elson Hermogino" with "Admiral" kept last in
    the role for the honorific. `joined`: the run follows "of", "for" or
    "and", so it may be the tail of a job ("Minister for Universities and
    Science David Willetts")."""
    # "Duncan Selbie CEO of Public Health England": a given name and a surname,
    # then a job with no comma before it; what follows "of" is the body.
    first_job = next((k for k, t in enumerate(run) if is_role_token(t[0], False)), None)
    if first_job in (2, 3) and is_given_name(run[0][0]) and "of" in [t[0] for t in run[first_job + 1 : first_job + 4]]:
        of = [t[0] for t in run].index("of", first_job)
        return [], run[:first_job], run[of + 1 :]
    # "Vlada Stamenković of the NASA Jet Propulsion Laboratory": an "of" after a
    # word that is no job title ends the name; what follows is where they work.
    for k, (word, _, _) in enumerate(run[1:-1], start=1):
        if (
            word.lower() == "of"
            and not is_role_token(run[k - 1][0], False)
            and run[k - 1][0].lower() not in ROLE_OBJECTS | CONNECTORS
            and k >= 2
        ):
            role, name, _ = split_run(run[:k])
            if name:
                return role, name, run[k + 1 :]
            break
    last = -1
    for k, (word, _, _) in enumerate(run):
        if is_role_token(word, k == len(run) - 1) and k < len(run) - 1:
            last = k
    if 0 <= last < len(run) - 2 and run[last + 1][0] == "General":
        last += 1  # "Solicitor General Jose Calida", "Attorney General"
    role, name = run[: last + 1], run[last + 1 :]
    while name:
        lower = name[0][0].lower()
        skip = gazetteer_prefix(name) if role or lower in CONNECTORS or len(name) > 2 else 0
        if skip and len(name) - skip < 2 and lower not in CONNECTORS:
            # "Governor Ron DeSantis": a place-like given name ("Ron") after a
            # job title is the start of the name, not a "Florida" in "Florida Governor".
            skip = 0
        if lower in CONNECTORS or (lower in ROLE_OBJECTS and len(name) > 2):
            skip = 1
            joined = joined or lower in CONNECTORS  # "Minister for Equalities Lynne Featherstone"
        elif not skip and (role or joined):
            skip = job_tail(name, joined)
        if not skip:
            break
        role, name = role + name[:skip], name[skip:]
    for k, (word, _, _) in enumerate(name):
        if word.lower() in CONNECTORS:
            return role, name[:k], name[k + 1 :]
    return role, name, []


def given_name(word):
    return is_given_name(word) or word.lower() in census_given_names()


def job_tail(name, joined=False):
    """How many words open `name` that end a job or an employer before a
    given name and a surname: "(Chief Vet) Nigel Gibbens", "(Chief Executive
    of) Mind Paul Farmer", "(Minister for) Consumer Affairs Jo Swinson".
    None of them may be a given name ("Martin Luther King" stays whole), nor,
    unless "of", "for" or "and" comes before, a word English does not know
    ("Meerjady Sabrina Flora"); a census name that is also a common word
    ("Royal", "Carolina") is no given name here."""
    words = [t[0] for t in name]
    k = len(words) - 2
    if k < 1 or any(given_name(w) or not (joined or zipf(w) > 0) for w in words[:k]):
        return 0
    first = (
        is_given_name(words[k])
        or (words[k].lower() in census_given_names() and zipf(words[k]) < COMMON_NAME_ZIPF)
        # "(Minister for Prisons and) Probation Crispin Blunt": after "and", a word English does not know.
        or (joined and zipf(words[k]) == 0 and all(zipf(w) > 0 for w in words[:k]))
    )
    return k if first else 0


def gazetteer_prefix(tokens):
    """Number of leading tokens that name a place, when more tokens follow."""
    for n in range(min(4, len(tokens) - 1), 0, -1):
        words = [t[0] for t in tokens[:n]]
        if words[-1].lower() in JOINERS:
            continue
        if places.is_place(" ".join(words)) and not is_given_name(tokens[0][0]):
            return n
    return 0


def clean_name_tokens(tokens):
    """Name words without a possessive ending or trailing connectors."""
    words = [t[0] for t in tokens]
    while words and words[-1].lower() in JOINERS:
        words.pop()
    if words:
        words[-1] = re.sub(r"['’]s$", "", words[-1])
    return words
