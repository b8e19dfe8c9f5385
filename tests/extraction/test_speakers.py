"""A phrase before a reporting verb resolved to the one who speaks: a person, a body, nobody named."""

from archive.extraction import extract
from tests.extraction.helpers import quoted, quotes


def test_organisations_speak_for_themselves():
    text = (
        "Lena Voss, a shopper, saw the fire. The Northshire Fire Service said in a statement: "
        '"Crews were on the scene within minutes."'
    )
    [q] = quotes(text, "direct")
    assert (q["speaker"], q["speaker_kind"]) == ("Northshire Fire Service", "organisation")


def test_an_owners_statement_speaks_for_the_owner_not_for_a_law():
    text = (
        "The Data Fairness Act (DFA) took effect. The Harbour Cycling Federation (HCF) objected. "
        'HCF\'s DFA notice alleged the app was built to "dodge every safeguard".'
    )
    [q] = quotes(text, "partial")
    assert q["speaker"] == "Harbour Cycling Federation"


def test_a_company_spokesperson_speaks_for_the_company():
    result = extract('Prices rose by a "modest amount" in May, according to a Brightmart spokesperson.')
    assert result["quotes"][0]["speaker"] == "Brightmart"
    result = extract('A Brightmart spokesman said: "We are sorry for the delay."')
    assert result["quotes"][0]["speaker"] == "Brightmart"


def test_a_numbered_law_is_not_a_speaker():
    text = (
        'Republic Act No. 3846, also known as the "Radio Law", states "no station shall operate without a franchise."'
    )
    assert quoted(text)[-1] == ("no station shall operate without a franchise.", None)


def test_a_persons_office_speaks_for_them():
    text = 'Lisa Marsh spoke. Ms Marsh\'s office said in a statement that she "remains committed" to the campaign.'
    assert quoted(text) == [("remains committed", "Lisa Marsh")]


def test_an_anonymous_source_inside_a_body_is_nobody_named():
    text = 'A source within the central Interior Ministry reportedly said "I have been told not to publish it."'
    assert quoted(text) == [("I have been told not to publish it.", None)]


def test_words_of_a_statement_someone_released_are_theirs():
    text = (
        "The Harbour Board met on Monday. The Harbour Board released a statement which said, "
        '"The port will stay closed until further notice."'
    )
    assert quoted(text) == [("The port will stay closed until further notice.", "Harbour Board")]


def test_a_campaign_named_for_a_person_speaks_as_a_body_not_as_the_person():
    text = (
        "Former senator Joe Bidwell spoke in Ohio on Monday. "
        'The Bidwell campaign accused the governor of "siding with the developers."'
    )
    [q] = quotes(text, "partial")
    assert (q["speaker"], q["speaker_kind"]) == ("Bidwell campaign", "organisation")


def test_a_counted_group_is_nobody_named_but_a_person_after_a_count_of_times_speaks():
    text = (
        "The commission refused to renew the network's licence. A number of Senators condemned the act "
        'of the commission, citing the move as a "grave abuse of governmental power".\n\n'
        'Senator Ana Cruz spoke next. Many times Cruz has said the network is "a public good".'
    )
    assert quoted(text) == [("grave abuse of governmental power", None), ("a public good", "Ana Cruz")]


def test_a_relative_clause_right_before_the_verb_speaks_for_the_body_it_follows():
    text = (
        "The trial of Bruce Arthur opened in March. Toronto Police, which indicated on Monday a "
        '"significant development" was likely at the hearing, faced criticism from the community.'
    )
    assert quoted(text) == [("significant development", "Toronto Police")]


def test_a_person_then_their_job_and_employer_between_commas_speaks_not_the_employer():
    text = (
        "The park won an award.\n\nRay Pell, Manager of Hatton Park, Hatton Parks Trust, said: "
        "“This is a great day for the park.”\n\nJo Marsh, Keeper and Head of Trees, Hatton Estates, said, "
        "“We are delighted.”"
    )
    assert [speaker for _, speaker in quoted(text)] == ["Ray Pell", "Jo Marsh"]


def test_a_relative_clause_speaks_for_the_body_it_follows_but_not_for_a_thing():
    text = 'Officers from Toronto Police attended. Toronto Police, which said "the road is closed", gave no time.'
    assert quoted(text) == [("the road is closed", "Toronto Police")]
    text = 'Dana Whitfield backed the bill. The law, which says "no dogs on the beach", passed.'
    assert quoted(text) == [("no dogs on the beach", None)]


def test_a_person_before_who_and_a_colon_says_the_words_not_the_sentence_subject():
    text = (
        "Mr Heath was shown around the new plant by Site Manager Mohammed Sadiq, who commented:\n\n"
        "“The plant builds on our work with sewage.”"
    )
    assert quoted(text) == [("The plant builds on our work with sewage.", "Mohammed Sadiq")]


def test_the_job_after_a_phrase_with_its_own_the_is_the_one_named_with_it():
    text = (
        "Foreign Secretary Wilma Hart will co-chair the first meeting of the Baltic Contact Group in Doha.\n\n"
        "The Contact Group was announced at the London Conference.\n\n"
        "Speaking ahead of the meeting the Foreign Secretary said:\n\n"
        "“We continue to broaden and deepen the coalition.”"
    )
    assert quoted(text) == [("We continue to broaden and deepen the coalition.", "Wilma Hart")]


def test_a_given_name_after_the_verb_that_follows_a_quotation_is_the_person_named_before():
    text = (
        "Neil Parkin works for Dounreay Site Restoration Ltd. Banjo player Dwight Diller commissioned one.\n\n"
        "“I’ve always had an interest in design,” explained Neil. “I took up the banjo in my spare time.”"
    )
    assert [speaker for _, speaker in quoted(text)] == ["Neil Parkin", "Neil Parkin"]


def test_a_job_named_after_a_body_in_the_same_clause_is_the_one_who_speaks():
    text = (
        "Foreign Secretary Wilma Hart will co-chair the first meeting of the Baltic Contact Group in Doha.\n\n"
        "Responding to claims that the Coalition forces acted “hastily” on action in Latvia the Foreign "
        "Secretary said:\n\n“Unless we had acted that day, many thousands of people would have been killed.”"
    )
    assert quoted(text)[-1] == (
        "Unless we had acted that day, many thousands of people would have been killed.",
        "Wilma Hart",
    )


def test_no_break_spaces_around_the_verb_read_as_spaces():
    text = "“This will make a real difference,”\xa0said\xa0Sports Minister Hugh Rollo. “I must also commend the girl.”"
    found = extract(text)
    assert [q["speaker"] for q in found["quotes"]] == ["Hugh Rollo", "Hugh Rollo"]
    assert [text[q["start"] : q["end"]] for q in found["quotes"]] == [q["text"] for q in found["quotes"]]


def test_a_job_that_runs_from_one_name_to_the_speakers_name_leaves_the_words_to_the_speaker():
    text = (
        "Don Mackay died on Friday.\n\n"
        'Longtime Mackay in the Morning writer and performer Rob Bartram tweeted: "He was a rebel and a friend."'
    )
    assert quoted(text) == [("He was a rebel and a friend.", "Rob Bartram")]
