"""check_index on a damaged index folder: each kind of damage reported in one
line with a non-zero exit, and --repair rebuilding it without a traceback.
A real Whoosh index in a throwaway folder, damaged as an operator found it."""

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from haystack import connections
from haystack.query import SearchQuerySet
from whoosh.index import create_in

from archive.models import Article, IndexChange
from tests.search.helpers import temporary_index, whoosh_only

ROOT = Path(__file__).resolve().parents[2]
pytestmark = whoosh_only  # the Whoosh folder itself, damaged


@pytest.fixture
def index(tmp_path, transactional_db):
    with temporary_index(tmp_path / "whoosh_index") as path:
        Article.objects.create(headline="Kept", body="A well kept cassowary.", published=date(2020, 1, 1))
        Article.objects.create(headline="Also kept", body="Another cassowary.", published=date(2020, 2, 1))
        yield path


def found():
    return SearchQuerySet().filter(content="cassowary").count()


def check(*args):
    """check_index's output, or the one-line error it exits non-zero with."""
    try:
        call_command("check_index", *args, stdout=open("/dev/null", "w"))
    except CommandError as exc:
        return str(exc)
    return None


def lose_toc(path):
    for toc in path.glob("_MAIN_*.toc"):
        toc.unlink()


def truncate_segment(path):
    segment = max(path.glob("*.seg"), key=lambda p: p.stat().st_size)
    with open(segment, "r+b") as handle:
        handle.truncate(segment.stat().st_size // 2)


def empty(path):
    """A new empty index in place of the full one."""
    for entry in path.iterdir():
        entry.unlink()
    create_in(str(path), connections["default"].get_backend().schema)


@pytest.mark.parametrize(
    ("damage", "reported"),
    [
        (lose_toc, "has no table of contents (_MAIN_*.toc) beside 2 segment file(s)"),
        (truncate_segment, "cannot be read: "),
        (empty, "is empty but 2 article(s) are published"),
    ],
)
def test_check_index_reports_damage_in_one_line_and_repair_rebuilds(index, damage, reported):
    assert found() == 2
    assert check() is None
    damage(index)
    message = check()
    assert reported in message
    assert "\n" not in message
    assert check("--repair") is None
    assert check() is None
    assert found() == 2


def test_check_index_repair_builds_a_missing_index_and_keeps_an_existing_one(tmp_path, transactional_db):
    """What `make run` does at every start."""
    with temporary_index(tmp_path / "never_made") as path:
        Article.objects.create(headline="First", body="A first cassowary.", published=date(2020, 1, 1))
        shutil.rmtree(path)  # a fresh machine, or a lost folder
        assert check() == f"no search index at {path}; run with --repair to rebuild it"
        assert check("--repair") is None
        built = path.resolve()
        assert found() == 1
        assert check("--repair") is None
        assert path.resolve() == built  # caught up, not rebuilt


def test_damage_is_reported_by_the_command_without_a_traceback(index, tmp_path):
    truncate_segment(index)
    env = {
        **os.environ,
        "WHOOSH_PATH": str(index),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ARCHIVE_VAR_DIR": str(tmp_path),
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], env=env, cwd=ROOT, check=True)
    run = subprocess.run([sys.executable, "manage.py", "check_index"], env=env, cwd=ROOT, capture_output=True)
    assert run.returncode == 1
    err = run.stderr.decode()
    assert "cannot be read" in err and "Traceback" not in err
    repaired = subprocess.run(
        [sys.executable, "manage.py", "check_index", "--repair"], env=env, cwd=ROOT, capture_output=True
    )
    assert repaired.returncode == 0, repaired.stderr.decode()
    assert "Traceback" not in repaired.stderr.decode()


def test_check_index_applies_changes_a_dead_process_left_in_the_outbox(index):
    lost = Article.objects.create(headline="Lost", body="A lost cassowary.", published=date(2020, 3, 1))
    connections["default"].get_backend().remove(f"archive.article.{lost.pk}")
    assert found() == 2
    IndexChange.objects.create(key=f"article:{lost.pk}")  # as the dead process left it
    assert check() is None  # nothing missing once the outbox is applied
    assert found() == 3
    assert not IndexChange.objects.exists()


# --- check_index --quick: what `make run` does at every start ----------------------


@pytest.mark.parametrize("damage", [lose_toc, truncate_segment, empty, shutil.rmtree])
def test_quick_check_rebuilds_a_missing_or_damaged_index(index, damage):
    damage(index)
    assert "; run with --repair to rebuild it" in check("--quick")
    assert check("--quick", "--repair") is None
    assert check() is None  # the full comparison finds nothing missing either
    assert found() == 2


def test_quick_check_applies_changes_left_in_the_outbox(index):
    lost = Article.objects.create(headline="Lost", body="A lost cassowary.", published=date(2020, 3, 1))
    connections["default"].get_backend().remove(f"archive.article.{lost.pk}")
    IndexChange.objects.create(key=f"article:{lost.pk}")  # as the dead process left it
    assert check("--quick") is None
    assert found() == 3
    assert not IndexChange.objects.exists()


def test_quick_check_compares_no_document_and_the_full_check_does(index):
    kept = Article.objects.get(headline="Kept")
    connections["default"].get_backend().remove(f"archive.article.{kept.pk}")  # behind the database's back
    assert found() == 1
    assert check("--quick", "--repair") is None
    assert found() == 1  # not noticed: nothing told the outbox
    assert "1 difference(s) between the index and the database" in check()
    assert check("--repair") is None
    assert found() == 2
