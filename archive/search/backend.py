"""The Whoosh backend: one writer at a time, symlink-aware, fast searches.

Whoosh allows one writer per index. `ArchiveWhooshBackend` (the default
engine, see settings) serialises writers across gunicorn workers with an
fcntl lock file beside the index folder (archive/search/writing.py) and retries Whoosh's own lock with
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

import hashlib
import logging
import os
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, ID
from haystack.utils import get_identifier
from whoosh.fields import NUMERIC
from whoosh.filedb.filestore import StorageError
from whoosh.index import IndexError as WhooshIndexError
from whoosh.index import exists_in
from whoosh.query import Term
from whoosh.reading import ReaderClosed

from archive.search.segments import (
    Page,
    check_breadth,
    count_matches,
    estimated_total,
    generation_key,
    sorted_hits,
    split_ranges,
    top_hits,
    whoosh_sort,
)
from archive.search.writing import IndexWriting

log = logging.getLogger(__name__)

# Totals and facet counts of recent searches, per index generation: which
# cache (None turns it off) and for how long.
SEARCH_CACHE = getattr(settings, "SEARCH_CACHE", "default")
SEARCH_CACHE_TIMEOUT = getattr(settings, "SEARCH_CACHE_TIMEOUT", 600)


# A write that merges segments deletes their files at once, even while another
# process is between reading the table of contents and opening them; Whoosh
# then also closes the readers a refresh was reusing. Such searches are
# answered again from a reopened index: a search runs at most this many times.
VANISHED = (FileNotFoundError, ReaderClosed, WhooshIndexError, StorageError)
SEARCH_ATTEMPTS = 3


def following_the_index(method):
    """Run a reading method again on a reopened index when the index
    changed under it (see VANISHED)."""

    @wraps(method)
    def retrying(self, *args, **kwargs):
        for attempt in range(1, SEARCH_ATTEMPTS + 1):
            try:
                return method(self, *args, **kwargs)
            except VANISHED as exc:
                if attempt == SEARCH_ATTEMPTS:
                    raise
                log.info("search index changed under a search (%r); reopening it", exc)
                self.reopen()

    return retrying


# --- the backend: one writer at a time, symlink-aware -------------------------------


MORE_LIKE_TERMS = 12  # key terms of an article that find its relatives
MORE_LIKE_PAGE = 20  # similar documents scored when the caller gives no slice


class ArchiveWhooshBackend(IndexWriting, WhooshSearchBackend):
    def setup(self):
        if self.use_file_storage and os.path.isdir(self.path) and not exists_in(self.path):
            if any(name.endswith(".seg") for name in os.listdir(self.path)):
                # haystack creates a new, empty index here: say so.
                log.error(
                    "the search index at %s has lost its table of contents; a new empty index is "
                    "created over it: run `manage.py check_index --repair`",
                    self.path,
                )
        super().setup()
        if self.use_file_storage:
            # Whoosh reads a segment's compound file through an mmap, but
            # hands each part (postings, terms, stored fields, columns) out
            # as a BytesIO over it, which copies the part into the process:
            # the whole index, privately, in every worker. Read as plain
            # files, the parts stay in the page cache all workers share.
            self.storage.supports_mmap = False
        self.real_path = os.path.realpath(self.path) if self.use_file_storage else None

    def ensure_current(self):
        """Open the index, or re-open it after rebuild_search_index swapped
        the folder behind the symlink."""
        if not self.setup_complete or (self.use_file_storage and os.path.realpath(self.path) != self.real_path):
            self.setup()

    # --- searching: one scored pass for the page; totals and facets from caches ---

    # What search() answers itself; anything else goes to haystack's own.
    HANDLED = {"fields", "boost", "result_class", "models", "limit_to_registered_models"}

    def searcher(self):
        """A searcher on the latest generation, kept between searches (its
        caches and open segments too) and refreshed when the index changes.
        A refresh that fails leaves a searcher that never works again: it is
        dropped and the index reopened."""
        self.pick_up_outbox()
        self.ensure_current()
        current = getattr(self, "_searcher", None)
        if current is not None and current[0] is self.index:
            try:
                searcher = current[1].refresh()  # the same one when nothing changed
            except VANISHED as exc:
                log.info("search index changed under a refresh (%r); reopening it", exc)
                self.reopen()
                searcher = self.index.searcher()
        else:
            if current is not None:
                self.close_searcher()
            searcher = self.index.searcher()
        self._searcher = (self.index, searcher)
        return searcher

    def pick_up_outbox(self):
        # Imported here: the signals import the models, which the backend may not.
        from archive.search.signals import pick_up_once

        pick_up_once()

    def close_searcher(self):
        current, self._searcher = getattr(self, "_searcher", None), None
        if current is not None:
            try:
                current[1].close()
            except Exception:  # half closed already: nothing more to release
                log.debug("closing a broken searcher", exc_info=True)

    def reopen(self):
        """Forget the searcher and the index object; open the index afresh."""
        self.close_searcher()
        self.setup_complete = False
        self.setup()

    @following_the_index
    def search(self, query_string, sort_by=None, start_offset=0, end_offset=None, facets=None, **kwargs):
        """haystack's Whoosh search, answered the same way at less cost:
        the page is one search limited to the page's end; the total and the
        facet counts come from the matching document numbers (no scoring),
        counted against per-segment value lists built once per segment, and
        are cached per index generation; a numeric range in the top-level AND
        (the date filters) is read from a per-segment sorted term list
        instead of being expanded into hundreds of terms."""
        self.pick_up_outbox()
        self.ensure_current()
        limit_models = kwargs.get("limit_to_registered_models")
        if limit_models is None:
            limit_models = getattr(settings, "HAYSTACK_LIMIT_TO_REGISTERED_MODELS", True)
        other = [k for k, v in kwargs.items() if v and k not in self.HANDLED]
        if other or limit_models or kwargs.get("models") or not self.setup_complete:
            return super().search(
                query_string, sort_by=sort_by, start_offset=start_offset, end_offset=end_offset, facets=facets, **kwargs
            )
        return self._search(query_string, sort_by, start_offset, end_offset, facets or [], kwargs.get("result_class"))

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
            return super().search(
                query_string,
                sort_by=sort_by,
                start_offset=start_offset,
                end_offset=end_offset,
                facets=facets,
                result_class=result_class,
            )
        check_breadth(parsed, searcher.reader())
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        offset = (page_num - 1) * page_length
        try:
            rest, allowed, constant = split_ranges(searcher, parsed)
            counted = self.counts(searcher, query_string, rest, allowed, facets)
            hits, partial = [], False
            if counted is None or offset < counted[0]:  # never a search for a page past the end
                limit = offset + page_length
                if sortedby and len(sortedby) == 1 and isinstance(searcher.schema[sortedby[0]], NUMERIC):
                    hits, partial = sorted_hits(searcher, rest, allowed, limit, sortedby[0], reverse)
                else:
                    hits, partial = top_hits(searcher, rest, allowed, limit, sortedby, reverse)
        except ValueError:
            if not self.silently_fail:
                raise
            return {"results": [], "hits": 0, "spelling_suggestion": None}
        hits, estimate = hits[offset : offset + page_length], None
        if counted is not None:
            total, counts = counted
        else:
            # Out of time before the count: no facets, and the total is what
            # was found when that is all there is; else Whoosh's estimate.
            # haystack is told only of hits it can have (it would ask again).
            total, counts = offset + len(hits), {}
            if partial or len(hits) == page_length:
                estimate = estimated_total(searcher, rest, allowed, total)
                total = total if partial else estimate
        if (total and offset >= total) or (not hits and offset):
            # As haystack answers for a page past the end.
            return {"results": [], "hits": 0, "spelling_suggestion": None}
        # A sorted hit's score is its sort key: the ranges' constant is no part of it.
        page = Page(hits, total, 0 if sortedby else constant)
        results = self._process_results(page, query_string=query_string, result_class=result_class)
        if facets:
            results["facets"] = {"fields": counts, "dates": {}, "queries": {}}
        results["partial"], results["estimate"] = partial, estimate
        return results

    def counts(self, searcher, query_string, rest, allowed, facets):
        """(total, {facet: [(value, count)]}) for the query, from the cache
        when this generation of the index has answered it before; None when
        the search page's time budget ran out first."""
        cache = caches[SEARCH_CACHE] if SEARCH_CACHE else None
        question = (self.real_path or id(self.index), generation_key(searcher), query_string, sorted(facets))
        key = "search-counts:" + hashlib.sha1(repr(question).encode()).hexdigest()
        answer = cache.get(key) if cache is not None else None
        if answer is None:
            answer = count_matches(searcher, rest, allowed, facets)
            if answer is not None and cache is not None:
                cache.set(key, answer, SEARCH_CACHE_TIMEOUT)
        return answer

    @following_the_index
    def more_like_this(
        self,
        model_instance,
        additional_query_string=None,
        start_offset=0,
        end_offset=None,
        models=None,
        result_class=None,
        **kwargs,
    ):
        """Documents of the same kind most like `model_instance`, at the cost
        of one search limited to the page: its key terms (from the stored
        text) OR-ed, the kind as a filter. haystack's own scores every
        document of the kind, then every similar one, whatever the slice."""
        searcher = self.searcher()
        docnum = searcher.document_number(**{ID: get_identifier(model_instance)})
        if docnum is None:
            return {"results": [], "hits": 0}
        stored = searcher.stored_fields(docnum)
        kind = Term(DJANGO_CT, stored[DJANGO_CT])
        if end_offset is None:  # haystack's run_mlt never passes the queryset's slice
            end_offset = start_offset + MORE_LIKE_PAGE
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        found = searcher.more_like(
            docnum,
            self.content_field_name,
            text=stored.get(self.content_field_name),
            top=page_num * page_length,
            numterms=MORE_LIKE_TERMS,
            filter=kind,
        )
        # Only the page's hits: iterating a ResultsPage walks every match.
        hits = list(found)[(page_num - 1) * page_length : page_num * page_length]
        return self._process_results(Page(hits, found.scored_length()), result_class=result_class)

    @following_the_index
    def reader(self):
        self.ensure_current()
        self.index = self.index.refresh()
        return self.index.reader()


class ArchiveWhooshSearchQuery(WhooshSearchQuery):
    # Whether a run was cut short by the search page's time budget: hits
    # found in time only (`partial`); Whoosh's estimate of the total when
    # it was not counted (`estimate`).
    partial, estimate = False, None

    def run(self, spelling_query=None, **kwargs):
        """haystack's run, keeping what the backend says about the budget."""
        search_kwargs = self.build_params(spelling_query=spelling_query)
        search_kwargs.update(kwargs)
        results = self.backend.search(self.build_query(), **search_kwargs)
        self._results = results.get("results", [])
        self._hit_count = results.get("hits", 0)
        self._facet_counts = self.post_process_facets(results)
        self._spelling_suggestion = results.get("spelling_suggestion", None)
        self.partial = self.partial or results.get("partial", False)
        self.estimate = self.estimate or results.get("estimate")

    def _convert_datetime(self, date):
        # haystack's strftime("%Y...") writes the year 1 as "1" on glibc, not
        # "0001"; Whoosh then reads "10101000000" as day 0 of October 1010 and
        # raises. A search from=0001 must search, not fail: pad the year.
        time = date.strftime("%H%M%S") if hasattr(date, "hour") else "000000"
        return f"{date.year:04d}{date.month:02d}{date.day:02d}{time}"


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
    query = ArchiveWhooshSearchQuery
