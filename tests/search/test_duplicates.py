"""The same quotation carried by several outlets, trimmed or lightly edited:
grouped when saved, shown once in results, listed on the quote page."""

from datetime import date

import pytest
from django.urls import reverse

from archive.ingest import apply_extraction
from archive.models import Article, Person, Quote
from archive.search.duplicates import same_quotation
from tests.search.helpers import temporary_index

FULL = (
    "Birmingham needs a mayor to speak for the whole region, and the government should give "
    "the city the powers it has been asking for since the referendum."
)
TRIMMED = "Birmingham needs a mayor to speak for the whole region"
EDITED = (
    "Birmingham needs a mayor to speak for the whole of the region, and the Government should give "
    "the city the powers it has been asking for since the referendum."
)
OTHER = "The tram extension will open to passengers next spring, on time and within its budget."


def test_identical_trimmed_and_edited_words_are_one_quotation():
    assert same_quotation(FULL, FULL.upper().replace(",", ""))
    assert same_quotation(FULL, TRIMMED)
    assert same_quotation(FULL, EDITED)
    assert same_quotation("I wouldn’t have had referendums.", "I wouldn't have had referendums")
    assert not same_quotation(FULL, OTHER)
    assert not same_quotation("We will see.", "We will not see.")


@pytest.fixture
def index(tmp_path, transactional_db):
    with temporary_index(tmp_path / "whoosh_index") as path:
        yield path


def carry(outlet, published, text, speaker="Andy Street"):
    """An article from `outlet` quoting `text`, saved as the importer saves
    (bulk-created quotes, no save signals)."""
    body = f"{speaker} said: “{text}” The council agreed."
    article = Article.objects.create(
        headline=f"Mayor plea in the {outlet}",
        body=body,
        outlet=outlet,
        published=published,
        url=f"https://example.org/{outlet}",
    )
    start = body.index(text)
    return apply_extraction(
        article,
        {
            "people": [{"name": speaker, "mentions": 1}],
            "places": [],
            "quotes": [
                {
                    "text": text,
                    "speaker": speaker,
                    "kind": "direct",
                    "start": start,
                    "end": start + len(text),
                    "role": "mayor",
                }
            ],
        },
    )


def test_copies_share_a_group_and_the_results_show_one_entry(index, client):
    carry("Express", date(2017, 5, 3), EDITED)
    carry("Post", date(2017, 5, 2), FULL)
    carry("Mail", date(2017, 5, 4), TRIMMED)
    carry("Echo", date(2017, 5, 5), OTHER)
    quotes = {q.article.outlet: q for q in Quote.objects.select_related("article")}
    groups = {outlet: q.text_group for outlet, q in quotes.items()}
    assert groups["Post"] == groups["Express"] == groups["Mail"] is not None
    assert groups["Echo"] is None

    response = client.get(reverse("search"), {"q": "Birmingham mayor region"})
    items = response.context["items"]
    assert len(items) == 1 and items[0]["also"] == 2
    assert "Also in 2 other articles" in response.content.decode()


def test_the_quote_page_lists_every_carrier_earliest_first_and_names_the_first_outlet(index, client):
    carry("Express", date(2017, 5, 3), EDITED)
    carry("Post", date(2017, 5, 2), FULL)
    carry("Mail", date(2017, 5, 4), TRIMMED)
    mail = Quote.objects.get(article__outlet="Mail")
    page = client.get(reverse("quote", args=[mail.pk])).content.decode()
    assert "First reported by Post on" in page and "carried by 3 articles" in page
    section = page[page.index("The same words elsewhere") :]
    assert section.index("in the Post") < section.index("in the Express") < section.index("in the Mail")


def test_a_quote_saved_one_by_one_joins_its_group_and_leaves_it_when_rewritten(index):
    person = Person.objects.create(name="Andy Street")
    first = carry("Post", date(2017, 5, 2), FULL)
    other = Article.objects.create(headline="Later", body="x", published=date(2017, 6, 1), outlet="Mail")
    copy = Quote.objects.create(article=other, person=person, text=TRIMMED)
    copy.refresh_from_db()
    assert copy.text_group == first.quotes.get().text_group is not None
    copy.text = OTHER
    copy.save()
    copy.refresh_from_db()
    assert copy.text_group is None
