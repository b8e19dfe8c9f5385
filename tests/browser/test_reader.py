"""A reader browses by person, quotation, article, place and date."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_a_reader_goes_from_home_to_a_person_a_quote_its_article_a_place_and_a_month(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/")
    expect(page.locator("h1")).to_have_text("News quote archive")
    screenshot(page, "reader-1-home")

    # Another test may add articles meanwhile: the A-Z, not the ranking, leads to a known person.
    page.get_by_role("link", name="Everyone, A to Z by surname").click()
    page.get_by_role("link", name="H", exact=True).click()
    page.locator("section.letter", has=page.get_by_role("heading", name="H", exact=True)).get_by_role(
        "link", name="Lord Heseltine"
    ).click()
    expect(page).to_have_url(re.compile(r"/people/lord-heseltine/$"))
    name = page.locator("h1").inner_text()
    expect(page.get_by_role("heading", name="Quotations, newest first")).to_be_visible()
    expect(page.locator(".standfirst")).to_contain_text("Quoted")
    screenshot(page, "reader-2-person")

    page.locator(".quote .permalink").first.click()
    expect(page).to_have_url(re.compile(r"/quotes/\d+/$"))
    expect(page.locator("h1")).to_have_text(f"Quotation by {name}")
    citation = page.locator("#citation")
    expect(citation).to_contain_text(name)
    expect(citation).to_contain_text("Archived at http://127.0.0.1")
    page.get_by_role("button", name="Copy citation").click()
    expect(page.locator(".copy-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == citation.inner_text().strip()
    screenshot(page, "reader-3-quote")

    page.get_by_role("link", name="Read the whole article").click()
    expect(page).to_have_url(re.compile(r"/articles/[\w-]+/$"))
    expect(page.locator("article .body mark.q").first).to_be_visible()
    expect(page.locator("article .body a.said-by", has_text=name).first).to_be_visible()
    screenshot(page, "reader-4-article")

    places = page.locator("section", has=page.get_by_role("heading", name="Places", exact=True))
    place_name = places.get_by_role("link").first.inner_text()
    places.get_by_role("link").first.click()
    expect(page.locator("h1")).to_have_text(place_name)
    expect(page.get_by_role("heading", name=f"Articles mentioning {place_name}")).to_be_visible()
    page.get_by_label("Order").select_option("newest")
    page.get_by_role("button", name="Sort").click()
    expect(page).to_have_url(re.compile(r"sort=newest"))
    screenshot(page, "reader-5-place")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dates").click()
    page.get_by_role("link", name="2014", exact=True).click()
    expect(page.locator("h1")).to_have_text("2014")
    page.get_by_role("link", name="June").click()
    expect(page).to_have_url(re.compile(r"/archive/2014/06/$"))
    expect(page.locator("h1")).to_have_text("June 2014")
    expect(page.locator(".article-item time").first).to_have_text("June 2014")
    screenshot(page, "reader-6-month")


def test_the_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_content(page):
    page.goto("/people/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


PHONE_PAGES = ["/", "/people/", "/people/lord-heseltine/", "/places/birmingham/", "/archive/2014/06/"]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_pages_fit_a_phone_screen_without_sideways_scrolling(page, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    if path == "/":
        screenshot(page, "phone-home")


def test_the_people_filter_narrows_the_list(page):
    page.goto("/people/")
    page.get_by_label("Filter by name").fill("heseltine")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("ul.people li")).to_have_count(1)
    expect(page.locator("ul.people")).to_contain_text("Lord Heseltine")
