"""Training the quotation filter: labels from the gold quotations, the
same weights from the same examples, and a clear error without both kinds."""

import pytest

from archive.extraction import quote_kinds, quote_training

ARTICLE = (
    'Critics called the plan "Project Fear" on Monday.\n'
    '"We will not give up on this town," the mayor said.\n'
    'Her deputy spoke of "a long road ahead" for the council.'
)
GOLD = [
    {"speaker": "the mayor", "kind": "direct", "start": "We will not", "end": "this town,"},
    {"speaker": "Her deputy", "kind": "partial", "start": "a long road", "end": "ahead"},
]


def test_spans_matching_gold_quotations_are_labelled_with_their_kind_and_the_others_not():
    examples = quote_training.article_examples(ARTICLE, GOLD)
    assert [(label, direct) for _, label, _, direct in examples] == [(0, None), (1, 1), (1, 0)]
    assert all("log_words" in features for features, _, _, _ in examples)
    assert examples[0][2] is None and examples[1][2]["rules_kind_direct"] == 1.0


def tiny_examples():
    return quote_training.article_examples(ARTICLE, GOLD) * 3


def test_training_twice_gives_the_same_model_file():
    first = quote_training.fit(tiny_examples())
    second = quote_training.fit(tiny_examples())
    assert quote_training.model_file_text(first, {"tiny": 1}) == quote_training.model_file_text(second, {"tiny": 1})
    assert "bias" in first.weights and len(first.weights) > 5 and "bias" in first.kind_weights


def test_the_trained_model_separates_its_own_examples():
    model = quote_training.fit(tiny_examples(), c=10.0, kind_c=10.0)
    assert [model.keeps(f) for f, _, _, _ in tiny_examples()[:3]] == [False, True, True]
    assert [model.score(f, model.kind_weights) > 0 for _, _, f, _ in tiny_examples()[1:3]] == [True, False]


def test_without_both_kinds_among_the_quotations_the_rules_choose_the_kind():
    only_direct = [ex for ex in tiny_examples() if ex[3] != 0]
    assert quote_training.fit(only_direct).kind_weights == {}


def test_training_needs_spans_of_both_kinds():
    only_quotations = [(f, 1, None, None) for f, _, _, _ in tiny_examples()]
    with pytest.raises(ValueError, match="quotations and some that are not"):
        quote_training.fit(only_quotations)
    assert quote_training.selector(only_quotations) is quote_kinds.rules_only
