"""A large archive made quickly, for the tests of long downloads: rows
written with bulk_create (no per-row save or signal), then the quotations
indexed in one pass. Run in the process of the server's settings:

    manage.py shell -c "from tests.search.bulk import build; build(20000)"
"""

from datetime import date, timedelta

from haystack import connections

from archive.models import Article, Person, Quote
from archive.search.indexes import QuoteIndex

PER_ARTICLE = 50


def build(quotes):
    """`quotes` quotations by one speaker ("Jane Example"), PER_ARTICLE an
    article, each saying "budget", all published and in the index."""
    speaker = Person.objects.create(name="Jane Example")
    start = date(2001, 1, 1)
    articles = Article.objects.bulk_create(
        Article(
            headline=f"Council budget story {i}",
            slug=f"council-budget-story-{i}",
            outlet="World News",
            body=f"The council met ({i}).",
            fingerprint=f"bulk-{i}",
            published=start + timedelta(days=i),
        )
        for i in range(-(-quotes // PER_ARTICLE))
    )
    Quote.objects.bulk_create(
        (
            Quote(
                article=articles[i // PER_ARTICLE],
                person=speaker,
                position=i % PER_ARTICLE,
                role="council leader",
                text='The budget is agreed, and "quoted", with commas.',
            )
            for i in range(quotes)
        ),
        batch_size=2000,
    )
    index = QuoteIndex()
    connections["default"].get_backend().update(index, index.index_queryset().iterator(chunk_size=2000))
    return speaker
