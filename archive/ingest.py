"""Turning an article and its extraction into rows. The import command, the
admin and the re-extract action all go through `save_record` / `apply_extraction`."""

import json

from django.db import transaction
from django.db.models import Q

from archive.extraction import places
from archive.extraction.parts import extract_text
from archive.models import Article, ArticlePerson, ArticlePlace, Person, Place, fingerprint


def save_record(record, result=None):
    """Create the article for an import record unless the same text is already
    in the archive. Returns (article, created). The extraction (given, or run
    here) happens before the transaction, so the write lock is held only for
    the writes."""
    existing = Article.objects.filter(fingerprint=fingerprint(record.body)).first()
    if existing:
        return existing, False
    if result is None:
        result = extract_text(record.body)
    return save_records([(record, result)])[0]


def save_records(pairs):
    """Save (record, extraction) pairs in one transaction: [(article, created)]
    in their order. A text already in the archive, or earlier in `pairs`, is
    not saved again. Raises, saving none of them, if any fails."""
    done, known = [], {}
    with transaction.atomic():
        prints = [fingerprint(record.body) for record, _ in pairs]
        for article in Article.objects.filter(fingerprint__in=set(prints)).defer("body"):
            known[article.fingerprint] = article
        for (record, result), print_ in zip(pairs, prints):
            if print_ in known:
                done.append((known[print_], False))
                continue
            article = Article.objects.create(
                headline=record.headline,
                body=record.body,
                published=record.published,
                precision=record.precision,
                outlet=record.outlet,
                url=record.url,
            )
            apply_extraction(article, result)
            known[print_] = article
            done.append((article, True))
    return done


def find_person(name, kind=Person.PERSON):
    """The Person of that kind known by `name` (display name or alias), or
    None: "Ford" the company is not Gerald Ford."""
    same_kind = Person.objects.filter(kind=kind)
    exact = same_kind.filter(name__iexact=name).first()
    if exact:
        return exact
    # Aliases live in a JSON list; narrow by the last word of the name first
    # so this stays one small query however many people there are.
    key = name.casefold()
    surname = name.split()[-1]
    # SQLite keeps the JSON as written, with "ó" as "\u00f3"; PostgreSQL does not.
    escaped = json.dumps(surname)[1:-1]
    for person in same_kind.filter(Q(aliases__icontains=surname) | Q(aliases__icontains=escaped))[:50]:
        if key in (alias.casefold() for alias in person.aliases):
            return person
    return None


def get_or_create_person(name, honorific="", aliases=(), kind=Person.PERSON):
    person = find_person(name, kind)
    if person is None:
        person = Person(name=name, honorific=honorific, kind=kind)
        person.add_aliases(list(aliases))
        person.save()
        return person
    changed = person.add_aliases([name, *aliases])
    if honorific and not person.honorific:
        person.honorific, changed = honorific, True
    if changed:
        person.save(update_fields=["aliases", "honorific"])
    return person


def get_or_create_place(data, depth=0):
    """The Place for an extracted place, with its parent chain (a city in its
    region or country) taken from the gazetteer where the data says."""
    parent = None
    parent_name = data.get("parent")
    if parent_name and parent_name != data["name"] and depth < 5:
        parent = Place.objects.filter(name=parent_name).order_by("kind").first()
        if parent is None:
            parent_data = places.lookup(parent_name) or {"name": parent_name, "kind": Place.REGION}
            parent = get_or_create_place(parent_data, depth + 1)
    place, created = Place.objects.get_or_create(
        name=data["name"],
        kind=data.get("kind") or Place.CITY,
        defaults={
            "parent": parent,
            "latitude": data.get("latitude"),
            "longitude": data.get("longitude"),
        },
    )
    if not created and parent and place.parent_id is None:
        place.parent = parent
        place.save(update_fields=["parent"])
    return place


def overlaps(start, end, spans):
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def apply_extraction(article, result=None):
    """Replace the machine's quotes, people and places for `article` with a
    fresh extraction. Quotes an editor made or corrected are never touched,
    and a machine quote that overlaps one of them is dropped in its favour.
    The extraction (seconds for a long article) runs before the transaction
    opens: SQLite's write lock is taken at BEGIN and would be held throughout."""
    if result is None:
        result = extract_text(article.body)
    with transaction.atomic(savepoint=False):
        return write_extraction(article, result)


def write_extraction(article, result):
    article.quotes.filter(by_editor=False).delete()
    editor_quotes = list(article.quotes.filter(by_editor=True))
    editor_spans = [(q.position, q.position + len(q.text)) for q in editor_quotes]

    # People and organisations are both Person rows, told apart by kind.
    people, mentions = {}, {}
    named = [(data, Person.PERSON) for data in result["people"]]
    named += [(data, Person.ORGANISATION) for data in result.get("organisations", ())]
    for data, kind in named:
        person = get_or_create_person(data["name"], data.get("honorific", ""), data.get("aliases", ()), kind)
        people[data["name"], kind] = person
        mentions[person.pk] = mentions.get(person.pk, 0) + data.get("mentions", 1)

    new_quotes = []
    for data in result["quotes"]:
        if overlaps(data["start"], data["end"], editor_spans):
            continue
        person = None
        if data.get("speaker"):
            name, kind = data["speaker"], data.get("speaker_kind") or Person.PERSON
            person = people.get((name, kind)) or get_or_create_person(name, kind=kind)
            people[name, kind] = person
            mentions.setdefault(person.pk, 1)
        new_quotes.append(
            article.quotes.model(
                article=article,
                person=person,
                text=data["text"],
                kind=data["kind"],
                position=data["start"],
                role=(data.get("role") or "")[:300],
            )
        )
    article.quotes.model.objects.bulk_create(new_quotes)
    for quote in editor_quotes:
        if quote.person_id:
            mentions.setdefault(quote.person_id, 1)

    ArticlePerson.objects.filter(article=article).delete()
    ArticlePerson.objects.bulk_create(
        ArticlePerson(article=article, person_id=pk, mentions=n) for pk, n in mentions.items()
    )

    counts = {}
    for data in result["places"]:
        pk = get_or_create_place(data).pk
        counts[pk] = counts.get(pk, 0) + data.get("mentions", 1)
    ArticlePlace.objects.filter(article=article).delete()
    ArticlePlace.objects.bulk_create(ArticlePlace(article=article, place_id=pk, mentions=n) for pk, n in counts.items())
    from archive.search.signals import queue_article  # bulk_create sent no signals: reindex after commit

    queue_article(article)
    return article
