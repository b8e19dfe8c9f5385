"""The scorer on small hand-made gold/prediction pairs whose scores were
worked out by hand."""

import json

import pytest

from archive.extraction import scoring

BODY = (
    "Ann Lee said: “We will build the bridge next year.” "
    "Bob Ray said the plan was “a costly mistake for everyone”. "
    "“Nobody asked us,” a resident said."
)
GOLD = {
    "articles": {
        "a.txt": {
            "quotes": [
                {"speaker": "Ann Lee", "kind": "direct", "start": "We will build", "end": "next year."},
                {"speaker": "Robert Ray", "kind": "partial", "start": "a costly", "end": "for everyone"},
                {"speaker": None, "kind": "direct", "start": "Nobody asked us,", "end": "Nobody asked us,"},
            ],
            "people": ["Ann Lee", "Robert Ray", "Dr Cy Oak"],
        }
    },
    "speaker_aliases": {"Robert Ray": ["Bob Ray"]},
}


def test_overlap_f1_counts_shared_words():
    # 3 shared words; 4 predicted, 6 gold: P = 3/4, R = 3/6, F1 = 0.6
    assert scoring.overlap_f1("one two three four five six", "one two three seven") == pytest.approx(0.6)
    assert scoring.overlap_f1("a b", "c d") == 0.0


def test_gold_quote_text_runs_from_start_words_to_end_words():
    quote = GOLD["articles"]["a.txt"]["quotes"][0]
    assert scoring.gold_quote_text(BODY, quote) == "We will build the bridge next year."


def test_matching_is_one_to_one_and_needs_overlap_of_point_eight():
    gold = ["we will build the bridge next year"]
    predicted = ["we will build the bridge next year", "we will build the bridge next year", "we will"]
    assert scoring.match_quotes(gold, predicted) == [(0, 0)]


def test_names_match_by_alias_and_without_title_but_not_otherwise():
    aliases = {"Robert Ray": ["Bob Ray"]}
    assert scoring.same_person("Robert Ray", "bob ray", aliases)
    assert scoring.same_person("Dr Cy Oak", "Cy Oak", aliases)
    assert scoring.same_person(None, None, aliases)
    assert not scoring.same_person(None, "Ann Lee", aliases)
    assert not scoring.same_person("Ann Lee", "Ann Leigh", aliases)


def test_score_counts_quotes_speakers_and_people():
    prediction = {
        "quotes": [
            {"text": "We will build the bridge next year.", "speaker": "Ann Lee", "kind": "direct"},
            {"text": "a costly mistake for everyone", "speaker": "Bob Ray", "kind": "partial"},
            {"text": "the plan was", "speaker": "Bob Ray", "kind": "indirect"},
            {"text": "Nobody asked us,", "speaker": "Ann Lee", "kind": "direct"},
            {"text": "an invented quotation", "speaker": None, "kind": "direct"},
        ],
        "people": ["Ann Lee", "Bob Ray", "Cy Oak"],
    }
    result = scoring.score({"a.txt": BODY}, GOLD, {"a.txt": prediction})
    # 3 of 4 scored predictions match (indirect is ignored), all 3 gold found:
    # P = 3/4, R = 1, F1 = 2 * 0.75 / 1.75 = 6/7.
    assert result["quote_precision"] == pytest.approx(0.75)
    assert result["quote_recall"] == pytest.approx(1.0)
    assert result["quote_f1"] == pytest.approx(6 / 7)
    # "Nobody asked us" belongs to nobody, so Ann Lee is wrong: 2 of 3.
    assert result["speaker_accuracy"] == pytest.approx(2 / 3)
    assert result["people_recall"] == pytest.approx(1.0)
    doc = result["documents"]["a.txt"]
    assert doc["extra_quotes"] == ["an invented quotation"]
    assert doc["wrong_speakers"] == [("Nobody asked us,", None, "Ann Lee")]


def test_people_precision_counts_predicted_persons_that_name_no_gold_person():
    prediction = {
        "quotes": [
            {"text": "Nobody asked us,", "speaker": "Harbour Board", "kind": "direct", "speaker_kind": "organisation"}
        ],
        # The board spoke, so it is listed, but it is no person: it does not count.
        "people": ["Ann Lee", "Bob Ray", "Dee Fox", "Harbour Board"],
    }
    result = scoring.score({"a.txt": BODY}, GOLD, {"a.txt": prediction})
    # Ann Lee and Bob Ray (an alias of Robert Ray) are gold people; Dee Fox is not: 2 of 3.
    assert result["people_precision"] == pytest.approx(2 / 3)
    assert result["documents"]["a.txt"]["extra_people"] == ["Dee Fox"]
    assert "people precision: 0.667  (2/3)" in scoring.format_report(result)


def test_a_missing_prediction_scores_zero_recall():
    result = scoring.score({"a.txt": BODY}, GOLD, {})
    assert result["quote_recall"] == 0.0
    assert result["people_recall"] == 0.0
    assert "missed person: Ann Lee" in scoring.format_report(result, verbose=True)


def test_load_documents_strips_front_matter_and_reads_jsonl(tmp_path):
    (tmp_path / "one.txt").write_text("---\nheadline: H\n---\nBody text.\n", encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(json.dumps({"id": "x1", "text": "Other."}) + "\n", encoding="utf-8")
    assert scoring.load_documents([tmp_path]) == {"one.txt": "Body text.\n", "x1": "Other."}


def test_a_leading_the_is_ignored_in_names():
    assert scoring.same_person("The Harbour Gazette", "Harbour Gazette", {})
    assert scoring.same_person("Harbour Gazette", "the Harbour Gazette", {})


def test_organisations_match_on_a_subset_of_words_but_people_do_not():
    assert scoring.same_person("Dutch Navy", "Navy", {}, organisation=True)
    assert scoring.same_person("Navy", "the Royal Dutch Navy", {}, organisation=True)
    assert not scoring.same_person("Dutch Navy", "Navy", {})
    assert not scoring.same_person("Ann Lee", "Lee", {})
    assert not scoring.same_person("State Board of Health", "Health Department", {}, organisation=True)


def test_organisations_are_scored_by_name_where_the_gold_lists_them():
    gold = {
        "articles": {
            "a.txt": {"quotes": [], "people": [], "organisations": ["Harbour Board", "Leeds City Council"]},
            "b.txt": {"quotes": [], "people": []},
        }
    }
    predictions = {
        # "Council" alone is not the council's name; "Northern Powerhouse" is no body the gold lists.
        "a.txt": {"quotes": [], "people": [], "organisations": ["the Harbour Board", "Council", "Northern Powerhouse"]},
        # The gold of b.txt does not list organisations: its own do not count.
        "b.txt": {"quotes": [], "people": [], "organisations": ["Anything Ltd"]},
    }
    result = scoring.score({"a.txt": BODY, "b.txt": BODY}, gold, predictions)
    assert result["organisation_recall"] == pytest.approx(1 / 2)
    assert result["organisation_precision"] == pytest.approx(1 / 3)
    assert result["documents"]["a.txt"]["extra_organisations"] == ["Council", "Northern Powerhouse"]
    assert "organisation precision: 0.333  (1/3)" in scoring.format_report(result)


def test_a_set_whose_gold_lists_no_organisations_has_no_organisation_scores():
    result = scoring.score({"a.txt": BODY}, GOLD, {"a.txt": {"quotes": [], "people": [], "organisations": ["X"]}})
    assert result["organisation_recall"] is None and result["organisation_precision"] is None
    assert "organisation" not in scoring.format_report(result).split("(names match")[0]


def test_a_name_matches_whatever_its_apostrophe():
    assert scoring.same_person("Gus O’Donnell", "Gus O'Donnell", {})
