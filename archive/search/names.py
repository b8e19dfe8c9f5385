"""People, organisations and places named in a query or typed in a filter box.

A person is known under every form of the name a reader may type: each
alias, with or without the honorific ("Lord Heseltine", "Heseltine"), the
given name with the surname ("Michael Heseltine"), the surname alone; case
and accents never count. `name_keys` spells those forms out once, when the
person is saved (Person.search_names), so that finding a name is one
LIKE over one column instead of reading every person into memory."""

import re
import unicodedata

from django.db.models import Count, Q

HONORIFICS = {
    "lord",
    "lady",
    "sir",
    "dame",
    "baron",
    "baroness",
    "dr",
    "doctor",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "cllr",
    "councillor",
    "rev",
    "reverend",
    "rt",
    "hon",
    "the",
    "president",
    "minister",
    "mayor",
    "senator",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "general",
    "colonel",
    "captain",
    "chancellor",
    "secretary",
    "governor",
    "chief",
    "inspector",
    "detective",
    "sergeant",
}
SUFFIXES = {"mp", "mep", "msp", "qc", "kc", "obe", "mbe", "cbe", "jr", "sr", "jnr", "snr", "ii", "iii"}
LONGEST_NAME = 5  # words; longer runs of a query are never one name
QUERY_WORDS = 12  # a longer query is read as words only (one LIKE per run of words)
SEPARATOR = "|"


def normalise(text):
    """Lower-case words without accents, one space apart: 'José  Ortega-Smith' -> 'jose ortega smith'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain.casefold()))


def core_words(words):
    """`words` without leading honorifics and trailing post-nominals."""
    start, end = 0, len(words)
    while start < end - 1 and words[start] in HONORIFICS:
        start += 1
    while end > start + 1 and words[end - 1] in SUFFIXES:
        end -= 1
    return words[start:end]


def name_keys(names, organisation=False, honorific=""):
    """Every form a reader may type for someone known as `names` (and by
    `honorific`, when the articles give one: "Lord" of Michael Heseltine)."""
    title = normalise(honorific)
    keys = []
    for name in names:
        words = normalise(name).split()
        if not words:
            continue
        keys.append(" ".join(words))
        if organisation:
            if words[0] == "the" and len(words) > 1:
                keys.append(" ".join(words[1:]))
            continue
        core = core_words(words)
        keys.append(" ".join(core))
        if len(core) > 2:
            keys.append(f"{core[0]} {core[-1]}")
        if len(core) > 1 or len(core) < len(words):
            keys.append(core[-1])  # the surname, or 'Heseltine' of 'Lord Heseltine'
        if title:
            keys += [f"{title} {core[-1]}", f"{title} {' '.join(core)}"]
    return list(dict.fromkeys(k for k in keys if len(k) > 1))


def stored_keys(names, organisation=False, honorific=""):
    """The value of Person.search_names: `|key|key|`, searched with LIKE '%|key|%'."""
    keys = name_keys(names, organisation, honorific)
    return SEPARATOR + SEPARATOR.join(keys) + SEPARATOR if keys else ""


def people_called(key):
    """People any of whose name forms is exactly `key` (already normalised)."""
    from archive.models import Person

    if not key or SEPARATOR in key:
        return Person.objects.none()
    return Person.objects.filter(search_names__contains=f"{SEPARATOR}{key}{SEPARATOR}")


def with_quote_counts(people):
    """Best known first: most published quotations, then by name."""
    from archive.models import Person

    return list(
        Person.objects.with_published_quote_counts()
        .filter(pk__in=[p.pk for p in people])
        .order_by("-quote_count", "name")
    )


# --- a name typed in the speaker or place box ------------------------------------------


def resolve_person(value):
    """(person, choices): the one person `value` names (a slug, any form of
    a name, or part of one), or None with the people it could mean."""
    from archive.models import Person

    value = (value or "").strip()
    if not value:
        return None, []
    by_slug = Person.objects.filter(slug=value).first()
    if by_slug:
        return by_slug, []
    exact = list(Person.objects.filter(name__iexact=value)[:2])
    if len(exact) == 1:
        return exact[0], []
    key = normalise(value)
    found = list(people_called(key)[:20]) if key else []
    if not found and len(key) >= 3:
        found = list(Person.objects.filter(search_names__contains=key)[:20])
    return one_or_choices(with_quote_counts(found) if len(found) > 1 else found)


def resolve_place(value):
    """(place, choices) for a slug, a place name or part of one, accents ignored."""
    from archive.models import Place

    value = (value or "").strip()
    if not value:
        return None, []
    by_slug = Place.objects.filter(slug=value).first()
    if by_slug:
        return by_slug, []
    key = normalise(value)
    if not key:
        return None, []
    places = [(normalise(name), pk) for pk, name in Place.objects.values_list("pk", "name")]
    pks = [pk for name, pk in places if name == key] or [pk for name, pk in places if key in name]
    found = Place.objects.with_article_counts().filter(pk__in=pks[:20]).order_by("-article_count", "name")
    return one_or_choices(list(found))


def one_or_choices(found):
    return (found[0], []) if len(found) == 1 else (None, found)


# --- names among the words of a query ----------------------------------------------------


class NamedInQuery:
    """A run of query words naming people: `words` as typed, `people` it may mean."""

    def __init__(self, start, words, people):
        self.start, self.words, self.people = start, words, people

    @property
    def person(self):
        return self.people[0] if len(self.people) == 1 else None

    @property
    def text(self):
        return " ".join(self.words)


def names_in(words):
    """[NamedInQuery] for the runs of `words` (plain query words, in order)
    that are a form of someone's name, longest runs first, non-overlapping."""
    if len(words) > QUERY_WORDS:
        return []
    normal = [normalise(w) for w in words]
    spans = [
        (i, j)
        for i in range(len(words))
        for j in range(i + 1, min(len(words), i + LONGEST_NAME) + 1)
        if all(normal[i:j]) and len(" ".join(normal[i:j])) > 2
    ]
    if not spans:
        return []
    found = known_keys([" ".join(normal[i:j]) for i, j in spans])
    named, taken = [], set()
    for i, j in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        key = " ".join(normal[i:j])
        if key in found and not taken & set(range(i, j)):
            if j - i == 1 and unknown_given_name(words, i, found[key], taken):
                i -= 1  # "Michael Heseltine" for a Lord Heseltine known by no given name
            taken |= set(range(i, j))
            named.append(NamedInQuery(i, words[i:j], with_quote_counts(found[key])))
    return sorted(named, key=lambda n: n.start)


def unknown_given_name(words, i, people, taken):
    """Whether the capitalised word before the surname words[i] is a given
    name none of `people` is known by, and none is known by another."""
    if i == 0 or i - 1 in taken or not words[i - 1][:1].isupper() or normalise(words[i - 1]) in HONORIFICS:
        return False
    surname = normalise(words[i])
    for person in people:
        keys = person.search_names.strip(SEPARATOR).split(SEPARATOR)
        given = [k.split()[0] for k in keys if len(k.split()) == 2 and k.split()[1] == surname]
        if any(g not in HONORIFICS for g in given):
            return False
    return True


def known_keys(keys):
    """{key: [people]} for those of `keys` that are a form of someone's name:
    one query for all of them."""
    from archive.models import Person

    condition = Q()
    for key in set(keys):
        condition |= Q(search_names__contains=f"{SEPARATOR}{key}{SEPARATOR}")
    people = Person.objects.filter(condition).annotate(n=Count("quotes")).filter(n__gt=0)[:200]
    out = {}
    for person in people:
        mine = set(person.search_names.strip(SEPARATOR).split(SEPARATOR))
        for key in keys:
            if key in mine:
                out.setdefault(key, []).append(person)
    return out
