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

Searches give haystack's answers at a fraction of the cost (see
`ArchiveWhooshBackend.search`): a searcher kept open and refreshed, facet
values and date terms read once per segment (segments never change), and
totals with facet counts cached in SEARCH_CACHE (a Django cache alias; None
turns it off) under the index folder, generation and segments, so that any
write or rebuild moves searches on to new keys.
"""

import fcntl
import hashlib
import logging
import os
import shutil
import threading
import time
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from contextlib import contextmanager
from itertools import chain

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from haystack import connections
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DEFAULT_ALIAS, ID
from haystack.exceptions import SearchBackendError, SkipDocument
from haystack.signals import BaseSignalProcessor
from haystack.utils import get_identifier
from whoosh import query as wquery
from whoosh.fields import NUMERIC
from whoosh.index import LockError
from whoosh.util.numeric import tiered_ranges

from archive.models import Article, ArticlePerson, ArticlePlace, Person, Place, Quote

log = logging.getLogger(__name__)

WRITE_LOCK_TIMEOUT = getattr(settings, "SEARCH_WRITE_LOCK_TIMEOUT", 120)
# Totals and facet counts of recent searches, per index generation: which
# cache (None turns it off) and for how long.
SEARCH_CACHE = getattr(settings, "SEARCH_CACHE", "default")
SEARCH_CACHE_TIMEOUT = getattr(settings, "SEARCH_CACHE_TIMEOUT", 600)


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

    # --- searching: one scored pass for the page; totals and facets from caches ---

    # What search() answers itself; anything else goes to haystack's own.
    HANDLED = {"fields", "boost", "result_class", "models", "limit_to_registered_models"}

    def searcher(self):
        """A searcher on the latest generation, kept between searches (its
        caches and open segments too) and refreshed when the index changes."""
        self.ensure_current()
        current = getattr(self, "_searcher", None)
        if current is not None and current[0] is self.index:
            searcher = current[1].refresh()  # the same one when nothing changed
        else:
            if current is not None:
                current[1].close()
            searcher = self.index.searcher()
        self._searcher = (self.index, searcher)
        return searcher

    def search(self, query_string, sort_by=None, start_offset=0, end_offset=None, facets=None, **kwargs):
        """haystack's Whoosh search, answered the same way at less cost:
        the page is one search limited to the page's end; the total and the
        facet counts come from the matching document numbers (no scoring),
        counted against per-segment value lists built once per segment, and
        are cached per index generation; a numeric range in the top-level AND
        (the date filters) is read from a per-segment sorted term list
        instead of being expanded into hundreds of terms."""
        self.ensure_current()
        limit_models = kwargs.get("limit_to_registered_models")
        if limit_models is None:
            limit_models = getattr(settings, "HAYSTACK_LIMIT_TO_REGISTERED_MODELS", True)
        other = [k for k, v in kwargs.items() if v and k not in self.HANDLED]
        if other or limit_models or kwargs.get("models") or not self.setup_complete:
            return super().search(query_string, sort_by=sort_by, start_offset=start_offset,
                                  end_offset=end_offset, facets=facets, **kwargs)
        return self._search(query_string, sort_by, start_offset, end_offset, facets or [],
                            kwargs.get("result_class"))

    def _search(self, query_string, sort_by, start_offset, end_offset, facets, result_class):
        query_string = str(query_string)
        if not query_string or (len(query_string) <= 1 and query_string != "*"):
            return {"results": [], "hits": 0}
        sortedby, reverse = whoosh_sort(sort_by)
        searcher = self.searcher()
        if not searcher.doc_count():
            return {"results": [], "hits": 0, "spelling_suggestion": None}
        parsed = self.parser.parse(query_string)
        if parsed is None:
            return {"results": [], "hits": 0}
        if any(name not in searcher.schema for name in facets):
            return super().search(query_string, sort_by=sort_by, start_offset=start_offset,
                                  end_offset=end_offset, facets=facets, result_class=result_class)
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        offset = (page_num - 1) * page_length
        try:
            rest, allowed, constant = split_ranges(searcher, parsed)
            total, counts = self.counts(searcher, query_string, rest, allowed, facets)
            hits = []
            if offset < total:
                found = searcher.search(rest, limit=offset + page_length, sortedby=sortedby, reverse=reverse,
                                        filter=None if allowed is None else set(global_docs(allowed)))
                hits = list(found[offset : offset + page_length])
        except ValueError:
            if not self.silently_fail:
                raise
            return {"results": [], "hits": 0, "spelling_suggestion": None}
        if total and offset >= total:
            # As haystack answers for a page past the end.
            return {"results": [], "hits": 0, "spelling_suggestion": None}
        page = Page(hits, total, constant)
        results = self._process_results(page, query_string=query_string, result_class=result_class)
        if facets:
            results["facets"] = {"fields": counts, "dates": {}, "queries": {}}
        return results

    def counts(self, searcher, query_string, rest, allowed, facets):
        """(total, {facet: [(value, count)]}) for the query, from the cache
        when this generation of the index has answered it before."""
        cache = caches[SEARCH_CACHE] if SEARCH_CACHE else None
        key = None
        if cache is not None:
            key = "search-counts:" + hashlib.sha1(repr((
                self.real_path or id(self.index), generation_key(searcher), query_string, sorted(facets),
            )).encode()).hexdigest()
            found = cache.get(key)
            if found is not None:
                return found
        total, counters = 0, {name: Counter() for name in facets}
        for sub, base, allow in leaves(searcher, allowed):
            docs = sub_docs(rest, sub, allow)
            total += len(docs)
            for name in facets:
                values = facet_values(sub.reader(), name)
                counters[name].update(chain.from_iterable(map(values.__getitem__, docs)))
        answer = total, {name: facet_list(counter) for name, counter in counters.items()}
        if cache is not None:
            cache.set(key, answer, SEARCH_CACHE_TIMEOUT)
        return answer

    def more_like_this(self, *args, **kwargs):
        self.ensure_current()
        return super().more_like_this(*args, **kwargs)

    def reader(self):
        self.ensure_current()
        self.index = self.index.refresh()
        return self.index.reader()


class ArchiveWhooshSearchQuery(WhooshSearchQuery):
    def _convert_datetime(self, date):
        # haystack's strftime("%Y...") writes the year 1 as "1" on glibc, not
        # "0001"; Whoosh then reads "10101000000" as day 0 of October 1010 and
        # raises. A search from=0001 must search, not fail: pad the year.
        time = date.strftime("%H%M%S") if hasattr(date, "hour") else "000000"
        return f"{date.year:04d}{date.month:02d}{date.day:02d}{time}"


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
    query = ArchiveWhooshSearchQuery


# --- search helpers: caches per segment (segments never change once written) ---

_segment_cache = {}
_segment_cache_lock = threading.Lock()
_SEGMENT_CACHE_SIZE = 128  # (segment, field) pairs


def per_segment(reader, name, build):
    """build(reader) for this segment, kept while the segment is in use.
    Documents deleted after the build keep their entries: they never match."""
    segment = reader.segment() if reader.is_atomic() else None
    if segment is None:
        return build(reader)
    key = (segment.segment_id(), name)
    found = _segment_cache.get(key)
    if found is None:
        found = build(reader)
        with _segment_cache_lock:
            while len(_segment_cache) >= _SEGMENT_CACHE_SIZE:
                _segment_cache.pop(next(iter(_segment_cache)))
            _segment_cache[key] = found
    return found


def facet_values(reader, fieldname):
    """[values of document n] for a segment, (None,) where it has none, as
    Whoosh's overlapping facet counts them."""

    def build(reader):
        field = reader.schema[fieldname]
        lists = {}
        for btext in field.sortable_terms(reader, fieldname):
            text = field.from_bytes(btext)
            for docnum in reader.postings(fieldname, btext).all_ids():
                lists.setdefault(docnum, []).append(text)
        shared = {}
        values = [(None,)] * reader.doc_count_all()
        for docnum, found in lists.items():
            found = tuple(found)
            values[docnum] = shared.setdefault(found, found)
        return values

    return per_segment(reader, ("facet", fieldname), build)


def numeric_terms(reader, fieldname):
    """(full-precision terms in order, offsets, document numbers) of a
    numeric field in a segment: the documents of terms[i] are
    docs[offsets[i]:offsets[i + 1]]."""

    def build(reader):
        field = reader.schema[fieldname]
        terms, offsets, docs = [], array("q", [0]), array("q")
        for btext in field.sortable_terms(reader, fieldname):
            terms.append(btext)
            docs.extend(reader.postings(fieldname, btext).all_ids())
            offsets.append(len(docs))
        return terms, offsets, docs

    return per_segment(reader, ("range", fieldname), build)


def range_docs(reader, rng):
    """The document numbers in a segment that NumericRange `rng` matches:
    the same full-precision terms its tiered expansion covers."""
    field = reader.schema[rng.fieldname]
    start = None if rng.start is None else field.prepare_number(rng.start)
    end = None if rng.end is None else field.prepare_number(rng.end)
    ((low, high, _),) = tiered_ranges(field.numtype, field.bits, field.signed, start, end, 0,
                                      rng.startexcl, rng.endexcl)
    if low > high:
        return set()
    terms, offsets, docs = numeric_terms(reader, rng.fieldname)
    i = bisect_left(terms, field.sortable_to_bytes(low, 0))
    j = bisect_right(terms, field.sortable_to_bytes(high, 0))
    return set(docs[offsets[i] : offsets[j]]) if i < j else set()


def split_ranges(searcher, q):
    """(the rest of q, {segment base: allowed document numbers} or None,
    score they added): numeric ranges in a top-level AND become a filter read
    from `numeric_terms`. They score a constant, so the order is unchanged."""
    if not isinstance(q, wquery.And):
        return q, None, 0
    ranges, rest = [], []
    for sub in q.subqueries:
        numeric = type(sub) in (wquery.NumericRange, wquery.DateRange) and sub.constantscore
        if numeric and isinstance(searcher.schema[sub.fieldname], NUMERIC):
            ranges.append(sub)
        else:
            rest.append(sub)
    if not ranges:
        return q, None, 0
    constant = sum(rng.boost for rng in ranges)
    allowed = {}
    for sub, base in searcher.subsearchers or [(searcher, 0)]:
        reader, docs = sub.reader(), None
        for rng in ranges:
            found = range_docs(reader, rng)
            docs = found if docs is None else docs & found
        allowed[base] = {d for d in docs if not reader.is_deleted(d)}
    if not rest:
        return wquery.Every(), allowed, 0
    return (rest[0] if len(rest) == 1 else wquery.And(rest, boost=q.boost)), allowed, constant


def leaves(searcher, allowed):
    for sub, base in searcher.subsearchers or [(searcher, 0)]:
        yield sub, base, None if allowed is None else allowed[base]


def global_docs(allowed):
    return (base + docnum for base, docs in allowed.items() for docnum in docs)


def sub_docs(q, subsearcher, allow):
    """Document numbers in one segment matching q (and in `allow`)."""
    docs = q.docs(subsearcher)
    return list(docs) if allow is None else [d for d in docs if d in allow]


def facet_list(counter):
    """[(value, count)] as haystack orders Whoosh's facets: most first, then
    by value, with None slotted in by its count."""
    none = counter.pop(None, None)
    items = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    if none is not None:
        at = next((i for i, (_, n) in enumerate(items) if n < none), len(items))
        items.insert(at, (None, none))
    return items


def generation_key(searcher):
    """What identifies the version of the index a searcher reads: its
    generation and its segments (a cleared index starts counting again)."""
    reader = searcher.reader()
    segments = [
        (r.segment().segment_id(), r.segment().deleted_count())
        for r, _ in reader.leaf_readers() if r.is_atomic() and r.segment() is not None
    ]
    return reader.generation(), tuple(segments)


def whoosh_sort(sort_by):
    """haystack's order_by list as Whoosh's (sortedby, reverse)."""
    if not sort_by:
        return None, False
    reverse = [s.startswith("-") for s in sort_by]
    if any(reverse) and not all(reverse):
        raise SearchBackendError("Whoosh requires all order_by fields to use the same sort direction")
    return [s.lstrip("-") for s in sort_by], reverse[0]


class Page:
    """The part of a Whoosh ResultsPage that haystack's result processing reads."""

    def __init__(self, hits, total, constant=0):
        self.hits, self.total, self.constant = hits, total, constant

    def __len__(self):
        return self.total

    def __iter__(self):
        return iter(self.hits)

    def score(self, n):
        score = self.hits[n].score
        return score + self.constant if score and self.constant else score


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
