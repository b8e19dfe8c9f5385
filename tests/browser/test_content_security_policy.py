"""Under the site's Content-Security-Policy, Chromium refuses nothing the
pages themselves use: scripts, styles, the timeline bars, the admin."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/people/lord-heseltine/",
    "/places/birmingham/",
    "/archive/2014/",
    "/search/?q=mayor",
    "/articles/mayor-move-key-says-thinktank/",
]


def refusals(page):
    found = []
    page.on("console", lambda message: "Content Security Policy" in message.text and found.append(message.text))
    return found


def test_the_public_pages_break_no_rule_of_the_policy(page):
    found = refusals(page)
    for path in PAGES:
        response = page.goto(path)
        assert "default-src 'self'" in response.headers["content-security-policy"]
    page.goto("/people/lord-heseltine/")
    page.locator(".quote .permalink").first.click()
    page.get_by_role("button", name="Copy citation").wait_for()
    assert found == []


def test_an_inline_script_is_refused(page):
    found = refusals(page)
    page.goto("/")
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(content="document.title = 'injected'")
    assert page.title() != "injected"
    assert found


def test_the_admin_breaks_no_rule_of_the_policy(page, live_archive):
    found = refusals(page)
    username, _, password = live_archive.editor
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.goto("/admin/archive/article/add/")
    expect(page.locator("#id_headline")).to_be_visible()
    page.goto("/admin/archive/quote/")
    assert found == []
