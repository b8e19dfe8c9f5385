"""The kind model: features of an entity, the model file, deciding person,
organisation or neither, and the pipeline with and without the file."""

import pytest

from archive.extraction import extract, kinds
from archive.extraction.entity import Entity


def entity(text, name, kind="person", **fields):
    """An entity mentioned wherever `name` stands in `text`."""
    found = Entity(name, kind, **fields)
    start = text.find(name)
    while start >= 0:
        found.mentions.append((start, start + len(name)))
        start = text.find(name, start + 1)
    return found


def test_a_name_of_ordinary_words_reads_as_common_and_a_rare_one_as_unknown():
    text = "The White Paper was praised by Siobhain McDonagh."
    paper = kinds.describe(text, entity(text, "White Paper", "organisation"))
    person = kinds.describe(text, entity(text, "Siobhain McDonagh"))
    assert paper["common_words"] == 1.0 and paper["unknown_words"] == 0.0
    assert person["unknown_words"] > 0 and person["min_zipf"] == 0.0
    assert paper["rules=organisation"] == 1.0 and person["rules=person"] == 1.0
    # Ordinary words stand for themselves, a name's words do not.
    assert paper["head=paper"] == 1.0 and paper["first=white"] == 1.0 and paper["the_before"] == 1.0
    assert person["first=<rare>"] == 1.0 and person["head=<rare>"] == 1.0


def test_a_given_name_a_reporting_verb_and_a_possessive_are_noted():
    text = "Mary Kosgei said she would run. Mary Kosgei's coach agreed."
    described = kinds.describe(text, entity(text, "Mary Kosgei"))
    assert described["first_given_name"] == 1.0
    assert described["verb_after"] == 0.5 and described["possessive"] == 0.5
    assert described["sentence_start"] == 1.0


def test_places_and_organisation_words_are_noted():
    text = "Police in Manchester and the Manchester City Council met."
    council = kinds.describe(text, entity(text, "Manchester City Council", "organisation"))
    city = kinds.describe(text, entity(text, "Manchester", "organisation"))
    assert council["org_word_last"] == 1.0 and council["place_name"] == 0.0
    university = kinds.describe(text, entity(text, "University of Manchester", "organisation"))
    assert university["org_word_head"] == 1.0 and university["head=university"] == 1.0
    assert city["place_name"] == 1.0 and city["org_word_any"] == 0.0


def test_a_speaker_is_marked_as_one():
    text = "Ann Lee spoke."
    ann = entity(text, "Ann Lee")
    assert kinds.describe(text, ann, frozenset({id(ann)}))["speaker"] == 1.0
    assert kinds.describe(text, ann)["speaker"] == 0.0


def part(bias, **weights):
    return {"bias": bias, "weights": weights}


@pytest.mark.parametrize("person_bias, kind", [(3.0, "person"), (0.0, None), (-3.0, "organisation")])
def test_only_a_confident_score_changes_the_kind(person_bias, kind):
    model = kinds.KindModel(part(person_bias), part(1.0), threshold=0.25)
    assert model.predict({})[0] == kind


def test_not_a_person_and_not_an_organisation_is_neither():
    model = kinds.KindModel(part(-3.0), part(1.0, common_words=-4.0), threshold=0.25)
    assert model.predict({"common_words": 1.0})[0] == "neither"
    assert model.predict({"common_words": 0.0})[0] == "organisation"


def test_a_body_the_rules_found_goes_only_when_the_model_is_sure():
    model = kinds.KindModel(part(-3.0), part(-0.5), threshold=0.25)
    assert model.predict({"rules=organisation": 1.0})[0] == "organisation"
    assert model.predict({"rules=person": 1.0})[0] == "neither"


def test_without_an_organisation_part_a_body_stays_and_a_person_goes():
    model = kinds.KindModel(part(-3.0), None)
    assert model.predict({"rules=organisation": 1.0})[0] == "organisation"
    assert model.predict({"rules=person": 1.0})[0] == "neither"


def test_choose_kinds_drops_neither_moves_bodies_and_spares_speakers():
    text = "Hallam Fields, Acme and Bob Ray."
    field, acme, bob = entity(text, "Hallam Fields"), entity(text, "Acme"), entity(text, "Bob Ray")
    model = kinds.KindModel(part(-3.0, first_given_name=6.0), part(0.0, **{"head=fields": -3.0, "head=<rare>": 3.0}))
    assert kinds.choose_kinds(text, [field, acme, bob], [], model) == [acme, bob]
    assert (acme.kind, bob.kind) == ("organisation", "person")

    class Quote:
        speaker = field

    assert field in kinds.choose_kinds(text, [field], [Quote()], model)


def test_the_model_file_loads_with_both_parts():
    model = kinds.load()
    assert model is not None and model.person["weights"] and model.organisation["weights"]
    assert 0 < model.threshold <= 0.5


def test_no_model_file_means_no_model(tmp_path):
    assert kinds.load(tmp_path / "missing.json") is None


PLACE_TEXT = "The homes will be built at Hallam Fields, near Ilkeston. Hallam Fields was once an ironworks."


def test_without_the_model_file_the_rules_kinds_stand(monkeypatch):
    monkeypatch.setattr(kinds, "load", lambda: None)
    assert [p["name"] for p in extract(PLACE_TEXT)["people"]] == ["Hallam Fields"]


def test_the_trained_model_drops_a_place_the_rules_took_for_a_person():
    assert [p["name"] for p in extract(PLACE_TEXT, choose_kinds=kinds.keep_rules_kinds)["people"]] == ["Hallam Fields"]
    assert extract(PLACE_TEXT)["people"] == []


def test_the_trained_model_keeps_a_plain_person():
    text = "Jacinda Ardern said the country would recover. Ardern spoke in Wellington."
    assert [p["name"] for p in extract(text)["people"]] == ["Jacinda Ardern"]
