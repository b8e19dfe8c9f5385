"""The one path by which the search index follows the database.

Saves and deletes of articles, quotes, people, places and the article links
queue keys (`("article", pk)`, ...); after the transaction commits, `flush()`
re-reads those rows and writes the index in one Whoosh writer. Because the
flush reads the database as committed, a rolled-back save leaves no ghost and
a rolled-back delete leaves the document in place. Bulk writes that send no
signals (apply_extraction's bulk_create, Person.merge's update) end with a
call to `queue_article` / `queue_person`.

Whoosh allows one writer per index. `ArchiveWhooshBackend` (the default
engine, see settings) serialises writers across gunicorn workers with an
fcntl lock file beside the index folder and retries Whoosh's own lock with
back-off, for updates and removals alike (haystack's remove() otherwise
fails at once when the index is locked). Never run `update_index --workers`
with Whoosh: each worker would hold a writer of its own.

WHOOSH_PATH may be a symlink to the folder holding the index
(`rebuild_search_index` builds a new folder and swaps the link); each
process notices the swap on its next search or write.
"""

import fcntl
import logging
import os
import shutil
import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from haystack import connections
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DEFAULT_ALIAS, ID
from haystack.exceptions import SkipDocument
from haystack.signals import BaseSignalProcessor
from haystack.utils import get_identifier
from whoosh.index import LockError

from archive.models import Article, ArticlePerson, ArticlePlace, Person, Place, Quote

log = logging.getLogger(__name__)

WRITE_LOCK_TIMEOUT = getattr(settings, "SEARCH_WRITE_LOCK_TIMEOUT", 120)


# --- the backend: one writer at a time, symlink-aware -------------------------------


def lock_path(index_path):
    """The lock file sits beside WHOOSH_PATH, so it outlives a symlink swap."""
    path = os.path.abspath(index_path).rstrip(os.sep)
    return os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".write-lock")


@contextmanager
def write_lock(index_path, timeout=None):
    """An exclusive fcntl lock shared by every process writing `index_path`,
    waited for with back-off. Threads get one each too: every call opens the
    file afresh, and flock locks belong to the open file."""
    timeout = WRITE_LOCK_TIMEOUT if timeout is None else timeout
    os.makedirs(os.path.dirname(lock_path(index_path)), exist_ok=True)
    with open(lock_path(index_path), "a+") as handle:
        deadline, delay = time.monotonic() + timeout, 0.005
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockError(f"search index write lock busy for {timeout}s") from None
                time.sleep(delay)
                delay = min(delay * 2, 0.25)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class ArchiveWhooshBackend(WhooshSearchBackend):
    def setup(self):
        super().setup()
        self.real_path = os.path.realpath(self.path) if self.use_file_storage else None

    def ensure_current(self):
        """Open the index, or re-open it after rebuild_search_index swapped
        the folder behind the symlink."""
        if not self.setup_complete or (
            self.use_file_storage and os.path.realpath(self.path) != self.real_path
        ):
            self.setup()

    @contextmanager
    def locked(self):
        if self.use_file_storage:
            with write_lock(self.path):
                yield
        else:
            yield

    def writer(self):
        self.ensure_current()
        self.index = self.index.refresh()
        # Our flock keeps our own processes apart; this waits out any other writer.
        return self.index.writer(timeout=WRITE_LOCK_TIMEOUT, delay=0.05)

    def write(self, updates=(), removals=()):
        """Apply removals (identifiers) and updates ((index, objects) pairs)
        in one commit. Raises when the index cannot be written."""
        with self.locked():
            writer = self.writer()
            try:
                for identifier in removals:
                    writer.delete_by_term(ID, identifier)
                for index, objects in updates:
                    for obj in objects:
                        doc = self.document(index, obj)
                        if doc is not None:
                            writer.update_document(**doc)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            self.index = self.index.refresh()

    def document(self, index, obj):
        """The Whoosh document for `obj`, or None when the index skips it."""
        try:
            doc = index.full_prepare(obj)
        except SkipDocument:
            return None
        doc = {key: self._from_python(value) for key, value in doc.items()}
        doc.pop("boost", None)
        return doc

    def update(self, index, iterable, commit=True):
        self.write(updates=[(index, iterable)])

    def remove(self, obj_or_string, commit=True):
        self.write(removals=[get_identifier(obj_or_string)])

    def clear(self, models=None, commit=True):
        with self.locked():
            self.ensure_current()
            super().clear(models=models, commit=commit)

    def delete_index(self):
        # Empty the folder behind the symlink, never the symlink itself.
        if self.use_file_storage and os.path.exists(self.path):
            real = os.path.realpath(self.path)
            for name in os.listdir(real):
                full = os.path.join(real, name)
                shutil.rmtree(full) if os.path.isdir(full) else os.remove(full)
        elif not self.use_file_storage:
            self.storage.clean()
        self.setup()

    def search(self, *args, **kwargs):
        self.ensure_current()
        return super().search(*args, **kwargs)

    def more_like_this(self, *args, **kwargs):
        self.ensure_current()
        return super().more_like_this(*args, **kwargs)

    def reader(self):
        self.ensure_current()
        self.index = self.index.refresh()
        return self.index.reader()


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend


# --- the queue: keys collected during a transaction, written after commit ----------

_local = threading.local()


def _pending():
    if not hasattr(_local, "keys"):
        _local.keys = set()
    return _local.keys


def queue(*keys):
    """Queue ("article"|"quote"|"person"|"place", pk) keys, or ("remove",
    identifier), for the next flush after the current transaction commits.
    Outside a transaction the flush happens at once."""
    keys = [k for k in keys if k[1] is not None]
    if not keys:
        return
    _pending().update(keys)
    transaction.on_commit(flush)


def queue_article(article):
    """For bulk writes that send no signals, e.g. apply_extraction."""
    queue(("article", article.pk))


def queue_person(person):
    """For Person.merge: quotes moved by queryset update send no signals."""
    queue(("person", person.pk))


def flush():
    """Write every queued change. Never raises: a request must not fail
    because the index is busy. What cannot be written stays queued for the
    next flush, and `check_index --repair` finds anything lost."""
    keys = set(_pending())
    if not keys:
        return
    _pending().difference_update(keys)
    try:
        write(*expand(keys))
    except Exception:
        _pending().update(keys)
        log.exception("search index update failed; %d changes kept for the next flush", len(keys))


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
        if not raw:
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


# --- comparing the index with the database ----------------------------------------------


def indexed_documents(backend):
    """{identifier: doc_hash} for every document in the index."""
    reader = backend.reader()
    try:
        return {fields[ID]: fields.get("doc_hash") for fields in reader.all_stored_fields()}
    finally:
        reader.close()


def index_differences(using=DEFAULT_ALIAS, backend=None):
    """{model label: {"database": n, "index": n, "missing": pks, "stale": pks,
    "ghost": identifiers}}: what the index lacks, holds out of date, or holds
    that the public may not see. Prepares every public row, as indexing would."""
    unified = connections[using].get_unified_index()
    backend = backend or connections[using].get_backend()
    indexed = indexed_documents(backend)
    report = {}
    for model in (Article, Quote):
        index, label = unified.get_index(model), model._meta.label_lower
        hashes = {}
        for obj in index.index_queryset(using=using).order_by("pk").iterator(chunk_size=500):
            hashes[obj.pk] = index.full_prepare(obj)["doc_hash"][0]
        mine = {ident: h for ident, h in indexed.items() if ident.rsplit(".", 1)[0] == label}
        in_index = {int(ident.rsplit(".", 1)[1]): h for ident, h in mine.items() if ident.rsplit(".", 1)[1].isdigit()}
        report[label] = {
            "database": len(hashes),
            "index": len(mine),
            "missing": sorted(hashes.keys() - in_index.keys()),
            "stale": sorted(pk for pk in hashes.keys() & in_index.keys() if hashes[pk] != in_index[pk]),
            "ghost": sorted(set(mine) - {f"{label}.{pk}" for pk in hashes}),
        }
    known = {"archive.article", "archive.quote"}
    others = sorted(ident for ident in indexed if ident.rsplit(".", 1)[0] not in known)
    report["other"] = {"database": 0, "index": len(others), "missing": [], "stale": [], "ghost": others}
    return report


def repair(report, using=DEFAULT_ALIAS):
    """Write what `index_differences` found missing or stale; remove ghosts."""
    article = report["archive.article"]
    quote = report["archive.quote"]
    removals = [ident for part in report.values() for ident in part["ghost"]]
    write(set(article["missing"] + article["stale"]), set(quote["missing"] + quote["stale"]), removals, using)
