"""Paragraphs, sentences and the masked text."""

from archive.extraction.text import first_sentence, last_sentence, mask, paragraph_spans, sentence_spans

TEXT = 'Dr. Ann Lee spoke first. She said: "Vote now. Today."\n\n   \nMr Day left.'


def test_a_paragraph_is_a_non_blank_line():
    assert [TEXT[a:b] for a, b in paragraph_spans(TEXT)] == [
        'Dr. Ann Lee spoke first. She said: "Vote now. Today."',
        "Mr Day left.",
    ]


def test_sentences_end_at_a_full_stop_before_a_capital_but_not_inside_a_quotation_or_after_a_title():
    open_at = TEXT.index('"')
    close_at = TEXT.index('"', open_at + 1)

    def in_quote(pos):
        return open_at < pos < close_at

    sentences = [TEXT[a:b] for a, b in sentence_spans(TEXT, paragraph_spans(TEXT), in_quote)]
    assert sentences == ["Dr. Ann Lee spoke first", 'She said: "Vote now. Today."', "Mr Day left."]


def test_the_last_and_first_sentence_of_a_stretch():
    assert last_sentence("It rained. Then Ann Lee said") == "Then Ann Lee said"
    assert first_sentence(" she said. Then it rained.") == " she said."


def test_masking_blanks_quoted_words_and_keeps_offsets_and_line_breaks():
    text = 'He said "no\nway" twice.'
    masked = mask(text, [(8, 15)])
    assert len(masked) == len(text)
    assert masked == 'He said "  \n   " twice.'
