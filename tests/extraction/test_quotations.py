"""Quotation marks: which quoted spans are quotations, where they start and end, and their kind."""

from tests.extraction.helpers import quoted, quotes


def test_it_finds_curly_double_quotes_and_their_offsets():
    text = "Jane Okafor, the harbour master, said: “The boats will sail at dawn.”"
    [q] = quotes(text)
    assert q["text"] == "The boats will sail at dawn."
    assert text[q["start"] : q["end"]] == q["text"]
    assert (q["speaker"], q["kind"]) == ("Jane Okafor", "direct")


def test_it_finds_straight_double_quotes_with_said_after():
    assert quoted('"We expect rain by noon," Tom Hardwick said.') == [("We expect rain by noon,", "Tom Hardwick")]


def test_it_finds_inverted_said_name():
    text = '"The bridge is safe," said engineer Maria Lopez.'
    assert quoted(text) == [("The bridge is safe,", "Maria Lopez")]


def test_it_finds_british_single_quotes_around_apostrophes():
    text = "Council leader Paul Danby said: 'The town's budget won't stretch that far.'"
    assert quoted(text) == [("The town's budget won't stretch that far.", "Paul Danby")]


def test_it_reads_curly_open_with_straight_close_single_quote():
    text = "The aim of the levy is to ‘share the load' across the county's firms, Carol Pike has said."
    [q] = quotes(text, "partial")
    assert (q["text"], q["speaker"]) == ("share the load", "Carol Pike")


def test_an_apostrophe_alone_opens_no_quotation():
    assert quoted("The region's mayor and the city's police chief met on Monday.") == []


def test_a_quote_running_over_paragraphs_is_one_quotation():
    text = (
        "Sam Reilly said: “First paragraph of the speech.\n\n"
        "“Second paragraph of the speech.\n\n"
        "“Third and last paragraph.”\n\nThe meeting ended."
    )
    [q] = quotes(text)
    assert q["speaker"] == "Sam Reilly"
    assert text[q["start"] : q["end"]].startswith("First paragraph")
    assert text[q["start"] : q["end"]].endswith("last paragraph.")


def test_a_quote_interrupted_by_its_attribution_is_two():
    text = '"First," she said. "Second."'
    text = "Anna Berg runs the shelter. " + text
    assert quoted(text) == [("First,", "Anna Berg"), ("Second.", "Anna Berg")]


def test_a_fragment_inside_reported_speech_is_partial():
    text = "Mayor Lena Ortiz described the new tax as a ‘necessary evil' for the city."
    [q] = quotes(text, "partial")
    assert (q["text"], q["speaker"]) == ("necessary evil", "Lena Ortiz")


def test_titles_nicknames_and_scare_quotes_are_not_quotations():
    text = (
        'The film "Winter Light" opens on Friday. The so-called "golden hour" brought crowds. '
        'Critics worried about the "gig economy" as the band, nicknamed "the Bees", played on.'
    )
    assert quoted(text) == []


def test_what_someone_called_is_their_quotation_not_a_name():
    text = (
        'Chancellor Tom Osric signed the deal, which the Treasury called "transformational". '
        'A group called "Friends of the Canal" objected.'
    )
    assert quoted(text) == [("transformational", "Treasury")]


def test_a_stray_space_after_an_opening_curly_mark_still_opens_a_quotation():
    text = "The Prime Minister said:\n\n“ This report shows the money was well spent.”"
    assert [q["text"] for q in quotes(text)] == ["This report shows the money was well spent."]
