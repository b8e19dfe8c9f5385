"""The /search/ page, exports and autocomplete, against a real Whoosh index
in a throwaway folder, built from a small cast through the indexing path."""

import re
from urllib.parse import parse_qsl

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from archive.search import views as search


def results_of(response):
    return [item.get("quote") or item.get("article") for item in response.context["items"]]


def text(response):
    return response.content.decode()


def follow(get, url):
    """The search a facet or filter link `?...` leads to."""
    return get(**dict(parse_qsl(url[1:])))


# --- finding --------------------------------------------------------------------------


def test_it_finds_the_heseltine_article_for_referendum(get, cast):
    response = get(q="referendum", type="articles")
    assert results_of(response) == [cast["articles"]["heseltine"]]
    assert "<mark>referendum</mark>" in text(response)
    assert response.context["type"] == "articles"


def test_quotations_are_the_default_and_preselected(get, cast):
    response = get(q="referendum")
    assert response.context["type"] == "quotes"
    assert results_of(response) == [cast["quotes"]["referendums"]]
    for page in (response, get()):
        assert re.search(r'<input type="radio" name="type" value="quotes" checked>', text(page))
        assert len(re.findall(r'name="type"', text(page))) == 2  # one control: two radio buttons
        assert len(re.findall(r'name="sort"', text(page))) == 1


def test_it_finds_stemmed_forms_and_highlights_them(get, cast):
    response = get(q="referendum", type="quotes")
    assert results_of(response) == [cast["quotes"]["referendums"]]
    assert "<mark>referendums</mark>" in text(response)


def test_a_speaker_filter_lists_that_speakers_quotes_only(get, cast):
    heseltine = cast["people"]["heseltine"]
    response = get(type="quotes", speaker=heseltine.slug)
    quotes = results_of(response)
    assert quotes == [cast["quotes"]["referendums"]]
    assert all(q.person == heseltine for q in quotes)


def test_quotes_are_the_default_when_a_speaker_is_chosen(get, cast):
    response = get(speaker=cast["people"]["lawrence"].slug)
    assert response.context["type"] == "quotes"
    assert results_of(response) == [cast["quotes"]["route"]]


def test_a_speaker_can_be_given_by_name(get, cast):
    response = get(speaker="roger lawrence")
    assert results_of(response) == [cast["quotes"]["route"]]


def test_aliases_are_searchable(get, cast):
    response = get(q="Gary Porter", type="quotes")
    assert results_of(response) == [cast["quotes"]["blame"]]


def test_a_quote_result_shows_speaker_role_article_date_and_link(get, cast):
    quote = cast["quotes"]["route"]
    html = text(get(q="aspirations", type="quotes"))
    assert f'href="{quote.person.get_absolute_url()}"' in html
    assert "leader of Wolverhampton City Council" in html
    assert f'href="{quote.article.get_absolute_url()}"' in html
    assert "June 2014" in html
    assert f'href="{quote.get_absolute_url()}"' in html


@pytest.mark.parametrize(
    "q, expected",
    [
        ('"take the blame"', {"metro"}),
        ('"blame the take"', set()),
        ("mayor AND referendum", {"heseltine"}),
        ("referendum OR thinktank", {"heseltine", "thinktank"}),
        ("mayor NOT referendum", {"thinktank", "metro"}),
        ("mayor -referendum", {"thinktank", "metro"}),
        ("NOT referendum", {"thinktank", "metro", "budget"}),
        ("-referendum -thinktank", {"metro", "budget"}),
        ("(referendum OR devolution) AND mayor", {"heseltine", "metro"}),
        ("refer*", {"heseltine"}),
        ("directly-elected", {"thinktank"}),
    ],
)
def test_the_query_language(get, cast, q, expected):
    found = set(results_of(get(q=q, type="articles")))
    assert found == {cast["articles"][name] for name in expected}


def test_a_misspelt_word_suggests_the_indexed_one(get):
    response = get(q="referndum", type="articles")
    assert response.context["total"] == 0
    assert response.context["suggestion"]["text"] == "referendum"
    assert "Did you mean" in text(response)
    assert 'href="?q=referendum&amp;type=articles"' in text(response)


def test_no_suggestion_when_the_words_are_known(get):
    assert get(q="referendum").context["suggestion"] is None


# --- filters and facets ---------------------------------------------------------------


def facet(response, name):
    return {f["label"]: f for g in response.context["facets"] if g["name"] == name for f in g["items"]}


def test_the_place_facet_lists_birmingham_with_counts(get, cast):
    places = facet(get(q="mayor", type="articles"), "places")
    assert places["Birmingham"]["count"] == 2
    assert places["London"]["count"] == 2
    assert "place=Birmingham" in places["Birmingham"]["url"]
    # Every result is in the West Midlands: that value narrows nothing.
    assert "West Midlands" not in places and "England" not in places


def test_speaker_and_year_facets_narrow(get, cast):
    response = get(q="blame OR aspirations", type="quotes")
    speakers = facet(response, "speakers")
    assert {name: f["count"] for name, f in speakers.items()} == {"Lord Porter": 1, "Roger Lawrence": 1}
    years = facet(get(q="mayor", type="articles"), "year")
    assert {y: f["count"] for y, f in years.items()} == {"2016": 1, "2014": 1, "2006": 1}
    narrowed = follow(get, years["2016"]["url"])
    assert results_of(narrowed) == [cast["articles"]["metro"]]


def test_a_people_facet_on_an_article_search_keeps_to_articles(get, cast):
    people = facet(get(q="mayor", type="articles"), "speakers")
    assert people, "an article search has a people facet"
    for item in people.values():
        assert "type=articles" in item["url"]
        narrowed = follow(get, item["url"])
        assert narrowed.context["type"] == "articles"
        assert narrowed.context["total"] >= 1, item["label"]


def test_facets_are_on_every_result_page(get):
    response = get(speaker="councillor-ames", page="2")
    assert response.context["page_obj"].number == 1  # 9 quotes: one page
    response = get(q="budget", type="quotes", page="2")
    assert response.context["page_obj"].number == 2
    assert facet(response, "speakers")["Councillor Ames"]["count"] == 9


def test_a_place_filter_takes_places_within(get, cast):
    found = set(results_of(get(place="west-midlands", type="articles")))
    assert found == {cast["articles"][n] for n in ("heseltine", "thinktank", "metro", "budget")}
    london = set(results_of(get(place="london", type="articles")))
    assert london == {cast["articles"]["heseltine"], cast["articles"]["thinktank"]}


def test_a_date_range_of_one_year_returns_that_years_article(get, cast):
    response = get(**{"from": "2016", "to": "2016", "type": "articles"})
    assert results_of(response) == [cast["articles"]["metro"]]


@pytest.mark.parametrize(
    "start, end, expected",
    [
        ("2014-06", "2014-06", {"heseltine"}),
        ("2014-06-01", "2016-10-01", {"heseltine", "metro"}),
        ("2015", "", {"metro", "budget"}),
        ("", "2006-07-31", {"thinktank"}),
    ],
)
def test_months_and_days_bound_dates(get, cast, start, end, expected):
    found = set(results_of(get(**{"from": start, "to": end, "type": "articles"})))
    assert found == {cast["articles"][n] for n in expected}


@pytest.mark.parametrize("value", ["2016-02-30", "2016-13", "16", "yesterday", "0000"])
def test_an_impossible_date_is_a_form_error_on_the_page(get, value):
    response = get(**{"from": value})
    assert response.context["form"].errors["from"]
    assert "field-errors" in text(response)
    assert response.context["searched"] is False


def test_filters_combine_and_each_can_be_removed(get, cast):
    params = {"q": "mayor", "place": "birmingham", "from": "2010", "to": "2015", "type": "articles"}
    response = get(**params)
    assert results_of(response) == [cast["articles"]["heseltine"]]
    removals = {f["label"]: f["remove_url"] for f in response.context["filters"]}
    assert set(removals) == {"Place", "From", "To"}
    assert "place=" not in removals["Place"] and "q=mayor" in removals["Place"]
    assert "from=" not in removals["From"] and "to=2015" in removals["From"]
    widened = follow(get, removals["Place"])
    assert set(results_of(widened)) == {cast["articles"]["heseltine"]}
    html = text(response)
    assert f'href="{removals["Place"].replace("&", "&amp;")}"' in html


def test_kind_filter_for_quotes(get, cast):
    response = get(type="quotes", kind="partial", q="blame OR budget")
    assert results_of(response) == [cast["quotes"]["blame"]]


# --- sort and pages -----------------------------------------------------------------


def test_sort_newest_and_oldest(get, cast):
    a = cast["articles"]
    newest = results_of(get(q="mayor", sort="newest", type="articles"))
    assert newest == [a["metro"], a["heseltine"], a["thinktank"]]
    assert results_of(get(q="mayor", sort="oldest", type="articles")) == [a["thinktank"], a["heseltine"], a["metro"]]


def test_pages_of_twenty_with_the_total(get):
    first = get(q="budget", type="quotes")
    assert first.context["total"] == 27
    assert len(first.context["items"]) == 20
    second = get(q="budget", type="quotes", page="2")
    assert len(second.context["items"]) == 7
    assert not {q.pk for q in results_of(first)} & {q.pk for q in results_of(second)}
    assert "27 quotations" in text(first)
    assert 'rel="next"' in text(first)


@pytest.mark.parametrize("page, number", [("999999", 2), ("-1", 1), ("abc", 1), ("0", 1), ("", 1)])
def test_odd_page_numbers_give_a_real_page(get, page, number):
    response = get(q="budget", type="quotes", page=page)
    assert response.context["page_obj"].number == number
    assert response.context["items"]


# --- safety -----------------------------------------------------------------------------


def test_a_script_in_the_query_is_shown_escaped(get):
    html = text(get(q="<script>alert(1)</script>"))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_article_text_is_escaped_and_only_marks_are_markup(get):
    html = text(get(q="savings", type="articles"))
    assert "<script>alert" not in html and "<em>" not in html and "<b>agreed" not in html
    assert "&lt;em&gt;<mark>Savings</mark>&lt;/em&gt; &amp; cuts" in html
    assert "Council budget &lt;b&gt;agreed&lt;/b&gt; &amp; signed" in html
    quotes = text(get(q="savings", type="quotes"))
    assert "&lt;b&gt;<mark>savings</mark>&lt;/b&gt; &amp; cuts" in quotes


@pytest.mark.parametrize("q", ['"foo', "(bar", "AND", "*", "NOT", "mayor)", 'mayor "referendum', "OR OR"])
def test_unbalanced_syntax_is_searched_as_plain_words(get, q):
    response = get(q=q)
    html = text(response)
    assert response.context["parsed"].plain or response.context["total"] == 0 or q == "mayor)"
    escaped = q.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    assert f'value="{escaped}"' in html


def test_an_open_phrase_still_finds_the_words(get, cast):
    response = get(q='"referendum', type="articles")
    assert response.context["parsed"].plain
    assert "searched as plain words" in text(response)
    assert results_of(response) == [cast["articles"]["heseltine"]]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": "mayor\x00"},
        {"q": "привет 中文 🙂 referendum"},
        {"q": "(" * 300 + "mayor" + ")" * 300},
        {"q": "NOT " * 200 + "mayor"},
        {"page": "-1", "q": "mayor"},
        {"page": "abc", "q": "mayor"},
        {"page": "999999", "q": "mayor"},
        {"sort": "bogus", "q": "mayor"},
        {"type": "bogus", "q": "mayor"},
        {"kind": "bogus"},
        {"speaker": "unknown-person"},
        {"place": "atlantis"},
        {"from": "2016-99-99"},
        {"from": "2017", "to": "2016"},
        {"to": "9999-12-31"},
        {"speaker": "\x00"},
        {"q": "'"},
        {"q": "mayor~2^3"},
        {"q": "speakers:lord-heseltine"},
        {"q": "published:[2000 to 2020]"},
        {"format": "xml", "q": "mayor"},
    ],
)
def test_odd_input_never_breaks_the_page(client, cast, db, params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    assert b"Search" in response.content


def test_an_invalid_export_is_a_400_not_a_500(client, cast, db):
    response = client.get(reverse("search"), {"from": "2016-02-30", "format": "csv"})
    assert response.status_code == 400


def test_unknown_speaker_is_named_in_the_error(get):
    response = get(speaker="<i>nobody</i>")
    assert "&lt;i&gt;nobody&lt;/i&gt;" in text(response)


def test_queries_do_not_grow_with_the_rows(client, cast, db, django_assert_max_num_queries):
    url = reverse("search")
    with django_assert_max_num_queries(5):
        response = client.get(url, {"q": "budget", "type": "quotes", "speaker": "councillor-ames", "place": "england"})
    assert len(response.context["items"]) == 9
    with django_assert_max_num_queries(5):
        response = client.get(url, {"q": "budget OR referendum OR mayor", "type": "quotes"})
    assert len(response.context["items"]) == 20


# --- autocomplete, person form, related -----------------------------------------------


def test_autocomplete_speakers_by_name_and_alias(client, cast, db):
    url = reverse("autocomplete")
    data = client.get(url, {"kind": "speaker", "q": "hesel"}).json()
    assert data == {"results": [{"slug": "lord-heseltine", "name": "Lord Heseltine"}]}
    data = client.get(url, {"kind": "speaker", "q": "michael"}).json()
    assert [r["slug"] for r in data["results"]] == ["lord-heseltine"]


def test_autocomplete_places_and_bad_input(client, cast, db):
    url = reverse("autocomplete")
    assert client.get(url, {"kind": "place", "q": "birm"}).json()["results"][0]["name"] == "Birmingham"
    assert client.get(url, {"kind": "place", "q": "b"}).json() == {"results": []}
    assert client.get(url, {"kind": "other", "q": "birm"}).status_code == 400


def test_the_form_offers_autocomplete_and_works_without_it(get):
    html = text(get())
    assert 'data-autocomplete="speaker"' in html and 'list="speaker-options"' in html
    assert "archive/autocomplete.js" in html
    assert re.search(r'<label for="id_speaker">', html)


def test_person_search_form_include(cast):
    person = cast["people"]["heseltine"]
    html = render_to_string("search/_person_search_form.html", {"person": person})
    assert 'name="speaker" value="Lord Heseltine"' in html  # shown as the name in the speaker box
    assert '<label for="person-search-q">' in html and 'action="/search/"' in html


def test_related_articles(cast, db):
    related = search.related_articles(cast["articles"]["heseltine"])
    assert cast["articles"]["heseltine"] not in related
    assert related and set(related) <= {cast["articles"][n] for n in ("thinktank", "metro", "budget")}


def test_related_articles_is_empty_when_the_backend_fails(cast, db, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("index gone")

    monkeypatch.setattr("haystack.query.SearchQuerySet.more_like_this", broken)
    assert search.related_articles(cast["articles"]["heseltine"]) == []


def test_a_page_of_quotations_never_reads_the_articles_texts(get, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = get(q="referendum")
    assert results_of(response)
    # A quotation of a long article would bring its whole text along.
    assert not [q["sql"] for q in queries if '"archive_article"."body"' in q["sql"]]
