"""The role a person is given: a short noun phrase, never a slice of the sentence."""

import pytest

from archive.extraction import extract
from archive.extraction.job_titles import ROLE_MAX_WORDS, bound_role


def roles(text):
    return [(q["speaker"], q["role"]) for q in extract(text)["quotes"] if q["kind"] != "indirect"]


def test_a_job_title_before_the_name_is_the_role():
    assert roles('Chancellor Philip Hammond said: "We will borrow less."') == [("Philip Hammond", "Chancellor")]


def test_an_apposition_naming_a_job_is_the_role():
    text = 'Roger Lawrence, leader of Wolverhampton City Council, said: "We need the money."'
    assert roles(text) == [("Roger Lawrence", "leader of Wolverhampton City Council")]


def test_a_role_stops_before_a_relative_clause():
    text = 'Tom Price, a career politician who served as President of India for five years, said: "It is time."'
    assert roles(text) == [("Tom Price", "career politician")]


def test_a_long_role_is_cut_before_where_the_job_is_held():
    text = 'Ann Lee, professor of public policy at the University of Manchester, said: "Prices will rise."'
    assert roles(text) == [("Ann Lee", "professor of public policy")]


def test_the_words_before_a_title_stop_at_the_end_of_the_last_sentence():
    text = 'The storm hit the Bahamas. Prime Minister Hubert Minnis said: "We will rebuild."'
    assert roles(text) == [("Hubert Minnis", "Prime Minister")]


@pytest.mark.parametrize(
    "phrase, role",
    [
        ("leader of Wolverhampton City Council who said", "leader of Wolverhampton City Council"),
        ("head of the agency, a post she held for years", "head of the agency"),
        ("British mathematician who has published over 300 papers", "British mathematician"),
        ("Information Minister paid tribute to Luk", "Information Minister"),
        ("Lord President of the court decided", "Lord President of the court"),
        ("spokesman expected to be named today", "spokesman"),
        ("candidate hoping to become mayor", "candidate"),
        ("candidate claiming a right to the seat", "candidate"),
        ("adviser to the president", "adviser to the president"),
        ("envoy to be appointed", "envoy"),
        ("son of Bill Bayes", "son"),
    ],
)
def test_a_role_stops_at_a_verb_a_clause_a_comma_or_a_name(phrase, role):
    assert bound_role(phrase) == role


@pytest.mark.parametrize(
    "phrase",
    [
        "retired general and acting mayor",
        "Heather Heyer's mother",
        "president of Howard University",
        "Santa Barbara County Sheriff",
        "US Secretary of State",
        "Director-General of the WHO",
    ],
)
def test_titles_acronyms_and_describing_participles_stay_whole(phrase):
    assert bound_role(phrase) == phrase


@pytest.mark.parametrize(
    "phrase",
    [
        "claiming a right to Turkey to have a say in projects there",
        "he attended law school at the University of Maryland",
        "for Crew Dragon's first manned mission",
        "right?\n\n\nI did work with Rahaf",
        "Bill Bayes for President",
    ],
)
def test_a_clause_a_preposition_or_a_name_is_no_role(phrase):
    assert bound_role(phrase) == ""


def test_a_role_has_at_most_the_maximum_number_of_words_and_ends_on_no_preposition():
    role = bound_role("president of the Tunisian League for the Defence of Human Rights and Liberties")
    assert role == "president of the Tunisian League"
    assert (
        len(bound_role("chief executive officer of the great big national trading company of the north").split())
        <= ROLE_MAX_WORDS
    )
    assert bound_role("Minister of") == "Minister"
