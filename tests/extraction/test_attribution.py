"""Who said a quotation: the clause before the opening mark, after the closing mark, or the
last speaker continued."""

from archive.extraction import extract
from tests.extraction.helpers import people, quoted, quotes, rules_only


def test_it_attributes_name_with_apposition_before_said():
    text = 'Olga Petrenko, the head of the rail union, said: "We will strike on Monday."'
    [q] = quotes(text, "direct")
    assert q["speaker"] == "Olga Petrenko"
    assert "head of the rail union" in q["role"]


def test_told_the_outlet_does_not_make_the_outlet_the_speaker():
    text = 'Keith Mbeki told the Daily Herald: "We were never consulted."'
    assert quoted(text) == [("We were never consulted.", "Keith Mbeki")]


def test_a_colon_introduces_the_speakers_words_without_a_verb():
    text = 'Senator Ruth Adeyemi spoke to reporters after the vote: "This is a sad day."'
    assert quoted(text) == [("This is a sad day.", "Ruth Adeyemi")]


def test_a_paragraph_of_quotation_with_no_verb_continues_the_last_speaker():
    text = 'Coach Danny Ferris said: "We played well."\n\n"The second half was our best of the season."'
    assert [s for _, s in quoted(text)] == ["Danny Ferris", "Danny Ferris"]


def test_an_unattributable_quotation_keeps_a_null_speaker():
    text = 'Posters across the city carry one line: "Leave our park alone, we were here first"'
    assert quoted(text) == [("Leave our park alone, we were here first", None)]


def test_an_unnamed_speaker_is_not_replaced_by_a_named_one():
    text = (
        'Rosa Klein testified first. A senior officer told the court "Nothing was done." '
        'She also said "We were never called."'
    )
    assert [s for _, s in quoted(text)] == [None, None]


def test_the_subject_who_tells_speaks_not_the_interviewer():
    text = (
        "In May, Senator Halima bin Rashid of Qatar admitted the error. "
        'Speaking to Tom Brack of Channel Nine, she said, "The mistake was mine."'
    )
    assert quoted(text) == [("The mistake was mine.", "Halima bin Rashid")]


def test_a_writer_on_social_media_not_the_person_written_about():
    text = (
        "Tributes poured in for Gus Pellow.\n\n"
        '"Gutted for his family," writes Pellow\'s old teammate Rory Fenwick on Instagram. "A true friend."'
    )
    assert quoted(text) == [("Gutted for his family,", "Rory Fenwick"), ("A true friend.", "Rory Fenwick")]


def test_an_adverbial_between_commas_does_not_speak():
    text = 'Union chair Dale Morrow, in remarks to the BBC, said "Nobody wants a strike".'
    assert quoted(text) == [("Nobody wants a strike", "Dale Morrow")]


def test_a_platform_carries_words_but_does_not_speak():
    text = 'A city council Twitter account posted: "All parks are closed today."'
    assert quoted(text) == [("All parks are closed today.", None)]


def test_a_quote_followed_by_including_someone_is_not_theirs():
    text = 'Guards removed six men for "causing a disturbance," including activist Leo Marsh, who tried to speak.'
    assert all(s != "Leo Marsh" for _, s in quoted(text))


def test_informed_is_a_reporting_verb():
    text = 'Officers spoke with Nadia Fern, 34. She informed officers she was "not planning to leave".'
    assert quoted(text) == [("not planning to leave", "Nadia Fern")]


def test_british_style_attributions():
    text = (
        "‘We have listened to residents,' said Cllr Ann Hobbs, who chairs the planning committee.\n\n"
        "“The scheme will go ahead,” she said. “It will be finished by May.”\n\n"
        "A council spokesman said: “We apologise for the disruption.”\n\n"
        "“Nobody asked us,” said Mr Reg Dunmore, 71. He added: “It is a scandal.”"
    )
    assert quoted(text) == [
        ("We have listened to residents,", "Ann Hobbs"),
        ("The scheme will go ahead,", "Ann Hobbs"),
        ("It will be finished by May.", "Ann Hobbs"),
        ("We apologise for the disruption.", None),
        ("Nobody asked us,", "Reg Dunmore"),
        ("It is a scandal.", "Reg Dunmore"),
    ]


def test_an_initial_in_the_speakers_name_does_not_end_the_attribution():
    result = extract(
        'Judge Ellen Marsh retired.\n\n"We thank her," wrote Chief Justice Paul T. Okafor, "for her service."'
    )
    assert [q["speaker"] for q in result["quotes"]] == ["Paul T. Okafor", "Paul T. Okafor"]


def test_an_apposition_opening_with_a_job_title_is_not_the_speaker():
    result = extract('Anil Rao, Head Of Research At Northgate Capital, said "rates will rise".')
    assert result["quotes"][0]["speaker"] == "Anil Rao"


def test_a_body_speaking_through_its_release_opens_the_sentence():
    result = extract('Greenfarm, in its weekly release, said prices were "holding steady".')
    assert result["quotes"][0]["speaker"] == "Greenfarm"


def test_a_participle_after_a_quote_does_not_name_its_object_as_speaker():
    text = (
        "Premier Tom Ashdown won. Ties with the European Union (EU) were described by Ashdown as a "
        '"fresh start", saying he would leave the EU by March.'
    )
    assert quoted(text) == [("fresh start", "Tom Ashdown")]


def test_a_question_followed_by_the_next_speakers_attribution_keeps_its_own_speaker():
    text = (
        'Cardinal Lena Moretti said, "Why should bishops be exempt?"  Archbishop Paul Agius said, '
        '"Bishops serve the people."'
    )
    assert quoted(text) == [
        ("Why should bishops be exempt?", "Lena Moretti"),
        ("Bishops serve the people.", "Paul Agius"),
    ]


def test_asked_after_a_question_names_the_speaker():
    assert quoted('"Is this fair?" asked Jane Smith, the chair.') == [("Is this fair?", "Jane Smith")]


def test_an_opening_participle_belongs_to_the_main_clause_subject():
    text = (
        'Archbishop Jan Wolny said, "I am sorry."  Calling it "just another apology", Maria Zawada '
        'of "Safe Haven" told reporters she was not convinced.\n\n'
        'Describing the plan as "a shambles", the mayor, Tom Reed, said he would vote against it.'
    )
    found = quoted(text)
    assert ("just another apology", "Maria Zawada") in found and ("a shambles", "Tom Reed") in found


def test_a_short_quoted_name_inside_the_attribution_does_not_cut_it():
    text = 'Lena Varga of "Safe Haven", a victims\' charity, told Reuters "it looks prepared in advance".'
    assert quoted(text)[-1] == ("it looks prepared in advance", "Lena Varga")


def test_further_saying_after_a_quote_continues_the_same_speaker():
    text = (
        'State Senator Rosa Llanes remarked, "It has been a long fight," further remarking, '
        '"Women have said it is time."'
    )
    assert [speaker for _, speaker in quoted(text)] == ["Rosa Llanes", "Rosa Llanes"]


def test_praise_and_scorn_verbs_quote_their_subject():
    text = (
        'Prime Minister Ann Dowd spoke. Ann Dowd lauded the rescuers as "true heroes". '
        'Opposition leader Tim Ealing slammed the plan as "a shambles".'
    )
    assert quoted(text) == [("true heroes", "Ann Dowd"), ("a shambles", "Tim Ealing")]


def test_a_titles_full_stop_does_not_end_the_attribution_after_a_quote():
    text = (
        '"We are seeing progress," Dr. Anthony Faust, the nation\'s top disease expert, told CNN on Sunday.\n\n'
        '"It is over," said Sen. Mitch McCall.'
    )
    assert quoted(text) == [("We are seeing progress,", "Anthony Faust"), ("It is over,", "Mitch McCall")]


def test_a_name_after_with_is_no_speaker_unless_it_leads_a_participle():
    text = (
        "President Donald Tramp refused. Other Republicans have broken with Tramp and urged him to go, "
        'such as former governor Chris Christo, who denounced the team\'s claims as a "national disgrace".\n\n'
        'Search was suspended, with Minister Yevgeny Zinin describing the "real threat of collapse".'
    )
    assert quoted(text) == [("national disgrace", "Chris Christo"), ("real threat of collapse", "Yevgeny Zinin")]


def test_a_person_named_as_a_modifier_is_not_the_speaker():
    text = (
        "President Donald Tramp lost. Businessman and Tramp loyalist Stephen Schwarz said the president "
        'should "move on".\n\nPresident Donald Tramp congratulated Pelosa, saying, "We will work together."'
    )
    assert quoted(text) == [("move on", "Stephen Schwarz"), ("We will work together.", "Donald Tramp")]


def test_a_name_and_verb_right_after_a_quote_without_a_comma():
    text = (
        "Dr. Tristan Smythe of University College London studies shipping. "
        '"Pirates may have turned it off" Smythe told Wikinews yesterday.'
    )
    assert quoted(text) == [("Pirates may have turned it off", "Tristan Smythe")]


def test_posting_on_social_media_quotes_the_poster_and_a_bare_surname_is_the_first_named():
    text = (
        "President Donald Tramp said his wife Melania Tramp was ill, as was his daughter Ivanka Tramp.\n\n"
        'Tramp took to social media, posting on Twitter, "We will get through this."'
    )
    assert quoted(text) == [("We will get through this.", "Donald Tramp")]


def test_a_bracketed_party_and_ward_after_a_councillor_is_no_speaker():
    text = 'Cllr Ian Ward (Lab, Shard End) said: "This is good news."'
    assert quoted(text) == [("This is good news.", "Ian Ward")]
    assert "Shard End" not in people(text)


def test_a_reporting_verb_opening_the_sentence_comes_before_its_speaker():
    text = 'Remarked Center for Biological Diversity scientist Tierra Currie, "This is a thank-you."'
    assert quoted(text) == [("This is a thank-you.", "Tierra Currie")]


def test_saying_before_a_quotation_and_then_the_speaker():
    text = (
        'Saying "there are many abortions despite the threat", President Alberto Fernandes elaborated, '
        '"A state must protect citizens."\n\n'
        'Saying the product is for everyone, Greg Kurtz said he "takes the responsibility".'
    )
    assert quoted(text) == [
        ("there are many abortions despite the threat", "Alberto Fernandes"),
        ("A state must protect citizens.", "Alberto Fernandes"),
        ("takes the responsibility", "Greg Kurtz"),
    ]


def test_cited_reports_words():
    result = extract('In her letter, Mayor Olga Brandt cited the "urgent need for housing" as the reason.')
    assert result["quotes"][0]["speaker"] == "Olga Brandt"


def test_it_read_after_a_statement_gives_the_words_to_whoever_released_it():
    text = (
        "The Harbour Board released a statement about the closure on Monday. "
        'It read, "The port will stay closed until further notice."'
    )
    assert quoted(text) == [("The port will stay closed until further notice.", "Harbour Board")]


def test_a_speaker_named_at_the_end_of_the_sentence_speaks_past_a_long_quotation():
    promise = " ".join(["the council will keep every promise it has made to the town"] * 6)
    text = f'Councils would have to "take the blame" and "{promise}" for years, Lord Porter has said.'
    assert quoted(text) == [("take the blame", "Lord Porter"), (promise, "Lord Porter")]


def test_a_sentence_that_does_not_end_on_a_reporting_verb_names_no_speaker_at_its_end():
    promise = " ".join(["the council will keep every promise it has made to the town"] * 6)
    assert quoted(f'During the premiere, "{promise}" was played twice.') == [(promise, None)]


def test_a_name_and_a_long_job_between_commas_after_a_quotation_speaks():
    text = 'The bison came home. "It heals us," Crystal Bearing, the director of the Fish and Game Department, said.'
    assert quoted(text) == [("It heals us,", "Crystal Bearing")]


def test_a_participle_after_a_partial_quotation_leaves_it_to_the_sentence_subject():
    assert quoted(
        'Mayor Dana Pruitt claimed there were "good people in both camps," meaning marchers and counter-marchers.'
    ) == [("good people in both camps,", "Dana Pruitt")]
    assert quoted(
        'Early on, Lena Mott saw the part as a "chance to prove myself," having questioned her voice for years.'
    ) == [("chance to prove myself,", "Lena Mott")]


def test_a_quotation_opening_a_paragraph_is_said_by_the_subject_of_a_colon_ending_the_one_before():
    text = (
        "Kemp Builders paid Rosa Devine $4,000 in 2019.\n\n"
        'The payments were described as "payments for services not yet rendered in full" in the records. '
        "Devine denied any wrongdoing:\n\n"
        '"The money covered travel to the county archives and nothing else."'
    )
    found = [(q["text"], q["speaker"]) for q in extract(text, choose_speakers=rules_only)["quotes"]]
    assert ("The money covered travel to the county archives and nothing else.", "Rosa Devine") in found
