"""Capitalised runs split into a job title, a name and an employer."""

from archive.extraction import extract
from tests.extraction.helpers import people, quoted


def test_a_name_ends_where_of_the_employer_begins():
    result = extract(
        "Geologist Ruta Petrauskaite of the Baltic Marine Laboratory led the survey.\n\n"
        '"The seabed is moving," Petrauskaite told reporters.'
    )
    assert result["quotes"][0]["speaker"] == "Ruta Petrauskaite"
    kinds = {p["name"]: p["kind"] for p in result["people"]}
    assert kinds.get("Baltic Marine Laboratory") != "person"


def test_a_capitalised_ordinary_word_opening_a_sentence_is_not_part_of_a_name():
    result = extract('Previous Acme rockets failed.\n\n"We learned a lot," Acme founder Dana Whitfield told the press.')
    assert result["quotes"][0]["speaker"] == "Dana Whitfield"


def test_job_titles_before_a_name_are_not_part_of_it():
    result = extract('Assemblywoman Rosa Delgado said: "We passed it."\n\nCo-author Min-jun Park told us "it works".')
    assert [q["speaker"] for q in result["quotes"]] == ["Rosa Delgado", "Min-jun Park"]


def test_an_opening_adverb_is_not_a_given_name():
    result = extract('Senator Dale Hollis spoke first.\n\nAfterwards Hollis called the plan "a disgrace".')
    assert result["quotes"][0]["speaker"] == "Dale Hollis"


def test_a_plural_job_title_before_names_is_not_part_of_them():
    found = people("The letter was signed by Representatives Ellis Grange, Adam Toller, and Ruth Amberley.")
    assert {"Ellis Grange", "Adam Toller", "Ruth Amberley"} <= set(found)
    assert not any(name.startswith("Representatives") for name in found)


def test_speaker_of_the_house_is_a_role():
    found = people("The Speaker of the House Nora Pellegrini refused.")
    assert "Nora Pellegrini" in found
    assert "Speaker" in found["Nora Pellegrini"]["role"]


def test_general_after_a_job_title_is_part_of_the_title():
    found = people("Solicitor General Jose Calida filed a petition.")
    assert "Jose Calida" in found and "Solicitor General" in found["Jose Calida"]["role"]


def test_a_member_named_after_the_possessive_of_their_organisation():
    text = 'The Native Land Rights Fund\'s Jacqueline De León said, "The law ignores our communities."'
    assert quoted(text) == [("The law ignores our communities.", "Jacqueline De León")]


def test_an_officer_named_right_after_their_organisation():
    text = '"It erodes trust," Hong Kong director of Amnesty International Man-kei Tam said in a statement.'
    assert quoted(text) == [("It erodes trust,", "Man-kei Tam")]


def test_a_person_owning_a_company_is_split_from_it():
    found = people("Later, he recorded with John Lyden's Public Image Ltd.")
    assert "John Lyden" in found


def test_a_name_then_of_and_the_body_its_bearer_works_for_is_a_person():
    result = extract('Zorana Tilburg of the Harbour Crime Agency disagreed: "The water was never there."')
    assert [p["name"] for p in result["people"]] == ["Zorana Tilburg"]
    assert [o["name"] for o in result["organisations"]] == ["Harbour Crime Agency"]
    assert [(q["speaker"], q["speaker_kind"]) for q in result["quotes"]] == [("Zorana Tilburg", "person")]


def test_a_place_of_a_body_after_the_is_no_person():
    assert people("Guests gathered on the South Lawn of the White House on Monday.") == {}


def test_the_last_word_of_a_job_or_employer_before_a_given_name_is_not_part_of_the_name():
    text = (
        "Minister for Schools and Science David Marsh said the plan would work. "
        "Chief Executive of Mind Paul Denton agreed, as did Chief Vet Nigel Hobbs."
    )
    assert {"David Marsh", "Paul Denton", "Nigel Hobbs"} <= set(people(text))
    assert not {"Science David Marsh", "Mind Paul Denton", "Vet Nigel Hobbs"} & set(people(text))


def test_a_job_of_several_words_before_a_given_name_stays_out_of_the_name():
    text = (
        "“This change is disappointing,” said Minister for Consumer Affairs Jo Swinson. "
        "Dr Martin Luther King was quoted too."
    )
    assert "Jo Swinson" in people(text)
    assert "Martin Luther King" in people(text)
