"""Finding people by any form of their name: in the words of a query and in
the speaker and place boxes."""

from archive.models import Person, Quote
from archive.search.names import name_keys, names_in, normalise, resolve_person, resolve_place


def test_every_form_a_reader_may_type_is_a_key():
    keys = name_keys(["Lord Heseltine", "Michael Heseltine"])
    assert {"lord heseltine", "heseltine", "michael heseltine"} <= set(keys)
    assert "lord" not in keys and "michael" not in keys
    assert "adam marshall" in name_keys(["Dr Adam Marshall MP"]) and "marshall" in name_keys(["Dr Adam Marshall MP"])
    assert "jose barroso" in name_keys(["José Manuel Barroso"])
    # An organisation is known by its name, never by its last word.
    assert name_keys(["The Local Government Association"], organisation=True) == [
        "the local government association",
        "local government association",
    ]


def test_an_honorific_given_apart_from_the_name_is_a_form_too():
    keys = name_keys(["Michael Heseltine"], honorific="Lord")
    assert {"lord heseltine", "lord michael heseltine", "michael heseltine", "heseltine"} <= set(keys)


def test_accents_and_case_never_count():
    assert normalise("  JOSÉ  Ortega-Smith ") == "jose ortega smith"


def test_a_surname_an_alias_and_the_honorific_all_find_the_speaker(cast, db):
    heseltine = cast["people"]["heseltine"]
    for words in (["Heseltine"], ["heseltine"], ["Michael", "Heseltine"], ["LORD", "HESELTINE"]):
        (named,) = names_in(words)
        assert named.person == heseltine, words
    (named,) = names_in(["what", "Michael", "Heseltine", "said"])
    assert (named.start, named.words) == (1, ["Michael", "Heseltine"])


def test_accented_names_are_found_without_accents(cast, db):
    person = Person.objects.create(name="José Manuel Barroso")
    Quote.objects.create(article=cast["articles"]["budget"], person=person, text="Europe will decide.")
    assert names_in(["Barroso"])[0].person == person
    assert names_in(["jose", "barroso"])[0].person == person
    assert resolve_person("Jose Barroso") == (person, [])


def test_two_people_with_one_surname_are_both_offered(cast, db):
    ruth = Person.objects.create(name="Ruth Porter")
    Quote.objects.create(article=cast["articles"]["metro"], person=ruth, text="Ask the councils first.")
    (named,) = names_in(["Porter"])
    assert named.person is None
    assert {p.name for p in named.people} == {"Lord Porter", "Ruth Porter"}
    assert names_in(["Ruth", "Porter"])[0].person == ruth
    person, choices = resolve_person("Porter")
    assert person is None and {p.name for p in choices} == {"Lord Porter", "Ruth Porter"}


def test_words_that_name_nobody_find_nothing(cast, db):
    assert names_in(["referendum", "mayor"]) == []


def test_the_speaker_box_takes_a_slug_a_name_or_part_of_one(cast, db):
    heseltine = cast["people"]["heseltine"]
    for typed in ("lord-heseltine", "Lord Heseltine", "Heseltine", "michael heseltine", "hesel"):
        assert resolve_person(typed) == (heseltine, []), typed
    assert resolve_person("Nobody Atall") == (None, [])


def test_the_place_box_takes_a_name_or_part_of_one(cast, db):
    birmingham = cast["places"]["birmingham"]
    assert resolve_place("birmingham")[0] == birmingham
    assert resolve_place("BIRMINGHAM")[0] == birmingham
    assert resolve_place("Birming")[0] == birmingham
    place, choices = resolve_place("land")  # England, West Midlands
    assert place is None and {p.name for p in choices} == {"England", "West Midlands"}


def test_a_person_saved_in_the_admin_way_gets_their_keys(db):
    person = Person.objects.create(name="Councillor Jane Doe")
    assert "|jane doe|" in person.search_names and "|doe|" in person.search_names
    person.aliases = ["J. Doe-Smith"]
    person.save(update_fields=["aliases"])
    person.refresh_from_db()
    assert "|j doe smith|" in person.search_names and "|smith|" in person.search_names


def test_a_given_name_the_archive_does_not_know_still_names_the_speaker(cast, db):
    porter = cast["people"]["porter"]  # Lord Porter, alias Gary Porter
    tarzan = Person.objects.create(name="Lord Tarzan", honorific="Lord")
    Quote.objects.create(article=cast["articles"]["metro"], person=tarzan, text="I will not stand.")
    (named,) = names_in(["Michael", "Tarzan", "spoke"])
    assert (named.person, named.words) == (tarzan, ["Michael", "Tarzan"])
    # Lord Porter is known as Gary: "Ruth Porter" is somebody else.
    (named,) = names_in(["Ruth", "Porter"])
    assert named.words == ["Porter"] and named.person == porter
