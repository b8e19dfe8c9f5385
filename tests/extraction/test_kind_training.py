"""Training the kind model on a tiny gold set: three UK articles, which list
their organisations as well as their people."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.extraction import kind_training, kinds, scoring, training

ROOT = Path(__file__).resolve().parents[2]
UK = ROOT / "seeds" / "uk"


@pytest.fixture(scope="module")
def tiny_seeds(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    gold = json.loads((UK / "gold_uk.json").read_text(encoding="utf-8"))
    kept = dict(list(gold["articles"].items())[:3])
    (seeds / "uk").mkdir()
    (seeds / "uk" / "gold_tiny.json").write_text(
        json.dumps({"articles": kept, "speaker_aliases": gold.get("speaker_aliases", {})}), encoding="utf-8"
    )
    lines = [
        line
        for line in (UK / "uk_news.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["id"] in kept
    ]
    (seeds / "uk" / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return seeds


@pytest.fixture(scope="module")
def tiny_set(tiny_seeds):
    folder = tiny_seeds / "uk"
    return training.record(training.load_set(folder / "gold_tiny.json", [folder / "corpus.jsonl"]))


def test_every_entity_the_rules_found_is_an_example_labelled_from_the_gold(tiny_set):
    rows = kind_training.examples(tiny_set)
    assert len(rows) == sum(len(found) for found in tiny_set.kind_features.values())
    gold_people = [name for a in tiny_set.gold["articles"].values() for name in a["people"]]
    people = [d for d, person, _ in rows if person]
    assert people and all(d["rules=person"] or d["rules=organisation"] for d in people)
    # Organisation labels only for what is no gold person.
    assert all(organisation is None for _, person, organisation in rows if person)
    assert {True, False} <= {o for _, p, o in rows if not p}
    named = {name for found in tiny_set.kind_features.values() for name, *_ in found}
    assert any(scoring.same_person(g, n, {}) for g in gold_people for n in named)


def test_training_is_deterministic(tiny_set):
    first = kind_training.train([tiny_set]).to_dict()
    second = kind_training.train([tiny_set]).to_dict()
    assert first == second and first["person"]["weights"] and first["organisation"]["weights"]


def test_without_organisation_lists_only_person_or_not_is_learned(tiny_set):
    rows = [(d, p, None) for d, p, _ in kind_training.examples(tiny_set)]
    trained = kind_training.fit(rows)
    assert trained.person is not None and trained.organisation is None


def test_train_attribution_writes_the_kind_model_beside_the_speaker_model(tiny_seeds, tmp_path):
    out = io.StringIO()
    call_command(
        "train_attribution", "--seeds", str(tiny_seeds), "--output", str(tmp_path / "speaker.json"), stdout=out
    )
    written = tmp_path / kinds.MODEL_PATH.name
    assert str(written) in out.getvalue()
    first = written.read_bytes()
    call_command(
        "train_attribution",
        "--seeds",
        str(tiny_seeds),
        "--output",
        str(tmp_path / "speaker.json"),
        "--kind-output",
        str(tmp_path / "again.json"),
        stdout=io.StringIO(),
    )
    assert (tmp_path / "again.json").read_bytes() == first
    loaded = kinds.load(written)
    assert loaded.threshold == kind_training.THRESHOLD and loaded.person["weights"]
