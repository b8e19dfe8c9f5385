"""What the search page makes of a query of plain words.

A name in it ("Heseltine referendum") narrows the search to that speaker's
quotations, the other words searched in them, with a link back to the words
everywhere; a name several people share is offered as a choice of each.
Question words are set aside by query.parse_query. When every word is
required and nothing matches, any of the words will do, best matches first."""

from dataclasses import dataclass, field

from archive.models import Quote
from archive.search.forms import QUOTES
from archive.search.names import names_in
from archive.search.query import words_query
from archive.search.results import query_url

CARDS = 4  # people shown for names in a query


@dataclass
class Reading:
    data: dict
    parsed: object
    acting: object = None  # the NamedInQuery narrowing the search to one speaker
    named: list = field(default_factory=list)  # every name found in the query

    def without_name(self, data, parsed):
        """The same search with the name taken as words again."""
        return Reading(data, parsed, None, self.named)


def read(data, parsed):
    """A Reading of the form's data and the parsed words."""
    if data.get("everywhere") or data.get("speaker") or not parsed.simple:
        return Reading(data, parsed)
    named = names_in(parsed.typed)
    acting = None
    if data["type"] == QUOTES:
        # A lone lower-case word ("street", "clark") may be just a word: it is
        # offered as a name, not acted on.
        acting = next((n for n in named if n.person and (len(n.words) > 1 or n.words[0][:1].isupper())), None)
    if acting is None:
        return Reading(data, parsed, None, named)
    rest = parsed.typed[: acting.start] + parsed.typed[acting.start + len(acting.words) :]
    narrowed = words_query(" ".join(rest), rest) if rest else words_query("", [])
    narrowed.dropped = parsed.dropped
    return Reading({**data, "speaker": acting.person}, narrowed, acting, named)


def settle(reading, data, parsed, find):
    """(reading, notices, missed): the reading whose `find(reading)` finds
    something, falling back from a speaker named in the query to the words
    everywhere, then from every word to any word. `find` returns a dict
    with the "total"; the last one called is the answer."""
    notices, missed = [], None
    found = find(reading)
    if not found["total"] and reading.acting:
        notices.append("no_match_by_speaker")
        missed = {"name": reading.acting.person.name, "words": reading.parsed.text}
        reading = reading.without_name(data, parsed)
        found = find(reading)
    if not found["total"] and any_word(reading.parsed):
        notices.append("any_word")
        reading = reading.without_name(reading.data, any_word(reading.parsed))
        find(reading)
    return reading, notices, missed


def any_word(parsed):
    """`parsed` with its words as alternatives, or None when that is no different."""
    if not parsed.simple or parsed.any_word or len(parsed.terms) < 2:
        return None
    return words_query(parsed.text, parsed.typed, any_word=True)


def cards(reading, original, params):
    """[{'person', 'role', 'count', 'acting', 'rest', 'url'}] for the people
    named in the query; `url` searches the other words in their quotations."""
    out = []
    for named in reading.named:
        rest = " ".join(original.typed[: named.start] + original.typed[named.start + len(named.words) :])
        for person in named.people[:CARDS]:
            out.append(
                {
                    "person": person,
                    "count": person.quote_count,
                    "acting": named is reading.acting,
                    "rest": rest,
                    "url": query_url(params, q=rest, speaker=person.name, everywhere=None),
                }
            )
    roles = latest_roles([c["person"] for c in out[:CARDS]])
    for card in out:
        card["role"] = roles.get(card["person"].pk, "")
    return out[:CARDS]


def latest_roles(people):
    """{person pk: the role their latest published quotation gives them}."""
    roles = {}
    for person in people:
        role = (
            Quote.objects.published()
            .filter(person=person)
            .exclude(role="")
            .order_by("-article__published")
            .values_list("role", flat=True)
            .first()
        )
        roles[person.pk] = role or ""
    return roles
