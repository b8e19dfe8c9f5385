"""Documents, "according to" and outlets: where words come from when nobody says them aloud."""

from archive.extraction import extract
from tests.extraction.helpers import quoted


def test_it_attributes_according_to():
    text = '"Prices will fall next year," according to analyst Dev Sharma.'
    assert quoted(text) == [("Prices will fall next year,", "Dev Sharma")]


def test_according_to_a_publication_when_nobody_else_reports_it():
    text = 'The jet came in at "very low altitude" according to the Harbour Gazette.'
    assert quoted(text) == [("very low altitude", "Harbour Gazette")]


def test_according_to_a_publication_does_not_override_the_speaker():
    text = 'Mayor Tara Quill called the plan a "grave error," according to the Harbour Gazette.'
    assert quoted(text) == [("grave error,", "Tara Quill")]


def test_a_passive_description_is_the_describers_words():
    result = extract('The reform was described by Mayor Ida Rensberg as "long overdue".')
    assert result["quotes"][0]["speaker"] == "Ida Rensberg"
    result = extract('The bishop was praised by the CBMA as "a friend of the poor".')
    assert result["quotes"][0]["speaker"] == "CBMA"


def test_the_statement_speaks_for_whoever_issued_it():
    text = (
        "On Friday, the Northern Rail Authority released a statement about the crash.\n\n"
        'A spokesperson gave the time. "No staff were hurt;" read the statement; "we will rebuild."'
    )
    assert [speaker for _, speaker in quoted(text)] == ["Northern Rail Authority", "Northern Rail Authority"]


def test_the_decision_speaks_for_the_court_that_issued_the_ruling():
    text = (
        "Today the Appeal Court of Ruritania issued a ruling on the election.\n\n"
        'The summary of the decision read in part: "The count was unlawful."'
    )
    assert quoted(text)[0][1] == "Appeal Court of Ruritania"


def test_the_warning_speaks_for_whoever_issued_it():
    text = (
        "The Northern Weather Service issued an orange warning for the coast, County Mayo included. "
        'Harbour master Ian Moss said boats were safe. "Storm Lorenzo will bring high waves", read the warning.'
    )
    assert quoted(text) == [("Storm Lorenzo will bring high waves", "Northern Weather Service")]


def test_a_document_issued_by_a_body_named_nowhere_else_speaks_for_it():
    text = (
        "The orange warning issued by Met Éireann applied to County Galway and County Mayo. "
        'Gusts were forecast. "Storm Lorenzo will produce high waves", read the warning.'
    )
    assert quoted(text) == [("Storm Lorenzo will produce high waves", "Met Éireann")]


def test_according_to_names_its_source_up_to_the_comma():
    text = (
        "Vlad Zhukov, 23, pleaded not guilty. According to police and county officials, Zhukov was driving "
        '"erratically" that night.\n\n'
        'According to the news agency ISNA, the prosecutor, Ali Mehr, said they must face "murder charges".'
    )
    assert quoted(text) == [("erratically", None), ("murder charges", "Ali Mehr")]


def test_according_to_an_outlet_the_person_it_reports_spoke():
    text = (
        "Cherry Lane won.\n\nAccording to the BBC, a spokesman for 10 Downing Street expressed "
        'disappointment; "The government will appeal."'
    )
    assert quoted(text)[-1] == ("The government will appeal.", "Downing Street")


def test_described_by_someone_as_without_was_is_their_word():
    text = 'The ship reappeared, with a pattern described by Marine Bulletin as "rather hectic".'
    assert quoted(text) == [("rather hectic", "Marine Bulletin")]


def test_described_by_a_body_named_nowhere_else():
    text = 'Mancino has been described by the Daily Hive as a "squirrel whisperer".'
    assert quoted(text) == [("squirrel whisperer", "Daily Hive")]


def test_comments_then_by_across_a_comma_is_no_source():
    text = (
        "Known as a shock jock who made controversial comments, Don Imes was dropped in 2007 by MSNBC "
        'after he referred to the team as "nappy headed hos."'
    )
    assert quoted(text) == [("nappy headed hos.", "Don Imes")]


def test_a_document_speaks_for_whoever_issued_it_by_the_matching_verb():
    assert quoted(
        "Corvid Labs announced a recall of its heaters on Tuesday.\n\n"
        'The announcement also said the company would treat refunds as a "top priority".'
    ) == [("top priority", "Corvid Labs")]
    assert quoted(
        "On Monday, Governor Ada Brill proclaimed a state of emergency over the floods.\n\n"
        'The proclamation said "the flooding in Harlow County constitutes a disaster" and took effect at once.'
    ) == [("the flooding in Harlow County constitutes a disaster", "Ada Brill")]


def test_the_opinion_of_a_court_is_the_court_that_issued_the_ruling_not_who_filed_the_suit():
    text = (
        "On Friday the High Court of Lorland issued a ruling in favour of a lawsuit filed by the Lorland Senate.\n\n"
        'The opinion of the Court read, "The appointment has no basis in law and is void."'
    )
    assert quoted(text) == [("The appointment has no basis in law and is void.", "High Court of Lorland")]
