"""One rule for addresses that leave the page (archive/links.py) and one
rule for what the public sees (archive.models.is_public)."""

import os
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from archive.links import absolute_url
from archive.models import Article, Quote
from tests.conftest import ROOT
from tests.test_browse import BRIDGE_BODY, make_article


def site_url_with(**env):
    """settings.SITE_URL as a fresh process computes it from the environment."""
    clean = {k: v for k, v in os.environ.items() if k not in ("PORT", "SITE_URL")}
    result = subprocess.run(
        [sys.executable, "-c", "from archive import settings; print(settings.SITE_URL)"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_site_url_follows_port_when_it_is_not_set():
    assert site_url_with(PORT="8100") == "http://127.0.0.1:8100"
    assert site_url_with() == "http://127.0.0.1:8000"


def test_a_site_url_that_is_set_wins_over_port():
    assert site_url_with(PORT="8100", SITE_URL="https://quotes.example.org") == "https://quotes.example.org"


def test_make_run_passes_its_port_to_the_server():
    makefile = (ROOT / "Makefile").read_text()
    [line] = [line for line in makefile.splitlines() if "bin/gunicorn" in line]
    # gunicorn.conf.py binds to $PORT and settings derive SITE_URL from it.
    assert "PORT=$(PORT)" in line and "gunicorn.conf.py" in line


@pytest.mark.django_db
def test_citations_canonical_links_feeds_and_the_sitemap_share_one_address(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8100/"
    article = make_article(
        "Bridge approved",
        BRIDGE_BODY,
        date(2021, 3, 4),
        quotes=[("Jane Example", "We will build the bridge by spring.", "")],
    )
    quote = article.quotes.get()
    expected = f"http://127.0.0.1:8100/quotes/{quote.pk}/"
    assert absolute_url(quote.get_absolute_url()) == expected
    assert quote.citation().endswith(f"Archived at {expected}")
    assert f'<link rel="canonical" href="{expected}">' in client.get(quote.get_absolute_url()).content.decode()
    assert "<link>http://127.0.0.1:8100/articles/bridge-approved/</link>" in client.get("/feed/").content.decode()
    assert "<loc>http://127.0.0.1:8100/articles/bridge-approved/</loc>" in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_every_page_links_a_favicon_that_exists(client):
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/archive/favicon.svg" type="image/svg+xml">' in page
    assert (ROOT / "static" / "archive" / "favicon.svg").read_text().startswith("<svg")


@pytest.mark.django_db
def test_an_article_dated_today_is_public_from_midnight_in_the_sites_time_zone(client, settings, monkeypatch):
    settings.TIME_ZONE = "Asia/Tokyo"
    # 23:30 on 3 March in London is already 4 March in Tokyo, the site's zone here.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2021, 3, 3, 23, 30, tzinfo=UTC))
    article = make_article(
        "Bridge approved",
        BRIDGE_BODY,
        date(2021, 3, 4),
        quotes=[("Jane Example", "We will build the bridge by spring.", "")],
    )
    assert list(Article.objects.published()) == [article]
    assert Quote.objects.published().count() == 1
    assert client.get("/articles/bridge-approved/").status_code == 200
    settings.TIME_ZONE = "America/New_York"  # still 3 March there
    assert not Article.objects.published().exists()
    assert client.get("/articles/bridge-approved/").status_code == 404
    assert b"bridge-approved" not in client.get("/feed/").content
    assert b"bridge-approved" not in client.get("/sitemap.xml").content
