"""The bench's throwaway archive: a SQLite file and a Whoosh index under
var/bench/<size>/, filled from the generated corpus through the project's own
import path, then indexed in bulk with `rebuild_search_index`.

Each record is read by archive.importing (as `import_articles` reads it) and
saved by archive.ingest.save_record, with two things held back: the extractor
(the corpus carries what it planted, in the shape apply_extraction takes) and
the per-article index update (the bulk path builds the index once at the end).
Build times and sizes are kept in build.json, so a run that reuses the
archive still reports how long it took to make."""

import fcntl
import json
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from bench import corpus

# The names patched while loading. If archive's modules move, only these change.
EXTRACT = "archive.ingest.extract"
INDEX_FLUSH = "archive.search.signals.flush"
HELD = []  # locks kept until the process ends
VERSION = 1  # bump when the corpus or the loading changes, to rebuild old archives


def configure(workdir):
    """Point Django at the bench archive in `workdir`; gunicorn inherits it."""
    workdir = Path(workdir)
    (workdir / "static").mkdir(parents=True, exist_ok=True)  # whitenoise warns of a missing STATIC_ROOT
    os.environ["ARCHIVE_VAR_DIR"] = str(workdir)
    os.environ["WHOOSH_PATH"] = str(workdir / "whoosh_index")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'archive.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()


def folder_size(path):
    path = os.path.realpath(path)
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


@contextmanager
def planted_extraction():
    """save_record with the corpus's own extraction instead of the extractor's,
    and no index writes: `current` holds the extraction of the record being saved."""
    current = {}
    with mock.patch(EXTRACT, lambda body: current["result"]), mock.patch(INDEX_FLUSH, lambda: None):
        yield current


def load(files):
    """Every record of the JSONL files into the database; returns how many."""
    from archive.importing import BadRecord, parse_json_record
    from archive.ingest import save_record

    saved = 0
    with planted_extraction() as current:
        for path in files:
            with open(path, encoding="utf-8") as lines:
                for n, line in enumerate(lines, 1):
                    record = parse_json_record(line, f"{path}:{n}")
                    if isinstance(record, BadRecord):
                        raise SystemExit(f"bench corpus is broken: {record}")
                    current["result"] = json.loads(line)["extraction"]
                    saved += save_record(record)[1]
    return saved


def build(workdir, size, seed):
    """Generate, load and index; returns the figures kept in build.json."""
    from django.core.management import call_command

    from archive.models import Article, Person, Place, Quote

    t0 = time.perf_counter()
    files = corpus.write(Path(workdir) / "corpus", size, seed)
    t1 = time.perf_counter()
    call_command("migrate", verbosity=0)
    load(files)
    t2 = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("rebuild_search_index", stdout=quiet)
    t3 = time.perf_counter()
    return {
        "version": VERSION,
        "size": size,
        "seed": seed,
        "corpus_s": t1 - t0,
        "database_s": t2 - t1,
        "index_s": t3 - t2,
        "corpus_bytes": sum(f.stat().st_size for f in files),
        "articles": Article.objects.count(),
        "quotes": Quote.objects.count(),
        "people": Person.objects.count(),
        "places": Place.objects.count(),
    }


def prepare(workdir, size, seed, fresh=False):
    """The bench archive for (size, seed), built unless a complete one is
    there already. Returns build.json's figures plus current sizes."""
    workdir = Path(workdir)
    workdir.parent.mkdir(parents=True, exist_ok=True)
    # Two runs on one folder would delete each other's archive: the second waits.
    lock = open(workdir.parent / f".{workdir.name}.lock", "a")
    fcntl.flock(lock, fcntl.LOCK_EX)
    HELD.append(lock)
    record = workdir / "build.json"
    figures = json.loads(record.read_text()) if record.exists() and not fresh else None
    if figures and (figures.get("version"), figures["size"], figures["seed"]) != (VERSION, size, seed):
        figures = None
    reused = figures is not None
    if not reused:
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
    configure(workdir)
    if not reused:
        figures = build(workdir, size, seed)
        record.write_text(json.dumps(figures, indent=1))
    figures["reused"] = reused
    figures["index_bytes"] = folder_size(workdir / "whoosh_index")
    figures["database_bytes"] = sum(p.stat().st_size for p in workdir.glob("archive.sqlite3*") if p.is_file())
    return figures
