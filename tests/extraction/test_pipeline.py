"""What extract() returns for an article: quotes, people, organisations, places; and the seed targets."""

import json
from pathlib import Path

from archive.extraction import extract, scoring

ROOT = Path(__file__).resolve().parents[2]


def test_seed_articles_meet_the_targets():
    gold = json.loads((ROOT / "seeds/gold.json").read_text(encoding="utf-8"))
    bodies = scoring.load_documents([ROOT / "seeds/articles"])
    predictions = {i: scoring.prediction_record(i, extract(bodies[i])) for i in gold["articles"]}
    result = scoring.score(bodies, gold, predictions)
    print(scoring.format_report(result))
    assert result["quote_f1"] >= 0.95
    assert result["speaker_accuracy"] >= 0.95
    assert result["people_recall"] == 1.0


def test_people_are_persons_only_and_organisations_every_body_named_or_speaking():
    result = extract(
        "Dr Imogen Castle of the University of Leeds led the study. Shares in Pellworth fell. "
        '"We regret the delay," Pellworth said in a statement. "Order will be kept," the army said.'
    )
    assert [p["name"] for p in result["people"]] == ["Imogen Castle"]
    organisations = {o["name"]: o for o in result["organisations"]}
    assert list(organisations) == ["University of Leeds", "Pellworth", "Army"]
    assert organisations["Pellworth"] == {"name": "Pellworth", "aliases": [], "role": "", "mentions": 2}
    assert organisations["Army"]["mentions"] == 0  # named only by the quotation it speaks
