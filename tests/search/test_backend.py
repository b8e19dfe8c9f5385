"""ArchiveWhooshBackend.search answers as haystack's own Whoosh search would."""

import os

import pytest

from archive.search.forms import SearchForm
from archive.search.query import parse_query
from archive.search.results import build_queryset, facet_fields
from tests.search.helpers import whoosh_only

pytestmark = whoosh_only  # ArchiveWhooshBackend against haystack's own Whoosh backend


@pytest.mark.parametrize(
    "params",
    [
        {"q": "mayor", "type": "articles"},
        {"q": "budget", "type": "quotes"},
        {"q": '"take the blame"'},
        {"q": "mayor", "type": "articles", "from": "2010", "to": "2016-10"},
        {"from": "2014-06-01"},
        {"from": "2014-06-01", "type": "articles"},
        {"type": "quotes", "speaker": "councillor-ames", "sort": "oldest"},
        {"q": "budget OR mayor", "type": "quotes", "place": "england", "sort": "newest"},
        {"q": "mayor", "type": "articles", "from": "2010", "sort": "newest"},
        {"type": "articles", "to": "2016", "sort": "oldest"},
    ],
)
def test_the_backend_answers_as_haystacks_whoosh_search(cast, db, params):
    from haystack import connections
    from haystack.backends.whoosh_backend import WhooshSearchBackend

    form = SearchForm(params)
    assert form.is_valid(), form.errors
    data = form.cleaned_data
    sqs = build_queryset(data, parse_query(data["q"]))
    backend = connections["default"].get_backend()
    args = (sqs.query.build_query(),)
    for start in (0, 20, 40):
        kwargs = {
            "sort_by": sqs.query.order_by or None,
            "start_offset": start,
            "end_offset": start + 20,
            "facets": facet_fields(data["type"]),
            "limit_to_registered_models": False,
        }
        ours, theirs = backend.search(*args, **kwargs), WhooshSearchBackend.search(backend, *args, **kwargs)
        assert ours["hits"] == theirs["hits"]
        assert ours.get("facets") == theirs.get("facets")
        assert [(r.id, r.score) for r in ours["results"]] == [(r.id, r.score) for r in theirs["results"]]


def test_searches_read_the_index_as_files_never_copied_from_an_mmap(cast, db, client):
    # Whoosh copies each part of an mmapped compound segment into the
    # process (a BytesIO): no part of the index may be mapped at all.
    from haystack import connections

    assert client.get("/search/", {"q": "mayor", "type": "articles"}).status_code == 200
    folder = os.path.realpath(connections["default"].get_backend().path)
    segments = [name for name in os.listdir(folder) if name.endswith(".seg")]
    assert segments  # compound segments, the kind Whoosh would map
    with open("/proc/self/maps") as maps:
        assert folder not in maps.read()


def test_related_articles_are_other_articles_most_like_this_one_within_the_limit(cast, db):
    from archive.search import related_articles

    heseltine = cast["articles"]["heseltine"]
    related = related_articles(heseltine, limit=2)
    # Mayors and Birmingham: the thinktank and metro-mayor articles, never a
    # quotation's document nor the article itself; the budget shares nothing.
    assert [a.pk for a in related] == [cast["articles"]["thinktank"].pk, cast["articles"]["metro"].pk]
    assert related_articles(heseltine, limit=1) == related[:1]


# --- searches while another process writes ---------------------------------------------

WRITER = """
import os
from datetime import date
from haystack import connections
from archive.models import Article
n = os.environ["WRITER"]
for i in range(int(os.environ["ARTICLES"])):
    Article.objects.create(headline=f"Griffin {n} {i}", body=f"griffin report item{i} by w{n} " + "words " * 200,
                           published=date(2020, 1, 1))
    if os.environ["MERGE"] and i % 5 == 4:  # as import_articles does after a bulk import
        connections["default"].get_backend().merge()
"""


@pytest.mark.parametrize("merge", ["", "into-one"], ids=["whoosh-merging", "merging-into-one"])
def test_searches_survive_another_process_writing_and_merging(tmp_path, transactional_db, merge):
    """A second process writes one article per commit, so Whoosh merges
    segments (and deletes their files) over and over while this process
    keeps one searcher and searches: no search fails, and afterwards the
    searcher sees every new document. So too when the writers merge the
    whole index into one segment now and then (IndexWriting.merge)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from haystack import connections

    from tests.search.helpers import temporary_index

    root = Path(__file__).resolve().parents[2]
    articles = 80
    with temporary_index(tmp_path / "whoosh_index") as index:
        env = {
            **os.environ,
            "ARCHIVE_VAR_DIR": str(tmp_path),
            "WHOOSH_PATH": str(index),
            "ARTICLES": str(articles),
            "MERGE": merge,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
            "PYTHONPATH": str(root),
        }
        manage = [sys.executable, str(root / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=root)
        (tmp_path / "writer.py").write_text(WRITER)
        backend = connections["default"].get_backend()
        backend.search("griffin", end_offset=1)  # a searcher kept from before the writes
        code = f"exec(open({str(tmp_path / 'writer.py')!r}).read())"
        writers = [
            subprocess.Popen(
                [*manage, "shell", "-c", code],
                env={**env, "WRITER": str(n)},
                cwd=root,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for n in range(2)
        ]
        tried, failed = 0, []
        while any(w.poll() is None for w in writers):
            for query in ("griffin", "report AND griffin", None):
                tried += 1
                try:
                    if query:
                        backend.search(query, end_offset=10)
                    else:  # a fresh reader, as the spelling suggestion reads the word list
                        backend.reader().close()
                except Exception as exc:
                    failed.append(repr(exc))
        for w in writers:
            _, err = w.communicate()
            assert w.returncode == 0, err.decode()
        print(f"searches tried {tried}, failed {len(failed)}")
        assert tried > 20
        assert failed == []
        assert backend.search("griffin", end_offset=1)["hits"] == 2 * articles


def test_a_segment_vanishing_under_a_refresh_never_fails_a_search(tmp_path, transactional_db, monkeypatch):
    """A merge deletes segment files between a refresh reading the table of
    contents and opening them: Whoosh then closes the readers the searcher
    was reusing, and every later refresh raised ReaderClosed."""
    from datetime import date

    from haystack import connections
    from whoosh.filedb.filestore import FileStorage

    from archive.models import Article
    from tests.search.helpers import temporary_index

    with temporary_index(tmp_path / "whoosh_index"):
        Article.objects.create(headline="Basilisk one", body="basilisk one", published=date(2020, 1, 1))
        backend = connections["default"].get_backend()
        assert backend.search("basilisk", end_offset=10)["hits"] == 1
        Article.objects.create(headline="Basilisk two", body="basilisk two", published=date(2020, 1, 1))
        opened, vanished = FileStorage.open_file, []

        def vanishing(storage, name, *args, **kwargs):
            if not vanished and not name.endswith(".toc"):
                vanished.append(name)
                raise FileNotFoundError(name)
            return opened(storage, name, *args, **kwargs)

        monkeypatch.setattr(FileStorage, "open_file", vanishing)
        assert backend.search("basilisk", end_offset=10)["hits"] == 2
        assert vanished
        Article.objects.create(headline="Basilisk three", body="basilisk three", published=date(2020, 1, 1))
        assert backend.search("basilisk", end_offset=10)["hits"] == 3


def test_segment_values_built_once_are_read_back_by_a_fresh_process(cast, db, client, monkeypatch):
    from archive.search import backend, segments, shelf

    monkeypatch.setattr(backend, "SEARCH_CACHE", None)

    def facets():
        response = client.get("/search/", {"q": "mayor", "type": "articles", "from": "2010"})
        return [(g["name"], [(i["label"], i["count"]) for i in g["items"]]) for g in response.context["facets"]]

    built = facets()
    read_back = []

    def load(*key):
        value = shelf_load(*key)
        read_back.append((key[1][0], value is not None))
        return value

    shelf_load = shelf.load
    monkeypatch.setattr(shelf, "load", load)
    monkeypatch.setattr(segments, "_segment_cache", {})  # as in a worker started now
    assert facets() == built
    assert {kind for kind, _ in read_back} == {"facet", "range"}
    assert all(found for _, found in read_back)
