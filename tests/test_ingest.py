"""Extraction output turned into rows: quotes with speakers, people, places."""

import json
from datetime import date

import pytest
from django.core.management import call_command

from archive.formats import split_front_matter
from archive.ingest import apply_extraction
from archive.models import Article, ArticlePerson, Person, Place, Quote

pytestmark = pytest.mark.django_db

ROOT_SEEDS = "seeds/articles"


@pytest.fixture
def seeded(seeds_dir):
    call_command("import_articles", str(seeds_dir), verbosity=0)


def test_every_gold_quotation_of_the_seeds_is_in_the_database_with_its_speaker(seeded, seeds_dir):
    gold = json.loads((seeds_dir.parent / "gold.json").read_text(encoding="utf-8"))["articles"]
    missing = []
    for name, annotations in gold.items():
        _, body = split_front_matter((seeds_dir / name).read_text(encoding="utf-8"))
        article = Article.objects.get(body=body)
        quotes = list(article.quotes.select_related("person"))
        for item in annotations["quotes"]:
            found = [
                q
                for q in quotes
                if q.text.startswith(item["start"])
                and q.text.endswith(item["end"])
                and q.person
                and q.person.name == item["speaker"]
                and q.kind == item["kind"]
            ]
            if not found:
                missing.append((name, item["start"], item["speaker"]))
    assert missing == []


def test_the_same_person_in_two_articles_is_one_person_with_the_role_on_each_quote(seeded):
    clark = Person.objects.get(name="Greg Clark")
    assert clark.articles.count() == 2
    hammond = Person.objects.get(name="Philip Hammond")
    assert set(hammond.quotes.values_list("role", flat=True)) == {"Chancellor"}


def test_everyone_named_is_linked_not_only_speakers(seeded):
    article = Article.objects.get(headline="Mayor move key, says thinktank")
    names = set(article.people.values_list("name", flat=True))
    assert {"Adam Marshall", "Ken Livingstone", "Ruth Kelly"} <= names
    marshall = Person.objects.get(name="Adam Marshall")
    assert "Dr Marshall" in marshall.aliases


def test_places_are_linked_with_mention_counts_and_parents(seeded):
    birmingham = Place.objects.get(name="Birmingham")
    assert birmingham.kind == "city"
    assert birmingham.parent.name == "England"
    assert birmingham.parent.parent.name == "United Kingdom"
    assert Place.objects.filter(name="United Kingdom").count() == 1
    assert Place.objects.get(name="West Midlands").kind == "region"
    article = Article.objects.get(headline="Mayor move key, says thinktank")
    assert article.articleplace_set.get(place=birmingham).mentions >= 5


def test_importing_twice_creates_no_new_people_or_places(seeded, seeds_dir):
    counts = (Person.objects.count(), Place.objects.count(), Quote.objects.count())
    call_command("import_articles", str(seeds_dir), verbosity=0)
    assert (Person.objects.count(), Place.objects.count(), Quote.objects.count()) == counts


BODY = 'Ann Smith, the mayor, said: "The bridge opens in May."\n\nShe added: "It cost less than planned."'


def test_rerunning_extraction_never_touches_editor_quotes():
    article = Article.objects.create(headline="Bridge", body=BODY, published=date(2021, 1, 1))
    apply_extraction(article)
    assert article.quotes.count() == 2
    first = article.quotes.get(text="The bridge opens in May.")
    # An editor re-attributes one quote and adds one the machine missed.
    other = Person.objects.create(name="Bob Jones")
    first.person, first.by_editor = other, True
    first.save()
    Quote.objects.create(article=article, person=other, text="Ann Smith, the mayor", by_editor=True)
    apply_extraction(article)
    apply_extraction(article)
    assert article.quotes.filter(by_editor=True).count() == 2
    assert article.quotes.get(text="The bridge opens in May.").person == other
    machine = article.quotes.filter(by_editor=False)
    assert [q.text for q in machine] == ["It cost less than planned."]
    assert machine[0].person.name == "Ann Smith"


def test_a_person_merged_away_is_found_again_by_their_old_name():
    keep = Person.objects.create(name="Ann Smith")
    old = Person.objects.create(name="Annie Smith")
    keep.merge([old])
    article = Article.objects.create(
        headline="More", body='"We are ready," Annie Smith said.', published=date(2021, 2, 1)
    )
    apply_extraction(article)
    assert article.quotes.get().person == keep
    assert ArticlePerson.objects.filter(article=article, person=keep).exists()


def test_a_person_with_an_accented_name_is_found_again_by_an_alias():
    kept = Person.objects.create(name="Ricardo Rosselló Nevares", aliases=["Ricardo Rosselló"])
    article = Article.objects.create(
        headline="Again", body='"We will rebuild," Governor Ricardo Rosselló said.', published=date(2019, 7, 1)
    )
    apply_extraction(article)
    assert article.quotes.get().person == kept
    assert Person.objects.filter(name__startswith="Ricardo").count() == 1


def test_organisations_named_are_stored_with_their_kind_whether_they_speak_or_not():
    article = Article.objects.create(
        headline="Study",
        body="Dr Imogen Castle of the University of Leeds led the study. "
        '"We regret the delay," Pellworth said in a statement.',
        published=date(2021, 3, 1),
    )
    apply_extraction(article)
    kinds = dict(article.people.values_list("name", "kind"))
    assert kinds == {"Imogen Castle": "person", "University of Leeds": "organisation", "Pellworth": "organisation"}
    assert article.quotes.get().person.kind == "organisation"


def test_a_company_and_a_person_of_the_same_name_stay_two():
    gerald = Person.objects.create(name="Gerald Ford", aliases=["Ford"])
    article = Article.objects.create(headline="Cars", body="Ford sold cars.", published=date(2021, 4, 1))
    result = {
        "quotes": [
            {
                "text": "We build cars.",
                "speaker": "Ford",
                "speaker_kind": "organisation",
                "kind": "direct",
                "start": 0,
                "end": 14,
            }
        ],
        "people": [],
        "organisations": [{"name": "Ford", "aliases": [], "role": "", "mentions": 1}],
        "places": [],
    }
    apply_extraction(article, result)
    company = Person.objects.get(name="Ford")
    assert company.kind == "organisation" and company != gerald
    assert article.quotes.get().person == company
    assert set(article.people.all()) == {company}
