"""Training the quotation filter (quote_kinds.py) on the gold sets.

Every span `find_quotes` finds in an annotated article is an example: a
quotation when the scorer matches it to a gold quotation
(`scoring.match_quotes`, one to one by word overlap), not one otherwise. A
logistic regression (scikit-learn, a development requirement only) learns
the weights, written as plain JSON for quote_kinds.py. `fold_scores`
measures the filter alone on a set it was not trained on. Pure Python, no Django."""

import json
from functools import partial

from archive.extraction import quote_kinds, scoring
from archive.extraction.quotations import find_quotes
from archive.extraction.text import paragraph_spans

# Chosen by leave-one-set-out cross-validation (see the README).
C = 0.1
DECIMALS = 6


def set_examples(gold_set):
    """(features, label) of every quoted span in the set's annotated articles."""
    found = []
    for doc_id, annotation in gold_set.gold["articles"].items():
        body = gold_set.bodies[doc_id]
        described, labels = article_examples(body, annotation.get("quotes", []))
        found.extend(zip(described, labels))
    return found


def article_examples(body, gold_quotes):
    paragraphs = paragraph_spans(body)
    spans = find_quotes(body, paragraphs)
    interview = quote_kinds.is_interview(body, paragraphs)
    described = [quote_kinds.describe(body, q, paragraphs, interview) for q in spans]
    gold_texts = [scoring.gold_quote_text(body, q) for q in gold_quotes]
    matched = {p for _, p in scoring.match_quotes(gold_texts, [q.text for q in spans])}
    return described, [int(i in matched) for i in range(len(spans))]


def fit(examples, c=C):
    """A QuoteModel from (features, label) pairs. Deterministic: the same
    examples give the same weights."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise RuntimeError("training needs scikit-learn: pip install -r requirements-dev.txt") from exc
    labels = [label for _, label in examples]
    if len(set(labels)) < 2:
        raise ValueError("training the quotation filter needs quoted spans that are quotations and some that are not")
    vectorizer = DictVectorizer(sparse=True, sort=True)
    matrix = vectorizer.fit_transform([features for features, _ in examples])
    regression = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
    regression.fit(matrix, labels)
    weights = {name: round(float(w), DECIMALS) for name, w in zip(vectorizer.feature_names_, regression.coef_[0])}
    weights = {name: w for name, w in weights.items() if w}
    weights["bias"] = round(float(regression.intercept_[0]), DECIMALS)
    return quote_kinds.QuoteModel(weights)


def train(gold_sets, c=C):
    """A filter trained on every span of `gold_sets`."""
    return fit([ex for s in gold_sets for ex in set_examples(s)], c)


def selector(examples, c=C):
    """A `select_quotes` for extract(): the filter trained on `examples`, or
    the rules alone when they hold only quotations (or none)."""
    if len({label for _, label in examples}) < 2:
        return quote_kinds.rules_only
    return partial(quote_kinds.select_quotes, quote_model=fit(examples, c))


def model_file_text(quote_model, trained_on):
    """The JSON of a model file: the same model always gives the same bytes."""
    data = {
        "about": "Quotation filter for archive.extraction: linear weights over quoted-span features, "
                 "rebuilt by `python manage.py train_attribution` (see archive/extraction/quote_training.py).",
        "trained_on": trained_on,
        **quote_model.to_dict(),
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

