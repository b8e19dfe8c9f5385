"""What is built once per Whoosh segment (facet values, date terms) kept in
files beside the index, so that every gunicorn worker, and each one started
later, reads it in one go instead of walking the postings of thousands of
terms again (seconds per worker on a large index).

A segment never changes once written, so its files never go stale: they are
named after the segment's id, which is random and never reused. Files of
segments no longer in the index are removed after each write (`prune`).
The files are pickles written by this code beside the index it trusts."""

import hashlib
import logging
import os
import pickle
import tempfile

from django.conf import settings

log = logging.getLogger(__name__)


def folder():
    """`.<index folder name>.segments` beside WHOOSH_PATH: it outlives a
    symlink swap by rebuild_search_index, as the write lock does."""
    path = os.path.abspath(settings.HAYSTACK_CONNECTIONS["default"]["PATH"]).rstrip(os.sep)
    return os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".segments")


def file_path(segment_id, name):
    return os.path.join(folder(), f"{segment_id}-{hashlib.sha1(repr(name).encode()).hexdigest()[:16]}.pickle")


def load(segment_id, name):
    """What `save` kept for the segment under `name`, or None."""
    try:
        with open(file_path(segment_id, name), "rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a torn or foreign file: built again and rewritten
        log.warning("unreadable search segment file for %s %r", segment_id, name, exc_info=True)
        return None


def save(segment_id, name, value):
    """Write atomically: a reader sees the whole file or none."""
    try:
        os.makedirs(folder(), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder(), suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, file_path(segment_id, name))
    except OSError:
        log.warning("could not keep a search segment file for %s %r", segment_id, name, exc_info=True)


def prune(segment_ids):
    """Remove the files of segments other than `segment_ids`."""
    try:
        names = os.listdir(folder())
    except FileNotFoundError:
        return
    for name in names:
        if name.split("-", 1)[0] not in segment_ids:
            try:
                os.remove(os.path.join(folder(), name))
            except FileNotFoundError:
                pass
