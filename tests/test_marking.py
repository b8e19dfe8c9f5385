"""Quotations marked in an article's text (archive/marking.py), without a database."""

from archive.marking import marked_paragraphs, paragraph_of
from archive.models import Article, Person, Quote

BODY = 'Intro <b>here</b>.\n\nShe said: "We will build it," and left.\n\nA "second <i>one</i>".'


def article_with(*quotes):
    article = Article(headline="H", body=BODY)
    for quote in quotes:
        quote.article = article
    return article


def test_the_speaker_comes_after_the_closing_mark_and_its_punctuation():
    jane = Person(name="Jane <Example>", slug="jane-example")
    quote = Quote(text="We will build it,", position=BODY.index("We will"), person=jane)
    paragraphs = marked_paragraphs(article_with(quote), [quote])
    assert paragraphs[0] == "Intro &lt;b&gt;here&lt;/b&gt;."
    assert paragraphs[1] == (
        'She said: &quot;<mark class="q">We will build it,</mark>&quot; '
        '<a class="said-by" href="/people/jane-example/">Jane &lt;Example&gt;</a> and left.'
    )


def test_an_unattributed_quotation_links_to_its_own_page():
    quote = Quote(pk=7, text="second <i>one</i>", position=BODY.index("second"))
    marked = str(paragraph_of(article_with(quote), quote))
    assert marked == (
        'A &quot;<mark class="q">second &lt;i&gt;one&lt;/i&gt;</mark>&quot;. '
        '<a class="said-by" href="/quotes/7/">unattributed</a>'
    )
