"""Looking up words in a text only where they occur finds what a regex
scan of the whole text finds."""

import re

from archive.extraction.tokens import capitalised_words_before, whole_words

TEXTS = [
    "Donald Trump met Ivanka Trump. Afterwards Trump left.",
    "Jean-Pierre Trump and O'Neill Trump, then Trump Trump Trump.",
    "Ann Lee-Lee Lee, xAnn Lee, Öla Lee, Ann\n\n  Lee and Ann Leeds.",
    "Ann Lee's Lee, Mr. Lee's car, A-A-A Lee.",
]
WORDS = ("Trump", "Lee", "Lee's", "Lee-Lee", "A-A", "Mr.")


def spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def test_whole_words_are_those_a_scan_of_the_whole_text_finds():
    for text in TEXTS:
        for word in WORDS:
            expected = spans(re.finditer(r"\b" + re.escape(word) + r"\b", text))
            assert spans(whole_words(text, word)) == expected


def test_the_words_before_a_surname_are_those_a_scan_of_the_whole_text_finds():
    for text in TEXTS:
        for word in WORDS:
            expected = spans(re.finditer(r"\b([A-Z][\w'’-]+)\s+" + re.escape(word) + r"\b", text))
            assert spans(capitalised_words_before(text, word)) == expected


def test_an_address_writes_no_word_in_lower_case():
    from archive.extraction.tokens import lower_case_words

    words = lower_case_words("Brooke spoke. See www.example.gov.uk/brooke-talley or mail brooke@example.org today.")
    assert "brooke" not in words
    assert {"spoke", "or", "mail", "today"} <= words
