"""Training the speaker model and measuring it by leaving one gold set out,
on a tiny copy of the seeds: the three seed articles and two Wikinews ones."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.extraction import model, training

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT / "seeds" / "wikinews"
NOT_ALL_QUOTATIONS = "wn-69572b55cf22"


@pytest.fixture(scope="module")
def tiny_seeds(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(ROOT / "seeds" / "gold.json", seeds / "gold.json")
    shutil.copytree(ROOT / "seeds" / "articles", seeds / "articles")
    gold = json.loads((WIKINEWS / "gold_dev.json").read_text(encoding="utf-8"))
    kept = dict(list(gold["articles"].items())[:2])
    # One article with quoted words that are no quotation, for the quotation filter to learn from.
    kept[NOT_ALL_QUOTATIONS] = gold["articles"][NOT_ALL_QUOTATIONS]
    (seeds / "wikinews").mkdir()
    (seeds / "wikinews" / "gold_tiny.json").write_text(
        json.dumps({"articles": kept, "speaker_aliases": gold["speaker_aliases"]}), encoding="utf-8"
    )
    lines = [
        line
        for line in (WIKINEWS / "wikinews_en_2019_2021.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id"] in kept
    ]
    (seeds / "wikinews" / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return seeds


def run(name, *args):
    out = io.StringIO()
    call_command(name, *map(str, args), stdout=out)
    return out.getvalue()


def test_gold_sets_are_found_with_their_corpus(tiny_seeds):
    found = training.discover(tiny_seeds)
    assert [(gold.name, [p.name for p in corpus]) for gold, corpus in found] == [
        ("gold.json", ["articles"]),
        ("gold_tiny.json", ["corpus.jsonl"]),
    ]


def test_the_gold_speaker_labels_its_candidate_and_null_labels_nobody(tiny_seeds):
    gold_set = training.record(training.load_set(tiny_seeds / "gold.json", [tiny_seeds / "articles"]))
    found = training.examples(gold_set)
    assert found
    for described, labels in found:
        assert len(described) == len(labels) and any(labels)
        assert "nobody" in described[0]


def test_training_twice_writes_the_same_bytes(tiny_seeds, tmp_path):
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert "weights written" in run("train_attribution", "--seeds", tiny_seeds, "--output", first)
    run("train_attribution", "--seeds", tiny_seeds, "--output", second)
    assert first.read_bytes() == second.read_bytes()
    loaded = model.load(first)
    assert loaded.weights and loaded.keep_rules_decision == training.KEEP_RULES_DECISION


def test_cross_validation_scores_each_set_left_out(tiny_seeds):
    out = run("evaluate_extraction", "--cross-validate", "--seeds", tiny_seeds, "-v", "2")
    rows = {line.split()[0] for line in out.splitlines() if line.strip()}
    assert {"gold", "wikinews/gold_tiny", "mean"} <= rows
    assert "speaker rules" in out and "people P" in out
    assert "speaker errors of the model on the left-out sets" in out


def test_cross_validation_needs_two_sets(tmp_path):
    shutil.copy(ROOT / "seeds" / "gold.json", tmp_path / "gold.json")
    shutil.copytree(ROOT / "seeds" / "articles", tmp_path / "articles")
    with pytest.raises(CommandError, match="at least two gold sets"):
        run("evaluate_extraction", "--cross-validate", "--seeds", tmp_path)


def test_training_without_gold_sets_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no gold sets"):
        run("train_attribution", "--seeds", tmp_path, "--output", tmp_path / "m.json")
