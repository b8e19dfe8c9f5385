"""The bench's throwaway archive: a SQLite file and a Whoosh index under
var/bench/<size>/, filled from the generated corpus through the project's own
import and index path.

Each record is read by archive.importing (as `import_articles` reads it) and
saved by archive.bulk.save_all (as `import_articles` saves it: a transaction
and an index commit per batch, the index's segments merged at the end),
with one thing held back: the extractor (the corpus carries what it planted,
in the shape apply_extraction takes; `python -m bench` times the extractor
apart). Build times and sizes are kept in build.json, so a run that reuses
the archive still reports how long it took to make."""

import fcntl
import json
import os
import shutil
import time
from pathlib import Path

from bench import corpus

HELD = []  # locks kept until the process ends
VERSION = 4  # bump when the corpus or the loading changes, to rebuild old archives


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


def planted(files):
    """(record, extraction) for every record of the JSONL files, the
    extraction being the one the corpus planted."""
    from archive.importing import BadRecord, parse_json_record

    for path in files:
        with open(path, encoding="utf-8") as lines:
            for n, line in enumerate(lines, 1):
                record = parse_json_record(line, f"{path}:{n}")
                if isinstance(record, BadRecord):
                    raise SystemExit(f"bench corpus is broken: {record}")
                yield record, json.loads(line)["extraction"]


def load(files):
    """Every record of the JSONL files into the database and the index;
    returns how many, and (segments before, after, seconds) of merging the
    index or None."""
    from archive.bulk import index_generation, merge_index, save_all

    generation = index_generation()
    saved = 0
    for status, item in save_all(planted(files)):
        if status == "failed":
            raise SystemExit(f"bench corpus not saved: {item}")
        saved += status == "created"
    return saved, merge_index(generation)


def build(workdir, size, seed):
    """Generate, then import into the database and the index; returns the figures kept in build.json."""
    from django.core.management import call_command

    from archive.models import Article, Person, Place, Quote

    t0 = time.perf_counter()
    files = corpus.write(Path(workdir) / "corpus", size, seed)
    t1 = time.perf_counter()
    call_command("migrate", verbosity=0)
    _, merged = load(files)
    t2 = time.perf_counter()
    return {
        "version": VERSION,
        "size": size,
        "seed": seed,
        "corpus_s": t1 - t0,
        "import_s": t2 - t1,
        "merged": merged,
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
