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
