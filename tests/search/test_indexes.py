"""What a document holds: a quotation's, its words, speaker and role,
never its article's text."""

from datetime import date

import pytest

from archive.models import Article, Person, Quote
from archive.search.indexes import QuoteIndex

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
