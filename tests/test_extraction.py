"""Rules of English news writing, each on a small text of its own."""

import json
from pathlib import Path

from archive.extraction import extract, mentions, scoring
from archive.extraction import people as people_rules

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


# --- organisations, possessive chains, posts and people in context -------------

def test_a_single_word_company_speaks_for_itself():
    text = 'Shares in Pellworth fell. "We regret the delay," Pellworth said in a statement.'
    [q] = quotes(text, "direct")
    assert (q["speaker"], q["speaker_kind"]) == ("Pellworth", "organisation")


def test_an_acronym_spelled_out_is_an_organisation_and_its_release_speaks_for_it():
    text = ('The band left NWR (Northern Wire Records) in May.\n\n'
            '"We wish them well", reads an NWR press release.')
    assert quoted(text) == [("We wish them well", "Northern Wire Records")]


def test_an_owners_statement_speaks_for_the_owner_not_for_a_law():
    text = ("The Data Fairness Act (DFA) took effect. The Harbour Cycling Federation (HCF) objected. "
            "HCF's DFA notice alleged the app was built to \"dodge every safeguard\".")
    [q] = quotes(text, "partial")
    assert q["speaker"] == "Harbour Cycling Federation"


def test_the_army_said_names_the_army_when_no_army_is_named():
    assert quoted('The army said the convoy was "carrying only food".') == [("carrying only food", "Army")]
    assert quoted('Dutch police said the van was "found empty".') == [("found empty", "Dutch police")]


def test_the_health_ministry_is_the_ministry_with_health_in_its_name():
    text = ("The Ministry of Health met the Ministry of Transport on Monday.\n\n"
            '"Clinics stay open," the health ministry said.')
    assert quoted(text) == [("Clinics stay open,", "Ministry of Health")]


def test_a_short_form_of_an_organisation_is_the_full_name_given_earlier():
    text = ("Officials of the Kingdom Department of Fisheries met on Monday. "
            'The Fisheries Department gave its "full support" and said quotas would rise.')
    assert quoted(text) == [("full support", "Kingdom Department of Fisheries")]


def test_the_subject_who_tells_speaks_not_the_interviewer():
    text = ("In May, Senator Halima bin Rashid of Qatar admitted the error. "
            'Speaking to Tom Brack of Channel Nine, she said, "The mistake was mine."')
    assert quoted(text) == [("The mistake was mine.", "Halima bin Rashid")]


def test_a_writer_on_social_media_not_the_person_written_about():
    text = ("Tributes poured in for Gus Pellow.\n\n"
            '"Gutted," writes Pellow\'s old teammate Rory Fenwick on Instagram. "A true friend."')
    assert quoted(text) == [("Gutted,", "Rory Fenwick"), ("A true friend.", "Rory Fenwick")]


def test_a_pronoun_right_before_the_verb_is_the_subject():
    text = ("Priya Anand leads the union. On the day after the Court of Appeal ruling "
            'she said she was "deeply relieved".')
    [q] = quotes(text, "partial")
    assert q["speaker"] == "Priya Anand"


def test_an_adverbial_between_commas_does_not_speak():
    text = 'Union chair Dale Morrow, in remarks to the BBC, said "Nobody wants a strike".'
    assert quoted(text) == [("Nobody wants a strike", "Dale Morrow")]


def test_a_platform_carries_words_but_does_not_speak():
    text = 'A city council Twitter account posted: "All parks are closed today."'
    assert quoted(text) == [("All parks are closed today.", None)]


def test_a_quote_followed_by_including_someone_is_not_theirs():
    text = 'Guards removed six men for "causing a disturbance," including activist Leo Marsh, who tried to speak.'
    assert all(s != "Leo Marsh" for _, s in quoted(text))


def test_according_to_a_publication_when_nobody_else_reports_it():
    text = 'The jet came in at "very low altitude" according to the Harbour Gazette.'
    assert quoted(text) == [("very low altitude", "Harbour Gazette")]


def test_according_to_a_publication_does_not_override_the_speaker():
    text = 'Mayor Tara Quill called the plan a "grave error," according to the Harbour Gazette.'
    assert quoted(text) == [("grave error,", "Tara Quill")]


def test_informed_is_a_reporting_verb():
    text = 'Officers spoke with Nadia Fern, 34. She informed officers she was "not planning to leave".'
    assert quoted(text) == [("not planning to leave", "Nadia Fern")]


def test_people_named_with_a_role_or_a_bare_role_apposition():
    found = people("Kansas Governor Ron Talbert spoke. Ines Varga, head of the relief office, agreed.")
    assert {"Ron Talbert", "Ines Varga"} <= set(found)


def test_long_names_with_particles_and_their_short_form():
    found = people("Under Abdel Aziz El Amin Ben Salah's rule, protests grew. Ben Salah fled.")
    assert "Abdel Aziz El Amin Ben Salah" in found
    assert found["Abdel Aziz El Amin Ben Salah"]["mentions"] == 2


def test_children_named_by_given_name_only():
    found = people("Ted Aldo leaves his wife Maya and their sons Finn and Otis.")
    assert {"Maya", "Finn", "Otis"} <= set(found)


def test_a_given_name_that_speaks_is_the_person_named_before():
    text = 'We asked Pavel K․, a developer, for comment. Pavel said, "No comment for now."'
    assert quoted(text) == [("No comment for now.", "Pavel K․")]


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


def test_a_given_name_that_is_also_a_town_is_a_person_when_the_text_treats_it_so():
    result = extract(
        "Florence Kowalczyk chairs the trust. Kowalczyk said: \u201cWe will reopen the ward.\u201d"
    )
    assert result["quotes"][0]["speaker"] == "Florence Kowalczyk"


def test_a_person_named_by_age_and_one_name_speaks():
    result = extract('Twelve-year-old Maisie, who was on the bus, said "the windows just exploded".')
    assert result["quotes"][0]["speaker"] == "Maisie"
    assert "Maisie" in [p["name"] for p in result["people"]]


def test_a_name_ends_where_of_the_employer_begins():
    result = extract(
        "Geologist Ruta Petrauskaite of the Baltic Marine Laboratory led the survey.\n\n"
        '"The seabed is moving," Petrauskaite told reporters.'
    )
    assert result["quotes"][0]["speaker"] == "Ruta Petrauskaite"
    kinds = {p["name"]: p["kind"] for p in result["people"]}
    assert kinds.get("Baltic Marine Laboratory") != "person"


def test_a_capitalised_ordinary_word_opening_a_sentence_is_not_part_of_a_name():
    result = extract(
        "Previous Acme rockets failed.\n\n"
        '"We learned a lot," Acme founder Dana Whitfield told the press.'
    )
    assert result["quotes"][0]["speaker"] == "Dana Whitfield"


def test_a_company_spokesperson_speaks_for_the_company():
    result = extract('Prices rose by a "modest amount" in May, according to a Brightmart spokesperson.')
    assert result["quotes"][0]["speaker"] == "Brightmart"
    result = extract('A Brightmart spokesman said: "We are sorry for the delay."')
    assert result["quotes"][0]["speaker"] == "Brightmart"


def test_cited_reports_words():
    result = extract('In her letter, Mayor Olga Brandt cited the "urgent need for housing" as the reason.')
    assert result["quotes"][0]["speaker"] == "Olga Brandt"


def test_job_titles_before_a_name_are_not_part_of_it():
    result = extract('Assemblywoman Rosa Delgado said: "We passed it."\n\nCo-author Min-jun Park told us "it works".')
    assert [q["speaker"] for q in result["quotes"]] == ["Rosa Delgado", "Min-jun Park"]


def test_an_opening_adverb_is_not_a_given_name():
    result = extract('Senator Dale Hollis spoke first.\n\nAfterwards Hollis called the plan "a disgrace".')
    assert result["quotes"][0]["speaker"] == "Dale Hollis"


def test_an_initial_in_the_speakers_name_does_not_end_the_attribution():
    result = extract(
        'Judge Ellen Marsh retired.\n\n"We thank her," wrote Chief Justice Paul T. Okafor, "for her service."'
    )
    assert [q["speaker"] for q in result["quotes"]] == ["Paul T. Okafor", "Paul T. Okafor"]


def test_a_passive_description_is_the_describers_words():
    result = extract('The reform was described by Mayor Ida Rensberg as "long overdue".')
    assert result["quotes"][0]["speaker"] == "Ida Rensberg"
    result = extract('The bishop was praised by the CBMA as "a friend of the poor".')
    assert result["quotes"][0]["speaker"] == "CBMA"


def test_an_apposition_opening_with_a_job_title_is_not_the_speaker():
    result = extract('Anil Rao, Head Of Research At Northgate Capital, said "rates will rise".')
    assert result["quotes"][0]["speaker"] == "Anil Rao"


def test_a_body_speaking_through_its_release_opens_the_sentence():
    result = extract('Greenfarm, in its weekly release, said prices were "holding steady".')
    assert result["quotes"][0]["speaker"] == "Greenfarm"


def test_a_common_given_name_from_the_census_makes_a_person():
    # "Jo" and "Doug" are in no hand-made list; the US Census given names have them.
    found = people("Voters rejected the plan after Jo Pemberton was defeated.\n\n"
                   "The crew, Doug Farrant and Ines Quaye, flew on Monday.")
    assert {"Jo Pemberton", "Doug Farrant"} <= set(found)


def test_a_census_given_name_the_article_uses_as_a_word_is_no_evidence():
    assert people_rules.census_given_name("Hope Okoro spoke. Her team won.", "Hope")
    assert not people_rules.census_given_name("Hope Valley flooded. There is little hope left.", "Hope")
    assert people_rules.census_given_name("Don Abeyta said he didn't know. Don't ask.", "Don")


def test_an_age_before_a_full_name_makes_a_person():
    assert "Rangi Tawhiri" in people("The train left at six, and 22-year-old Rangi Tawhiri was its co-pilot.")


def test_one_of_after_a_name_makes_a_person():
    text = ("Volker arranged a meeting between Giuliani, claiming to represent the State Department, "
            "and Oleksa Dvornyk, one of President Marek's aides.")
    assert "Oleksa Dvornyk" in people(text)


def test_a_plural_job_title_before_names_is_not_part_of_them():
    found = people("The letter was signed by Representatives Ellis Grange, Adam Toller, and Ruth Amberley.")
    assert {"Ellis Grange", "Adam Toller", "Ruth Amberley"} <= set(found)
    assert not any(name.startswith("Representatives") for name in found)


def test_speaker_of_the_house_is_a_role():
    found = people("The Speaker of the House Nora Pellegrini refused.")
    assert "Nora Pellegrini" in found
    assert "Speaker" in found["Nora Pellegrini"]["role"]


def test_islands_and_bays_are_not_people():
    found = people("Divers from Santa Lucia Island reached False Bay, said Dr Ama Boateng.")
    assert "Santa Lucia Island" not in found and "False Bay" not in found
    assert "Ama Boateng" in found


def test_a_participle_after_a_quote_does_not_name_its_object_as_speaker():
    text = ('Premier Tom Ashdown won. Ties with the European Union (EU) were described by Ashdown as a '
            '"fresh start", saying he would leave the EU by March.')
    assert quoted(text) == [("fresh start", "Tom Ashdown")]


def test_a_question_followed_by_the_next_speakers_attribution_keeps_its_own_speaker():
    text = ('Cardinal Lena Moretti said, "Why should bishops be exempt?"  Archbishop Paul Agius said, '
            '"Bishops serve the people."')
    assert quoted(text) == [("Why should bishops be exempt?", "Lena Moretti"),
                            ("Bishops serve the people.", "Paul Agius")]


def test_asked_after_a_question_names_the_speaker():
    assert quoted('"Is this fair?" asked Jane Smith, the chair.') == [("Is this fair?", "Jane Smith")]


def test_a_job_with_a_place_refers_back_to_the_person_just_quoted():
    text = ('"The ice is thinning," said co-author Mara Lindqvist. The Uppsala professor added, '
            '"We do not yet know how fast."')
    assert [speaker for _, speaker in quoted(text)] == ["Mara Lindqvist", "Mara Lindqvist"]


def test_the_statement_speaks_for_whoever_issued_it():
    text = ('On Friday, the Northern Rail Authority released a statement about the crash.\n\n'
            'A spokesperson gave the time. "No staff were hurt;" read the statement; "we will rebuild."')
    assert [speaker for _, speaker in quoted(text)] == ["Northern Rail Authority", "Northern Rail Authority"]


def test_the_decision_speaks_for_the_court_that_issued_the_ruling():
    text = ('Today the Appeal Court of Ruritania issued a ruling on the election.\n\n'
            'The summary of the decision read in part: "The count was unlawful."')
    assert quoted(text)[0][1] == "Appeal Court of Ruritania"


def test_an_unnamed_group_right_before_the_verb_is_nobody_not_an_earlier_it():
    text = ('Ferncliff University said the ice was thin. Because warm water is buoyant, says the study, it rises, '
            'creating what the scientists describe as an "upside-down river".\n\n'
            'Critics called the plan "a mess", Mayor Ann Hale said.')
    assert quoted(text) == [("upside-down river", None), ("a mess", "Ann Hale")]


def test_an_opening_participle_belongs_to_the_main_clause_subject():
    text = ('Archbishop Jan Wolny said, "I am sorry."  Calling it "just another apology", Maria Zawada '
            'of "Safe Haven" told reporters she was not convinced.\n\n'
            'Describing the plan as "a shambles", the mayor, Tom Reed, said he would vote against it.')
    found = quoted(text)
    assert ("just another apology", "Maria Zawada") in found and ("a shambles", "Tom Reed") in found


def test_a_short_quoted_name_inside_the_attribution_does_not_cut_it():
    text = ('Lena Varga of "Safe Haven", a victims\' charity, told Reuters "it looks prepared in advance".')
    assert quoted(text)[-1] == ("it looks prepared in advance", "Lena Varga")


def test_jan_is_a_given_name_not_only_a_month():
    assert quoted('Archbishop Jan Wolny said, "I am sorry."') == [("I am sorry.", "Jan Wolny")]


def test_a_numbered_law_is_not_a_speaker():
    text = ('Republic Act No. 3846, also known as the "Radio Law", states '
            '"no station shall operate without a franchise."')
    assert quoted(text)[-1] == ("no station shall operate without a franchise.", None)


def test_a_relative_named_after_kin_is_a_person_even_when_the_given_name_is_a_town():
    found = people("Two players, Dorsa Amiri and her younger brother Borna Amiri, were banned.")
    assert {"Dorsa Amiri", "Borna Amiri"} <= set(found)


def test_general_after_a_job_title_is_part_of_the_title():
    found = people("Solicitor General Jose Calida filed a petition.")
    assert "Jose Calida" in found and "Solicitor General" in found["Jose Calida"]["role"]


def test_both_after_a_pair_of_names_makes_both_people():
    found = people("Second and third place went to Ababel Yeshaneh and Gelete Burka, both from Ethiopia.")
    assert {"Ababel Yeshaneh", "Gelete Burka"} <= set(found)


def test_further_saying_after_a_quote_continues_the_same_speaker():
    text = ('State Senator Rosa Llanes remarked, "It has been a long fight," further remarking, '
            '"Women have said it is time."')
    assert [speaker for _, speaker in quoted(text)] == ["Rosa Llanes", "Rosa Llanes"]


def test_a_speaker_given_only_a_pseudonym():
    text = '"She is trying to split the movement," said a protester using the pseudonym Katya.'
    assert quoted(text) == [("She is trying to split the movement,", "Katya")]


def test_a_surname_that_is_also_a_town_speaks_after_said():
    text = '"The situation will worsen", said Vasco Cordeiro, the regional president.'
    assert quoted(text) == [("The situation will worsen", "Vasco Cordeiro")]


def test_a_member_named_after_the_possessive_of_their_organisation():
    text = "The Native Land Rights Fund's Jacqueline De León said, \"The law ignores our communities.\""
    assert quoted(text) == [("The law ignores our communities.", "Jacqueline De León")]


def test_praise_and_scorn_verbs_quote_their_subject():
    text = ('Prime Minister Ann Dowd spoke. Ann Dowd lauded the rescuers as "true heroes". '
            'Opposition leader Tim Ealing slammed the plan as "a shambles".')
    assert quoted(text) == [("true heroes", "Ann Dowd"), ("a shambles", "Tim Ealing")]


def test_a_bare_surname_is_the_person_of_that_surname_named_most():
    text = ('President Donald Tramp spoke. Tramp said it was late. Tramp left. '
            'His niece Mary Tramp wrote a book. Tramp lauded the book as "a fraud".')
    assert quoted(text)[-1] == ("a fraud", "Donald Tramp")


def test_the_warning_speaks_for_whoever_issued_it():
    text = ('The Northern Weather Service issued an orange warning for the coast, County Mayo included. '
            'Harbour master Ian Moss said boats were safe. "Storm Lorenzo will bring high waves", read the warning.')
    assert quoted(text) == [("Storm Lorenzo will bring high waves", "Northern Weather Service")]


def test_the_spokesperson_speaks_for_the_body_just_quoted():
    text = ('The rules forbid "any political activity," a Eurofed spokesperson stated. '
            'The spokesperson added that they "would not consider such requests".')
    assert [speaker for _, speaker in quoted(text)] == ["Eurofed", "Eurofed"]


def test_bill_is_a_given_name_as_well_as_a_law():
    found = people("Only two presidents were impeached: Andrew Johnson and Bill Clinton. The Housing Bill failed.")
    assert "Bill Clinton" in found and "Housing Bill" not in found


def test_an_officer_named_right_after_their_organisation():
    text = '"It erodes trust," Hong Kong director of Amnesty International Man-kei Tam said in a statement.'
    assert quoted(text) == [("It erodes trust,", "Man-kei Tam")]


def test_a_document_issued_by_a_body_named_nowhere_else_speaks_for_it():
    text = ('The orange warning issued by Met Éireann applied to County Galway and County Mayo. '
            'Gusts were forecast. "Storm Lorenzo will produce high waves", read the warning.')
    assert quoted(text) == [("Storm Lorenzo will produce high waves", "Met Éireann")]


def test_a_persons_office_speaks_for_them():
    text = 'Lisa Marsh spoke. Ms Marsh\'s office said in a statement that she "remains committed" to the campaign.'
    assert quoted(text) == [("remains committed", "Lisa Marsh")]


def test_the_former_minister_is_a_role_not_the_former_of_two():
    text = ('Speaking to the BBC, Mr Andy Street said the region was "open for business".\n\n'
            'Lord Heseltine, the former deputy prime minister, argued for devolution.\n\n'
            'The former deputy prime minister added: "Cities must lead."')
    assert quoted(text)[-1] == ("Cities must lead.", "Lord Heseltine")


def test_the_latter_with_an_adverb_is_still_the_second_of_two():
    text = ('Inquiries were opened by the Federal Aviation Agency and the Rail Safety Board, with the latter '
            'yesterday confirming they were "not traveling to the scene".')
    assert quoted(text) == [("not traveling to the scene", "Rail Safety Board")]


def test_a_titles_full_stop_does_not_end_the_attribution_after_a_quote():
    text = ('"We are seeing progress," Dr. Anthony Faust, the nation\'s top disease expert, told CNN on Sunday.\n\n'
            '"It is over," said Sen. Mitch McCall.')
    assert quoted(text) == [("We are seeing progress,", "Anthony Faust"), ("It is over,", "Mitch McCall")]


def test_what_someone_called_is_their_quotation_not_a_name():
    text = ('Chancellor Tom Osric signed the deal, which the Treasury called "transformational". '
            'A group called "Friends of the Canal" objected.')
    assert quoted(text) == [("transformational", "Treasury")]


def test_letters_after_a_name_are_not_part_of_it_and_show_a_person():
    text = ('Tim Farrant MP said the cuts were "savage".\n\n'
            'Durham Hall QC, for the family, said the police "showed no respect".')
    assert quoted(text) == [("savage", "Tim Farrant"), ("showed no respect", "Durham Hall")]


def test_a_name_after_with_is_no_speaker_unless_it_leads_a_participle():
    text = ('President Donald Tramp refused. Other Republicans have broken with Tramp and urged him to go, '
            'such as former governor Chris Christo, who denounced the team\'s claims as a "national disgrace".\n\n'
            'Search was suspended, with Minister Yevgeny Zinin describing the "real threat of collapse".')
    assert quoted(text) == [("national disgrace", "Chris Christo"), ("real threat of collapse", "Yevgeny Zinin")]


def test_a_person_named_as_a_modifier_is_not_the_speaker():
    text = ('President Donald Tramp lost. Businessman and Tramp loyalist Stephen Schwarz said the president '
            'should "move on".\n\nPresident Donald Tramp congratulated Pelosa, saying, "We will work together."')
    assert quoted(text) == [("move on", "Stephen Schwarz"), ("We will work together.", "Donald Tramp")]


def test_according_to_names_its_source_up_to_the_comma():
    text = ('Vlad Zhukov, 23, pleaded not guilty. According to police and county officials, Zhukov was driving '
            '"erratically" that night.\n\n'
            'According to the news agency ISNA, the prosecutor, Ali Mehr, said they must face "murder charges".')
    assert quoted(text) == [("erratically", None), ("murder charges", "Ali Mehr")]


def test_according_to_an_outlet_the_person_it_reports_spoke():
    text = ('Cherry Lane won.\n\nAccording to the BBC, a spokesman for 10 Downing Street expressed '
            'disappointment; "The government will appeal."')
    assert quoted(text)[-1] == ("The government will appeal.", "Downing Street")


def test_a_lower_case_word_elsewhere_is_no_evidence_for_a_name():
    found = people("The people of the Black Country have made their views clear. It is the best deal in the country.")
    assert "Black Country" not in found


def test_theresa_may_and_the_taoiseach_are_people():
    found = people("Johnson became leader after Theresa May stepped down. He met Taoiseach Leo Varadkar in Dublin.")
    assert {"Theresa May", "Leo Varadkar"} <= set(found)
    assert "May" not in people("Talks resumed in May. Officials May Be Wrong, a book, sold well.")



def test_the_government_of_a_place_speaks_as_that_body():
    text = ('Plaintiffs worked with the organization Equally Samoan.\n\n'
            'The government of American Samoa issued a statement agreeing the issue should be decided by Congress: '
            '"Citizenship by judicial fiat would fail."')
    assert quoted(text) == [("Citizenship by judicial fiat would fail.", "Government of American Samoa")]


def test_described_by_someone_as_without_was_is_their_word():
    text = 'The ship reappeared, with a pattern described by Marine Bulletin as "rather hectic".'
    assert quoted(text) == [("rather hectic", "Marine Bulletin")]


def test_a_name_after_the_organization_is_a_body_not_a_person():
    text = 'They worked with the organization Equally Samoan. The people of American Samoa voted.'
    kinds = {entity.name: entity.kind for entity in mentions.find_entities(text)}
    assert kinds.get("Equally Samoan") == "organisation"


def test_a_name_and_verb_right_after_a_quote_without_a_comma():
    text = ('Dr. Tristan Smythe of University College London studies shipping. '
            '"Pirates may have turned it off" Smythe told Wikinews yesterday.')
    assert quoted(text) == [("Pirates may have turned it off", "Tristan Smythe")]


def test_a_name_set_off_by_commas_after_a_job_is_a_person():
    text = 'The mayor of London, Sadiq Khan, gave his condolences via Twitter, adding, "An enquiry is underway."'
    assert quoted(text) == [("An enquiry is underway.", "Sadiq Khan")]


def test_a_job_with_another_qualifier_is_not_the_holder_named_earlier():
    text = ('Civil Aviation Minister Hardeep Puri said 18 people died. '
            'The local health minister said, "The injured were rushed to hospital."')
    assert quoted(text) == [("The injured were rushed to hospital.", None)]


def test_posting_on_social_media_quotes_the_poster_and_a_bare_surname_is_the_first_named():
    text = ('President Donald Tramp said his wife Melania Tramp was ill, as was his daughter Ivanka Tramp.\n\n'
            'Tramp took to social media, posting on Twitter, "We will get through this."')
    assert quoted(text) == [("We will get through this.", "Donald Tramp")]


def test_a_sentence_opening_on_a_possessive_name_is_about_that_person():
    text = ('Actress Leisha Riddle hosted the panel.\n\n'
            'Actor Brendan Frayne\'s appearance at the convention came straight from filming in South Africa. '
            'He quipped "I still have dust in my shoes."')
    assert quoted(text) == [("I still have dust in my shoes.", "Brendan Frayne")]


def test_her_statement_and_its_statement_speak_for_their_owner():
    text = ('Mayor Jane Hollis resigned on Friday. Her statement read: "I leave with pride."\n\n'
            'The Ministry of Defence confirmed the deal. Its statement said the jets were "ready".')
    assert quoted(text) == [("I leave with pride.", "Jane Hollis"), ("ready", "Ministry of Defence")]


def test_a_bracketed_party_and_ward_after_a_councillor_is_no_speaker():
    text = 'Cllr Ian Ward (Lab, Shard End) said: "This is good news."'
    assert quoted(text) == [("This is good news.", "Ian Ward")]
    assert "Shard End" not in people(text)


def test_in_an_interview_you_said_in_a_question_is_the_interviewees_quotation():
    text = ('((WN))  How did you start?\n\n'
            '((Dorsa Amiri))  My mother said I would "boss people around".\n\n'
            '((WN))  Previously you had mentioned, "no federation is perfect". Is that still true?\n\n'
            '((Dorsa Amiri))  Yes.')
    assert ("no federation is perfect", "Dorsa Amiri") in quoted(text)


def test_a_person_owning_a_company_is_split_from_it():
    found = people("Later, he recorded with John Lyden's Public Image Ltd.")
    assert "John Lyden" in found


def test_a_census_given_name_before_a_town_like_surname_is_a_person():
    text = 'The bill was drafted by Alex Greenwich who said on the floor, "It follows decades of work."'
    assert quoted(text) == [("It follows decades of work.", "Alex Greenwich")]


def test_a_reporting_verb_opening_the_sentence_comes_before_its_speaker():
    text = 'Remarked Center for Biological Diversity scientist Tierra Currie, "This is a thank-you."'
    assert quoted(text) == [("This is a thank-you.", "Tierra Currie")]


def test_described_by_a_body_named_nowhere_else():
    text = 'Mancino has been described by the Daily Hive as a "squirrel whisperer".'
    assert quoted(text) == [("squirrel whisperer", "Daily Hive")]


def test_saying_before_a_quotation_and_then_the_speaker():
    text = ('Saying "there are many abortions despite the threat", President Alberto Fernandes elaborated, '
            '"A state must protect citizens."\n\n'
            'Saying the product is for everyone, Greg Kurtz said he "takes the responsibility".')
    assert quoted(text) == [("there are many abortions despite the threat", "Alberto Fernandes"),
                            ("A state must protect citizens.", "Alberto Fernandes"),
                            ("takes the responsibility", "Greg Kurtz")]


def test_a_single_name_after_a_lower_case_job_is_a_person():
    text = 'Turkish president Erdogan called for talks. "No project excluding us can work", he said.'
    assert quoted(text) == [("No project excluding us can work", "Erdogan")]


def test_comments_then_by_across_a_comma_is_no_source():
    text = ('Known as a shock jock who made controversial comments, Don Imes was dropped in 2007 by MSNBC '
            'after he referred to the team as "nappy headed hos."')
    assert quoted(text) == [("nappy headed hos.", "Don Imes")]


def test_an_anonymous_source_inside_a_body_is_nobody_named():
    text = 'A source within the central Interior Ministry reportedly said "I have been told not to publish it."'
    assert quoted(text) == [("I have been told not to publish it.", None)]


def test_a_job_word_before_a_name_that_is_also_a_town_makes_a_person():
    found = people("Her husbands included director Sidney Lumette and author Wyatt Coopers. "
                   "He became the first Pacific Islander to win.")
    assert "Sidney Lumette" in found and "Pacific Islander" not in found


def test_people_are_persons_only_and_organisations_every_body_named_or_speaking():
    result = extract('Dr Imogen Castle of the University of Leeds led the study. Shares in Pellworth fell. '
                     '"We regret the delay," Pellworth said in a statement. "Order will be kept," the army said.')
    assert [p["name"] for p in result["people"]] == ["Imogen Castle"]
    organisations = {o["name"]: o for o in result["organisations"]}
    assert list(organisations) == ["University of Leeds", "Pellworth", "Army"]
    assert organisations["Pellworth"] == {"name": "Pellworth", "aliases": [], "role": "", "mentions": 2}
    assert organisations["Army"]["mentions"] == 0     # named only by the quotation it speaks
