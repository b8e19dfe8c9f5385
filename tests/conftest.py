from pathlib import Path

import pytest
from django.core.cache import cache

from tests.search.helpers import delete_cast, make_cast, temporary_index

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "articles"


@pytest.fixture(autouse=True)
def fresh_limits():
    """Each test starts with no request counted against its client (the
    per-client rates and download locks live in the default cache)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def seeds_dir():
    return SEEDS


@pytest.fixture(scope="module")
def indexed_cast(tmp_path_factory, django_db_setup, django_db_blocker):
    """The cast in the database and in a throwaway index, for a module's tests."""
    with temporary_index(tmp_path_factory.mktemp("whoosh") / "index"):
        with django_db_blocker.unblock():
            cast = make_cast()
        yield cast
        with django_db_blocker.unblock():
            delete_cast()


@pytest.fixture
def cast(db):
    """The shared cast in the database only (no index), for one test."""
    return make_cast()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page kept, no rate counted."""
    cache.clear()
