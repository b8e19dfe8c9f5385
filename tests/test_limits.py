"""Per-client limits on search, autocomplete and downloads (archive/limits.py):
past the rate a client gets the 429 page, other clients do not; one download
at a time per client, the lock given back however the download ends."""

import json
import time

import pytest
from django.test import Client
from django.urls import reverse

from archive import heartbeat, limits
from archive.search import export as export_module

SEARCH = reverse("search")
EXPORT = {"type": "quotes", "place": "birmingham", "format": "json"}


@pytest.fixture
def indexed(indexed_cast, db):
    return indexed_cast


def other_client():
    return Client(REMOTE_ADDR="10.9.9.9")


def consume(response):
    assert response.status_code == 200, response.content[:300]
    return json.loads(b"".join(response.streaming_content))


def test_searches_past_search_rate_get_the_429_page(client, indexed, settings):
    settings.SEARCH_RATE = "3/m"
    codes = [client.get(SEARCH, {"q": "mayor"}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    page = client.get(SEARCH, {"q": "mayor"})
    assert page.status_code == 429 and "Too many requests" in page.content.decode()
    assert other_client().get(SEARCH, {"q": "mayor"}).status_code == 200


def test_searches_under_the_default_rate_are_served(client, indexed):
    assert all(client.get(SEARCH, {"q": "mayor"}).status_code == 200 for _ in range(10))


def test_autocomplete_past_its_rate_gets_429(client, indexed, settings):
    settings.AUTOCOMPLETE_RATE = "2/m"
    url = reverse("autocomplete")
    codes = [client.get(url, {"q": "hes"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert "Too many requests" in client.get(url, {"q": "hes"}).content.decode()


def test_an_empty_rate_turns_the_limit_off(client, indexed, settings):
    settings.AUTOCOMPLETE_RATE = ""
    url = reverse("autocomplete")
    assert all(client.get(url, {"q": "hes"}).status_code == 200 for _ in range(5))


def test_downloads_past_export_rate_get_the_429_page_search_and_person_alike(client, indexed, settings):
    settings.EXPORT_RATE = "2/h"
    consume(client.get(SEARCH, EXPORT))
    porter = indexed["people"]["porter"]
    consume(client.get(reverse("person_quotes_json", args=[porter.slug])))
    refused = client.get(SEARCH, EXPORT)
    assert refused.status_code == 429 and not refused.streaming
    assert "more downloads than we can make" in refused.content.decode()
    assert consume(other_client().get(SEARCH, EXPORT))["results"]


def test_a_second_download_while_the_first_streams_is_refused(client, indexed):
    first = client.get(SEARCH, EXPORT)
    chunks = iter(first.streaming_content)
    next(chunks)  # under way
    second = client.get(SEARCH, EXPORT)
    assert second.status_code == 429
    assert "still being prepared" in second.content.decode()
    assert consume(other_client().get(SEARCH, EXPORT))["results"]
    rest = b"".join(chunks)
    assert rest.endswith(b"]}\n")
    assert len(consume(client.get(SEARCH, EXPORT))["results"]) == 30


def test_a_download_abandoned_by_its_client_gives_the_lock_back(client, indexed):
    first = client.get(SEARCH, EXPORT)
    next(iter(first.streaming_content))
    first.close()  # what the server does when the client goes away
    assert consume(client.get(SEARCH, EXPORT))["results"]


def test_a_download_that_fails_gives_the_lock_back(client, indexed, monkeypatch):
    def broken(obj):
        raise RuntimeError("the database went away")

    with monkeypatch.context() as patch:
        patch.setattr(export_module, "export_row", broken)
        response = client.get(SEARCH, EXPORT)
        with pytest.raises(RuntimeError):
            b"".join(response.streaming_content)
    assert consume(client.get(SEARCH, EXPORT))["results"]


def test_a_lock_left_by_a_killed_worker_lapses(client, indexed, monkeypatch):
    monkeypatch.setattr(limits, "EXPORT_LOCK_SECONDS", 1)
    stuck = iter(client.get(SEARCH, EXPORT).streaming_content)
    next(stuck)  # never closed, as if its worker had been killed
    assert client.get(SEARCH, EXPORT).status_code == 429
    time.sleep(1.1)
    assert consume(client.get(SEARCH, EXPORT))["results"]


def test_a_download_reports_to_gunicorn_as_its_rows_go_out(client, indexed, monkeypatch):
    beats = []
    monkeypatch.setattr(heartbeat, "_notify", lambda: beats.append(1))
    rows = consume(client.get(SEARCH, EXPORT))["results"]
    assert len(beats) >= len(rows) == 30


def test_behind_a_proxy_clients_are_told_apart_by_the_address_it_forwards(client, indexed, settings):
    settings.SEARCH_RATE = "2/m"
    settings.PROXY_COUNT = 1
    first = [client.get(SEARCH, {"q": "mayor"}, HTTP_X_FORWARDED_FOR="203.0.113.1").status_code for _ in range(3)]
    assert first == [200, 200, 429]
    assert client.get(SEARCH, {"q": "mayor"}, HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 200
