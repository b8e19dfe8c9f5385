"""What the model weighs of each candidate, on small texts worked out by hand."""

import pytest

from archive.extraction.features import distance_bin
from tests.extraction.helpers import candidates_of


def features_by_name(text):
    [(_, candidates, described)] = candidates_of(text)
    return {c.entity.name if c.entity else None: f for c, f in zip(candidates, described)}


def test_the_subject_of_said_before_a_colon():
    ann = features_by_name('Ann Lee said: "We will win the cup this year."')["Ann Lee"]
    assert ann["rules"] == ann["rules_before_quote"] == 1.0
    assert ann["before"] == ann["before_colon"] == ann["before_same_sentence"] == 1.0
    assert ann["before_subject_of_verb"] == ann["before_opens_sentence"] == 1.0
    assert ann["before_distance_1"] == 1.0  # " said: " is 7 characters
    assert "after" not in ann


def test_who_was_told_is_an_object_and_who_told_a_subject():
    found = features_by_name('"We will win the cup this year," Ann Lee told Bob Hart.')
    ann, bob = found["Ann Lee"], found["Bob Hart"]
    assert ann["after_distance_0"] == ann["after_comma"] == ann["after_subject_of_verb"] == 1.0
    assert ann["after_object"] == 0.0 and ann["after_rank_0"] == 1.0
    assert bob["after_object"] == 1.0 and bob["after_rank_1"] == 1.0
    assert "rules" not in bob


def test_an_organisation_that_reports_is_an_outlet_and_according_to_is_no_object():
    found = features_by_name('The port will close "for at least a month", according to the BBC.')
    assert found["BBC"]["outlet"] == found["BBC"]["kind_organisation"] == 1.0
    assert found["BBC"]["after_according_to"] == 1.0
    assert found["BBC"]["after_object"] == 0.0


def test_nobody_is_described_by_the_quotation():
    text = 'Ann Lee visited the port. The harbour was "busier than it has been for years" then.'
    nobody = features_by_name(text)[None]
    assert nobody["nobody"] == nobody["nobody_partial"] == 1.0
    assert nobody["nobody_rules_continuation"] == 1.0  # the rules found no one
    assert nobody["nobody_no_verb_in_sentence"] == 1.0
    # When the rules name no one, every feature also has a copy of its own weight.
    assert nobody["unattributed_nobody"] == 1.0


def test_the_subject_of_the_sentence_a_partial_quotation_opens_in_is_marked():
    found = features_by_name('Ann Lee met Bob Hart and called the plan "a non-starter" on Monday.')
    assert found["Ann Lee"]["sentence_subject"] == found["Ann Lee"]["sentence_subject_partial"] == 1.0
    assert "sentence_subject" not in found["Bob Hart"]  # the object of "met"


def test_a_possessive_mention_is_marked():
    ann = features_by_name('Ann Lee\'s spokesman said: "We will win the cup this year."')["Ann Lee"]
    assert ann["before_possessive"] == 1.0


@pytest.mark.parametrize(("chars", "expected"), [(0, 0), (3, 0), (4, 1), (15, 1), (16, 2), (64, 3), (10_000, 5)])
def test_distances_are_binned_by_factors_of_four(chars, expected):
    assert distance_bin(chars) == expected


def test_one_named_inside_the_words_is_marked():
    found = features_by_name('Ann Lee arrived. Mia Ross said: "Ann Lee and I held talks today."')
    assert found["Ann Lee"]["named_inside"] == 1.0
    assert found["Mia Ross"]["named_inside"] == 0.0
