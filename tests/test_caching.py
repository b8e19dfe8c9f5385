"""Browse pages kept rendered until the archive changes (archive.caching)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from archive.models import Article

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_a_page_asked_for_again_is_served_without_its_queries(client, cast):
    url = cast["people"]["heseltine"].get_absolute_url()
    first, first_queries = queries_for(client, url)
    again, again_queries = queries_for(client, url)
    assert again.content == first.content
    assert first_queries > 3
    assert again_queries == 1  # the archive's version number


def test_an_editors_correction_shows_at_once(client, cast):
    article = cast["articles"]["heseltine"]
    client.get(article.get_absolute_url())
    article.headline = "Lord Heseltine wants a mayor for Birmingham"
    article.save()
    assert "Lord Heseltine wants a mayor for Birmingham" in client.get(article.get_absolute_url()).text

    quote = cast["quotes"]["referendums"]
    client.get("/")
    quote.withdraw()
    person_page = client.get(cast["people"]["heseltine"].get_absolute_url()).text
    assert "I wouldn’t have had referendums" not in person_page


def test_a_change_that_bypasses_the_outbox_is_not_seen_until_the_next_change(client, cast):
    """Proof that the page is kept (a queryset update sends no signal), and
    that the next real change brings the page up to date."""
    article = cast["articles"]["thinktank"]
    client.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(headline="Quietly renamed")
    assert "Quietly renamed" not in client.get(article.get_absolute_url()).text
    cast["articles"]["metro"].save()
    assert "Quietly renamed" in client.get(article.get_absolute_url()).text


def test_a_signed_in_editor_is_never_served_a_kept_page(client, cast):
    article = cast["articles"]["thinktank"]
    client.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(headline="Quietly renamed")
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    editor_client = type(client)()
    editor_client.force_login(editor)
    assert "Quietly renamed" in editor_client.get(article.get_absolute_url()).text
    # and what was rendered for the editor is not kept for readers
    assert "Quietly renamed" not in client.get(article.get_absolute_url()).text


def test_a_page_with_a_pending_message_is_neither_served_nor_kept(client, cast):
    url = cast["people"]["porter"].get_absolute_url()
    client.get(url)
    Article.objects.filter(pk=cast["articles"]["metro"].pk).update(headline="Quietly renamed")
    client.cookies["messages"] = "anything"
    assert "Quietly renamed" in client.get(url).text
    del client.cookies["messages"]
    assert "Quietly renamed" not in client.get(url).text


def test_an_article_dated_tomorrow_appears_when_its_day_comes(client, cast, monkeypatch):
    tomorrow = timezone.localdate() + timedelta(days=1)
    Article.objects.create(headline="Tomorrow's news", body="Text.", published=tomorrow)
    assert "Tomorrow&#x27;s news" not in client.get("/").text
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow)
    assert "Tomorrow&#x27;s news" in client.get("/").text
