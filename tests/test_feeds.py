"""Atom and RSS feeds and the sitemap."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from tests.test_browse import BRIDGE_BODY, make_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def articles():
    bridge = make_article(
        "Bridge <approved> & funded",
        BRIDGE_BODY,
        date(2021, 3, 4),
        quotes=[("Jane Example", "We will build the bridge by spring.", "council leader")],
        places=[{"name": "Birmingham", "kind": "city", "parent": "West Midlands"}],
    )
    older = make_article(
        "Older news",
        "Old news about Birmingham.",
        date(2014, 6, 9),
        precision="month",
        places=[{"name": "Birmingham", "kind": "city"}],
    )
    future = make_article("Embargoed", "Not yet.", date.today() + timedelta(days=3))
    return bridge, older, future


def parse(response, content_type):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    return ET.fromstring(response.content)


def test_the_latest_articles_feed_is_valid_rss_newest_first(client, articles):
    root = parse(client.get("/feed/"), "application/rss+xml")
    titles = [item.findtext("title") for item in root.iter("item")]
    assert titles == ["Bridge <approved> & funded", "Older news"]
    first = next(root.iter("item"))
    assert first.findtext("link") == "http://127.0.0.1:8000/articles/bridge-approved-funded/"
    assert first.findtext("pubDate").startswith("Thu, 04 Mar 2021")


FEEDS = ["/feed/", "/feed/atom/", "/people/jane-example/feed/atom/", "/places/birmingham/feed/"]


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_link_to_site_url_whatever_host_the_request_names(client, articles, settings, url):
    settings.SITE_URL = "https://quotes.example.org"
    settings.ALLOWED_HOSTS = ["evil.example"]
    text = client.get(url, HTTP_HOST="evil.example").content.decode()
    assert "evil.example" not in text
    assert "https://quotes.example.org/" in text
    assert f'"https://quotes.example.org{url}"' in text or f">https://quotes.example.org{url}<" in text


def test_the_latest_articles_feed_is_valid_atom(client, articles):
    root = parse(client.get("/feed/atom/"), "application/atom+xml")
    assert root.tag == f"{ATOM}feed"
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["Bridge <approved> & funded", "Older news"]
    assert b"<approved>" not in client.get("/feed/atom/").content  # escaped in the XML


def test_a_person_feed_has_their_quotations(client, articles):
    for url, kind in [
        ("/people/jane-example/feed/", "application/rss+xml"),
        ("/people/jane-example/feed/atom/", "application/atom+xml"),
    ]:
        root = parse(client.get(url), kind)
        text = ET.tostring(root, encoding="unicode")
        assert "Jane Example: “We will build the bridge by spring.”" in text
        assert "/quotes/" in text


def test_a_place_feed_has_the_articles_mentioning_it(client, articles):
    root = parse(client.get("/places/birmingham/feed/atom/"), "application/atom+xml")
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["Bridge <approved> & funded", "Older news"]
    rss = parse(client.get("/places/birmingham/feed/"), "application/rss+xml")
    assert len(list(rss.iter("item"))) == 2


def test_pages_advertise_their_feeds(client, articles):
    assert 'type="application/atom+xml"' in client.get("/").content.decode()
    person = client.get("/people/jane-example/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" title="Quotations by Jane Example (Atom)"' in person
    place = client.get("/places/birmingham/").content.decode()
    assert 'href="/places/birmingham/feed/"' in place


def test_the_sitemap_lists_published_articles_people_places_and_pages_on_site_url(client, articles, settings):
    settings.SITE_URL = "https://quotes.example.org"
    root = parse(client.get("/sitemap.xml"), "application/xml")
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = {loc.text for loc in root.iter(f"{ns}loc")}
    assert "https://quotes.example.org/articles/bridge-approved-funded/" in locs
    assert "https://quotes.example.org/articles/older-news/" in locs
    assert "https://quotes.example.org/articles/embargoed/" not in locs
    assert "https://quotes.example.org/people/jane-example/" in locs
    assert "https://quotes.example.org/places/west-midlands/" in locs
    assert {
        "https://quotes.example.org/",
        "https://quotes.example.org/people/",
        "https://quotes.example.org/archive/",
    } <= locs
