"""Organisations: named bodies, acronyms, short forms, single words that speak."""

from archive.extraction import extract, mentions
from tests.extraction.helpers import quoted, quotes


def test_a_single_word_company_speaks_for_itself():
    text = 'Shares in Pellworth fell. "We regret the delay," Pellworth said in a statement.'
    [q] = quotes(text, "direct")
    assert (q["speaker"], q["speaker_kind"]) == ("Pellworth", "organisation")


def test_an_acronym_spelled_out_is_an_organisation_and_its_release_speaks_for_it():
    text = 'The band left NWR (Northern Wire Records) in May.\n\n"We wish them well", reads an NWR press release.'
    assert quoted(text) == [("We wish them well", "Northern Wire Records")]


def test_a_short_form_of_an_organisation_is_the_full_name_given_earlier():
    text = (
        "Officials of the Kingdom Department of Fisheries met on Monday. "
        'The Fisheries Department gave its "full support" and said quotas would rise.'
    )
    assert quoted(text) == [("full support", "Kingdom Department of Fisheries")]


def test_a_name_after_the_organization_is_a_body_not_a_person():
    text = "They worked with the organization Equally Samoan. The people of American Samoa voted."
    kinds = {entity.name: entity.kind for entity in mentions.find_entities(text)}
    assert kinds.get("Equally Samoan") == "organisation"


def test_a_companys_first_word_and_an_acronym_later_mention_the_organisation():
    result = extract(
        "Ford Motor Company recalled the cars on Monday. Ford said the fault was rare. The Royal Canadian "
        "Mounted Police (RCMP) opened an inquiry, and RCMP officers visited the plant."
    )
    mentions = {org["name"]: org["mentions"] for org in result["organisations"]}
    assert mentions == {"Ford Motor Company": 2, "Royal Canadian Mounted Police": 3}


def test_a_body_named_for_its_country_is_an_organisation_not_a_person():
    for body in ("Heritage England", "Carers UK", "Public Works England"):
        found = extract(f"{body} said: “The plan is sound.”")
        assert [o["name"] for o in found["organisations"]] == [body]
        assert found["people"] == []
    # A person with a country for a surname, and a part of a country, are not.
    assert [p["name"] for p in extract("Jack England said: “The plan is sound.”")["people"]] == ["Jack England"]
    assert extract("South Wales welcomed the plan.")["organisations"] == []
