"""A researcher searches, narrows by a facet and exports the results as CSV."""

import csv
import io
import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_a_researcher_searches_narrows_by_a_facet_and_exports_csv(page, live_archive):
    page.goto("/")
    box = page.locator("main input[name=q]").first
    box.fill("mayor")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?(.*&)?q=mayor"))
    screenshot(page, "researcher-1-results")
    before = page.url

    facet = page.locator("[class*=facet] a, [id*=facet] a, [aria-label*=acet] a").first
    expect(facet).to_be_visible()
    facet.click()
    expect(page).not_to_have_url(before)
    assert "q=mayor" in page.url
    screenshot(page, "researcher-2-narrowed")

    export = page.locator("a[href*=csv], a:has-text('CSV')").first
    expect(export).to_be_visible()
    response = page.request.get(urljoin(page.url, export.get_attribute("href")))
    assert response.ok
    assert "csv" in response.headers["content-type"]
    rows = list(csv.reader(io.StringIO(response.text())))
    assert len(rows) >= 2, rows
