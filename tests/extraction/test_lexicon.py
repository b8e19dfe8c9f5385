"""The word lists' regex helpers."""

import re

from archive.extraction.lexicon import VERB_RE, word_alternation


def test_a_word_alternation_matches_the_longest_word_at_a_position():
    pattern = re.compile(word_alternation({"say", "saying", "says", "tell", "s"}))
    assert [m.group() for m in pattern.finditer("saying says sayer tells s")] == [
        "saying",
        "says",
        "say",
        "tell",
        "s",
        "s",
    ]


def test_reporting_verbs_are_whole_words():
    assert [m.group() for m in VERB_RE.finditer("She said, unsaid, that he says; Sayings told.")] == [
        "said",
        "says",
        "told",
    ]
