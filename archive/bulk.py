"""Importing many records at once (`import_articles`).

Extraction, pure Python, runs in a pool of worker processes while this one
writes: a batch of articles per transaction (archive.ingest.save_records),
after which the search index outbox is flushed once, so the batch costs one
index commit instead of one per article. A batch that fails is saved again
one article at a time, so that a bad record loses only itself. Each commit
leaves a segment, which Whoosh merges only in part: after an import of a few
batches the segments are merged (`merge_index`)."""

import logging
import os
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import chain
from multiprocessing import get_context

from haystack import connections

from archive import ingest
from archive.extraction.parts import extract_text
from archive.importing import BadRecord
from archive.models import Article, fingerprint

log = logging.getLogger(__name__)

BATCH = 200  # articles per transaction and per index commit
BATCH_CHARS = 20_000_000  # ... or fewer, when their texts are this long together
MERGE_AFTER = 3  # index commits by one import after which its segments are merged


def default_jobs():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def import_records(items, jobs=1, batch=BATCH):
    """Save Records (BadRecords are reported as they are); yields
    (status, record or reason) with status "created", "unchanged" or "failed",
    in the order of `items`."""
    return save_all(extracted(items, jobs, batch), batch)


def extracted(items, jobs, ahead=BATCH):
    """(item, extraction) for each of `items`, in order. The extraction is None
    for a BadRecord or a text the archive has already (not extracted again),
    the exception for a text the extractor failed on. With jobs > 1 it runs in
    `jobs` processes, up to a batch ahead of the caller, so that the workers
    extract the next batch while this process writes one; with less than a
    batch to extract (a pool takes seconds to start), it runs here."""
    rest = iter(items)
    head, more = first(rest, ahead)
    items = chain(head, rest)
    if jobs <= 1 or not more:
        for item in items:
            yield item, attempt(extract_text, item.body) if needs_extraction(item) else None
        return
    # spawn: the workers import only archive.extraction; a fork would copy the
    # database connection and whatever threads hold.
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn")) as pool:
        window, chars = deque(), 0
        for item in items:
            future = pool.submit(extract_text, item.body) if needs_extraction(item) else None
            window.append((item, future))
            chars += len(item.body) if future else 0
            while len(window) > ahead or chars > BATCH_CHARS:
                item, future = window.popleft()
                chars -= len(item.body) if future else 0
                yield outcome(item, future)
        while window:
            yield outcome(*window.popleft())


def first(items, limit):
    """The first of `items`, up to `limit` of them or BATCH_CHARS of text,
    and whether any are left."""
    head, chars = [], 0
    for item in items:
        head.append(item)
        chars += len(getattr(item, "body", ""))
        if len(head) >= limit or chars >= BATCH_CHARS:
            return head, True
    return head, False


def needs_extraction(item):
    if isinstance(item, BadRecord):
        return False
    return not Article.objects.filter(fingerprint=fingerprint(item.body)).exists()


def attempt(fn, *args):
    """fn(*args), or the exception it raised."""
    try:
        return fn(*args)
    except Exception as exc:
        return exc


def outcome(item, future):
    return item, None if future is None else attempt(future.result)


def save_all(pairs, batch=BATCH):
    """Save (record, extraction) pairs a batch at a time; yields (status, record or reason)."""
    pending, chars = [], 0
    for record, result in pairs:
        if isinstance(record, BadRecord):
            yield "failed", str(record)
        elif isinstance(result, Exception):
            yield "failed", reason(record, result)
        elif result is None:
            yield "unchanged", record
        else:
            pending.append((record, result))
            chars += len(record.body)
            if len(pending) >= batch or chars >= BATCH_CHARS:
                yield from save_batch(pending)
                pending, chars = [], 0
    yield from save_batch(pending)


def save_batch(pairs):
    """One transaction (and one index commit) for the batch; if it fails,
    one for each article, so that only the bad ones fail."""
    if not pairs:
        return
    try:
        saved = ingest.save_records(pairs)
    except Exception as exc:
        if len(pairs) == 1:
            yield "failed", reason(pairs[0][0], exc)
            return
        for pair in pairs:
            yield from save_batch([pair])
        return
    for (record, _), (_, created) in zip(pairs, saved):
        yield ("created" if created else "unchanged"), record


def reason(record, exc):
    return f"{record.source}: not saved ({type(exc).__name__}: {exc})"


def index_generation():
    """The number of the search index's latest commit; None for a backend
    that cannot merge its segments."""
    backend = connections["default"].get_backend()
    if not hasattr(backend, "merge"):
        return None
    try:
        return backend.generation()
    except Exception:  # an index that cannot be opened now: the import goes on, unmerged after
        log.warning("the search index cannot be opened; it will not be merged after the import", exc_info=True)
        return None


def merge_index(since):
    """Merge the search index's segments (all but the large ones an import
    much smaller than the index leaves alone: see backend.merge) if it was
    committed to MERGE_AFTER times or more since generation `since`
    (index_generation before an import). Unmerged, 2,000 bench articles
    left 58 MB in 10 segments that merge into 31 MB, and a search reads
    every segment. Returns (segments before, segments after, seconds), or
    None when nothing was merged."""
    now = index_generation()
    if since is None or now is None or now - since < MERGE_AFTER:
        return None
    start = time.perf_counter()
    before, after = connections["default"].get_backend().merge()
    return (before, after, time.perf_counter() - start) if after < before else None
