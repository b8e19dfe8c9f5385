"""A researcher types a speaker's surname and a word, as anyone would, and
lands on that speaker's quotation: at desktop and phone widths."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width, height, name", [(1280, 900, "desktop"), (390, 844, "phone")])
def test_heseltine_referendum_lands_on_his_quotation(browser, live_archive, width, height, name):
    context = browser.new_context(base_url=live_archive.url, viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto("/search/")
        box = page.locator("#id_q")
        box.fill("Heseltine referendum")
        box.press("Enter")
        expect(page).to_have_url(re.compile(r"/search/\?(.*&)?q=Heseltine\+referendum"))

        card = page.locator(".person-card").first
        expect(card).to_contain_text("Lord Heseltine")
        expect(card.locator("a.name")).to_have_attribute("href", "/people/lord-heseltine/")
        first = page.locator(".results .result-quote").first
        expect(first).to_contain_text("referendum")
        expect(first.locator(".meta")).to_contain_text("Lord Heseltine")
        expect(page.locator("#results-h")).to_contain_text("by Lord Heseltine")
        # The filters are folded: the first result is on the first screen or just below it.
        expect(page.locator("details.search-filters")).not_to_have_attribute("open", "")
        assert first.bounding_box()["y"] < 1.5 * height
        screenshot(page, f"search-heseltine-referendum-{name}")

        page.get_by_role("link", name=re.compile("in every quotation instead")).click()
        expect(page).to_have_url(re.compile(r"everywhere=1"))
        expect(page.locator("#results-h")).not_to_contain_text("by Lord Heseltine")
    finally:
        context.close()


def test_the_speaker_box_takes_a_surname_and_shows_the_name(page):
    page.goto("/search/")
    page.locator("details.search-filters summary").click()
    page.locator("#id_speaker").fill("Heseltine")
    page.locator("#id_speaker").press("Enter")
    expect(page.locator("#id_speaker")).to_have_value("Lord Heseltine")
    expect(page.locator(".results .result-quote").first).to_contain_text("Lord Heseltine")
    expect(page.locator("text=No speaker called")).to_have_count(0)
