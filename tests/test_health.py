from datetime import date

import pytest

from archive.models import Article

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_database_and_index_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "search": "ok"}


def test_healthz_fails_when_the_index_cannot_be_read(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("index folder gone")

    monkeypatch.setattr("haystack.query.SearchQuerySet.count", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["search"].startswith("error")


def test_home_lists_articles_newest_first(client):
    Article.objects.create(headline="Older story", body="a", published=date(2006, 7, 1), precision="month")
    Article.objects.create(headline="Newer story", body="b", published=date(2016, 10, 1), precision="month")
    page = client.get("/").content.decode()
    assert page.index("Newer story") < page.index("Older story")
    assert "October 2016" in page


def test_tests_use_a_throwaway_index_folder(settings):
    assert "archive-test-" in settings.HAYSTACK_CONNECTIONS["default"]["PATH"]
