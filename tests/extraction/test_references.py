"""Pronouns, jobs, kinds and "the latter" that refer back to the speaker."""

from tests.extraction.helpers import quoted, quotes


def test_pronouns_follow_gender_when_two_people_are_in_play():
    text = (
        "Helen Marsh, the director, met Peter Quinn, the treasurer, on Tuesday. Mr Quinn "
        'later resigned.\n\nShe said: "The accounts are in order."\n\n'
        'He added: "I leave with a clear conscience."'
    )
    assert quoted(text) == [
        ("The accounts are in order.", "Helen Marsh"),
        ("I leave with a clear conscience.", "Peter Quinn"),
    ]


def test_a_role_noun_resolves_to_the_person_given_that_role():
    text = (
        "Fiona Hale, the Home Secretary, visited the border on Monday. Officials were present.\n\n"
        'The Home Secretary said: "Our borders are secure."'
    )
    assert quoted(text) == [("Our borders are secure.", "Fiona Hale")]


def test_the_company_said_resolves_to_the_company():
    text = 'Acme Widgets Inc cut 300 jobs on Monday. "Demand has collapsed," the company said.'
    assert quoted(text) == [("Demand has collapsed,", "Acme Widgets Inc")]


def test_the_army_said_names_the_army_when_no_army_is_named():
    assert quoted('The army said the convoy was "carrying only food".') == [("carrying only food", "Army")]
    assert quoted('Dutch police said the van was "found empty".') == [("found empty", "Dutch police")]


def test_the_health_ministry_is_the_ministry_with_health_in_its_name():
    text = (
        "The Ministry of Health met the Ministry of Transport on Monday.\n\n"
        '"Clinics stay open," the health ministry said.'
    )
    assert quoted(text) == [("Clinics stay open,", "Ministry of Health")]


def test_a_pronoun_right_before_the_verb_is_the_subject():
    text = (
        'Priya Anand leads the union. On the day after the Court of Appeal ruling she said she was "deeply relieved".'
    )
    [q] = quotes(text, "partial")
    assert q["speaker"] == "Priya Anand"


def test_a_job_with_a_place_refers_back_to_the_person_just_quoted():
    text = (
        '"The ice is thinning," said co-author Mara Lindqvist. The Uppsala professor added, '
        '"We do not yet know how fast."'
    )
    assert [speaker for _, speaker in quoted(text)] == ["Mara Lindqvist", "Mara Lindqvist"]


def test_an_unnamed_group_right_before_the_verb_is_nobody_not_an_earlier_it():
    text = (
        "Ferncliff University said the ice was thin. Because warm water is buoyant, says the study, it rises, "
        'creating what the scientists describe as an "upside-down river".\n\n'
        'Critics called the plan "a mess", Mayor Ann Hale said.'
    )
    assert quoted(text) == [("upside-down river", None), ("a mess", "Ann Hale")]


def test_the_spokesperson_speaks_for_the_body_just_quoted():
    text = (
        'The rules forbid "any political activity," a Eurofed spokesperson stated. '
        'The spokesperson added that they "would not consider such requests".'
    )
    assert [speaker for _, speaker in quoted(text)] == ["Eurofed", "Eurofed"]


def test_the_former_minister_is_a_role_not_the_former_of_two():
    text = (
        'Speaking to the BBC, Mr Andy Street said the region was "open for business".\n\n'
        "Lord Heseltine, the former deputy prime minister, argued for devolution.\n\n"
        'The former deputy prime minister added: "Cities must lead."'
    )
    assert quoted(text)[-1] == ("Cities must lead.", "Lord Heseltine")


def test_the_latter_with_an_adverb_is_still_the_second_of_two():
    text = (
        "Inquiries were opened by the Federal Aviation Agency and the Rail Safety Board, with the latter "
        'yesterday confirming they were "not traveling to the scene".'
    )
    assert quoted(text) == [("not traveling to the scene", "Rail Safety Board")]


def test_the_government_of_a_place_speaks_as_that_body():
    text = (
        "Plaintiffs worked with the organization Equally Samoan.\n\n"
        "The government of American Samoa issued a statement agreeing the issue should be decided by Congress: "
        '"Citizenship by judicial fiat would fail."'
    )
    assert quoted(text) == [("Citizenship by judicial fiat would fail.", "Government of American Samoa")]


def test_a_job_with_another_qualifier_is_not_the_holder_named_earlier():
    text = (
        "Civil Aviation Minister Hardeep Puri said 18 people died. "
        'The local health minister said, "The injured were rushed to hospital."'
    )
    assert quoted(text) == [("The injured were rushed to hospital.", None)]


def test_a_sentence_opening_on_a_possessive_name_is_about_that_person():
    text = (
        "Actress Leisha Riddle hosted the panel.\n\n"
        "Actor Brendan Frayne's appearance at the convention came straight from filming in South Africa. "
        'He quipped "I still have dust in my shoes."'
    )
    assert quoted(text) == [("I still have dust in my shoes.", "Brendan Frayne")]


def test_her_statement_and_its_statement_speak_for_their_owner():
    text = (
        'Mayor Jane Hollis resigned on Friday. Her statement read: "I leave with pride."\n\n'
        'The Ministry of Defence confirmed the deal. Its statement said the jets were "ready".'
    )
    assert quoted(text) == [("I leave with pride.", "Jane Hollis"), ("ready", "Ministry of Defence")]


def test_a_role_noun_resolves_when_the_verb_has_an_object_before_the_quotation():
    text = (
        "Governor Mara Keel signed the Coastal Fisheries Act on Friday.\n\n"
        'The governor tweeted her reasons, saying, "Our fishing towns deserve a future."'
    )
    assert quoted(text) == [("Our fishing towns deserve a future.", "Mara Keel")]
