"""Reported speech without quotation marks."""

from tests.extraction.helpers import quotes


def test_reported_speech_without_marks_is_indirect():
    text = "Ravi Menon said that he believed the port would reopen within a month."
    [q] = quotes(text, "indirect")
    assert q["speaker"] == "Ravi Menon"
    assert "the port would reopen" in q["text"]
