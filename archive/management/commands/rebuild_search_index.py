"""Rebuild the Whoosh index without a moment of empty search.

haystack's `rebuild_index` empties the index before refilling it, so search
finds nothing meanwhile. This command builds a complete index in a new folder
beside WHOOSH_PATH (`whoosh_index.<timestamp>`), then, holding the write lock,
brings it up to date with anything saved or deleted during the build and
swaps the symlink WHOOSH_PATH -> the new folder with one atomic rename. Every
process notices the new folder at its next search or write. The folder before
stays (searches still reading it finish) and older ones are deleted.

The first run turns a plain WHOOSH_PATH folder into the symlink layout.
Edits to people or places made while a rebuild runs may reach the new index
only through `check_index --repair`.
"""

import os
import shutil
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Max
from haystack import connections
from haystack.constants import DEFAULT_ALIAS

from archive.models import Article, IndexChange, Quote
from archive.search.backend import ArchiveWhooshBackend
from archive.search.consistency import indexed_documents
from archive.search.writing import write_lock

BATCH = 500


def build(path, using=DEFAULT_ALIAS, stdout=None):
    """A full index of every public row in the folder `path`."""
    options = {**settings.HAYSTACK_CONNECTIONS[using], "PATH": path}
    backend = ArchiveWhooshBackend(using, **options)
    backend.setup()
    unified = connections[using].get_unified_index()
    # One writer and one commit for the lot: a commit per batch would merge
    # segments over and over.
    with backend.locked():
        writer = backend.index.writer(limitmb=256)
        try:
            for model in (Article, Quote):
                index = unified.get_index(model)
                rows = index.index_queryset(using=using).order_by("pk")
                total = rows.count()
                for start in range(0, total, BATCH):
                    for obj in rows[start : start + BATCH]:
                        doc = backend.document(index, obj)
                        if doc is not None:
                            writer.add_document(**doc)
                if stdout:
                    stdout.write(f"  {model._meta.label_lower}: {total}")
        except BaseException:
            writer.cancel()
            raise
        writer.commit(optimize=True)
    backend.index = backend.index.refresh()
    return backend


def catch_up(backend, since, using=DEFAULT_ALIAS):
    """Rows saved since the build began, and rows gone, into `backend`."""
    indexed = set(indexed_documents(backend))
    unified = connections[using].get_unified_index()
    updates, removals = [], set()
    for model in (Article, Quote):
        index, label = unified.get_index(model), model._meta.label_lower
        public = set(index.index_queryset(using=using).values_list("pk", flat=True))
        ids = {f"{label}.{pk}" for pk in public}
        removals |= {i for i in indexed if i.startswith(label + ".") and i not in ids}
        changed = set(model.objects.filter(updated__gte=since).values_list("pk", flat=True)) & public
        missing = {pk for pk in public if f"{label}.{pk}" not in indexed}
        if changed | missing:
            updates.append((index, list(index.index_queryset(using=using).filter(pk__in=changed | missing))))
    if updates or removals:
        backend.write(updates=updates, removals=sorted(removals))


def swap(link, target):
    """Point `link` at `target` (a sibling folder) in one rename."""
    temp = f"{link}.swap-{os.getpid()}"
    if os.path.lexists(temp):
        os.remove(temp)
    os.symlink(os.path.basename(target), temp)
    if os.path.isdir(link) and not os.path.islink(link):
        # First run: the plain folder moves aside to become a dated one.
        os.rename(link, f"{link}.{stamp()}-plain")
    for _ in range(50):
        try:
            os.replace(temp, link)
            return
        except IsADirectoryError:
            # A search recreated an empty folder in the instant it was gone.
            try:
                os.rmdir(link)
            except OSError:
                time.sleep(0.01)
    raise CommandError(f"could not replace {link}")


def stamp():
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def old_folders(link, keep):
    """Dated folders beside `link` that no symlink points to, oldest first,
    less the `keep` newest."""
    parent, name = os.path.split(link)
    current = os.path.realpath(link)
    folders = sorted(
        os.path.join(parent, entry)
        for entry in os.listdir(parent)
        if entry.startswith(name + ".")
        and entry[len(name) + 1 : len(name) + 2].isdigit()
        and os.path.isdir(os.path.join(parent, entry))
        and not os.path.islink(os.path.join(parent, entry))
    )
    folders = [f for f in folders if os.path.realpath(f) != current]
    return folders[: max(0, len(folders) - keep)]


class Command(BaseCommand):
    help = (
        "Build a new search index in a fresh folder and switch to it atomically "
        "(WHOOSH_PATH becomes a symlink), so search never runs on an empty index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep", type=int, default=1, help="earlier index folders to keep (default 1)")

    def handle(self, *args, keep=1, **options):
        conf = settings.HAYSTACK_CONNECTIONS[DEFAULT_ALIAS]
        if "whoosh" not in conf["ENGINE"].lower() or not conf.get("PATH"):
            raise CommandError("rebuild_search_index is for a Whoosh folder index; use rebuild_index")
        link = os.path.abspath(conf["PATH"]).rstrip(os.sep)
        os.makedirs(os.path.dirname(link), exist_ok=True)
        target = f"{link}.{stamp()}"
        started = datetime.now(UTC)
        # The build reads every row: the outbox up to here is in it.
        outbox = IndexChange.objects.aggregate(last=Max("pk"))["last"]
        self.stdout.write(f"Building {target}")
        backend = build(target, stdout=self.stdout)
        with write_lock(link):
            catch_up(backend, started)
            swap(link, target)
            if outbox is not None:
                IndexChange.objects.filter(pk__lte=outbox).delete()
        for folder in old_folders(link, keep):
            shutil.rmtree(folder, ignore_errors=True)
        connections[DEFAULT_ALIAS].reset_sessions()
        self.stdout.write(self.style.SUCCESS(f"{link} -> {os.path.basename(target)}"))
