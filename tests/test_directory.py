"""People and places that extractions name, found and made in few queries
(archive.directory): the same answers for one name as for thousands."""

import pytest

from archive import directory
from archive.directory import People, Places, find_person
from archive.ingest import apply_extraction
from archive.models import Article, Person, Place, unique_slugs

pytestmark = pytest.mark.django_db


@pytest.fixture
def known():
    heseltine = Person.objects.create(name="Michael Heseltine", honorific="Lord", aliases=["Lord Heseltine"])
    ford_company = Person.objects.create(name="Ford", kind=Person.ORGANISATION)
    gerald = Person.objects.create(name="Gerald Ford", aliases=["Ford"])
    return heseltine, ford_company, gerald


@pytest.fixture(params=["one by one", "all at once"])
def lookup_size(request, monkeypatch):
    """Both ways of looking names up: a few at a time, or every row at once."""
    if request.param == "all at once":
        monkeypatch.setattr(directory, "FEW", 0)
    return request.param


def test_a_display_name_or_an_alias_in_any_case_finds_the_person(known, lookup_size):
    heseltine, ford_company, gerald = known
    people = People([("lord heseltine", Person.PERSON), ("Ford", Person.PERSON), ("Ford", Person.ORGANISATION)])
    assert people.find("lord heseltine", Person.PERSON) == heseltine
    assert people.find("MICHAEL HESELTINE", Person.PERSON) == heseltine
    assert people.find("Ford", Person.PERSON) == gerald
    assert people.find("Ford", Person.ORGANISATION) == ford_company
    assert people.find("Jane Nobody", Person.PERSON) is None


def test_find_person_prefers_a_display_name_to_someone_elses_alias(known):
    _, ford_company, _ = known
    Person.objects.create(name="Henry Ford", kind=Person.ORGANISATION, aliases=["Ford"])
    assert find_person("Ford", Person.ORGANISATION) == ford_company


def test_new_people_are_written_once_with_slugs_and_search_names(known, lookup_size):
    people = People([("Jane Example", Person.PERSON), ("jane example", Person.PERSON)])
    first = people.get("Jane Example", honorific="Dr", aliases=["Dr Example"])
    again = people.get("jane example")
    assert first is again
    people.save()
    jane = Person.objects.get(name="Jane Example")
    assert (jane.slug, jane.honorific) == ("jane-example", "Dr")
    assert "dr example" in jane.search_names.casefold()


def test_a_known_person_learns_a_new_form_of_the_name_and_an_honorific(known, lookup_size):
    _, _, gerald = known
    people = People([("Gerald Ford", Person.PERSON)])
    people.get("Gerald Ford", honorific="President", aliases=["President Ford"])
    people.save()
    gerald.refresh_from_db()
    assert gerald.honorific == "President"
    assert "President Ford" in gerald.aliases


def test_slugs_made_together_differ_from_each_other_and_from_those_taken(known):
    assert unique_slugs(Person, ["Michael Heseltine", "Ann Smith", "Ann Smith!", "Ann Smith"]) == [
        "michael-heseltine-2",
        "ann-smith",
        "ann-smith-2",
        "ann-smith-3",
    ]


def test_a_new_city_is_written_inside_its_new_region_and_an_old_place_learns_its_parent():
    leeds = Place.objects.create(name="Leeds")
    places = Places([{"name": "Leeds", "parent": "Yorkshire"}, {"name": "Harrogate", "parent": "Yorkshire"}])
    assert places.get({"name": "Leeds", "parent": "Yorkshire"}) == leeds
    harrogate = places.get({"name": "Harrogate", "parent": "Yorkshire", "latitude": 54.0})
    places.save()
    harrogate = Place.objects.get(pk=harrogate.pk)
    leeds.refresh_from_db()
    assert harrogate.parent == leeds.parent
    assert harrogate.parent.name == "Yorkshire"
    assert Place.objects.filter(name="Yorkshire").count() == 1


def extraction(n):
    """An extraction naming `n` people and `n` places, each person quoted once."""
    return {
        "people": [{"name": f"Person Number{i}", "mentions": 2} for i in range(n)],
        "organisations": [{"name": "Leeds City Council"}],
        "quotes": [
            {
                "text": f"Words number {i} were said here today",
                "start": i * 100,
                "end": i * 100 + 40,
                "kind": "direct",
                "speaker": f"Person Number{i}",
            }
            for i in range(n)
        ],
        "places": [{"name": f"Town{i}", "kind": "city", "parent": "England"} for i in range(n)],
    }


def test_an_article_naming_hundreds_is_written_in_a_bounded_number_of_queries(django_assert_max_num_queries):
    article = Article.objects.create(headline="A long one", body="x" * 40_000, published="2021-01-01")
    # One by one, 300 people and 300 places cost well over a thousand queries.
    with django_assert_max_num_queries(100):
        apply_extraction(article, extraction(300))
    assert article.quotes.filter(person__name="Person Number299").count() == 1
    assert article.articleperson_set.get(person__name="Person Number7").mentions == 2
    assert article.articleplace_set.count() == 300
    assert Place.objects.get(name="Town5").parent.name == "England"


def test_writing_the_same_extraction_again_makes_no_new_rows():
    article = Article.objects.create(headline="A long one", body="x" * 40_000, published="2021-01-01")
    apply_extraction(article, extraction(60))
    counts = (Person.objects.count(), Place.objects.count(), article.quotes.count())
    apply_extraction(article, extraction(60))
    assert (Person.objects.count(), Place.objects.count(), article.quotes.count()) == counts


def test_places_met_on_the_way_up_are_found_not_made_again():
    # Wales's own parent, the United Kingdom, is no place the second extraction names.
    for name, region in [("Leeds", "England"), ("Cardiff", "Wales")]:
        article = Article.objects.create(headline=name, body=f"News from {name}.", published="2021-01-01")
        apply_extraction(
            article, {"people": [], "quotes": [], "places": [{"name": name, "kind": "city", "parent": region}]}
        )
    assert Place.objects.filter(name="United Kingdom").count() == 1
    assert Place.objects.get(name="Cardiff").parent.parent.name == "United Kingdom"
