"""Turning an article and its extraction into rows. The import command, the
admin and the re-extract action all go through `save_record` / `apply_extraction`."""

from django.db import transaction

from archive.directory import People, Places
from archive.extraction.parts import extract_text
from archive.models import Article, ArticlePerson, ArticlePlace, Person, fingerprint
from archive.search.signals import queue_articles


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
    people, places = People(named(r for _, r in pairs)), Places([p for _, r in pairs for p in r["places"]])
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
            write_extraction(article, result, people, places, replacing=False)
            known[print_] = article
            done.append((article, True))
        queue_articles([article for article, created in done if created])
    return done


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
    people, places = People(named([result])), Places(result["places"])
    with transaction.atomic(savepoint=False):
        write_extraction(article, result, people, places)
        queue_articles([article])
    return article


def named(results):
    """The (name, kind) of everyone the extractions name or quote."""
    names = set()
    for result in results:
        names.update((data["name"], Person.PERSON) for data in result["people"])
        names.update((data["name"], Person.ORGANISATION) for data in result.get("organisations", ()))
        names.update(
            (data["speaker"], data.get("speaker_kind") or Person.PERSON)
            for data in result["quotes"]
            if data.get("speaker")
        )
    return names


def write_extraction(article, result, people, places, replacing=True):
    """The writes of apply_extraction, with the People and Places (read
    before the transaction) the extraction names. The caller queues the
    article for the index (queue_articles), as bulk_create sent no signals.
    `replacing`: the article may have rows of an earlier extraction (an
    article just created has none, so an import asks nothing about them)."""
    editor_quotes = []
    if replacing:
        article.quotes.filter(by_editor=False).delete()
        editor_quotes = list(article.quotes.filter(by_editor=True))
        ArticlePerson.objects.filter(article=article).delete()
        ArticlePlace.objects.filter(article=article).delete()
    editor_spans = [(q.position, q.position + len(q.text)) for q in editor_quotes]
    quotes = [data for data in result["quotes"] if not overlaps(data["start"], data["end"], editor_spans)]

    # People and organisations are both Person rows, told apart by kind.
    # (Counted after people.save(): a new Person has no pk before it.)
    mentioned = [
        (people.get(data["name"], Person.PERSON, data.get("honorific", ""), data.get("aliases", ())), data)
        for data in result["people"]
    ]
    mentioned += [
        (people.get(data["name"], Person.ORGANISATION, aliases=data.get("aliases", ())), data)
        for data in result.get("organisations", ())
    ]
    speakers = {
        data["start"]: people.get(data["speaker"], data.get("speaker_kind") or Person.PERSON)
        for data in quotes
        if data.get("speaker")
    }
    people.save()

    new_quotes = [
        article.quotes.model(
            article=article,
            person=speakers.get(data["start"]),
            text=data["text"],
            kind=data["kind"],
            position=data["start"],
            role=(data.get("role") or "")[:300],
        )
        for data in quotes
    ]
    article.quotes.model.objects.bulk_create(new_quotes)
    counts = {}
    for person, data in mentioned:
        counts[person.pk] = counts.get(person.pk, 0) + data.get("mentions", 1)
    for person_id in [p.pk for p in speakers.values()] + [q.person_id for q in editor_quotes if q.person_id]:
        counts.setdefault(person_id, 1)
    ArticlePerson.objects.bulk_create(
        ArticlePerson(article=article, person_id=pk, mentions=n) for pk, n in counts.items()
    )

    found = [(places.get(data), data.get("mentions", 1)) for data in result["places"]]
    places.save()
    counts = {}
    for place, n in found:
        counts[place.pk] = counts.get(place.pk, 0) + n
    ArticlePlace.objects.bulk_create(ArticlePlace(article=article, place_id=pk, mentions=n) for pk, n in counts.items())
    return article
