from datetime import date

import pytest

from archive.models import Article

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_database_and_index_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "search": "ok", "documents": 0}


def test_healthz_fails_when_the_index_cannot_be_read(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("index folder gone")

    monkeypatch.setattr("archive.search.backend.ArchiveWhooshBackend.searcher", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["search"] == "error: OSError"


def test_healthz_fails_when_the_index_is_empty_but_articles_are_published(client):
    # The signals index it after commit, which a test transaction never reaches: the index stays empty.
    Article.objects.create(headline="A story", body="Words.", published=date(2016, 10, 1))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "the index is empty but the database has published articles" in response.json()["search"]


def test_home_lists_articles_newest_first(client):
    Article.objects.create(headline="Older story", body="a", published=date(2006, 7, 1), precision="month")
    Article.objects.create(headline="Newer story", body="b", published=date(2016, 10, 1), precision="month")
    page = client.get("/").content.decode()
    assert page.index("Newer story") < page.index("Older story")
    assert "October 2016" in page


def test_tests_use_a_throwaway_index_folder(settings):
    assert "archive-test-" in settings.HAYSTACK_CONNECTIONS["default"]["PATH"]
