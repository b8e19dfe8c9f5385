"""axe-core (pinned, installed by `make axe`) finds no serious or critical
violation on the main kinds of page."""

import pytest

from tests.browser.conftest import AXE, screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "people": "/people/",
    "person": "/people/lord-heseltine/",
    "place": "/places/birmingham/",
    "places": "/places/",
    "article": "/articles/mayor-move-key-says-thinktank/",
    "quote": None,  # the first quote on the person page
    "archive-month": "/archive/2014/06/",
    "archive-year": "/archive/2014/",
    "archive-empty-month": "/archive/2014/05/",
    "search": "/search/?q=mayor",
    "not-found": "/people/nobody-at-all/",
}

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary.replace(/\\s+/g, " "))
  }));
}"""


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_or_critical_accessibility_violations(axe_page, live_archive, name):
    page = axe_page
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make axe`")
    path = PAGES[name]
    if path is None:
        page.goto("/people/lord-heseltine/")
        path = page.locator(".quote .permalink").first.get_attribute("href")
    response = page.goto(path)
    assert response.status == (404 if name in ("not-found", "archive-empty-month") else 200)
    page.add_script_tag(path=str(AXE))
    violations = [v for v in page.evaluate(RUN_AXE) if v["impact"] in ("serious", "critical")]
    screenshot(page, f"axe-{name}")
    report = "\n".join(f"{v['impact']}: {v['id']} ({v['help']})\n    " + "\n    ".join(v["nodes"]) for v in violations)
    assert not violations, f"axe found on {path}:\n{report}"
