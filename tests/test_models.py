from datetime import date

import pytest

from archive.models import Article, ArticlePerson, Person, Place, Quote, fingerprint

pytestmark = pytest.mark.django_db


def make_article(**kw):
    fields = {"headline": "A headline", "body": "Some body text.", "published": date(2020, 5, 17)}
    fields.update(kw)
    return Article.objects.create(**fields)


def test_a_month_precise_date_is_shown_without_a_day():
    article = make_article(published=date(2014, 6, 23), precision=Article.MONTH)
    article.refresh_from_db()
    assert article.published == date(2014, 6, 1)
    assert article.date_display() == "June 2014"
    assert article.date_iso() == "2014-06"


def test_a_day_precise_date_is_shown_in_full():
    article = make_article(published=date(2014, 6, 3))
    assert article.date_display() == "3 June 2014"
    assert article.date_iso() == "2014-06-03"


def test_slugs_are_plain_and_only_suffixed_on_a_clash():
    first = make_article(headline="Mayor move key", body="one")
    second = make_article(headline="Mayor move key", body="two")
    assert first.slug == "mayor-move-key"
    assert second.slug == "mayor-move-key-2"
    assert Place.objects.create(name="Birmingham").slug == "birmingham"


def test_the_fingerprint_ignores_whitespace_and_case_but_not_words():
    assert fingerprint("A  b\n\nc ") == fingerprint("a b c")
    assert fingerprint("a b c") != fingerprint("a b d")


def test_the_same_body_cannot_be_stored_twice():
    from django.db import IntegrityError

    make_article(body="Exactly this.")
    with pytest.raises(IntegrityError):
        make_article(body="exactly   this.", headline="Other")


def test_published_hides_future_articles():
    make_article(body="past")
    make_article(body="future", published=date(2999, 1, 1))
    assert [a.body for a in Article.objects.published()] == ["past"]


def test_paragraphs_split_on_blank_lines_and_single_newlines():
    article = make_article(body="One.\n\nTwo.\nThree.\n")
    assert article.paragraphs() == ["One.", "Two.", "Three."]


def test_merging_people_moves_quotes_and_keeps_names_as_aliases():
    article = make_article()
    keep = Person.objects.create(name="Michael Heseltine")
    other = Person.objects.create(name="Lord Heseltine", aliases=["Heseltine"])
    Quote.objects.create(article=article, person=other, text="We should.", by_editor=True)
    ArticlePerson.objects.create(article=article, person=other, mentions=2)
    keep.merge([other])
    keep.refresh_from_db()
    assert not Person.objects.filter(pk=other.pk).exists()
    assert keep.quotes.get().by_editor
    assert keep.aliases == ["Lord Heseltine", "Heseltine"]
    assert ArticlePerson.objects.get(person=keep).mentions == 2


def test_names_lists_every_form_once():
    person = Person(name="Adam Marshall", aliases=["Dr Marshall", "adam marshall", "Dr Adam Marshall"])
    assert person.names() == ["Adam Marshall", "Dr Marshall", "Dr Adam Marshall"]


def test_quoted_people_are_counted_in_one_query(django_assert_num_queries):
    article = make_article()
    for name in ["A One", "B Two"]:
        person = Person.objects.create(name=name)
        Quote.objects.create(article=article, person=person, text="x")
    Person.objects.create(name="Silent Person")
    with django_assert_num_queries(1):
        counts = {p.name: p.quote_count for p in Person.objects.quoted()}
    assert counts == {"A One": 1, "B Two": 1}
