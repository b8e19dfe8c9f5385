"""Training the quotation filter: labels from the gold quotations, the
same weights from the same examples, and a clear error without both kinds."""

import pytest

from archive.extraction import quote_kinds, quote_training

ARTICLE = ('Critics called the plan "Project Fear" on Monday.\n'
           '"We will not give up on this town," the mayor said.\n'
           'Her deputy spoke of "a long road ahead" for the council.')
GOLD = [{"speaker": "the mayor", "kind": "direct", "start": "We will not", "end": "this town,"}]


def test_a_span_matching_a_gold_quotation_is_labelled_one_and_the_others_zero():
    described, labels = quote_training.article_examples(ARTICLE, GOLD)
    assert labels == [0, 1, 0]
    assert len(described) == 3 and all("log_words" in f for f in described)


def tiny_examples():
    described, labels = quote_training.article_examples(ARTICLE, GOLD)
    return list(zip(described, labels)) * 3


def test_training_twice_gives_the_same_model_file():
    first = quote_training.fit(tiny_examples())
    second = quote_training.fit(tiny_examples())
    assert quote_training.model_file_text(first, {"tiny": 1}) == quote_training.model_file_text(second, {"tiny": 1})
    assert "bias" in first.weights and len(first.weights) > 5


def test_the_trained_model_separates_its_own_examples():
    model = quote_training.fit(tiny_examples(), c=10.0)
    assert [model.keeps(f) for f, _ in tiny_examples()[:3]] == [False, True, False]


def test_training_needs_spans_of_both_kinds():
    only_quotations = [(f, 1) for f, _ in tiny_examples()]
    with pytest.raises(ValueError, match="quotations and some that are not"):
        quote_training.fit(only_quotations)
    assert quote_training.selector(only_quotations) is quote_kinds.rules_only
