"""Rules of English news writing, each on a small text of its own."""

import json
from pathlib import Path

from archive import scoring
from archive.extraction import extract

ROOT = Path(__file__).resolve().parent.parent


def quotes(text, kind=None):
    return [q for q in extract(text)["quotes"] if kind is None or q["kind"] == kind]


def quoted(text):
    return [(q["text"], q["speaker"]) for q in quotes(text) if q["kind"] != "indirect"]


def people(text):
    return {p["name"]: p for p in extract(text)["people"]}


def places(text):
    return {p["name"]: p for p in extract(text)["places"]}


def test_it_finds_curly_double_quotes_and_their_offsets():
    text = "Jane Okafor, the harbour master, said: “The boats will sail at dawn.”"
    [q] = quotes(text)
    assert q["text"] == "The boats will sail at dawn."
    assert text[q["start"]:q["end"]] == q["text"]
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
    assert text[q["start"]:q["end"]].startswith("First paragraph")
    assert text[q["start"]:q["end"]].endswith("last paragraph.")


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
        "The film \"Winter Light\" opens on Friday. The so-called \"golden hour\" brought crowds. "
        "Critics worried about the \"gig economy\" as the band, nicknamed \"the Bees\", played on."
    )
    assert quoted(text) == []


def test_reported_speech_without_marks_is_indirect():
    text = "Ravi Menon said that he believed the port would reopen within a month."
    [q] = quotes(text, "indirect")
    assert q["speaker"] == "Ravi Menon"
    assert "the port would reopen" in q["text"]


def test_it_attributes_name_with_apposition_before_said():
    text = 'Olga Petrenko, the head of the rail union, said: "We will strike on Monday."'
    [q] = quotes(text, "direct")
    assert q["speaker"] == "Olga Petrenko"
    assert "head of the rail union" in q["role"]


def test_it_attributes_according_to():
    text = '"Prices will fall next year," according to analyst Dev Sharma.'
    assert quoted(text) == [("Prices will fall next year,", "Dev Sharma")]


def test_told_the_outlet_does_not_make_the_outlet_the_speaker():
    text = 'Keith Mbeki told the Daily Herald: "We were never consulted."'
    assert quoted(text) == [("We were never consulted.", "Keith Mbeki")]


def test_a_colon_introduces_the_speakers_words_without_a_verb():
    text = 'Senator Ruth Adeyemi spoke to reporters after the vote: "This is a sad day."'
    assert quoted(text) == [("This is a sad day.", "Ruth Adeyemi")]


def test_pronouns_follow_gender_when_two_people_are_in_play():
    text = (
        "Helen Marsh, the director, met Peter Quinn, the treasurer, on Tuesday. Mr Quinn "
        "later resigned.\n\nShe said: \"The accounts are in order.\"\n\n"
        "He added: \"I leave with a clear conscience.\""
    )
    assert quoted(text) == [
        ("The accounts are in order.", "Helen Marsh"),
        ("I leave with a clear conscience.", "Peter Quinn"),
    ]


def test_a_role_noun_resolves_to_the_person_given_that_role():
    text = (
        "Fiona Hale, the Home Secretary, visited the border on Monday. Officials were present.\n\n"
        "The Home Secretary said: \"Our borders are secure.\""
    )
    assert quoted(text) == [("Our borders are secure.", "Fiona Hale")]


def test_a_paragraph_of_quotation_with_no_verb_continues_the_last_speaker():
    text = (
        "Coach Danny Ferris said: \"We played well.\"\n\n"
        "\"The second half was our best of the season.\""
    )
    assert [s for _, s in quoted(text)] == ["Danny Ferris", "Danny Ferris"]


def test_organisations_speak_for_themselves():
    text = (
        "Lena Voss, a shopper, saw the fire. The Northshire Fire Service said in a statement: "
        "\"Crews were on the scene within minutes.\""
    )
    [q] = quotes(text, "direct")
    assert (q["speaker"], q["speaker_kind"]) == ("Northshire Fire Service", "organisation")


def test_the_company_said_resolves_to_the_company():
    text = "Acme Widgets Inc cut 300 jobs on Monday. \"Demand has collapsed,\" the company said."
    assert quoted(text) == [("Demand has collapsed,", "Acme Widgets Inc")]


def test_an_unattributable_quotation_keeps_a_null_speaker():
    text = "Posters across the city carry one line: \"Leave our park alone, we were here first\""
    assert quoted(text) == [("Leave our park alone, we were here first", None)]


def test_an_unnamed_speaker_is_not_replaced_by_a_named_one():
    text = (
        "Rosa Klein testified first. A senior officer told the court \"Nothing was done.\" "
        "She also said \"We were never called.\""
    )
    assert [s for _, s in quoted(text)] == [None, None]


def test_dr_and_bare_surname_are_one_person_with_aliases():
    found = people("Dr Imogen Castle leads the study. Dr Castle said the results were clear. Castle smiled.")
    assert list(found) == ["Imogen Castle"]
    person = found["Imogen Castle"]
    assert person["honorific"] == "Dr"
    assert "Dr Castle" in person["aliases"]
    assert person["mentions"] == 3


def test_peers_keep_their_title_and_courtesy_titles_are_dropped():
    found = people("Lord Ashdown met Sir Keith Morland and Cllr Jo Brant in the town hall.")
    assert set(found) == {"Lord Ashdown", "Keith Morland", "Jo Brant"}


def test_particle_and_accented_names_are_people():
    found = people("Talks between Bashir al-Hassan, Ana de la Vega and Zoë Nováková stalled.")
    assert {"Bashir al-Hassan", "Zoë Nováková"} <= set(found)


def test_places_and_organisations_are_not_people():
    found = people("On Monday the University of Leeds and Friday Street Bank met in Chicago.")
    assert all(p["kind"] == "person" for p in found.values())
    assert found == {}


def test_cities_know_their_country_and_regions_their_parent():
    found = places("Protests spread from Manchester to Glasgow and across West Yorkshire.")
    assert found["Manchester"]["kind"] == "city"
    assert found["Manchester"]["country"] == "United Kingdom"
    assert found["West Yorkshire"]["kind"] == "region"
    assert found["West Yorkshire"]["parent"] == "England"


def test_a_us_city_has_its_state_as_parent():
    assert places("Flooding hit Houston overnight.")["Houston"]["parent"] == "Texas"


def test_common_words_that_are_also_towns_need_a_place_context():
    found = places("Reading the report in March, she found Nice ideas. Later she moved to Reading.")
    assert set(found) == {"Reading"}
    assert found["Reading"]["mentions"] == 1


def test_seed_articles_meet_the_targets():
    gold = json.loads((ROOT / "seeds/gold.json").read_text(encoding="utf-8"))
    bodies = scoring.load_documents([ROOT / "seeds/articles"])
    predictions = {i: scoring.prediction_record(i, extract(bodies[i])) for i in gold["articles"]}
    result = scoring.score(bodies, gold, predictions)
    print(scoring.format_report(result))
    assert result["quote_f1"] >= 0.95
    assert result["speaker_accuracy"] >= 0.95
    assert result["people_recall"] == 1.0
