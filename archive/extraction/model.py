"""The speaker model: a linear score over each quotation's candidates.

The rules attribute every quotation first; then each candidate (candidates.py)
is described (features.py) and scored with the weights in
`attribution_model.json`, and the best-scoring candidate speaks ("nobody"
included). With `keep_rules_decision` in the file, the rules' decisions stand
where they made one (a speaker, or "someone unnamed") and the model decides
the quotations they could not attribute (cross-validation chose this; see
training.py). The file is plain JSON, read
once, scored in pure Python: no training library at run time. Without the
file the rules decide alone. `python manage.py train_attribution` rebuilds it."""

from functools import cache
from pathlib import Path

from archive.extraction import candidates, features, modelfile

MODEL_PATH = Path(__file__).resolve().parent / "attribution_model.json"


class SpeakerModel:
    def __init__(self, weights, keep_rules_decision=False):
        self.weights = weights
        self.keep_rules_decision = keep_rules_decision

    @classmethod
    def from_dict(cls, data):
        return cls({name: float(w) for name, w in data["weights"].items()}, bool(data.get("keep_rules_decision")))

    def to_dict(self):
        return {"keep_rules_decision": self.keep_rules_decision, "weights": dict(sorted(self.weights.items()))}

    def score(self, feature_dict):
        weights = self.weights
        return sum(weights.get(name, 0.0) * value for name, value in feature_dict.items())

    def best(self, feature_dicts):
        """Index of the highest-scoring candidate; the first among equals."""
        scores = [self.score(f) for f in feature_dicts]
        return scores.index(max(scores))

    def decides(self, quote):
        """False for a quotation whose speaker the rules decided, when they
        are to keep it: they named someone, or found "someone unnamed" spoke
        (any finder but the last resort, `continuation`, coming up empty)."""
        return not self.keep_rules_decision or (quote.speaker is None and quote.finder == "continuation")


@cache
def load(path=MODEL_PATH):
    """The model in `path`, or None when there is no such file."""
    data = modelfile.read(path)
    return None if data is None else SpeakerModel.from_dict(data)


def quotation_candidates(speakers, quotes, wanted=None):
    """(setting, candidates, feature dicts) for each quotation in text order
    (or those `wanted(quote)` picks), each one's previous quotation being the
    one before it in the text."""
    found, previous, last_speaker = [], None, None
    main = candidates.main_person({id(ent): ent for _, _, ent in speakers.doc.mentions}.values())
    for quote in sorted(quotes, key=lambda q: q.open_at):
        if wanted is None or wanted(quote):
            setting, proposed = candidates.propose(speakers, quote, previous, last_speaker, main)
            found.append((setting, proposed, features.describe(speakers, setting, proposed)))
        previous = quote
        last_speaker = quote.speaker or last_speaker
    return found


def choose_speakers(speakers, quotes, model=None):
    """Give each quotation the model decides the candidate it scores best.
    With no model (none given and no model file) the rules' speakers stay."""
    model = model or load()
    if model is None:
        return
    # Every choice is made on the rules' speakers, as in training, before any changes.
    choices = [
        (setting.quote, proposed[model.best(described)].entity)
        for setting, proposed, described in quotation_candidates(speakers, quotes, model.decides)
    ]
    for quote, speaker in choices:
        quote.speaker = speaker
