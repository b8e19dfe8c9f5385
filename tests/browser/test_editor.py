"""An editor adds an article in the admin; its quotation reaches the
speaker's page and the search."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

BODY = (
    "The council voted on Tuesday to pay for a footbridge over the canal.\n\n"
    'Jane Example said: "We will build the bridge."\n\n'
    "Work is due to start in the spring."
)


def test_an_editor_adds_an_article_and_finds_it_on_the_speakers_page_and_through_search(page, live_archive):
    username, _, password = live_archive.editor
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Log out").or_(page.get_by_role("button", name="Log out"))).to_be_visible()

    page.goto("/admin/archive/article/add/")
    page.locator("#id_headline").fill("Council backs the canal footbridge")
    page.locator("#id_body").fill(BODY)
    page.locator("#id_outlet").fill("The Example Gazette")
    page.locator("#id_url").fill("https://example.org/footbridge")
    page.locator("#id_published").fill("2021-03-04")
    page.locator("#id_precision").select_option("day")
    screenshot(page, "editor-1-add-article")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    page.goto("/people/jane-example/")
    expect(page.locator("h1")).to_have_text("Jane Example")
    expect(page.locator(".quote", has_text="We will build the bridge.")).to_be_visible()
    # The speaker's quotations are grouped under the article they come from.
    source = page.locator(".quote-source", has_text="Council backs the canal footbridge")
    expect(source.locator("time")).to_have_text("4 March 2021")
    screenshot(page, "editor-2-speaker-page")

    source.get_by_role("link", name="Council backs the canal footbridge").click()
    expect(page.locator("article .body mark.q")).to_have_text("We will build the bridge.")

    page.goto("/search/?q=footbridge&type=articles")
    expect(page.get_by_role("link", name="Council backs the canal footbridge").first).to_be_visible()
    screenshot(page, "editor-3-search")
    page.goto("/search/?q=" + "We will build the bridge")
    expect(page.locator("main")).to_contain_text(re.compile("Jane Example"))
