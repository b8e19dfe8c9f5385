"""Importing in batches (archive.bulk): the same rows and the same search
results as one article at a time, duplicates and bad records within a batch,
the pool of extracting processes. Real transactions (transactional_db), so
that the index is written after each commit, into a throwaway Whoosh index."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from haystack.query import SearchQuerySet
from whoosh.index import TOC, open_dir

from archive import bulk
from archive.importing import find_files, read_file
from archive.ingest import save_record
from archive.models import Article, Person, Place, Quote
from archive.search import signals
from tests.search.helpers import clear_index, temporary_index, whoosh_only
from tests.test_import import run_import


@pytest.fixture
def index(tmp_path, transactional_db):
    with temporary_index(tmp_path / "whoosh_index") as path:
        yield path


def line(headline, body, published="2021-03-04", **extra):
    return json.dumps({"headline": headline, "body": body, "published": published, **extra})


EXTRA = [
    line("Bridge approved", 'The council approved a new bridge. "We will build it," said Jane Example, the mayor.'),
    line("Tunnel refused", 'Plans for a tunnel were refused in Leeds. "It is far too dear," said Omar Haddad.'),
    line("Library saved", 'The library will stay open. "Reading matters," said Councillor Jane Example.'),
]
MORE = [
    line("Ferry returns", 'The ferry to Dublin returns. "Bookings are strong," said Lord Porter.', outlet="The MJ"),
    line("Mayor elected", 'Birmingham elected a mayor. "I wouldn\'t have had referendums," said Lord Heseltine.'),
    line("Budget set", 'The council set its budget in Coventry. "Savings are painful," said Roger Lawrence.'),
]
TXT = """---
headline: Harbour wall rebuilt
published: 2019-05
---
The harbour wall in Leeds was rebuilt. "It took two years," said Maria Okafor, the harbour master.
"""


@pytest.fixture
def corpus(tmp_path):
    """Seven short articles in a .txt and a .jsonl file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "harbour.txt").write_text(TXT, encoding="utf-8")
    (folder / "more.jsonl").write_text("\n".join(EXTRA + MORE) + "\n", encoding="utf-8")
    return folder


def rows():
    """What the database holds, without primary keys or times."""
    return {
        "articles": sorted(Article.objects.values_list("headline", "slug", "fingerprint", "published", "outlet")),
        "quotes": sorted(
            (q.article.headline, q.text, q.kind, q.position, q.role, q.person.name if q.person else None)
            for q in Quote.objects.select_related("article", "person")
        ),
        "people": sorted(Person.objects.values_list("name", "kind", "honorific", "aliases")),
        "places": sorted(Place.objects.values_list("name", "kind", "parent__name")),
    }


def found():
    """Every document in the index, by what it shows rather than its key."""
    found = set()
    for result in SearchQuerySet().all():
        obj = result.object
        found.add(("article", obj.headline) if isinstance(obj, Article) else ("quote", obj.text))
    return found


def empty_archive():
    Article.objects.all().delete()
    Person.objects.all().delete()
    Place.objects.all().delete()
    signals.flush()
    clear_index()


def test_batches_make_the_same_rows_and_index_as_one_article_at_a_time(index, corpus):
    for path in find_files([corpus]):
        for record in read_file(path):
            save_record(record)
    one_by_one = rows(), found()
    empty_archive()
    assert found() == set()

    code, out, _ = run_import(corpus, "--batch", "4", "--jobs", "1")
    assert code == 0
    assert "7 created, 0 unchanged, 0 failed" in out
    assert (rows(), found()) == one_by_one
    assert len(one_by_one[0]["quotes"]) == 7


def test_after_a_bulk_import_search_finds_every_article_and_quotation(index, corpus):
    run_import(corpus, "--batch", "2", "--jobs", "1")
    assert {kind for kind, _ in found()} == {"article", "quote"}
    assert found() == {("article", h) for h in Article.objects.values_list("headline", flat=True)} | {
        ("quote", t) for t in Quote.objects.values_list("text", flat=True)
    }
    assert [r.object.headline for r in SearchQuerySet().models(Article).filter(content="tunnel")] == ["Tunnel refused"]


def test_a_text_twice_in_one_batch_is_saved_once(index, tmp_path):
    path = tmp_path / "twice.jsonl"
    same = 'The pier reopened. "At last," said Omar Haddad.'
    path.write_text("\n".join([line("First", same), line("Again", same.replace(" ", "  ")), *EXTRA]), encoding="utf-8")
    code, out, _ = run_import(path, "--batch", "10", "--jobs", "1")
    assert code == 0
    assert "4 created, 1 unchanged, 0 failed" in out
    assert list(Article.objects.filter(body__contains="pier").values_list("headline", flat=True)) == ["First"]
    code, out, _ = run_import(path, "--batch", "10", "--jobs", "1")
    assert "0 created, 5 unchanged, 0 failed" in out


def test_a_record_that_cannot_be_saved_loses_only_itself(index, tmp_path, monkeypatch):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([*EXTRA, line("Doomed", "A text the database refuses.")]), encoding="utf-8")
    real = bulk.ingest.write_extraction

    def refusing(article, *args, **kwargs):
        if article.headline == "Doomed":
            raise ValueError("refused")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(bulk.ingest, "write_extraction", refusing)
    code, out, err = run_import(path, "--batch", "10", "--jobs", "1")
    assert code == 1
    assert "3 created, 0 unchanged, 1 failed" in out
    assert "batch.jsonl:4: not saved (ValueError: refused)" in err
    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Bridge approved",
        "Library saved",
        "Tunnel refused",
    ]
    assert ("article", "Tunnel refused") in found()


def test_a_pool_of_two_processes_extracts_what_one_process_does(index, corpus):
    # Two articles a batch: the pool starts once more than a batch is to extract.
    code, out, _ = run_import(corpus, "--batch", "2", "--jobs", "2")
    assert code == 0
    assert "7 created, 0 unchanged, 0 failed" in out
    pooled = rows(), found()
    empty_archive()
    run_import(corpus, "--batch", "2", "--jobs", "1")
    assert (rows(), found()) == pooled


def test_jobs_and_batch_must_be_positive(tmp_path):
    (tmp_path / "a.jsonl").write_text(EXTRA[0], encoding="utf-8")
    with pytest.raises(Exception, match="at least 1"):
        call_command("import_articles", str(tmp_path), "--jobs", "0")


ROOT = Path(__file__).resolve().parent.parent
# A real login (the session and last_login written) that waits at most five
# seconds for SQLite's write lock, where the site waits twenty.
LOGIN = """
from django.db import connection
connection.settings_dict["OPTIONS"]["timeout"] = 5
from django.test import Client
response = Client().post("/admin/login/", {"username": "editor", "password": "pw", "next": "/admin/"})
assert response.status_code == 302 and response.url == "/admin/", response.status_code
print("logged in")
"""


def long_article(characters):
    """A JSONL line: real news text (the Wikinews articles, one after another)
    to `characters` long, naming thousands of people and places."""
    corpus = ROOT / "seeds" / "wikinews" / "wikinews_en_2019_2021.jsonl"
    texts = [json.loads(row)["text"] for row in corpus.read_text(encoding="utf-8").splitlines()]
    body, n = [], 0
    while sum(map(len, body)) < characters:
        body.append(f"{texts[n % len(texts)]}\n\nPart {n}.")
        n += 1
    return line("The whole year, in full", "\n\n".join(body))


# The import in its own process, which reports its peak memory.
IMPORT = """
import resource, sys, django
django.setup()
from django.core.management import call_command
call_command("import_articles", sys.argv[1], "--jobs", "1")
print("peak MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.mark.slow
def test_an_editor_logs_in_while_a_long_article_is_imported_in_bounded_memory(tmp_path):
    # Two real processes on one SQLite file (not the tests' database).
    env = {
        **os.environ,
        "ARCHIVE_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}",
        "WHOOSH_PATH": str(tmp_path / "whoosh_index"),
        "DJANGO_SETTINGS_MODULE": "archive.settings",
    }

    def manage(*args, **kwargs):
        return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)

    assert manage("migrate", "-v0").returncode == 0
    create = (
        "from django.contrib.auth.models import User; User.objects.create_user('editor', 'e@x.org', 'pw', is_staff=1)"
    )
    assert manage("shell", "-c", create).returncode == 0
    path = tmp_path / "long.jsonl"
    # A million characters: about 1,500 quotations, 1,200 people and 1,200 places.
    path.write_text(long_article(1_000_000) + "\n", encoding="utf-8")
    command = [sys.executable, "-c", IMPORT, str(path)]
    importing = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    during = 0
    while importing.poll() is None:
        login = manage("shell", "-c", LOGIN)
        assert "logged in" in login.stdout.splitlines(), login.stderr[-2000:]
        during += importing.poll() is None
    out, err = importing.communicate()
    assert importing.returncode == 0, err[-2000:]
    assert "1 created, 0 unchanged, 0 failed" in out
    assert during >= 1
    # Once, each of its quotations' index documents carried the whole text: 13 GB.
    peak = int(out.split("peak MB")[1])
    assert peak < 800, out


def segments(path):
    """The ids of the index's segments."""
    index = open_dir(str(path))
    return {segment.segment_id() for segment in TOC.read(index.storage, index.indexname).segments}


@whoosh_only
def test_an_import_of_several_batches_leaves_the_index_in_one_segment(index, corpus):
    code, out, _ = run_import(corpus, "--batch", "2", "--jobs", "1")
    assert code == 0
    assert "merged the search index: 4 segments -> 1 in " in out
    assert len(segments(index)) == 1
    assert len(found()) == 14


@whoosh_only
def test_a_small_import_into_a_larger_index_merges_its_own_segments_only(index, corpus, tmp_path):
    run_import(corpus, "--batch", "2", "--jobs", "1")
    (large,) = segments(index)  # 14 documents
    path = tmp_path / "small.jsonl"
    # No quotation in them: a document each.
    path.write_text("\n".join(line(f"Pier {n}", f"The pier reopened for the {n} time.") for n in range(3)))
    _, out, _ = run_import(path, "--batch", "1", "--jobs", "1")
    assert "3 created" in out and "merged the search index: 4 segments -> 2 in " in out
    assert large in segments(index) and len(segments(index)) == 2
    path.write_text(line("Pier again", "The pier reopened once more."))
    _, out, _ = run_import(path, "--batch", "1", "--jobs", "1")
    assert "1 created" in out and "merged" not in out  # a single commit is not worth a merge
    assert len(segments(index)) == 3
    assert len(found()) == 18


def test_the_same_quotation_in_two_articles_of_one_batch_is_one_group(index, tmp_path):
    words = "We will rebuild the harbour wall before the winter storms arrive"
    path = tmp_path / "copies.jsonl"
    path.write_text(
        "\n".join(
            [
                line("Harbour plan", f'The council met in Leeds. "{words}," said Maria Okafor.'),
                line("Harbour plan, again", f'Work starts soon. "{words}," Maria Okafor said on Monday.'),
            ]
        ),
        encoding="utf-8",
    )
    code, out, _ = run_import(path, "--batch", "10", "--jobs", "1")
    assert code == 0 and "2 created" in out
    groups = set(Quote.objects.values_list("text_group", flat=True))
    assert len(groups) == 1 and None not in groups
