"""Browsing by person, place and date, with Django's test client."""

import csv
import io
import json
import sys
import types
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from archive.ingest import apply_extraction
from archive.models import Article, ArticlePerson, Person, Place, Quote

pytestmark = pytest.mark.django_db

BRIDGE_BODY = (
    "The council approved the new bridge over the canal in Birmingham on Tuesday.\n\n"
    'Jane Example, the council leader, said: "We will build the bridge by spring."\n\n'
    "Work starts in Coventry first."
)
MAYOR_BODY = (
    "Birmingham should have a mayor, campaigners said.\n\n"
    'Jane Example said: "A mayor would speak for the whole region." She added that '
    '"nobody asked the voters".'
)


def make_article(
    headline,
    body,
    published,
    precision=Article.DAY,
    quotes=(),
    places=(),
    outlet="The Example Gazette",
    url="https://example.org/news",
):
    """An article plus an extraction result of the documented shape, so the
    tests do not depend on the real extractor. quotes: (speaker, text, role)."""
    article = Article.objects.create(
        headline=headline, body=body, published=published, precision=precision, outlet=outlet, url=url
    )
    speakers = {speaker for speaker, _, _ in quotes if speaker}
    result = {
        "people": [{"name": name, "mentions": 2} for name in sorted(speakers)],
        "quotes": [
            {
                "text": text,
                "speaker": speaker,
                "kind": "direct",
                "start": body.index(text),
                "end": body.index(text) + len(text),
                "role": role,
            }
            for speaker, text, role in quotes
        ],
        "places": [dict(place) for place in places],
    }
    return apply_extraction(article, result)


BIRMINGHAM = {"name": "Birmingham", "kind": "city", "parent": "West Midlands", "mentions": 3}
COVENTRY = {"name": "Coventry", "kind": "city", "parent": "West Midlands", "mentions": 1}


@pytest.fixture
def cast():
    bridge = make_article(
        "Bridge approved",
        BRIDGE_BODY,
        date(2021, 3, 4),
        quotes=[("Jane Example", "We will build the bridge by spring.", "council leader")],
        places=[BIRMINGHAM, COVENTRY],
    )
    mayor = make_article(
        "Campaigners want a mayor",
        MAYOR_BODY,
        date(2014, 6, 23),
        precision=Article.MONTH,
        quotes=[
            ("Jane Example", "A mayor would speak for the whole region.", "campaigner"),
            ("Jane Example", "nobody asked the voters", "campaigner"),
        ],
        places=[{**BIRMINGHAM, "mentions": 1}],
    )
    future = make_article(
        "Not yet published",
        'Tomorrow\'s news, "embargoed words" included.',
        date.today() + timedelta(days=30),
        quotes=[("Jane Example", "embargoed words", "")],
    )
    return types.SimpleNamespace(
        bridge=bridge,
        mayor=mayor,
        future=future,
        jane=Person.objects.get(name="Jane Example"),
        birmingham=Place.objects.get(name="Birmingham"),
        region=Place.objects.get(name="West Midlands"),
        quote=Quote.objects.get(text="We will build the bridge by spring."),
    )


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# --- home -----------------------------------------------------------------------


def test_home_shows_latest_articles_and_quotations_most_quoted_places_timeline_and_search(client, cast):
    page = html(client.get("/"))
    assert page.index("Bridge approved") < page.index("Campaigners want a mayor")
    assert "Not yet published" not in page and "embargoed words" not in page
    latest = page[page.index('id="latest-h"') : page.index('id="quotes-h"')]
    assert "The council approved the new bridge over the canal in Birmingham on Tuesday." in latest  # first sentence
    assert 'Quoted:</span> <a href="/people/jane-example/">Jane Example</a>' in latest
    quotes = page[page.index('id="quotes-h"') : page.index('id="people-h"')]
    assert "“A mayor would speak for the whole region.”" in quotes
    assert "nobody asked the voters" not in quotes  # too short to stand on its own
    # The newest month with articles is March 2021, where Jane is quoted once.
    assert "Most quoted in March 2021" in page
    assert '<a href="/people/jane-example/">Jane Example</a> <span class="meta">1 quotation<' in page
    assert '<a href="/places/birmingham/">Birmingham</a> <span class="meta">2<' in page
    assert 'href="/archive/2014/"' in page and 'href="/archive/2021/"' in page
    assert '<span class="year">2015–2020</span> <span class="none">no articles</span>' in page
    assert ">2017<" not in page  # empty years are one row, not a list of zeros
    assert 'action="/search/"' in page and 'name="q"' in page
    assert page.count("<h1") == 1


def test_the_empty_archive_has_a_home_page(client):
    assert "The archive is empty." in html(client.get("/"))


# --- people ---------------------------------------------------------------------


def test_people_are_listed_a_to_z_by_surname_with_the_unquoted_set_apart(client, cast):
    make_article(
        "Peers on mayors",
        'Lord Heseltine said: "Mayors work." Zoe Abbott said: "They do not."',
        date(2015, 1, 5),
        quotes=[("Lord Heseltine", "Mayors work.", ""), ("Zoe Abbott", "They do not.", "")],
    )
    Person.objects.create(name="Albert Aardvark")
    page = html(client.get("/people/"))
    quoted, unquoted = page.split('id="unquoted-h"')
    section = quoted[quoted.index('id="letter-H"') :]
    assert "Lord Heseltine" in section[: section.index("</section>")]
    assert 'id="letter-L"' not in page  # nobody is filed under a title
    assert quoted.index("Zoe Abbott") < quoted.index("Jane Example") < quoted.index("Lord Heseltine")
    assert '<a href="#letter-H">H</a>' in page and '<span class="absent" aria-hidden="true">Q</span>' in page
    assert "Albert Aardvark" in unquoted and "Albert Aardvark" not in quoted
    assert "3 quotations" in quoted  # the embargoed quote does not count
    assert "4 people: 3 quoted, 1 named but not quoted" in page


@pytest.mark.parametrize(
    "name, kind, key, initial",
    [
        ("Lord Heseltine", Person.PERSON, "heseltine lord", "H"),
        ("Lord Porter of Spalding", Person.PERSON, "porter lord", "P"),
        ("Jane Jones QC", Person.PERSON, "jones jane", "J"),
        ("Madonna", Person.PERSON, "madonna", "M"),
        ("The Met Office", Person.ORGANISATION, "met office", "M"),
        ("3M", Person.ORGANISATION, "3m", "#"),
    ],
)
def test_an_index_files_people_by_surname_and_organisations_by_name(name, kind, key, initial):
    person = Person(name=name, kind=kind)
    assert (person.sort_key(), person.initial()) == (key, initial)


def test_the_people_filter_matches_names_and_aliases(client, cast):
    cast.jane.add_aliases(["J. Example"])
    cast.jane.save()
    Person.objects.create(name="Albert Aardvark")
    page = html(client.get("/people/", {"q": "j. ex"}))
    assert "Jane Example" in page and "Albert Aardvark" not in page
    assert "1 person" in page


def test_a_person_page_has_quotes_newest_first_roles_articles_chart_search_and_feeds(client, cast):
    page = html(client.get("/people/jane-example/"))
    assert page.index("We will build the bridge by spring.") < page.index("A mayor would speak for the whole region.")
    assert "embargoed words" not in page
    assert "June 2014" in page and "4 March 2021" in page
    assert 'class="role">council leader</span>' in page
    # Quotations are grouped under their article: its headline once, not per quotation.
    quotes = page[page.index('id="quotes-h"') : page.index('id="mentions-h"')]
    assert quotes.count("Campaigners want a mayor") == 1
    roles = page[page.index("Roles over time") : page.index("Quotations, newest first")]
    assert roles.index("campaigner") < roles.index("council leader")
    assert '<svg class="year-chart"' in page and 'aria-label="Quotations per year: 2014: 2, 2021: 1"' in page
    assert 'name="speaker" value="Jane Example"' in page
    assert 'href="/people/jane-example/feed/atom/"' in page
    assert 'href="/people/jane-example/quotes.csv"' in page
    assert "Articles naming Jane Example" in page and 'href="/articles/bridge-approved/"' in page
    assert '<blockquote cite="https://example.org/news">' in page
    assert '<time datetime="2014-06">June 2014</time>' in page


def test_a_person_page_uses_the_search_engineers_form_when_there_is_one(client, cast, settings, tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "_person_search_form.html").write_text("<form id=theirs>{{ person.name }}</form>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    page = html(client.get("/people/jane-example/"))
    assert "<form id=theirs>Jane Example</form>" in page


def test_quotes_are_paginated_and_a_page_past_the_end_shows_the_last(client, cast):
    grow(25)
    first = html(client.get("/people/jane-example/"))
    assert "Page 1 of 2" in first and "page=2" in first
    second = html(client.get("/people/jane-example/", {"page": 2}))
    assert '<link rel="canonical" href="http://127.0.0.1:8000/people/jane-example/?page=2">' in second
    past = html(client.get("/people/jane-example/", {"page": 9}))
    assert "Page 2 of 2" in past
    assert '<link rel="canonical" href="http://127.0.0.1:8000/people/jane-example/?page=2">' in past
    assert "Page 1 of 2" in html(client.get("/people/jane-example/", {"page": "x"}))


def test_an_organisation_counts_the_articles_that_quote_it(client, cast):
    article = make_article("Police statement", 'Officers said: "The road is closed."', date(2020, 5, 5))
    police = Person.objects.create(name="West Midlands Police", kind=Person.ORGANISATION)
    Quote.objects.create(article=article, person=police, text="The road is closed.", position=15)
    page = html(client.get(f"/people/{police.slug}/"))
    assert "An organisation, quoted once in 1 article in 2020." in page
    assert 'href="/articles/police-statement/"' in page[page.index('id="mentions-h"') :]
    assert "named in 0" not in page


def test_a_person_page_leads_with_their_roles_over_time(client, cast):
    make_article(
        "Later",
        'Jane Example said: "Still here."',
        date(2022, 2, 2),
        quotes=[("Jane Example", "Still here.", "Council Leader")],
    )
    page = html(client.get("/people/jane-example/"))
    assert "Quoted 4 times in 3 articles between 2014 and 2022, most recently as council leader." in page
    roles = page[page.index('id="roles-h"') : page.index('id="quotes-h"')]
    assert roles.index("campaigner") < roles.index("council leader")
    assert "Council Leader" not in roles  # the same role in other capitals
    assert '<time datetime="2021">2021</time>–<time datetime="2022">2022</time>' in roles
    assert "2 quotations" in roles


def test_someone_named_but_never_quoted_is_described_so(client, cast):
    make_article("Named", "Albert Aardvark opened the bridge.", date(2020, 1, 1))
    aardvark = Person.objects.create(name="Albert Aardvark")
    ArticlePerson.objects.create(article=Article.objects.get(headline="Named"), person=aardvark, mentions=1)
    page = html(client.get("/people/albert-aardvark/"))
    assert '<p class="standfirst">Named but not quoted in 1 article.</p>' in page
    assert "named once" in page


def test_a_person_quoted_in_one_year_has_no_one_bar_chart(client, cast):
    make_article(
        "Once", 'Solo Speaker said: "Only once."', date(2020, 1, 1), quotes=[("Solo Speaker", "Only once.", "")]
    )
    assert "year-chart" not in html(client.get("/people/solo-speaker/"))
    assert "year-chart" in html(client.get("/people/jane-example/"))


def test_unknown_people_places_articles_and_quotes_are_404(client, cast):
    for url in [
        "/people/nobody/",
        "/places/atlantis/",
        "/articles/nothing/",
        "/quotes/999999/",
        "/people/nobody/quotes.csv",
        "/people/nobody/feed/",
        "/places/atlantis/feed/atom/",
        f"/articles/{cast.future.slug}/",
        f"/quotes/{cast.future.quotes.get().pk}/",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Not found" in response.content.decode()


# --- exports ----------------------------------------------------------------------


def test_the_csv_export_has_every_quote_not_just_a_page(client, cast):
    grow(45)
    response = client.get("/people/jane-example/quotes.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="jane-example-quotes.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 48
    first = rows[0]
    assert first["speaker"] == "Jane Example"
    assert first["date"] == "2021-03-04" and first["text"] == "We will build the bridge by spring."
    assert first["quote_url"] == f"http://127.0.0.1:8000/quotes/{cast.quote.pk}/"
    assert "embargoed words" not in {row["text"] for row in rows}
    assert "2014-06" in {row["date"] for row in rows}  # month-precise: no made-up day


def test_the_json_export_has_every_quote_and_parses(client, cast):
    grow(45)
    response = client.get("/people/jane-example/quotes.json")
    data = json.loads(b"".join(response.streaming_content))
    assert data["speaker"] == "Jane Example"
    assert len(data["quotes"]) == 48
    assert data["quotes"][0]["role"] == "council leader"


# --- places -----------------------------------------------------------------------


def test_a_place_page_lists_articles_people_its_region_and_sorts(client, cast):
    page = html(client.get("/places/birmingham/"))
    assert 'City or town in <a href="/places/west-midlands/">West Midlands</a>' in page
    assert page.index("Bridge approved") < page.index("Campaigners want a mayor")  # 3 mentions before 1
    assert '<a href="/people/jane-example/">Jane Example</a> <span class="meta">3 quotations' in page
    assert 'href="/places/birmingham/feed/atom/"' in page
    make_article(
        "Older but busier",
        "Birmingham, Birmingham, Birmingham.",
        date(2010, 1, 2),
        places=[{**BIRMINGHAM, "mentions": 9}],
    )
    by_mentions = html(client.get("/places/birmingham/"))
    assert by_mentions.index("Older but busier") < by_mentions.index("Bridge approved")
    newest = html(client.get("/places/birmingham/", {"sort": "newest"}))
    assert newest.index("Bridge approved") < newest.index("Campaigners want a mayor") < newest.index("Older but")
    assert '<option value="newest" selected>' in newest
    assert html(client.get("/places/birmingham/", {"sort": "nonsense"}))  # falls back to mentions


def test_a_region_page_lists_the_places_inside_it(client, cast):
    page = html(client.get("/places/west-midlands/"))
    assert "Places in West Midlands" in page
    assert 'href="/places/birmingham/"' in page and 'href="/places/coventry/"' in page


def test_the_places_list_shows_kind_region_and_counts(client, cast):
    page = html(client.get("/places/"))
    assert "City or town in West Midlands · 2 articles" in page


# --- date archive -----------------------------------------------------------------


def test_a_month_precise_article_is_in_its_month_but_on_no_day(client, cast):
    month = html(client.get("/archive/2014/06/"))
    assert "Campaigners want a mayor" in month
    assert '<time datetime="2014-06">June 2014</time>' in month
    assert "/archive/2014/06/01/" not in month  # no made-up day to follow
    assert client.get("/archive/2014/06/01/").status_code == 404
    assert client.get("/archive/2014/06/23/").status_code == 404


def test_a_day_precise_article_is_on_its_day_and_in_its_month_and_year(client, cast):
    day = html(client.get("/archive/2021/03/04/"))
    assert "Bridge approved" in day and "<h1>4 March 2021</h1>" in day
    month = html(client.get("/archive/2021/03/"))
    assert 'href="/archive/2021/03/04/"' in month
    year = html(client.get("/archive/2021/"))
    assert "Bridge approved" in year and 'href="/archive/2021/03/"' in year


def test_a_year_precise_article_is_in_its_year_but_not_in_january(client, cast):
    make_article("Sometime in 2012", "Undated words.", date(2012, 8, 8), precision=Article.YEAR)
    assert "Sometime in 2012" in html(client.get("/archive/2012/"))
    assert client.get("/archive/2012/01/").status_code == 404


def test_the_archive_index_lists_years_and_newest_articles(client, cast):
    page = html(client.get("/archive/"))
    assert 'href="/archive/2014/"' in page and "Bridge approved" in page
    assert "Not yet published" not in page


def test_month_and_year_listings_give_outlet_first_sentence_and_who_is_quoted(client, cast):
    for url in ["/archive/2021/03/", "/archive/2021/", "/archive/2021/03/04/", "/archive/"]:
        page = html(client.get(url))
        item = page[page.index('<li class="article-item">') :]
        item = item[: item.index("</li>")]
        assert '<span class="outlet">The Example Gazette</span>' in item, url
        lede = "The council approved the new bridge over the canal in Birmingham on Tuesday."
        assert f'<p class="lede">{lede}</p>' in item, url
        assert 'Quoted:</span> <a href="/people/jane-example/">Jane Example</a>' in item, url


def test_an_empty_month_says_so_and_points_to_the_nearest_articles(client, cast):
    response = client.get("/archive/2016/05/")
    assert response.status_code == 404  # nothing to index, but a page to read
    page = response.content.decode()
    assert "<h1>No articles from May 2016</h1>" in page
    assert "may have been renamed" not in page
    before, after = page.split("After")
    assert 'href="/articles/campaigners-want-a-mayor/"' in before and 'href="/archive/2014/06/"' in before
    assert 'href="/articles/bridge-approved/"' in after and 'href="/archive/2021/03/"' in after
    assert "No articles from 1999" in client.get("/archive/1999/").content.decode()
    assert "No articles from 5 March 2021" in client.get("/archive/2021/03/05/").content.decode()
    assert "Not yet published" not in client.get("/archive/2030/").content.decode()


def test_archive_pages_past_the_end_fall_back_like_search(client, cast):
    grow(25)
    page = html(client.get("/archive/", {"page": 999}))
    assert "Page 2 of 2" in page and '<link rel="canonical" href="http://127.0.0.1:8000/archive/?page=2">' in page
    assert "Page 1 of 2" in html(client.get("/archive/2014/06/", {"page": "abc"}))


def test_empty_impossible_and_future_dates_are_404(client, cast):
    for url in [
        "/archive/1999/",
        "/archive/2014/13/",
        "/archive/2014/05/",
        "/archive/2021/02/30/",
        f"/archive/{cast.future.published.year + 1}/",
        "/archive/2014/6/",
    ]:
        assert client.get(url).status_code == 404, url


def test_month_links_have_two_digit_months(client, cast):
    assert 'href="/archive/2014/06/"' in html(client.get("/archive/2014/"))
    assert 'href="/archive/2014/06/"' in html(client.get(f"/articles/{cast.mayor.slug}/"))


# --- articles and quotes ----------------------------------------------------------


def test_an_article_marks_each_quotation_and_names_the_speaker_after_the_closing_mark(client, cast):
    page = html(client.get("/articles/bridge-approved/"))
    assert (
        'said: &quot;<mark class="q">We will build the bridge by spring.</mark>&quot; '
        '<a class="said-by" href="/people/jane-example/">Jane Example</a>'
    ) in page
    assert 'href="https://example.org/news"' in page and "The Example Gazette" in page
    assert '<time datetime="2021-03-04">4 March 2021</time>' in page
    assert 'href="/places/birmingham/">Birmingham</a> <span class="meta">3 mentions' in page
    margin = page[page.index('id="quoted-h"') :]
    speaker = '<a class="speaker" href="/people/jane-example/">Jane Example</a><span class="role">council leader</span>'
    assert speaker in margin
    assert f'<a href="/quotes/{cast.quote.pk}/">Cite the quotation' in margin
    assert page.count("We will build the bridge by spring.") == 1  # in the text only, not repeated beside it
    assert 'id="people-h"' not in page  # Jane is quoted, so not listed again as merely named


def test_the_speaker_follows_the_punctuation_after_a_quotation(client, cast):
    page = html(client.get(f"/articles/{cast.mayor.slug}/"))
    assert (
        '&quot;<mark class="q">nobody asked the voters</mark>&quot;. '
        '<a class="said-by" href="/people/jane-example/">Jane Example</a>'
    ) in page


def test_a_quotation_over_two_paragraphs_is_marked_in_both(client):
    body = 'She said: "First part.\n\n"Second part."'
    article = Article.objects.create(headline="Two", body=body, published=date(2020, 1, 1))
    Quote.objects.create(article=article, text="First part. Second part.", position=body.index("First"))
    page = html(client.get(f"/articles/{article.slug}/"))
    assert '<mark class="q">First part.</mark></p>' in page
    assert '<mark class="q">Second part.</mark>&quot; <a class="said-by"' in page


def test_an_editors_quote_without_a_position_is_still_marked(client, cast):
    Quote.objects.create(article=cast.bridge, text="Work starts in Coventry first.", by_editor=True)
    assert '<mark class="q">Work starts in Coventry first.</mark>' in html(client.get("/articles/bridge-approved/"))


def test_related_articles_come_from_the_search_module_and_cannot_break_the_page(client, cast, monkeypatch):
    module = types.ModuleType("archive.search")
    module.related_articles = lambda article: [cast.mayor, cast.future]
    monkeypatch.setitem(sys.modules, "archive.search", module)
    page = html(client.get("/articles/bridge-approved/"))
    assert "Related articles" in page and "Campaigners want a mayor" in page[page.index("Related articles") :]
    assert "Not yet published" not in page

    def broken(article):
        raise RuntimeError("index is down")

    module.related_articles = broken
    cache.clear()  # the page kept from the first request would hide the broken module
    assert "Related articles" not in html(client.get("/articles/bridge-approved/"))


def test_a_quote_page_has_speaker_role_article_context_and_a_citation(client, cast):
    page = html(client.get(f"/quotes/{cast.quote.pk}/"))
    assert "<h1>Quotation by Jane Example</h1>" in page
    assert "council leader" in page and "Bridge approved" in page
    assert 'said: &quot;<mark class="q">We will build the bridge by spring.</mark>' in page  # the paragraph
    assert (
        "Jane Example, “We will build the bridge by spring.”, The Example Gazette, 4 March 2021, "
        f"https://example.org/news. Archived at http://127.0.0.1:8000/quotes/{cast.quote.pk}/"
    ) in page
    assert 'data-copy="citation" hidden' in page and "archive/copy" in page


def test_a_quote_page_lists_other_articles_with_the_same_words(client, cast):
    other = make_article(
        "Bridge again",
        'Jane Example repeated: "we will build the BRIDGE\nby spring."',
        date(2021, 4, 1),
        quotes=[("Jane Example", "we will build the BRIDGE\nby spring.", "")],
    )
    page = html(client.get(f"/quotes/{cast.quote.pk}/"))
    assert "The same words elsewhere" in page and f'href="/articles/{other.slug}/"' in page
    assert "The same words elsewhere" not in html(client.get(f"/quotes/{cast.mayor.quotes.first().pk}/"))


# --- escaping, canonical URLs, error pages -----------------------------------------


def test_everything_article_supplied_is_escaped(client):
    body = 'Intro <script>alert("body")</script>.\n\nX said: "<b>bold</b> & <script>alert(1)</script>"'
    article = make_article(
        '<script>alert("headline")</script> Evil',
        body,
        date(2020, 2, 2),
        quotes=[("<img src=x onerror=alert(1)> Evil", "<b>bold</b> & <script>alert(1)</script>", "<i>role</i>")],
        places=[{"name": "<svg onload=alert(1)>", "kind": "city"}],
        outlet="<em>Outlet</em>",
        url="https://example.org/?a=1&b=<x>",
    )
    person = Person.objects.get(name__startswith="<img")
    quote = article.quotes.get()
    pages = [
        f"/articles/{article.slug}/",
        f"/quotes/{quote.pk}/",
        f"/people/{person.slug}/",
        "/people/",
        "/",
        "/places/",
        f"/places/{Place.objects.get().slug}/",
        "/archive/2020/02/",
        "/archive/2020/02/02/",
    ]
    for url in pages:
        page = html(client.get(url))
        for raw in ["<script>alert", "<img src=x", "<b>bold", "<svg onload", "<em>Outlet", "<i>role"]:
            assert raw not in page, (url, raw)
    page = html(client.get(f"/articles/{article.slug}/"))
    assert "&lt;script&gt;alert(&quot;headline&quot;)&lt;/script&gt; Evil" in page
    assert '<mark class="q">&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</mark>' in page


def test_pages_have_canonical_urls_from_site_url_titles_and_descriptions(client, cast, settings):
    settings.SITE_URL = "https://quotes.example.org/"
    settings.ALLOWED_HOSTS = ["evil.example", "testserver"]
    page = html(client.get("/people/jane-example/", HTTP_HOST="evil.example"))
    assert '<link rel="canonical" href="https://quotes.example.org/people/jane-example/">' in page
    assert "<title>Jane Example: quotations — News quote archive</title>" in page
    assert '<meta name="description" content="3 quotations by Jane Example' in page
    month = html(client.get("/archive/2014/06/"))
    assert '<link rel="canonical" href="https://quotes.example.org/archive/2014/06/">' in month


def test_the_500_page_renders_without_a_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        page = render_to_string("500.html")
    assert "Something went wrong" in page and "<main" in page


def test_every_page_has_landmarks_a_skip_link_and_one_h1(client, cast):
    for url in [
        "/",
        "/people/",
        "/people/jane-example/",
        "/places/",
        "/places/birmingham/",
        "/archive/",
        "/archive/2014/",
        "/archive/2014/06/",
        "/archive/2021/03/04/",
        "/articles/bridge-approved/",
        f"/quotes/{cast.quote.pk}/",
    ]:
        page = html(client.get(url))
        assert page.count("<h1") == 1, url
        for landmark in ['<header class="site-header">', '<nav aria-label="Main">', '<main id="main"', "<footer"]:
            assert landmark in page, (url, landmark)
        assert '<a class="skip" href="#main">' in page


# --- query counts -----------------------------------------------------------------


def grow(n, start=0):
    """n more articles, each quoting Jane in June 2014 and naming Birmingham."""
    for i in range(start, start + n):
        body = f'Story {i}. Jane Example said: "We will build the bridge by spring." Extra {i}.'
        make_article(
            f"Story {i}",
            body,
            date(2014, 6, 1 + i % 28),
            quotes=[
                ("Jane Example", "We will build the bridge by spring.", f"role {i % 4}"),
                (f"Person {i}", f"Extra {i}.", ""),
            ],
            places=[BIRMINGHAM, {"name": f"Town {i}", "kind": "city", "parent": "West Midlands"}],
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            b"".join(response.streaming_content)
    return len(ctx)


PAGES = [
    "/",
    "/people/",
    "/people/jane-example/",
    "/places/",
    "/places/birmingham/",
    "/places/west-midlands/",
    "/articles/bridge-approved/",
    "QUOTE",
    "/archive/",
    "/archive/2014/",
    "/archive/2014/06/",
    "/archive/2014/06/02/",
    "/people/jane-example/quotes.csv",
    "/people/jane-example/feed/",
    "/places/birmingham/feed/atom/",
    "/feed/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("url", PAGES)
def test_no_page_makes_more_queries_for_more_rows(client, cast, url, django_assert_max_num_queries):
    if url == "QUOTE":
        url = f"/quotes/{cast.quote.pk}/"
    grow(3)
    few = count_queries(client, url)
    grow(27, start=3)
    # The article page grows too: more quotes, people and places in one article.
    for i in range(27):
        Quote.objects.create(
            article=cast.bridge,
            person=Person.objects.create(name=f"Speaker {i}"),
            text="Work starts in Coventry first.",
            position=BRIDGE_BODY.index("Work"),
        )
    with django_assert_max_num_queries(few):
        many = count_queries(client, url)
    assert many == few, (url, few, many)


def test_reported_speech_is_cited_without_quotation_marks(cast):
    quote = Quote.objects.create(
        article=cast.bridge, person=cast.jane, kind=Quote.INDIRECT, text="the bridge would open in spring"
    )
    assert quote.citation().startswith("Jane Example (reported): the bridge would open in spring, The Example Gazette")


def test_people_and_organisations_are_listed_apart(client, db):
    from archive.models import Person

    make_article(
        "Police appeal",
        'Jane Example said: "Call us." The Example Police said: "Thank you."',
        date(2021, 3, 4),
        quotes=[("Jane Example", "Call us.", ""), ("The Example Police", "Thank you.", "")],
    )
    Person.objects.filter(name="The Example Police").update(kind=Person.ORGANISATION)
    people = client.get("/people/").content.decode()
    organisations = client.get("/organisations/").content.decode()
    assert "Jane Example" in people and "The Example Police" not in people
    assert "The Example Police" in organisations and "Jane Example" not in organisations
    article = client.get(f"/articles/{Article.objects.get(headline='Police appeal').slug}/").content.decode()
    assert 'id="organisations-h"' not in article  # both speak: listed as speakers, not again


def test_a_withdrawn_quotation_is_not_marked_in_its_article(client, db):
    article = make_article(
        "Bridge",
        BRIDGE_BODY,
        date(2021, 3, 4),
        quotes=[("Jane Example", "We will build the bridge by spring.", "council leader")],
    )
    article.quotes.get().withdraw()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<mark" not in page.split('class="body"')[1]
    assert "1 quotation" not in page
