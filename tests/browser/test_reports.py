"""A reader reports a wrong attribution; an editor fixes it from the queue."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AXE, screenshot
from tests.browser.test_accessibility import RUN_AXE

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "phone": 390}


def first_quote_path(page):
    # Lord Porter's: the other browser tests do not look at him, so a
    # reassigned quotation of his changes nothing they assert.
    page.goto("/people/lord-porter/")
    return page.locator(".quote .permalink").first.get_attribute("href")


def test_the_report_form_has_no_serious_accessibility_violation(axe_page, live_archive):
    page = axe_page
    page.goto(first_quote_path(page) + "report/")
    page.add_script_tag(path=str(AXE))
    violations = [v for v in page.evaluate(RUN_AXE) if v["impact"] in ("serious", "critical")]
    assert not violations, violations


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_reader_reports_and_an_editor_reassigns_the_quote(browser, live_archive, width):
    context = browser.new_context(base_url=live_archive.url, viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    quote_path = first_quote_path(page)
    page.goto(quote_path)
    page.get_by_role("link", name="Report a wrong attribution").click()
    page.get_by_label("What is wrong?").fill("The reporter wrote this, not the speaker.")
    page.get_by_label("Who said it, if you know (optional)").fill("Bob Sleigh")
    screenshot(page, f"report-form-{width}")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_role("status").first).to_contain_text("Thank you")

    username, _, password = live_archive.editor
    page.goto("/admin/archive/report/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#result_list")).to_contain_text("The reporter wrote this")
    screenshot(page, f"report-queue-{width}")
    page.locator("#result_list tbody tr").first.locator("a").first.click()
    screenshot(page, f"report-fix-{width}")
    page.get_by_role("button", name="Reassign to Bob Sleigh").click()
    expect(page.locator(".messagelist")).to_contain_text("now attributed to Bob Sleigh")

    page.goto(quote_path)
    expect(page.locator("main")).to_contain_text("Corrected on")
    expect(page.locator(".quote figcaption").first).to_contain_text("Bob Sleigh")
    context.close()
