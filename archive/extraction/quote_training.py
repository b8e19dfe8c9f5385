"""Training the quotation filter (quote_kinds.py) on the gold sets.

Every span `find_quotes` finds in an annotated article is an example: a
quotation when the scorer matches it to a gold quotation
(`scoring.match_quotes`, one to one by word overlap), not one otherwise;
a matched span is direct or partial as its gold quotation is. Two logistic
regressions (scikit-learn, a development requirement only) learn the
weights, one for quotation or not, one for direct or partial, written as plain JSON for quote_kinds.py. `fold_scores`
measures the filter alone on a set it was not trained on. Pure Python, no Django."""

from functools import partial

from archive.extraction import modelfile, quote_kinds, scoring
from archive.extraction.quotations import find_quotes
from archive.extraction.text import paragraph_spans

# Inverse regularisation strengths, chosen by leave-one-set-out cross-validation
# (see the README): quotation or not, and direct or partial.
C = 0.1
KIND_C = 1.0
DECIMALS = 6


def set_examples(gold_set):
    """(features, label, kind features, direct) of every quoted span in the
    set's annotated articles; the last two None for a span matching no gold quotation."""
    found = []
    for doc_id, annotation in gold_set.gold["articles"].items():
        found.extend(article_examples(gold_set.bodies[doc_id], annotation.get("quotes", [])))
    return found


def article_examples(body, gold_quotes):
    paragraphs = paragraph_spans(body)
    spans = find_quotes(body, paragraphs)
    interview = quote_kinds.is_interview(body, paragraphs)
    described = [quote_kinds.describe(body, q, paragraphs, interview) for q in spans]
    gold_texts = [scoring.gold_quote_text(body, q) for q in gold_quotes]
    matched = {p: g for g, p in scoring.match_quotes(gold_texts, [q.text for q in spans])}
    return [
        (
            features,
            int(i in matched),
            quote_kinds.kind_features(spans[i], features) if i in matched else None,
            int(gold_quotes[matched[i]].get("kind") == "direct") if i in matched else None,
        )
        for i, features in enumerate(described)
    ]


def fit(examples, c=C, kind_c=KIND_C):
    """A QuoteModel from `set_examples`-style tuples. Deterministic: the
    same examples give the same weights."""
    labels = [label for _, label, _, _ in examples]
    if len(set(labels)) < 2:
        raise ValueError("training the quotation filter needs quoted spans that are quotations and some that are not")
    weights = regression_weights([f for f, _, _, _ in examples], labels, c)
    kinds = [(f, direct) for _, _, f, direct in examples if f is not None]
    # Without both kinds among the quotations, the rules keep choosing the kind.
    kind_weights = regression_weights(*zip(*kinds), kind_c) if len({d for _, d in kinds}) == 2 else {}
    return quote_kinds.QuoteModel(weights, kind_weights)


def regression_weights(feature_dicts, labels, c):
    """The weights (and "bias") of a logistic regression, rounded, zeros left out."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise RuntimeError("training needs scikit-learn: pip install -r requirements-dev.txt") from exc
    vectorizer = DictVectorizer(sparse=True, sort=True)
    matrix = vectorizer.fit_transform(feature_dicts)
    regression = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
    regression.fit(matrix, list(labels))
    weights = {name: round(float(w), DECIMALS) for name, w in zip(vectorizer.feature_names_, regression.coef_[0])}
    weights = {name: w for name, w in weights.items() if w}
    weights["bias"] = round(float(regression.intercept_[0]), DECIMALS)
    return weights


def train(gold_sets):
    """A filter trained on every span of `gold_sets`."""
    return fit([ex for s in gold_sets for ex in set_examples(s)])


def selector(examples):
    """A `select_quotes` for extract(): the filter trained on `examples`, or
    the rules alone when they hold only quotations (or none)."""
    if len({label for _, label, _, _ in examples}) < 2:
        return quote_kinds.rules_only
    return partial(quote_kinds.select_quotes, quote_model=fit(examples))


def model_file_text(quote_model, trained_on):
    return modelfile.text(
        "Quotation filter for archive.extraction: linear weights over quoted-span features, "
        "rebuilt by `python manage.py train_attribution` (see archive/extraction/quote_training.py).",
        trained_on,
        quote_model.to_dict(),
    )
