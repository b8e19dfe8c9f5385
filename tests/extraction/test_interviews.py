"""Question-and-answer interviews."""

from tests.extraction.helpers import quoted


def test_in_an_interview_you_said_in_a_question_is_the_interviewees_quotation():
    text = (
        "((WN))  How did you start?\n\n"
        '((Dorsa Amiri))  My mother said I would "boss people around".\n\n'
        '((WN))  Previously you had mentioned, "no federation is perfect". Is that still true?\n\n'
        "((Dorsa Amiri))  Yes."
    )
    assert ("no federation is perfect", "Dorsa Amiri") in quoted(text)


def test_in_an_answer_words_the_interviewee_says_they_said_are_theirs():
    text = (
        "Mara Lind runs a bakery in Leeds.\n\n"
        "((WN))  How did your neighbours take it?\n\n"
        '((Mara Lind))  Badly at first. One evening I stood at the door and I said, "We will open on Sundays." '
        'Then I thought: "Nobody will come to the shop."'
    )
    found = dict(quoted(text))
    assert found["We will open on Sundays."] == "Mara Lind"
    assert found["Nobody will come to the shop."] == "Mara Lind"


def test_an_unlabelled_paragraph_after_a_question_is_the_interviewees_answer():
    text = (
        "((WN))  What did you tell the council?\n\n"
        "((Tomas Weir))  Not much.\n\n"
        "((WN))  And the press?\n\n"
        'Every time they asked, I would tell them "the roof comes first".'
    )
    assert ("the roof comes first", "Tomas Weir") in quoted(text)


def test_in_an_answer_words_someone_else_is_like_saying_are_not_the_interviewees():
    text = (
        "((WN))  How did your family react?\n\n"
        '((Zara Hale))  I told them I had left, and they were like, "We will pray for you." '
        'And I was like, "Thank you, but no."'
    )
    found = dict(quoted(text))
    assert found["We will pray for you."] is None
    assert found["Thank you, but no."] == "Zara Hale"


def test_first_person_words_outside_an_interview_are_not_given_to_anyone_by_the_interview_rule():
    text = 'Mara Lind opened a bakery in Leeds on Monday.\n\nAt the opening I said, "Welcome to all of you."'
    assert ("Welcome to all of you.", "Mara Lind") not in quoted(text)


def test_in_an_answer_words_a_he_or_she_says_are_someone_unnamed_not_someone_named_before():
    text = (
        "Akram Pasha works with the Lotus Trust in Mysore.\n\n"
        "((WN))  What happens when the rent is late?\n\n"
        "((Akram Pasha))  The landlord comes to the door. "
        'When he would argue, he would intentionally say, "you are not welcome here any more".'
    )
    assert ("you are not welcome here any more", None) in quoted(text)


def test_in_an_answer_words_quoted_without_a_speaker_are_nobodys():
    text = (
        "Akram Pasha works with the Lotus Trust in Mysore.\n\n"
        "((WN))  When did you hear about the virus?\n\n"
        "((Akram Pasha))  In March the fear started spreading everywhere. "
        '"Oh, the sickness is coming to our street now".  Then the lockdown started.'
    )
    assert ("Oh, the sickness is coming to our street now", None) in quoted(text)


def test_you_said_in_a_question_is_the_person_named_most_when_only_questions_are_labelled():
    text = (
        "Wikinews spoke to Tomas Brell, candidate for mayor of Dunmore. Brell has run twice before.\n\n"
        "((WN)) What is your first priority?\n\nHousing. Brell said housing comes first.\n\n"
        '((WN)) On your website you state "every family deserves a warm home." How will you pay for it?\n\n'
        "Through the council budget."
    )
    assert ("every family deserves a warm home.", "Tomas Brell") in quoted(text)


def test_you_mentioned_in_a_question_may_have_a_subject_before_the_quotation():
    text = (
        "((WN)) How did you begin?\n\n((Ines Varga)) By digging.\n\n"
        '((WN)) In your paper you had mentioned early farmers "did not plough the hillsides". Why?\n\n'
        "((Ines Varga)) The soil was thin."
    )
    assert ("did not plough the hillsides", "Ines Varga") in quoted(text)
