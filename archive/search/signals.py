"""The one path by which the search index follows the database: keys
recorded by signals in the outbox (IndexChange) within the transaction,
written after commit in one Whoosh writer (see archive.search.backend for
the locking), then deleted. Rows a dead process left are written by the next
flush anywhere, the first search of a process, or check_index."""

import logging
from contextlib import nullcontext

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from haystack import connections
from haystack.constants import DEFAULT_ALIAS
from haystack.signals import BaseSignalProcessor
from haystack.utils import get_identifier

from archive.models import ArchiveVersion, Article, ArticlePerson, ArticlePlace, IndexChange, Person, Place, Quote
from archive.search.duplicates import regroup

log = logging.getLogger(__name__)
FLUSH_BATCH = 2000  # outbox rows written per index commit
FLUSH_ROUND = 25 * FLUSH_BATCH  # outbox rows read at once (see flush)


def queue(*keys):
    """Record ("article"|"quote"|"person"|"place", pk) keys, or ("remove",
    identifier), in the outbox (IndexChange) within the current transaction,
    and flush after it commits. Outside a transaction the flush happens at
    once. The rows, not memory, carry the change: a process killed between
    its commit and its index write leaves them for the next flush."""
    keys = {k for k in keys if k[1] is not None}
    if not keys:
        return
    IndexChange.objects.bulk_create([IndexChange(key=f"{kind}:{value}") for kind, value in sorted(keys, key=str)])
    ArchiveVersion.bump()  # pages rendered before this change are not served again (archive.caching)
    connection = transaction.get_connection()
    # One flush per transaction does it all (a save with its quotes queues dozens of times).
    if not (connection.in_atomic_block and any(entry[1] is flush for entry in connection.run_on_commit)):
        transaction.on_commit(flush)


def queue_articles(articles):
    """For bulk writes that send no signals, e.g. apply_extraction: the
    articles' quotes are also grouped with their copies elsewhere, as a save
    does, all in one go (a batch of an import is regrouped in a few queries)."""
    pks = [article.pk for article in articles]
    regroup(Quote.objects.filter(article__in=pks).order_by("pk"))
    queue(*(("article", pk) for pk in pks))


def queue_person(person):
    """For Person.merge: quotes moved by queryset update send no signals."""
    queue(("person", person.pk))


def decode(key):
    kind, _, value = key.partition(":")
    return kind, value if kind == "remove" else int(value)


def flush(using=DEFAULT_ALIAS):
    """Write every change in the outbox, this process's and any a dead
    process left, and delete the rows written; returns how many. Never
    raises: a request must not fail because the index is busy. What cannot
    be written stays in the outbox for the next flush."""
    backend = connections[using].get_backend()
    locked = getattr(backend, "locked", nullcontext)
    done = 0
    try:
        while True:
            # A round of rows is read at once, then written a batch at a
            # time: a document that rows of several batches lead to (an
            # article and its quotations, by its people and places) is
            # written by the first only, whose database read follows the
            # commit of every row of the round.
            rows = list(IndexChange.objects.order_by("pk").values_list("pk", "key")[:FLUSH_ROUND])
            if not rows:
                return done
            written = set(), set()
            for start in range(0, len(rows), FLUSH_BATCH):
                done += write_rows(rows[start : start + FLUSH_BATCH], written, locked, using)
    except Exception:
        log.exception("search index update failed; the changes stay in the outbox for the next flush")
    return done


def write_rows(rows, written, locked, using):
    """Write the outbox rows of a batch that are still there, less the
    (articles, quotes) `written` already; returns how many rows."""
    # Under the index lock, so that the database is read and the index
    # written in the order the changes committed; rows another process's
    # flush wrote meanwhile are gone.
    with locked():
        rows = list(IndexChange.objects.filter(pk__in=[pk for pk, _ in rows]).values_list("pk", "key"))
        if not rows:
            return 0
        articles, quotes, removals = expand({decode(key) for _, key in rows})
        write(articles - written[0], quotes - written[1], removals, using=using)
        IndexChange.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
    written[0].update(articles)
    written[1].update(quotes)
    return len(rows)


_picked_up = False


def pick_up_once():
    """Flush what processes that died left in the outbox, once per process:
    at its first search (not at start-up, where the database may not be
    ready). Never raises."""
    global _picked_up
    if _picked_up:
        return
    _picked_up = True
    try:
        if IndexChange.objects.exists():
            log.warning("applying %d search index change(s) left unwritten", flush())
    except Exception as exc:
        log.warning("search index outbox not read: %s", exc)


def expand(keys):
    """(article pks, quote pks, identifiers to remove) that `keys` affect."""
    by_kind = {}
    for kind, value in keys:
        by_kind.setdefault(kind, set()).add(value)
    articles = set(by_kind.get("article", ()))
    quotes = set(by_kind.get("quote", ()))
    people = by_kind.get("person", set())
    places = by_kind.get("place", set())
    if people:
        speaking = Quote.objects.filter(person_id__in=people)
        quotes |= set(speaking.values_list("pk", flat=True))
        articles |= set(speaking.values_list("article_id", flat=True))
        articles |= set(ArticlePerson.objects.filter(person_id__in=people).values_list("article_id", flat=True))
    if places:
        articles |= articles_of_places(places)
    # An article's date and places are in its quotes' documents too.
    if articles:
        quotes |= set(Quote.objects.filter(article_id__in=articles).values_list("pk", flat=True))
    articles |= set(by_kind.get("quote_article", ()))
    return articles, quotes, set(by_kind.get("remove", ()))


def articles_of_places(places):
    """Articles linked to `places` or to any place inside them."""
    found, frontier = set(places), set(places)
    for _ in range(5):
        frontier = set(Place.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        if not frontier:
            break
        found |= frontier
    return set(ArticlePlace.objects.filter(place_id__in=found).values_list("article_id", flat=True))


def write(article_pks, quote_pks, removals=(), using=DEFAULT_ALIAS):
    """Index the public rows among the pks and remove the others."""
    unified = connections[using].get_unified_index()
    backend = connections[using].get_backend()
    updates, removals = [], set(removals)
    for model, pks in ((Article, article_pks), (Quote, quote_pks)):
        if not pks:
            continue
        index = unified.get_index(model)
        rows = list(index.index_queryset(using=using).filter(pk__in=pks))
        updates.append((index, rows))
        found = {row.pk for row in rows}
        removals |= {f"{model._meta.label_lower}.{pk}" for pk in pks if pk not in found}
    if not updates and not removals:
        return
    if hasattr(backend, "write"):
        backend.write(updates=updates, removals=sorted(removals))
        return
    for index, rows in updates:
        if rows:
            backend.update(index, rows)
    for identifier in removals:
        backend.remove(identifier)


# --- the signal processor --------------------------------------------------------


def keys_for(instance, deleted=False):
    if isinstance(instance, Article):
        keys = [("article", instance.pk)]
    elif isinstance(instance, Quote):
        keys = [("quote", instance.pk), ("quote_article", instance.article_id)]
    elif isinstance(instance, Person):
        keys = [("person", instance.pk)]
    elif isinstance(instance, Place):
        keys = [("place", instance.pk)]
    elif isinstance(instance, ArticlePerson | ArticlePlace):
        keys = [("article", instance.article_id)]
    else:
        keys = []
    if deleted and isinstance(instance, Article | Quote):
        # Taken now: the primary key is gone once the delete completes.
        keys.append(("remove", get_identifier(instance)))
    return keys


class TransactionalSignalProcessor(BaseSignalProcessor):
    """Like haystack's RealtimeSignalProcessor, but writes after commit,
    follows the people, places and links that documents are built from,
    and takes many-to-many changes into account."""

    models = (Article, Quote, Person, Place, ArticlePerson, ArticlePlace)

    def setup(self):
        for model in self.models:
            post_save.connect(self.handle_save, sender=model)
            post_delete.connect(self.handle_delete, sender=model)
        pre_delete.connect(self.handle_pre_delete, sender=Person)
        pre_delete.connect(self.handle_pre_delete, sender=Place)
        m2m_changed.connect(self.handle_m2m, sender=ArticlePerson)
        m2m_changed.connect(self.handle_m2m, sender=ArticlePlace)

    def teardown(self):
        for model in self.models:
            post_save.disconnect(self.handle_save, sender=model)
            post_delete.disconnect(self.handle_delete, sender=model)
        pre_delete.disconnect(self.handle_pre_delete, sender=Person)
        pre_delete.disconnect(self.handle_pre_delete, sender=Place)
        m2m_changed.disconnect(self.handle_m2m, sender=ArticlePerson)
        m2m_changed.disconnect(self.handle_m2m, sender=ArticlePlace)

    def handle_save(self, sender, instance, raw=False, **kwargs):
        if raw:
            return
        if isinstance(instance, Quote):
            # Grouping is no part of the index, but it follows the same saves
            # and bulk writes (see queue_articles), so it is hooked here too.
            regroup([instance])
        queue(*keys_for(instance))

    def handle_delete(self, sender, instance, **kwargs):
        queue(*keys_for(instance, deleted=True))

    def handle_pre_delete(self, sender, instance, **kwargs):
        # Set to null or cascaded without signals of their own: the quotes
        # and articles that named this person or place.
        if isinstance(instance, Person):
            quotes = Quote.objects.filter(person=instance)
            queue(*(("quote", pk) for pk in quotes.values_list("pk", flat=True)))
            articles = set(quotes.values_list("article_id", flat=True))
            articles |= set(ArticlePerson.objects.filter(person=instance).values_list("article_id", flat=True))
        else:
            articles = articles_of_places({instance.pk})
        queue(*(("article", pk) for pk in articles))

    def handle_m2m(self, sender, instance, action, pk_set=None, **kwargs):
        if action not in ("post_add", "post_remove", "pre_clear"):
            return
        if isinstance(instance, Article):
            queue(("article", instance.pk))
        elif action == "pre_clear":
            link = ArticlePerson if isinstance(instance, Person) else ArticlePlace
            field = "person" if isinstance(instance, Person) else "place"
            pks = link.objects.filter(**{field: instance}).values_list("article_id", flat=True)
            queue(*(("article", pk) for pk in pks))
        else:
            queue(*(("article", pk) for pk in pk_set or ()))
