"""Writing the Whoosh index: one writer at a time across processes (an
fcntl lock file beside the index folder, then Whoosh's own lock waited for
with back-off), removals and updates in one commit, segments merged by tiers of size as
they are committed and the smaller ones merged into one after a bulk import,
and a folder emptied behind its symlink. Mixed into archive.search.backend.ArchiveWhooshBackend."""

import fcntl
import math
import os
import shutil
import threading
import time
from contextlib import contextmanager

from django.conf import settings
from haystack.constants import ID
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier
from whoosh.index import TOC, LockError
from whoosh.reading import SegmentReader

from archive.search import shelf

WRITE_LOCK_TIMEOUT = getattr(settings, "SEARCH_WRITE_LOCK_TIMEOUT", 120)


def lock_path(index_path):
    """The lock file sits beside WHOOSH_PATH, so it outlives a symlink swap."""
    path = os.path.abspath(index_path).rstrip(os.sep)
    return os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".write-lock")


_held = threading.local()


@contextmanager
def write_lock(index_path, timeout=None):
    """An exclusive fcntl lock shared by every process writing `index_path`,
    waited for with back-off. Threads get one each too: every call opens the
    file afresh, and flock locks belong to the open file. A thread holding it
    already goes on (the outbox flush holds it around its writes)."""
    held = _held.__dict__.setdefault("paths", set())
    if lock_path(index_path) in held:
        yield
        return
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
        held.add(lock_path(index_path))
        try:
            yield
        finally:
            held.discard(lock_path(index_path))
            fcntl.flock(handle, fcntl.LOCK_UN)


class IndexWriting:
    """The writing methods of the backend (it provides ensure_current, index,
    storage, path and use_file_storage)."""

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
            # One searcher finds every document replaced: update_document
            # opens one, with a reader of every segment, per document.
            searcher = writer.searcher()
            try:
                for identifier in removals:
                    writer.delete_by_term(ID, identifier, searcher=searcher)
                for index, objects in updates:
                    for obj in objects:
                        doc = self.document(index, obj)
                        if doc is not None:
                            writer.delete_by_term(ID, doc[ID], searcher=searcher)
                            writer.add_document(**doc)
            except BaseException:
                writer.cancel()
                raise
            finally:
                searcher.close()
            writer.commit(mergetype=tiered)
            self.committed()

    def committed(self):
        self.index = self.index.refresh()
        if self.use_file_storage:
            shelf.prune({segment.segment_id() for segment in TOC.read(self.storage, self.index.indexname).segments})

    def generation(self):
        """The number of the index's latest commit."""
        self.ensure_current()
        return self.index.latest_generation()

    def merge(self):
        """Merge the smaller segments of the index into one (see `smallest`),
        under the write lock; returns (segments before, segments after).
        Searches in other processes go on: those that lose the files of a
        merged segment are answered again (see backend.VANISHED)."""
        with self.locked():
            writer = self.writer()
            segments = list(writer.segments)
            taken = smallest(segments)
            if len(taken) < 2:
                writer.cancel()
                return len(segments), len(segments)
            writer.commit(mergetype=lambda writer, segments: absorb(writer, segments, taken))
            self.committed()
        return len(segments), len(segments) - len(taken) + 1

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


MERGE_FACTOR = 10  # see tiered


def tiered(writer, segments):
    """The merge policy of every commit (in place of Whoosh's MERGE_SMALL):
    segments fall in tiers by size, each tier MERGE_FACTOR times the one
    below, and a tier that holds MERGE_FACTOR segments is merged into one
    of the tier above, as Lucene's log merge policy does. A document is
    rewritten once a tier, a few times in all, and a commit merges only
    segments of one size. MERGE_SMALL's merge point depends on the total:
    every so often it rewrote nearly the whole index in one commit, and the
    100,000-article bench import stalled in those merges."""
    tiers = {}
    for segment in segments:
        level = int(math.log(max(segment.doc_count_all(), 1), MERGE_FACTOR))
        tiers.setdefault(level, []).append(segment)
    for level in sorted(tiers):
        if len(tiers[level]) >= MERGE_FACTOR:
            return absorb(writer, segments, tiers[level])
    return segments


MERGE_GROWTH = 4  # see smallest


def smallest(segments):
    """The segments `merge` merges: the smallest, each taken while it holds
    at most MERGE_GROWTH times as many documents as those taken before it
    together. After a large import that is every segment; after a small one
    into a large index, the new and small segments only, whose merge costs
    what they hold, not what the index holds. The segments left grow
    geometrically, so they are few."""
    taken, total = [], 0
    for segment in sorted(segments, key=lambda segment: segment.doc_count_all()):
        if taken and segment.doc_count_all() > MERGE_GROWTH * max(total, 1):
            break
        taken.append(segment)
        total += segment.doc_count_all()
    return taken


def absorb(writer, segments, taken):
    """A Whoosh merge policy: the documents of the segments `taken` into
    the segment `writer` writes; returns the segments kept."""
    ids = {segment.segment_id() for segment in taken}
    for segment in taken:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment.segment_id() not in ids]
