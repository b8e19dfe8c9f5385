"""People: the evidence that a capitalised name is a person's."""

from archive.extraction import extract
from archive.extraction import people as people_rules
from archive.extraction.entity import Entity
from archive.extraction.people import pronoun_gender
from tests.extraction.helpers import people, quoted


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


def test_a_given_name_that_is_also_a_town_is_a_person_when_the_text_treats_it_so():
    result = extract("Florence Kowalczyk chairs the trust. Kowalczyk said: \u201cWe will reopen the ward.\u201d")
    assert result["quotes"][0]["speaker"] == "Florence Kowalczyk"


def test_a_person_named_by_age_and_one_name_speaks():
    result = extract('Twelve-year-old Maisie, who was on the bus, said "the windows just exploded".')
    assert result["quotes"][0]["speaker"] == "Maisie"
    assert "Maisie" in [p["name"] for p in result["people"]]


def test_a_common_given_name_from_the_census_makes_a_person():
    # "Jo" and "Doug" are in no hand-made list; the US Census given names have them.
    found = people(
        "Voters rejected the plan after Jo Pemberton was defeated.\n\n"
        "The crew, Doug Farrant and Ines Quaye, flew on Monday."
    )
    assert {"Jo Pemberton", "Doug Farrant"} <= set(found)


def test_a_census_given_name_the_article_uses_as_a_word_is_no_evidence():
    assert people_rules.census_given_name("Hope Okoro spoke. Her team won.", "Hope")
    assert not people_rules.census_given_name("Hope Valley flooded. There is little hope left.", "Hope")
    assert people_rules.census_given_name("Don Abeyta said he didn't know. Don't ask.", "Don")


def test_an_age_before_a_full_name_makes_a_person():
    assert "Rangi Tawhiri" in people("The train left at six, and 22-year-old Rangi Tawhiri was its co-pilot.")


def test_one_of_after_a_name_makes_a_person():
    text = (
        "Volker arranged a meeting between Giuliani, claiming to represent the State Department, "
        "and Oleksa Dvornyk, one of President Marek's aides."
    )
    assert "Oleksa Dvornyk" in people(text)


def test_jan_is_a_given_name_not_only_a_month():
    assert quoted('Archbishop Jan Wolny said, "I am sorry."') == [("I am sorry.", "Jan Wolny")]


def test_a_relative_named_after_kin_is_a_person_even_when_the_given_name_is_a_town():
    found = people("Two players, Dorsa Amiri and her younger brother Borna Amiri, were banned.")
    assert {"Dorsa Amiri", "Borna Amiri"} <= set(found)


def test_both_after_a_pair_of_names_makes_both_people():
    found = people("Second and third place went to Ababel Yeshaneh and Gelete Burka, both from Ethiopia.")
    assert {"Ababel Yeshaneh", "Gelete Burka"} <= set(found)


def test_a_speaker_given_only_a_pseudonym():
    text = '"She is trying to split the movement," said a protester using the pseudonym Katya.'
    assert quoted(text) == [("She is trying to split the movement,", "Katya")]


def test_a_surname_that_is_also_a_town_speaks_after_said():
    text = '"The situation will worsen", said Vasco Cordeiro, the regional president.'
    assert quoted(text) == [("The situation will worsen", "Vasco Cordeiro")]


def test_a_bare_surname_is_the_person_of_that_surname_named_most():
    text = (
        "President Donald Tramp spoke. Tramp said it was late. Tramp left. "
        'His niece Mary Tramp wrote a book. Tramp lauded the book as "a fraud".'
    )
    assert quoted(text)[-1] == ("a fraud", "Donald Tramp")


def test_bill_is_a_given_name_as_well_as_a_law():
    found = people("Only two presidents were impeached: Andrew Johnson and Bill Clinton. The Housing Bill failed.")
    assert "Bill Clinton" in found and "Housing Bill" not in found


def test_letters_after_a_name_are_not_part_of_it_and_show_a_person():
    text = (
        'Tim Farrant MP said the cuts were "savage".\n\n'
        'Durham Hall QC, for the family, said the police "showed no respect".'
    )
    assert quoted(text) == [("savage", "Tim Farrant"), ("showed no respect", "Durham Hall")]


def test_a_lower_case_word_elsewhere_is_no_evidence_for_a_name():
    found = people("The people of the Black Country have made their views clear. It is the best deal in the country.")
    assert "Black Country" not in found


def test_theresa_may_and_the_taoiseach_are_people():
    found = people("Johnson became leader after Theresa May stepped down. He met Taoiseach Leo Varadkar in Dublin.")
    assert {"Theresa May", "Leo Varadkar"} <= set(found)
    assert "May" not in people("Talks resumed in May. Officials May Be Wrong, a book, sold well.")


def test_a_name_set_off_by_commas_after_a_job_is_a_person():
    text = 'The mayor of London, Sadiq Khan, gave his condolences via Twitter, adding, "An enquiry is underway."'
    assert quoted(text) == [("An enquiry is underway.", "Sadiq Khan")]


def test_a_census_given_name_before_a_town_like_surname_is_a_person():
    text = 'The bill was drafted by Alex Greenwich who said on the floor, "It follows decades of work."'
    assert quoted(text) == [("It follows decades of work.", "Alex Greenwich")]


def test_a_single_name_after_a_lower_case_job_is_a_person():
    text = 'Turkish president Erdogan called for talks. "No project excluding us can work", he said.'
    assert quoted(text) == [("No project excluding us can work", "Erdogan")]


def test_a_job_word_before_a_name_that_is_also_a_town_makes_a_person():
    found = people(
        "Her husbands included director Sidney Lumette and author Wyatt Coopers. "
        "He became the first Pacific Islander to win."
    )
    assert "Sidney Lumette" in found and "Pacific Islander" not in found


def test_islands_and_bays_are_not_people():
    found = people("Divers from Santa Lucia Island reached False Bay, said Dr Ama Boateng.")
    assert "Santa Lucia Island" not in found and "False Bay" not in found
    assert "Ama Boateng" in found


def test_places_and_organisations_are_not_people():
    found = people("On Monday the University of Leeds and Friday Street Bank met in Chicago.")
    assert all(p["kind"] == "person" for p in found.values())
    assert found == {}


def test_a_given_name_that_ends_like_an_english_word_still_opens_a_name():
    text = 'The plan is new. Sally Pruitt said: "It works." Javed Alam said: "It does not."'
    assert {"Sally Pruitt", "Javed Alam"} <= set(people(text))


def test_a_surname_that_is_also_a_job_word_still_ends_a_name():
    text = 'The novel sold well. Stephen King said: "Yes." Later Steve Field, the group chair, agreed.'
    assert {"Stephen King", "Steve Field"} <= set(people(text))
    assert "Deputy Chief" not in people('Deputy Chief said: "No."')


def test_a_given_name_that_is_also_a_town_is_a_person_when_a_job_follows():
    text = "Carers met today.\n\nHelena Herklots, Chief Executive of Carers Trust, said: “Family life is changing.”"
    assert quoted(text) == [("Family life is changing.", "Helena Herklots")]


def test_a_shorter_name_opening_with_a_particle_is_the_same_person():
    found = people("Tunisian president Zine El Abidine Ben Ali ruled for years. Ben Ali left in 2011.")
    assert list(found) == ["Zine El Abidine Ben Ali"]
    assert found["Zine El Abidine Ben Ali"]["mentions"] == 2


def test_a_pronoun_counts_for_a_person_only_before_anyone_else_is_named():
    text = "Robin Kade arrived. Then Lee Park spoke, and he left. Robin Kade said she would stay."
    robin = Entity("Robin Kade", mentions=[(0, 10), (54, 64)])
    lee = Entity("Lee Park", mentions=[(25, 33)])
    assert (pronoun_gender(text, robin, [robin, lee]), pronoun_gender(text, lee, [robin, lee])) == ("f", "m")


def test_a_knight_named_by_the_given_name_is_the_same_person():
    text = (
        "Sir Alasdair Penrose has been made chair.\n\n"
        "Sir Alasdair said: ‘I am delighted to accept.’ Dame Helen Ryle welcomed it, and Dame Helen said so."
    )
    assert quoted(text) == [("I am delighted to accept.", "Alasdair Penrose")]
    assert set(people(text)) == {"Alasdair Penrose", "Helen Ryle"}


def test_a_given_name_alone_that_speaks_is_a_person_wherever_the_article_names_her():
    text = (
        "Based in Kabul, Tessa worked on a court project. She tells of how it grew.\n\n"
        "“The court had judges from the start.”\n\nTessa says the staff inspired her.\n\n"
        "“They still receive threats.”"
    )
    assert list(people(text)) == ["Tessa"]
    assert people(text)["Tessa"]["mentions"] == 2
    assert [speaker for _, speaker in quoted(text)] == ["Tessa", "Tessa"]


def test_a_given_name_alone_that_does_something_is_the_person_named_before():
    text = (
        "Ravi Tandon, who founded a cricket club, moved to Leeds. Tom Beck of the OECD says firms "
        "register with Companies House every hour.\n\nRavi sees great chances in trade, which he views as "
        "“extraordinarily powerful.”"
    )
    assert quoted(text) == [("extraordinarily powerful.", "Ravi Tandon")]
    # A given name used as an adjective is nobody: "Christian groups".
    assert "Christian" not in people("Christian Voss spoke. Christian groups marched in Leeds.")


def test_a_name_then_its_job_without_a_comma_is_the_person_not_the_body():
    text = (
        "Duncan Selby CEO of Public Works England, in his foreword to the report, makes the point that: "
        "“Parks matter to health.”\n\nDuncan concludes by saying: “Access is vital.”"
    )
    assert [speaker for _, speaker in quoted(text)] == ["Duncan Selby", "Duncan Selby"]
    assert list(people(text)) == ["Duncan Selby"]


def test_a_job_of_two_words_after_a_name_and_its_comma_makes_a_person():
    text = "Bronwyn Pike, Permanent Secretary at the Treasury, said:\n\n“The plan is sound.”"
    assert quoted(text) == [("The plan is sound.", "Bronwyn Pike")]


def test_a_portfolio_after_for_is_part_of_the_job():
    text = "“This change is disappointing,” said Minister for Consumer Affairs and Minister for Equalities Jo Swann."
    assert quoted(text) == [("This change is disappointing,", "Jo Swann")]
    words = "If you are on Community Payback you should not sit idle at home."
    text = f"Minister for Prisons and Probation Crispin Wold said:\n\n‘{words}’"
    assert quoted(text) == [(words, "Crispin Wold")]
    text = "Minister for Equalities Lynne Farrow said: ‘Clubs have signed up.’"
    assert quoted(text) == [("Clubs have signed up.", "Lynne Farrow")]


def test_a_sister_named_beside_a_fund_of_the_same_surname_keeps_her_given_name():
    text = (
        "Brooke Talley said: ‘I have met so many inspiring people.’\n\n"
        "For more on the Ben Talley Memorial Fund visit www.example.gov.uk/brooke-talley-report."
    )
    assert quoted(text) == [("I have met so many inspiring people.", "Brooke Talley")]


def test_british_police_ranks_are_titles_and_a_constabulary_is_a_body():
    text = (
        "Officers from the Civil Nuclear Constabulary attended.\n\n"
        "Ch Supt Joan Redfern, from the CNC, said: “The conference was a fantastic opportunity.”\n\n"
        "Lynne was thanked by Ch Supt Worsley. He said: “I formally commend her for her commitment.”"
    )
    found = extract(text)
    assert [p["name"] for p in found["people"]] == ["Joan Redfern", "Worsley"]
    assert [o["name"] for o in found["organisations"]][:1] == ["Civil Nuclear Constabulary"]
    assert [q["speaker"] for q in found["quotes"]] == ["Joan Redfern", "Worsley"]


def test_a_job_that_ends_a_sentence_is_no_person():
    text = "He served in the Civil Nuclear Constabulary, rising to the rank of Chief Superintendent.\n\nHe retired."
    assert people(text) == {}
