"""The index follows the database: after commit, through one writer path,
across processes; and the maintenance commands. Real transactions
(transactional_db) and a real Whoosh index in a throwaway folder."""

import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.urls import reverse
from haystack import connections
from haystack.query import SearchQuerySet
from haystack.utils import get_identifier
from whoosh.index import open_dir

from archive.ingest import apply_extraction
from archive.models import Article, ArticlePlace, IndexChange, Person, Place, Quote
from archive.search import backend, signals
from tests.search.helpers import temporary_index, whoosh_only

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def index(tmp_path, transactional_db):
    with temporary_index(tmp_path / "whoosh_index") as path:
        yield path


def ids(**filters):
    return {r.id for r in SearchQuerySet().filter(**filters)}


def article(headline="Tram line opens", body="The new tram line opened in the city today.", **kw):
    return Article.objects.create(headline=headline, body=body, published=kw.pop("published", date(2020, 5, 1)), **kw)


def search_ids(client, **params):
    response = client.get(reverse("search"), {"type": "articles", **params})
    assert response.status_code == 200
    return [getattr(i.get("quote") or i.get("article"), "pk") for i in response.context["items"]]


def test_an_article_added_in_the_admin_is_found_at_once(index, client, django_user_model):
    admin = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(admin)
    data = {
        "headline": "Canal restoration funded",
        "slug": "canal-restoration-funded",
        "body": "The canal trust welcomed the zeppelin funding announced for the restoration.",
        "outlet": "Test Gazette",
        "url": "",
        "published": "2021-04-02",
        "precision": "day",
    }
    for prefix in ("quotes", "articleplace_set"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    response = client.post(reverse("admin:archive_article_add"), data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    created = Article.objects.get(slug="canal-restoration-funded")
    assert search_ids(client, q="zeppelin") == [created.pk]


def test_a_rolled_back_save_leaves_no_ghost(index):
    with pytest.raises(RuntimeError), transaction.atomic():
        article(headline="Ghost story", body="A quokka appeared.")
        raise RuntimeError("rollback")
    kept = article(headline="Real story", body="A wombat appeared.")
    assert ids(content="quokka") == set()
    assert ids(content="wombat") == {get_identifier(kept)}


def test_nothing_is_written_before_commit(index):
    with transaction.atomic():
        a = article(body="An axolotl was seen.")
        assert ids(content="axolotl") == set()
    assert ids(content="axolotl") == {get_identifier(a)}


def test_deleting_removes_articles_and_their_quotes(index):
    a = article(body="The okapi spoke.")
    q = Quote.objects.create(article=a, text="Okapi forever")
    assert ids(content="okapi") == {get_identifier(a), get_identifier(q)}
    q.delete()
    assert ids(content="okapi") == {get_identifier(a)}
    Quote.objects.create(article=a, text="Okapi again")
    a.delete()
    assert ids(content="okapi") == set()


def test_apply_extraction_bulk_created_quotes_are_indexed(index):
    a = article(body="Mayor Jane Quill said: “The narwhal budget is fair.”")
    result = {
        "people": [{"name": "Jane Quill", "mentions": 1}],
        "places": [{"name": "Narwhalton", "kind": "city"}],
        "quotes": [
            {
                "text": "The narwhal budget is fair.",
                "kind": "direct",
                "start": 24,
                "end": 51,
                "speaker": "Jane Quill",
                "role": "Mayor",
            }
        ],
    }
    with transaction.atomic():
        apply_extraction(a, result=result)
    quote = Quote.objects.get(article=a)
    assert ids(content="narwhal", django_ct="archive.quote") == {get_identifier(quote)}
    assert ids(speakers="jane-quill", django_ct="archive.article") == {get_identifier(a)}
    assert ids(places="narwhalton") == {get_identifier(a), get_identifier(quote)}


def test_renaming_a_person_reindexes_their_quotes(index):
    a = article(body="Plain words.")
    person = Person.objects.create(name="Ann Smith")
    q = Quote.objects.create(article=a, person=person, text="Plain words.")
    person.name, person.aliases = "Ann Featherstonehaugh", ["Lady Featherstonehaugh"]
    person.save()
    assert ids(content="featherstonehaugh") == {get_identifier(q), get_identifier(a)}
    person.delete()
    assert ids(content="featherstonehaugh") == set()
    assert ids(speakers="ann-smith") == set()


def test_merging_people_reindexes_the_moved_quotes(index):
    a = article(body="Both spoke.")
    keep, other = Person.objects.create(name="Bob Jones"), Person.objects.create(name="Robert Jones")
    q = Quote.objects.create(article=a, person=other, text="Marmalade matters.")
    keep.merge([other])
    assert ids(speakers=keep.slug) == {get_identifier(q), get_identifier(a)}
    assert ids(speakers="robert-jones") == set()


def test_linking_a_place_reindexes_the_article_and_its_quotes(index):
    a = article(body="Street party.")
    q = Quote.objects.create(article=a, text="Bunting everywhere.")
    place = Place.objects.create(name="Thrapston")
    ArticlePlace.objects.create(article=a, place=place)
    assert ids(places="thrapston") == {get_identifier(a), get_identifier(q)}
    a.places.remove(place)
    assert ids(places="thrapston") == set()


def test_an_article_moved_into_the_future_leaves_the_index(index):
    a = article(body="Embargoed capybara news.")
    a.published = date(2999, 1, 1)
    a.save()
    assert ids(content="capybara") == set()


@whoosh_only
def test_removal_waits_for_a_locked_index(index):
    a = article(body="A locked pangolin.")
    backend = connections["default"].get_backend()
    writer = backend.index.refresh().writer()  # Whoosh's own lock, as another writer holds it
    threading.Timer(0.5, writer.cancel).start()
    started = time.monotonic()
    a.delete()
    assert time.monotonic() - started >= 0.4
    assert ids(content="pangolin") == set()


@whoosh_only
def test_an_unwritable_index_never_fails_the_request_and_the_change_is_kept(index, monkeypatch):
    def busy(*args, **kwargs):
        raise backend.LockError("busy")

    monkeypatch.setattr(backend.ArchiveWhooshBackend, "writer", busy)
    a = article(body="A patient tortoise.")
    assert IndexChange.objects.filter(key=f"article:{a.pk}").exists()
    monkeypatch.undo()
    article(body="Another tortoise.")
    assert len(ids(content="tortoise")) == 2


# --- commands -----------------------------------------------------------------------


@whoosh_only
def test_check_index_detects_and_repairs_a_ghost_and_a_missing_doc(index, capsys):
    kept, lost = article(body="Kept kestrel."), article(headline="Lost", body="Lost kestrel.")
    backend = connections["default"].get_backend()
    backend.remove(get_identifier(lost))  # missing
    Article.objects.filter(pk=kept.pk).update(headline="Changed")  # stale: no signal
    ghost = Quote(pk=999, article=kept, text="Ghost kestrel.")
    backend.update(connections["default"].get_unified_index().get_index(Quote), [ghost])
    with pytest.raises(CommandError):
        call_command("check_index")
    out = capsys.readouterr().out
    assert "archive.article: 2 in database, 1 in index; missing 1, stale 1, ghost 0" in out
    assert "archive.quote: 0 in database, 1 in index; missing 0, stale 0, ghost 1" in out
    call_command("check_index", "--repair")
    call_command("check_index")
    assert "matches the database" in capsys.readouterr().out
    assert ids(content="kestrel") == {get_identifier(kept), get_identifier(lost)}
    assert ids(content="changed") == {get_identifier(kept)}


@whoosh_only
def test_rebuild_search_index_builds_aside_and_swaps_a_symlink(index, settings):
    a = article(body="A rebuilt heron.")
    call_command("rebuild_search_index")
    link = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
    assert link.is_symlink()
    first = link.resolve()
    assert ids(content="heron") == {get_identifier(a)}
    b = article(body="A second heron.")
    call_command("rebuild_search_index")
    assert link.resolve() != first
    assert ids(content="heron") == {get_identifier(a), get_identifier(b)}
    call_command("rebuild_search_index")
    dated = [p for p in link.parent.iterdir() if p.name.startswith(link.name + ".") and p.is_dir()]
    assert len(dated) == 2  # the current folder and the one before


@whoosh_only
def test_haystack_rebuild_and_update_index_work_with_the_symlink(index):
    a = article(body="A familiar egret.")
    call_command("rebuild_search_index")
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert ids(content="egret") == {get_identifier(a)}
    Article.objects.filter(pk=a.pk).update(body="A changed egret and ibis.")
    call_command("update_index", verbosity=0)
    assert ids(content="ibis") == {get_identifier(a)}


# --- several processes --------------------------------------------------------------

WORKER = """
import os
from datetime import date
from archive.models import Article, Quote
n = int(os.environ["WORKER"])
day = date(2020, 1, 1)
for i in range(6):
    a = Article.objects.create(headline=f"Worker {n} item {i}", body=f"zebracorn w{n}x{i} report", published=day)
    Quote.objects.create(article=a, text=f"zebracorn quote w{n}x{i}")
doomed = Article.objects.create(headline=f"Doomed {n}", body=f"zebracorn doomed{n}", published=date(2020, 1, 1))
doomed.delete()
"""


@whoosh_only
def test_several_processes_save_while_others_search_and_nothing_is_lost(index, tmp_path):
    env = {
        **os.environ,
        "ARCHIVE_VAR_DIR": str(tmp_path),
        "WHOOSH_PATH": str(index),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    code = f"exec(open({str(script)!r}).read())"
    workers = [
        subprocess.Popen(
            [*manage, "shell", "-c", code],
            env={**env, "WORKER": str(n)},
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(4)
    ]
    searches = 0
    while any(w.poll() is None for w in workers):
        SearchQuerySet().filter(content="zebracorn").count()
        searches += 1
        time.sleep(0.02)
    for w in workers:
        _, err = w.communicate()
        assert w.returncode == 0, err.decode()
        assert b"Traceback" not in err and b"Failed to" not in err, err.decode()
    assert searches > 0
    with open_dir(str(index)).searcher() as searcher:
        assert searcher.doc_count() == 4 * 6 * 2
    for n in range(4):
        for i in range(6):
            assert len(ids(content=f"w{n}x{i}")) == 2, (n, i)
        assert ids(content=f"doomed{n}") == set()


# --- cached totals and facet counts follow the index ----------------------------------


@whoosh_only
def test_cached_totals_and_facets_change_with_each_write_and_rebuild(index, client):
    def counts():
        response = client.get(reverse("search"), {"q": "pelican", "type": "articles"})
        years = {f["label"]: f["count"] for g in response.context["facets"] if g["name"] == "year" for f in g["items"]}
        return response.context["total"], years

    first = article(body="A pelican.", published=date(2019, 5, 1))
    # A year every result shares narrows nothing and is not offered.
    assert counts() == (1, {})
    assert counts() == (1, {})  # answered from the cache
    second = article(body="Another pelican.")
    assert counts() == (2, {"2019": 1, "2020": 1})
    Article.objects.filter(pk=second.pk).update(body="A gull.")  # no signal: the index still has it
    call_command("rebuild_search_index")
    assert counts() == (1, {})
    first.delete()
    assert counts()[0] == 0


# --- the outbox: nothing lost when a process dies ----------------------------------------


def test_a_change_recorded_but_never_flushed_is_written_by_the_next_flush(index, monkeypatch):
    doomed = article(body="A doomed ocelot.")
    monkeypatch.setattr(signals, "flush", lambda: None)  # the process dies after its commit
    lost = article(body="An unflushed ocelot.")
    identifier = get_identifier(doomed)
    doomed.delete()
    assert IndexChange.objects.filter(key=f"article:{lost.pk}").exists()
    assert IndexChange.objects.filter(key=f"remove:{identifier}").exists()
    assert ids(content="ocelot") == {identifier}
    monkeypatch.undo()
    article(body="An unrelated lynx.")  # any later commit anywhere
    assert ids(content="ocelot") == {get_identifier(lost)}
    assert not IndexChange.objects.exists()


def test_a_flush_writes_each_document_once_though_rows_of_several_batches_lead_to_it(index, monkeypatch):
    monkeypatch.setattr(signals, "FLUSH_BATCH", 2)
    real_write, written = signals.write, []

    def counting_write(article_pks, quote_pks, removals=(), using="default"):
        written.extend([("article", pk) for pk in article_pks] + [("quote", pk) for pk in quote_pks])
        real_write(article_pks, quote_pks, removals, using=using)

    monkeypatch.setattr(signals, "write", counting_write)
    with transaction.atomic():
        tapir = article(body="A tapir crossed.")
        quotes = [Quote.objects.create(article=tapir, text=f"tapir words {n}") for n in range(3)]
        for name in ("Leeds", "York", "Hull"):
            ArticlePlace.objects.create(article=tapir, place=Place.objects.create(name=name))
        assert IndexChange.objects.count() > 4
    assert sorted(written) == sorted([("article", tapir.pk)] + [("quote", q.pk) for q in quotes])
    assert ids(content="tapir") == {get_identifier(tapir)} | {get_identifier(q) for q in quotes}
    assert not IndexChange.objects.exists()


def test_a_rolled_back_change_leaves_nothing_in_the_outbox(index):
    with pytest.raises(RuntimeError), transaction.atomic():
        article(body="A vanishing margay.")
        raise RuntimeError("rollback")
    assert not IndexChange.objects.exists()


DYING_IMPORT = """
import os, signal
from datetime import date
from django.db import transaction
from archive.models import Article, Quote
for i in range(3):
    with transaction.atomic():
        a = Article.objects.create(headline=f"Saved {i}", body=f"quetzal saved{i}", published=date(2020, 1, 1))
        Quote.objects.create(article=a, text=f"quetzal quote{i}")
with transaction.atomic():
    # Runs after the commit and before the index flush, as a SIGKILL there would.
    transaction.on_commit(lambda: os.kill(os.getpid(), signal.SIGKILL))
    a = Article.objects.create(headline="Killed", body="quetzal killed", published=date(2020, 1, 1))
    Quote.objects.create(article=a, text="quetzal killed quote")
"""

FIRST_SEARCH = """
from haystack.query import SearchQuerySet
print(SearchQuerySet().filter(content="quetzal").count())
"""


@whoosh_only
def test_a_process_killed_after_commit_loses_nothing_at_the_next_start(index, tmp_path):
    env = {
        **os.environ,
        "ARCHIVE_VAR_DIR": str(tmp_path),
        "WHOOSH_PATH": str(index),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
    for name, code in (("dying.py", DYING_IMPORT), ("search.py", FIRST_SEARCH)):
        (tmp_path / name).write_text(code)
    shell = [*manage, "shell", "-c"]
    dying = subprocess.run(
        [*shell, f"exec(open({str(tmp_path / 'dying.py')!r}).read())"], env=env, cwd=ROOT, capture_output=True
    )
    assert dying.returncode == -9, dying.stderr.decode()
    with open_dir(str(index)).searcher() as searcher:
        missing = 8 - searcher.doc_count()
    print(f"entries missing from the index after the kill: {missing}")
    assert missing == 2  # the killed article and its quotation
    started = subprocess.run(
        [*shell, f"exec(open({str(tmp_path / 'search.py')!r}).read())"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    assert started.stdout.decode().split()[-1] == "8"  # the first search of a new process picked them up
    with open_dir(str(index)).searcher() as searcher:
        assert searcher.doc_count() == 8
