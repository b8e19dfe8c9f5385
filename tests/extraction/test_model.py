"""The speaker model at run time: its file, its choices and the fallback
to the rules when there is no file."""

import json
from pathlib import Path

from archive.extraction import extract, model
from archive.extraction.scoring import load_documents
from tests.extraction.helpers import rules_only

ROOT = Path(__file__).resolve().parents[2]
UNATTRIBUTED = 'Ann Lee visited the port on Monday. The harbour was "busier than it has been for many years" then.'


def test_the_model_file_loads_as_plain_weights():
    loaded = model.load(model.MODEL_PATH)
    assert isinstance(loaded, model.SpeakerModel)
    assert loaded.weights and all(isinstance(w, float) for w in loaded.weights.values())
    assert model.MODEL_PATH.stat().st_size < 1_000_000
    data = json.loads(model.MODEL_PATH.read_text(encoding="utf-8"))
    assert "wikinews/gold_dev" in data["trained_on"]


def test_no_model_file_means_no_model():
    assert model.load(ROOT / "no-such-model.json") is None


def test_without_the_model_file_the_rules_decide(monkeypatch):
    texts = [*load_documents([ROOT / "seeds" / "articles"]).values(), UNATTRIBUTED]
    monkeypatch.setattr(model, "load", lambda path=None: None)
    for text in texts:
        assert extract(text) == extract(text, choose_speakers=rules_only)


def test_the_model_picks_the_best_scoring_candidate_where_the_rules_found_no_one():
    assert extract(UNATTRIBUTED, choose_speakers=rules_only)["quotes"][0]["speaker"] is None
    likes_names = model.SpeakerModel({"nobody": -1.0, "before": 1.0}, keep_rules_decision=True)
    chosen = extract(UNATTRIBUTED, choose_speakers=lambda c, q: model.choose_speakers(c, q, likes_names))
    assert chosen["quotes"][0]["speaker"] == "Ann Lee"


def test_the_rules_decision_stands_when_the_model_is_told_to_keep_it():
    text = '"We will win the cup this year," Ann Lee said.'
    likes_nobody = model.SpeakerModel({"nobody": 5.0}, keep_rules_decision=True)
    kept = extract(text, choose_speakers=lambda c, q: model.choose_speakers(c, q, likes_nobody))
    assert kept["quotes"][0]["speaker"] == "Ann Lee"
    overruled = model.SpeakerModel({"nobody": 5.0}, keep_rules_decision=False)
    chosen = extract(text, choose_speakers=lambda c, q: model.choose_speakers(c, q, overruled))
    assert chosen["quotes"][0]["speaker"] is None


def test_equal_scores_go_to_the_first_candidate():
    assert model.SpeakerModel({"a": 1.0}).best([{"b": 1.0}, {"a": 1.0}, {"a": 1.0}]) == 1
