"""The Person and Place rows that extractions name, found and made with a
few queries however many names there are.

A long article names thousands of people and places. Looked up one at a
time (a case-insensitive match on the name scans the table, then the
aliases are searched), they cost tens of thousands of queries inside the
transaction that holds SQLite's write lock: an article of two million
characters locked editors out for a quarter of a minute. Here the rows
are read in one go, the names matched in memory, and the new rows written
in one statement each."""

import json

from archive.extraction import places as gazetteer
from archive.models import Person, Place, chunked, unique_slugs

FEW = 40  # up to this many names are looked up one by one; more read every row of their kind


def find_person(name, kind=Person.PERSON):
    """The Person of that kind known by `name` (display name or alias), or
    None: "Ford" the company is not Gerald Ford."""
    return People([(name, kind)]).find(name, kind)


class People:
    """People and organisations by name, for the `names` ((name, kind)
    pairs) about to be asked for: a display name first, then an alias,
    compared casefolded, as an editor would."""

    def __init__(self, names):
        self.by_name, self.by_alias = {}, {}
        self.new, self.changed = [], {}
        names = set(names)
        if len(names) <= FEW:
            rows = [person for name, kind in names for person in candidates(name, kind)]
        else:
            rows = Person.objects.filter(kind__in={kind for _, kind in names}).defer("search_names")
        for person in sorted(rows, key=lambda p: (p.name, p.pk)):  # as .first() on Person's ordering
            self.remember(person)

    def remember(self, person):
        self.by_name.setdefault((person.kind, person.name.casefold()), person)
        for alias in person.aliases:
            self.by_alias.setdefault((person.kind, alias.casefold()), person)

    def find(self, name, kind):
        key = (kind, name.casefold())
        return self.by_name.get(key) or self.by_alias.get(key)

    def get(self, name, kind=Person.PERSON, honorific="", aliases=()):
        """The person called `name`, made (unsaved until `save`) if unknown;
        a known one learns the new forms of its name and its honorific."""
        person = self.find(name, kind)
        if person is None:
            person = Person(name=name, honorific=honorific, kind=kind)
            person.add_aliases(list(aliases))
            self.new.append(person)
        else:
            changed = person.add_aliases([name, *aliases])
            if honorific and not person.honorific:
                person.honorific, changed = honorific, True
            if changed and person.pk:
                self.changed[person.pk] = person
        self.remember(person)
        return person

    def save(self):
        """Write the changed people, then the new ones in one statement."""
        for person in self.changed.values():
            person.save(update_fields=["aliases", "honorific"])
        for person, slug in zip(self.new, unique_slugs(Person, [p.name for p in self.new])):
            person.slug = slug
            person.fill_search_names()
        Person.objects.bulk_create(self.new)
        self.new, self.changed = [], {}


def candidates(name, kind):
    """The rows that may be `name`: the same name in any case, or the name's
    last word somewhere in the aliases (a JSON list, narrowed with LIKE)."""
    same_kind = Person.objects.filter(kind=kind)
    surname = name.split()[-1] if name.split() else name
    # SQLite keeps the JSON as written, with "ó" as "\u00f3"; PostgreSQL does not.
    escaped = json.dumps(surname)[1:-1]
    return [
        *same_kind.filter(name__iexact=name),
        *same_kind.filter(aliases__icontains=surname)[:50],
        *(same_kind.filter(aliases__icontains=escaped)[:50] if escaped != surname else ()),
    ]


class Places:
    """Places by (name, kind), each in its region or country where the
    extraction (or the gazetteer, for a parent) says."""

    def __init__(self, datas):
        self.known, self.loaded = {}, set()
        self.load({d["name"] for d in datas} | {d["parent"] for d in datas if d.get("parent")})
        self.new, self.changed = [], {}

    def load(self, names):
        """Read the places called any of `names` (a region's own parent,
        found in the gazetteer on the way, is read when first asked for)."""
        names = set(names) - self.loaded
        self.loaded |= names
        for chunk in chunked(sorted(names)):
            for place in Place.objects.filter(name__in=chunk).order_by("kind", "pk"):
                self.remember(place)

    def remember(self, place):
        self.known.setdefault((place.name, place.kind), place)
        self.known.setdefault(place.name, place)  # the first by kind: a city before a country

    def get(self, data, depth=0):
        parent = None
        parent_name = data.get("parent")
        if parent_name and parent_name != data["name"] and depth < 5:
            self.load([parent_name])
            parent = self.known.get(parent_name)
            if parent is None:
                parent_data = gazetteer.lookup(parent_name) or {"name": parent_name, "kind": Place.REGION}
                parent = self.get(parent_data, depth + 1)
        kind = data.get("kind") or Place.CITY
        self.load([data["name"]])
        place = self.known.get((data["name"], kind))
        if place is None:
            place = Place(
                name=data["name"],
                kind=kind,
                parent=parent,
                latitude=data.get("latitude"),
                longitude=data.get("longitude"),
            )
            self.new.append(place)
            self.remember(place)
        elif parent and place.parent_id is None and place.parent is None:
            place.parent = parent
            if place.pk:
                self.changed[place.pk] = place
        return place

    def save(self):
        """Write the new places, parents before the places in them, then
        the ones that learnt their parent."""
        for place, slug in zip(self.new, unique_slugs(Place, [p.name for p in self.new])):
            place.slug = slug
        waiting = self.new
        while waiting:
            ready = [p for p in waiting if p.parent is None or p.parent.pk is not None]
            if not ready:
                raise ValueError("places inside each other in a loop")
            Place.objects.bulk_create(ready)
            waiting = [p for p in waiting if p.pk is None]
        for place in self.changed.values():
            place.save(update_fields=["parent"])
        self.new, self.changed = [], {}
