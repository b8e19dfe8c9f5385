"""The public read-only JSON API: what it shows, its filters, its pages and its errors."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache

from archive.models import Article, Quote


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()


def get(client, url, **params):
    response = client.get(url, params)
    return response, response.json()


def texts(payload):
    return {item["text"] for item in payload["results"]}


def test_it_lists_quotations_with_speaker_article_and_citation(client, cast):
    response, payload = get(client, "/api/quotations/", q="referendums")
    assert response.status_code == 200
    [item] = payload["results"]
    assert item["speaker"]["name"] == "Lord Heseltine"
    assert item["speaker"]["url"].endswith("/people/lord-heseltine/")
    assert item["article"]["published"] == "2014-06"
    assert item["citation"].startswith("Lord Heseltine, “My position")
    assert item["url"].endswith(f"/quotes/{cast['quotes']['referendums'].pk}/")


def test_it_filters_quotations_by_speaker_place_dates_words_and_kind(client, cast):
    heseltine = cast["people"]["heseltine"]
    assert len(get(client, "/api/quotations/", speaker=heseltine.slug)[1]["results"]) == 1
    # Coventry is linked only to the Heseltine article; the midlands contain it.
    assert texts(get(client, "/api/quotations/", place="coventry")[1]) == {
        cast["quotes"]["referendums"].text,
        cast["quotes"]["route"].text,
    }
    midlands = get(client, "/api/quotations/", place="west-midlands", page_size=100)[1]
    assert texts(midlands) >= {cast["quotes"]["blame"].text}
    assert texts(get(client, "/api/quotations/", since="2006-01-01", until="2006-12-31")[1]) == {
        cast["quotes"]["refuse"].text
    }
    # The same dates as the search page takes: a year or a month covers all of it.
    assert texts(get(client, "/api/quotations/", since="2006", until="2006")[1]) == {cast["quotes"]["refuse"].text}
    assert texts(get(client, "/api/quotations/", since="2006-07", until="2006-07")[1]) == {
        cast["quotes"]["refuse"].text
    }
    assert texts(get(client, "/api/quotations/", q="whitehall CITY")[1]) == {cast["quotes"]["refuse"].text}
    assert texts(get(client, "/api/quotations/", kind="partial")[1]) == {"take the blame"}


def test_it_pages_with_cursors_that_neither_miss_nor_repeat(client, cast):
    seen, url, params = [], "/api/quotations/", {"page_size": 7}
    while url:
        response = client.get(url, params)
        assert response.status_code == 200
        payload = response.json()
        seen += [item["id"] for item in payload["results"]]
        url, params = payload["next"], {}
        if len(seen) == 7:
            # An article added between two pages does not shift the next page.
            Quote.objects.create(article=cast["articles"]["metro"], text="Added meanwhile", position=90)
    assert len(seen) == len(set(seen)) == 31
    assert "cursor=" in client.get("/api/quotations/", {"page_size": 7}).json()["next"]


def test_it_filters_people_articles_and_places(client, cast):
    assert [p["name"] for p in get(client, "/api/people/", q="heseltine")[1]["results"]] == ["Lord Heseltine"]
    assert [p["name"] for p in get(client, "/api/people/", q="Michael")[1]["results"]] == ["Lord Heseltine"]
    articles = get(client, "/api/articles/", person="lord-porter")[1]["results"]
    assert [a["headline"] for a in articles] == [cast["articles"]["metro"].headline]
    assert len(get(client, "/api/articles/", place="birmingham")[1]["results"]) == 3
    assert len(get(client, "/api/articles/", q="mayor", since="2010-01-01")[1]["results"]) == 2
    places = get(client, "/api/places/", kind="city")[1]["results"]
    assert [p["name"] for p in places] == ["Birmingham", "Coventry", "London"]
    detail = get(client, "/api/articles/" + cast["articles"]["heseltine"].slug + "/")[1]
    assert {p["name"] for p in detail["people"]} == {"Lord Heseltine", "Roger Lawrence"}
    assert detail["places"][0]["url"].startswith("http")


def test_it_shows_only_what_the_pages_show(client, cast):
    future = Article.objects.create(
        headline="Tomorrow's news", body="Not yet.", published=date.today() + timedelta(days=2)
    )
    Quote.objects.create(article=future, text="Not yet public", position=0)
    cast["quotes"]["route"].withdraw()
    shown = texts(get(client, "/api/quotations/", page_size=100)[1])
    assert "Not yet public" not in shown
    assert cast["quotes"]["route"].text not in shown
    assert client.get(f"/api/articles/{future.slug}/").status_code == 404
    assert client.get(f"/api/quotations/{cast['quotes']['route'].pk}/").status_code == 404


@pytest.mark.parametrize(
    "params, name",
    [
        ({"since": "yesterday"}, "since"),
        ({"until": "2014-13-01"}, "until"),
        ({"speaker": "nobody-at-all"}, "speaker"),
        ({"kind": "shouted"}, "kind"),
        ({"page_size": "1000"}, "page_size"),
        ({"page_size": "-3"}, "page_size"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"speker": "lord-heseltine"}, "speker"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_parameters_give_a_400_naming_the_parameter(client, cast, params, name):
    response = client.get("/api/quotations/", params)
    assert response.status_code == 400
    assert name in response.json()
    assert str(response.json()[name]).strip("[]'\"")


def test_an_unknown_item_is_a_404(client, cast):
    assert client.get("/api/people/no-such-person/").status_code == 404
    assert client.get("/api/quotations/999999/").status_code == 404


def test_it_is_read_only(client, cast):
    assert client.post("/api/quotations/", {"text": "x"}).status_code == 405
    assert client.delete(f"/api/quotations/{cast['quotes']['route'].pk}/").status_code == 405


def test_too_many_requests_get_a_429(client, cast, settings):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "3/min"}
    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = rates
    try:
        codes = [client.get("/api/places/").status_code for _ in range(5)]
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
    assert codes == [200, 200, 200, 429, 429]


def test_the_documentation_page_lists_every_endpoint_with_examples(client, db):
    response = client.get("/api/")
    assert response.status_code == 200
    for endpoint in ("/api/quotations/", "/api/people/", "/api/articles/", "/api/places/", "cursor", "400"):
        assert endpoint in response.content.decode()
