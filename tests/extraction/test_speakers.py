"""A phrase before a reporting verb resolved to the one who speaks: a person, a body, nobody named."""

from archive.extraction import extract
from tests.extraction.helpers import quoted, quotes


def test_organisations_speak_for_themselves():
    text = (
        "Lena Voss, a shopper, saw the fire. The Northshire Fire Service said in a statement: "
        "\"Crews were on the scene within minutes.\""
    )
    [q] = quotes(text, "direct")
    assert (q["speaker"], q["speaker_kind"]) == ("Northshire Fire Service", "organisation")


def test_an_owners_statement_speaks_for_the_owner_not_for_a_law():
    text = ("The Data Fairness Act (DFA) took effect. The Harbour Cycling Federation (HCF) objected. "
            "HCF's DFA notice alleged the app was built to \"dodge every safeguard\".")
    [q] = quotes(text, "partial")
    assert q["speaker"] == "Harbour Cycling Federation"


def test_a_company_spokesperson_speaks_for_the_company():
    result = extract('Prices rose by a "modest amount" in May, according to a Brightmart spokesperson.')
    assert result["quotes"][0]["speaker"] == "Brightmart"
    result = extract('A Brightmart spokesman said: "We are sorry for the delay."')
    assert result["quotes"][0]["speaker"] == "Brightmart"


def test_a_numbered_law_is_not_a_speaker():
    text = ('Republic Act No. 3846, also known as the "Radio Law", states '
            '"no station shall operate without a franchise."')
    assert quoted(text)[-1] == ("no station shall operate without a franchise.", None)


def test_a_persons_office_speaks_for_them():
    text = 'Lisa Marsh spoke. Ms Marsh\'s office said in a statement that she "remains committed" to the campaign.'
    assert quoted(text) == [("remains committed", "Lisa Marsh")]


def test_an_anonymous_source_inside_a_body_is_nobody_named():
    text = 'A source within the central Interior Ministry reportedly said "I have been told not to publish it."'
    assert quoted(text) == [("I have been told not to publish it.", None)]


def test_words_of_a_statement_someone_released_are_theirs():
    text = ('The Harbour Board met on Monday. The Harbour Board released a statement which said, '
            '"The port will stay closed until further notice."')
    assert quoted(text) == [("The port will stay closed until further notice.", "Harbour Board")]


def test_a_campaign_named_for_a_person_speaks_as_a_body_not_as_the_person():
    text = (
        "Former senator Joe Bidwell spoke in Ohio on Monday. "
        'The Bidwell campaign accused the governor of "siding with the developers."'
    )
    [q] = quotes(text, "partial")
    assert (q["speaker"], q["speaker_kind"]) == ("Bidwell campaign", "organisation")
