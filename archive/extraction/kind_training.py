"""Training of the kind model (kinds.py) on the gold sets.

Every entity the rules find in an annotated article is an example, described
by `kinds.describe` as the pipeline describes it. Its labels: a person when
it names one of the article's gold people (`scoring.same_person`, with the
set's aliases); otherwise, in articles that list their organisations, an
organisation when it names one of them (`same_body`), and "neither" when it names nothing.
Articles without organisation lists teach only person against not a person.
Two logistic regressions (scikit-learn, a development requirement only) learn
the weights, written as plain JSON for kinds.py. Pure Python, no Django."""

from archive.extraction import kinds, modelfile, scoring

# Chosen by leave-one-set-out cross-validation (see the README): the inverse
# regularisation strength, and how sure "not a person" must be to act on it.
C = 3.0
THRESHOLD = 0.2
DECIMALS = 6


def recorder(found):
    """A `choose_kinds` for `extract` that keeps the rules' entities and
    appends (name, rules' kind, features, is a speaker) of each to `found`."""

    def record(text, entities, quotes):
        speakers = kinds.speaker_ids(quotes)
        found.extend((e.name, e.kind, kinds.describe(text, e, speakers), id(e) in speakers) for e in entities)
        return entities

    return record


def examples(gold_set):
    """(features, is a person, organisation label or None) of every entity
    the rules found in the set; the organisation label is 1, 0 ("neither")
    or None where the article lists no organisations, or for a person."""
    aliases = gold_set.gold.get("speaker_aliases", {})
    found = []
    for doc_id, annotation in gold_set.gold["articles"].items():
        people = annotation.get("people", [])
        organisations = annotation.get("organisations")
        for name, _, described, _ in gold_set.kind_features.get(doc_id, []):
            person = any(scoring.same_person(gold, name, aliases) for gold in people)
            organisation = None
            if organisations is not None and not person:
                organisation = any(same_body(gold, name, aliases) for gold in organisations)
            found.append((described, person, organisation))
    return found


def same_body(gold, name, aliases):
    """The gold organisation's name, or the same words in another order
    ("Leeds University", "University of Leeds"); never a part of it ("Earth"
    of "Friends of the Earth")."""
    return scoring.same_person(gold, name, aliases) or content_words(gold) == content_words(name)


def content_words(name):
    return set(scoring.words(name)) - {"the", "of", "and", "for"}


def fit_part(rows, labels, c):
    """{"bias", "weights"} of a logistic regression, deterministic; None
    when the labels do not hold both answers (nothing to learn)."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise RuntimeError("training needs scikit-learn: pip install -r requirements-dev.txt") from exc
    if len(set(labels)) < 2:
        return None
    vectorizer = DictVectorizer(sparse=True, sort=True)
    matrix = vectorizer.fit_transform(rows)
    regression = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
    regression.fit(matrix, [int(label) for label in labels])
    weights = {name: round(float(w), DECIMALS) for name, w in zip(vectorizer.feature_names_, regression.coef_[0])}
    return {
        "bias": round(float(regression.intercept_[0]), DECIMALS),
        "weights": {name: w for name, w in sorted(weights.items()) if w},
    }


def fit(example_rows, c=C, threshold=THRESHOLD):
    """A KindModel from `examples` rows of any number of sets."""
    person = fit_part([d for d, _, _ in example_rows], [p for _, p, _ in example_rows], c)
    labelled = [(d, o) for d, _, o in example_rows if o is not None]
    organisation = fit_part([d for d, _ in labelled], [o for _, o in labelled], c)
    return kinds.KindModel(person, organisation, threshold)


def train(gold_sets, c=C, threshold=THRESHOLD):
    """A kind model trained on all of `gold_sets` (recorded)."""
    return fit([row for s in gold_sets for row in examples(s)], c, threshold)


def model_file_text(kind_model, trained_on):
    return modelfile.text(
        "Kind model for archive.extraction: person / organisation / neither, linear weights over "
        "entity features, rebuilt by `python manage.py train_attribution` (see kind_training.py).",
        trained_on,
        kind_model.to_dict(),
    )
