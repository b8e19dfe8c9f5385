"""How the reader's pages are laid out, at a desktop and a phone width, with
a screenshot of each in test-output/screenshots/ to look at."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

ARTICLE = "/articles/mayor-move-key-says-thinktank/"
PAGES = {
    "home": "/",
    "article": ARTICLE,
    "person": "/people/lord-heseltine/",
    "people": "/people/",
    "place": "/places/birmingham/",
    "month": "/archive/2014/06/",
    "quote": None,  # the first quotation on the person page
}
WIDTHS = {"desktop": 1280, "phone": 390}


def open_page(page, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    path = PAGES[name]
    if path is None:
        page.goto(PAGES["person"])
        path = page.locator(".quote .permalink").first.get_attribute("href")
    response = page.goto(path)
    assert response.status == 200, path
    return path


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_fits_its_screen_without_sideways_scrolling(page, name, width):
    open_page(page, name, width)
    screenshot(page, f"layout-{name}-{width}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
def test_the_article_page_is_its_text_not_its_text_twice(page, width):
    open_page(page, "article", width)
    marked = page.locator("article .body mark.q").all_inner_texts()
    assert len(marked) >= 5
    text = page.locator("main").inner_text()
    repeated = [words for words in marked if len(words) > 20 and text.count(words) != 1]
    assert not repeated, repeated
    heights = page.evaluate("""() => ({
        page: document.documentElement.scrollHeight,
        text: document.querySelector("article .body").getBoundingClientRect().height})""")
    assert heights["page"] < 2 * heights["text"], heights


def test_each_speaker_is_named_after_the_closing_quotation_mark(page):
    open_page(page, "article", 1280)
    # The paragraph's text before each speaker's name: every quotation mark opened in it is closed.
    before = page.evaluate("""() => [...document.querySelectorAll("article .body a.said-by")].map(a => {
        const range = document.createRange();
        range.setStart(a.closest("p"), 0);
        range.setEndBefore(a);
        return range.toString();
    })""")
    assert len(before) >= 5
    open_quotes = [text for text in before if text.count('"') % 2 or text.count("“") != text.count("”")]
    assert not open_quotes, open_quotes


def test_a_copied_paragraph_is_the_articles_words_without_the_speaker_labels(page):
    open_page(page, "article", 1280)
    names = page.locator("article .body a.said-by").all_inner_texts()
    assert names
    assert page.locator("article .body a.said-by").first.evaluate("a => getComputedStyle(a).userSelect") == "none"


def test_people_are_filed_by_surname_and_the_unquoted_apart(page):
    open_page(page, "people", 1280)
    letter_h = page.locator("section.letter", has=page.get_by_role("heading", name="H", exact=True))
    assert "Lord Heseltine" in letter_h.inner_text()
    filed = page.evaluate("""() => [...document.querySelectorAll("section.letter")].flatMap(section =>
        [...section.querySelectorAll("li")].filter(li => !li.textContent.includes("(organisation)"))
            .map(li => [section.querySelector("h2").textContent.trim(), li.querySelector("a").textContent.trim()]))""")
    assert len(filed) >= 5
    misfiled = [(letter, name) for letter, name in filed if not name.split(" of ")[0].split()[-1].startswith(letter)]
    assert not misfiled, misfiled
    unquoted = page.locator("section.unquoted")
    assert unquoted.locator("li").count() >= 1
    assert "quotation" not in unquoted.locator("ul").inner_text()
