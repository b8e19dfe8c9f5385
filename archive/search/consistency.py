"""check_index: comparing the index with the database, and repairing it."""

import os

from django.conf import settings
from haystack import connections
from haystack.constants import DEFAULT_ALIAS, ID
from haystack.query import SearchQuerySet

from archive.models import Article, Quote
from archive.search.signals import write


def damage(using=DEFAULT_ALIAS, quick=False):
    """One line saying what is wrong with a Whoosh index folder itself (gone,
    no table of contents, a segment that cannot be read, empty while articles
    are published), or None. Read straight from the folder: opening it
    through haystack would quietly create a new, empty index. `quick` opens
    every segment (its directory, terms and per-document files) but reads no
    stored document: the same cost at any size."""
    from whoosh.index import exists_in, open_dir

    conf = settings.HAYSTACK_CONNECTIONS[using]
    path = conf.get("PATH")
    if "whoosh" not in conf["ENGINE"].lower() or not path:
        return None
    if not os.path.isdir(path):
        return f"no search index at {path}"
    if not exists_in(path):
        segments = [name for name in os.listdir(path) if name.endswith(".seg")]
        beside = f" beside {len(segments)} segment file(s)" if segments else ""
        return f"the search index at {path} has no table of contents (_MAIN_*.toc){beside}"
    try:
        with open_dir(path).reader() as reader:  # opens every segment
            documents = reader.doc_count() if quick else sum(1 for _ in reader.all_stored_fields())
    except Exception as exc:  # a damaged file fails in many ways: EOFError, struct.error, OSError...
        return f"the search index at {path} cannot be read: {type(exc).__name__}: {exc}"[:300]
    published = Article.objects.published().count()
    if not documents and published:
        return f"the search index at {path} is empty but {published} article(s) are published"
    return None


def health(using=DEFAULT_ALIAS):
    """The number of documents in the index, after a one-result search the
    way the search page asks it. Cheap at any size: never a count over the
    whole index. Raises when the index cannot answer, or is empty while the
    database has published articles (a lost or replaced index folder)."""
    backend = connections[using].get_backend()
    if hasattr(backend, "searcher"):  # Whoosh: the page's own path
        documents = backend.searcher().doc_count()
        backend.search("healthz", end_offset=1)
    else:
        documents = SearchQuerySet(using=using).count()
    if not documents and Article.objects.published().exists():
        raise RuntimeError("the index is empty but the database has published articles")
    return documents


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
