"""The stable commands used to measure extraction: `extract` and `evaluate_extraction`."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(name, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(name, *map(str, args), stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return code, out.getvalue(), err.getvalue()


def test_extract_prints_one_json_object_per_document_without_a_database(tmp_path):
    # No django_db mark: any query would make this test error.
    (tmp_path / "a.txt").write_text('---\nheadline: H\n---\n"We will win," said Ann Lee.', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "doc-1", "text": "Bob Hart said: \u201cNo comment.\u201d"}) + "\n", encoding="utf-8"
    )
    code, out, _ = run("extract", tmp_path / "a.txt", tmp_path / "b.jsonl")
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in docs] == ["a.txt", "doc-1"]
    (quote,) = docs[0]["quotes"]
    assert (quote["text"], quote["speaker"], quote["kind"]) == ("We will win,", "Ann Lee", "direct")
    assert docs[1]["quotes"][0]["speaker"] == "Bob Hart"
    assert set(docs[0]) == {"id", "quotes", "people", "organisations", "places"}


def test_extract_reports_bad_input_and_still_prints_the_good_documents(tmp_path):
    (tmp_path / "docs.jsonl").write_text(
        json.dumps({"id": "ok", "text": "Nothing quoted here."}) + "\nnot json\n", encoding="utf-8"
    )
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    code, out, err = run("extract", tmp_path)
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["ok"]
    assert "docs.jsonl:2" in err
    assert "latin1.txt: not UTF-8" in err


def test_evaluate_extraction_prints_the_scores_for_the_seeds():
    code, out, _ = run("evaluate_extraction")
    assert code == 0
    print(out)
    assert "quotations: precision" in out
    assert "speaker accuracy" in out
    assert "people recall" in out


@pytest.mark.parametrize("gold", ["gold_dev.json", "gold_holdout.json"])
def test_evaluate_extraction_scores_a_wikinews_gold_set(gold):
    code, out, _ = run(
        "evaluate_extraction",
        "--gold",
        f"seeds/wikinews/{gold}",
        "--corpus",
        "seeds/wikinews/wikinews_en_2019_2021.jsonl",
    )
    print(gold, out)
    assert code == 0
    assert "quotations: precision" in out
