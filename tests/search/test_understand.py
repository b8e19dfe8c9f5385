"""The search page reading a query as a researcher means it: names of
speakers, questions, and falling back when every word is too many."""

import re
from urllib.parse import parse_qsl

from django.urls import reverse

from archive.models import Person, Quote


def quotes_of(response):
    return [item["quote"] for item in response.context["items"]]


def text(response):
    return response.content.decode()


def test_a_surname_and_a_word_find_that_speakers_quotation(get, cast):
    response = get(q="Heseltine referendum")
    assert quotes_of(response) == [cast["quotes"]["referendums"]]
    assert response.context["reading"].acting.person == cast["people"]["heseltine"]
    html = text(response)
    assert "showing quotations by Lord Heseltine matching “referendum”" in html
    # The card: name, role, number of quotations, link to the page.
    card = html[html.index('class="person-card"') :]
    assert 'href="/people/lord-heseltine/"' in card and "former Deputy Prime Minister" in card
    assert "1 quotation" in card


def test_one_click_searches_the_words_everywhere_instead(get, cast):
    url = get(q="Heseltine referendum").context["everywhere_url"]
    response = get(**dict(parse_qsl(url[1:])))
    assert response.context["reading"].acting is None
    assert response.context["data"]["speaker"] is None


def test_given_name_and_surname_find_the_speaker(get, cast):
    response = get(q="Michael Heseltine")
    assert quotes_of(response) == [cast["quotes"]["referendums"]]
    assert "1 quotation by Lord Heseltine" in text(response)


def test_a_question_with_reporting_words_finds_the_quote(get, cast):
    response = get(q="what did Heseltine say about referendums")
    assert quotes_of(response) == [cast["quotes"]["referendums"]]
    assert response.context["suggestion"] is None  # never "what did Heseltine way about"
    assert response.context["parsed"].dropped == ["what", "did", "say", "about"]
    assert "Question words need not match" in text(response)


def test_a_name_many_people_share_offers_each(get, cast):
    ruth = Person.objects.create(name="Ruth Porter")
    Quote.objects.create(article=cast["articles"]["metro"], person=ruth, text="Ask the councils first.")
    response = get(q="Porter blame")
    assert response.context["reading"].acting is None
    cards = {c["person"].name: c for c in response.context["cards"]}
    assert set(cards) == {"Lord Porter", "Ruth Porter"}
    target = dict(parse_qsl(cards["Lord Porter"]["url"][1:]))
    assert target["speaker"] == "Lord Porter" and target["q"] == "blame"
    assert quotes_of(get(**target)) == [cast["quotes"]["blame"]]


def test_a_speaker_with_no_matching_quotation_falls_back_to_everyone(get, cast):
    response = get(q="Heseltine aspirations")
    # Not his word: every quotation is searched, then for any of the words.
    assert response.context["notices"] == ["no_match_by_speaker", "any_word"]
    assert response.context["reading"].acting is None
    assert cast["quotes"]["route"] in quotes_of(response)
    assert "Lord Heseltine has no quotation matching “aspirations”" in text(response)


def test_when_no_result_has_every_word_any_word_will_do(get, cast):
    response = get(q="referendum blame")
    assert response.context["notices"] == ["any_word"]
    assert set(quotes_of(response)) == {cast["quotes"]["referendums"], cast["quotes"]["blame"]}
    assert "so those with any of them are shown" in text(response)


def test_a_misspelling_is_suggested_only_when_the_suggestion_finds_something(get, cast):
    response = get(q="referndum")
    assert response.context["suggestion"]["text"] == "referendum"
    # Lord Porter never spoke of referendums: offering it would find nothing.
    assert get(q="referndum", speaker="Lord Porter").context["suggestion"] is None


def test_no_suggestion_for_markup_or_for_words_that_match(get):
    assert get(q="<img src=x onerror=alert(1)>").context.get("suggestion") is None
    assert get(q="referendum").context["suggestion"] is None


def test_prefixes_too_short_say_why_and_search_nothing(get):
    response = get(q="a* b* c* d* e*")
    html = text(response)
    assert "a * goes at the end of a word of three letters or more" in html
    assert "no word of two letters or more was left" in html


# --- the speaker and place boxes ---------------------------------------------------------


def test_the_speaker_box_resolves_a_typed_surname_and_shows_the_name(get, cast):
    for typed in ("Heseltine", "lord-heseltine", "hesel"):
        response = get(speaker=typed)
        assert quotes_of(response) == [cast["quotes"]["referendums"]], typed
        assert re.search(r'id="id_speaker"[^>]*value="Lord Heseltine"', text(response)), typed


def test_an_ambiguous_speaker_offers_the_choices(get, cast):
    Person.objects.create(name="Ruth Porter")
    response = get(speaker="Porter")
    html = text(response)
    assert "Several speakers match “Porter”" in html
    assert 'href="?speaker=Lord+Porter"' in html and 'href="?speaker=Ruth+Porter"' in html
    assert re.search(r'<details class="search-filters" open>', html)


def test_the_place_box_takes_a_name_and_shows_it(get, cast):
    response = get(place="birmingham", type="articles")
    assert re.search(r'id="id_place"[^>]*value="Birmingham"', text(response))


# --- one clear form ------------------------------------------------------------------------


def test_filters_are_folded_until_one_is_used(get):
    assert re.search(r'<details class="search-filters">', text(get(q="budget")))
    assert re.search(r'<details class="search-filters" open>', text(get(q="budget", outlet="World News")))


def test_the_outlet_filter_and_facet(get, cast):
    response = get(q="mayor", type="articles")
    outlets = {f["label"]: f for g in response.context["facets"] if g["name"] == "outlet" for f in g["items"]}
    assert outlets["Birmingham Post"]["count"] == 2 and outlets["The MJ"]["count"] == 1
    narrowed = get(**dict(parse_qsl(outlets["The MJ"]["url"][1:])))
    assert [i["article"] for i in narrowed.context["items"]] == [cast["articles"]["metro"]]
    assert "No outlet called" in text(get(outlet="Nowhere Times"))


def test_a_download_holds_what_the_page_shows(client, cast, db):
    import json

    response = client.get(reverse("search"), {"q": "referendum blame", "format": "json"})
    rows = json.loads(b"".join(response.streaming_content))["results"]
    assert {r["quotation"] for r in rows} == {cast["quotes"]["referendums"].text, cast["quotes"]["blame"].text}
    response = client.get(reverse("search"), {"q": "Heseltine referendum", "format": "json"})
    rows = json.loads(b"".join(response.streaming_content))["results"]
    assert rows and {r["speaker"] for r in rows} == {"Lord Heseltine"}


def test_a_quotation_search_that_finds_nothing_points_to_the_matching_articles(get, cast):
    response = get(q="thinktank")
    assert response.context["total"] == 0
    assert response.context["other_type"]["count"] == 1
    assert 'href="?q=thinktank&amp;type=articles">1 article matches</a>' in text(response)
    assert get(q="referendum").context["other_type"] is None
