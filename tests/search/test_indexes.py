"""What a document holds: a quotation's, its words, speaker and role,
never its article's text; its article's places, with the regions and
countries they lie in (the most mentioned, for a quotation)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Article, ArticlePlace, Person, Place, Quote
from archive.search.indexes import QUOTE_PLACES, ArticleIndex, QuoteIndex

pytestmark = pytest.mark.django_db


def test_a_quotation_document_is_bounded_whatever_its_article_and_its_length():
    body = "Zebrafish were counted in the canal again this week.\n" * 20_000
    article = Article.objects.create(headline="Canal count", body=body, published=date(2020, 1, 2))
    speaker = Person.objects.create(name="Jane Example")
    endless = "the canal " * 3_000 + "unreachable"
    quote = Quote.objects.create(article=article, person=speaker, text=endless, role="the lock keeper")
    index = QuoteIndex()
    row = index.index_queryset().get(pk=quote.pk)
    assert "body" in row.article.get_deferred_fields()
    text = index.full_prepare(row)["text"]
    assert "Zebrafish" not in text
    assert "unreachable" not in text
    assert len(text) < 5_100
    assert "Jane Example" in text and "the lock keeper" in text


def test_a_short_quotation_is_in_its_document_whole():
    article = Article.objects.create(
        headline="Bridge", body='"We will build it," she said.', published=date(2020, 1, 2)
    )
    quote = Quote.objects.create(article=article, text="We will build it,")
    index = QuoteIndex()
    assert index.full_prepare(index.index_queryset().get(pk=quote.pk))["text"].startswith("We will build it,\n")


def england():
    """England > West Midlands > Birmingham and Coventry; England > London."""
    country = Place.objects.create(name="England", kind=Place.COUNTRY)
    region = Place.objects.create(name="West Midlands", kind=Place.REGION, parent=country)
    return {
        "england": country,
        "west-midlands": region,
        "birmingham": Place.objects.create(name="Birmingham", parent=region),
        "coventry": Place.objects.create(name="Coventry", parent=region),
        "london": Place.objects.create(name="London", parent=country),
    }


def test_a_quotation_carries_its_articles_places_with_their_regions_and_countries_once_each():
    places = england()
    article = Article.objects.create(headline="Three cities", body="Text.", published=date(2020, 1, 2))
    for slug in ("birmingham", "coventry", "london"):
        ArticlePlace.objects.create(article=article, place=places[slug])
    quote = Quote.objects.create(article=article, text="We will build it,")
    index = QuoteIndex()
    slugs = index.full_prepare(index.index_queryset().get(pk=quote.pk))["places"]
    assert sorted(slugs) == ["birmingham", "coventry", "england", "london", "west-midlands"]
    article_index = ArticleIndex()
    assert article_index.full_prepare(article_index.index_queryset().get(pk=article.pk))["places"] == slugs


def test_the_quotations_of_an_article_are_prepared_with_as_many_queries_as_one():
    places = england()
    article = Article.objects.create(headline="Three cities", body="Text.", published=date(2020, 1, 2))
    for slug in ("birmingham", "coventry", "london"):
        ArticlePlace.objects.create(article=article, place=places[slug])
    quotes = [Quote.objects.create(article=article, text=f"Words number {n}.") for n in range(30)]
    index = QuoteIndex()

    def prepare(rows):
        with CaptureQueriesContext(connection) as queries:
            documents = [index.full_prepare(row) for row in rows]
        return documents, len(queries)

    one, one_queries = prepare(index.index_queryset().filter(pk=quotes[0].pk))
    many, many_queries = prepare(index.index_queryset().filter(article=article))
    assert len(many) == 30 and many_queries == one_queries
    assert {tuple(document["places"]) for document in many} == {tuple(one[0]["places"])}


def test_a_quotation_carries_only_the_places_its_article_mentions_most_and_their_regions():
    region = Place.objects.create(name="Lakeland", kind=Place.REGION)
    towns = [Place.objects.create(name=f"Town {n:03d}", parent=region) for n in range(QUOTE_PLACES + 10)]
    article = Article.objects.create(headline="Many towns", body="Text.", published=date(2020, 1, 2))
    for n, town in enumerate(towns):
        ArticlePlace.objects.create(article=article, place=town, mentions=n + 1)
    quote = Quote.objects.create(article=article, text="We will build it,")
    index = QuoteIndex()
    slugs = index.full_prepare(index.index_queryset().get(pk=quote.pk))["places"]
    assert sorted(slugs) == sorted([town.slug for town in towns[10:]] + [region.slug])
    article_index = ArticleIndex()
    article_slugs = article_index.full_prepare(article_index.index_queryset().get(pk=article.pk))["places"]
    assert len(article_slugs) == QUOTE_PLACES + 11
