"""The quotation filter at run time: the features of a quoted span, the
model file, its decisions and the fallback to the rules without it."""

import json
from pathlib import Path

from archive.extraction import extract, quote_kinds
from archive.extraction.quotations import find_quotes
from archive.extraction.scoring import load_documents
from archive.extraction.text import paragraph_spans

ROOT = Path(__file__).resolve().parents[2]
TITLE = 'Last night they watched the film "Gone with the Wind" on television.'
REMARK = '"We will win," she said.'


def described(text):
    paragraphs = paragraph_spans(text)
    interview = quote_kinds.is_interview(text, paragraphs)
    return [quote_kinds.describe(text, q, paragraphs, interview) for q in find_quotes(text, paragraphs)]


def kept_texts(text, **options):
    return [q["text"] for q in extract(text, **options)["quotes"] if q["kind"] != "indirect"]


def test_a_remark_is_described_by_its_sentence_and_its_reporting_clause():
    [features] = described('The mayor said: "We will open the bridge in May."')
    assert features["before:colon"] == 1.0 and features["before:verb"] == 1.0
    assert features["ends_sentence"] == 1.0 and features["starts_capital"] == 1.0
    assert features["rules_keep"] == 1.0 and features["rules_direct"] == 1.0
    assert "title_like" not in features


def test_a_title_is_described_by_its_capitals():
    [features] = described(TITLE)
    assert features["title_like"] == 1.0 and features["capital_share"] == 1.0
    assert features["before:other"] == 1.0 and features["words=4"] == 1.0
    assert "rules_keep" not in features


def test_words_after_the_closing_mark_are_described():
    [features] = described(REMARK)
    assert features["after:attribution"] == 1.0 and features["ends_comma"] == 1.0
    assert features["before:start"] == 1.0 and "whole_paragraph" not in features


def test_a_paragraph_that_is_all_one_quotation_is_described():
    [features] = described('Police said the road was closed.\n"Nobody was hurt, and the road will reopen soon."')
    assert features["whole_paragraph"] == 1.0 and features["paragraph_share"] > 0.95


def test_naming_words_before_a_mark_are_described():
    [features] = described('The plan, dubbed "Operation Sunrise", starts today.')
    assert features["before:naming"] == 1.0


def test_someones_word_for_a_thing_after_described_as_is_described():
    [features] = described("Mayor Dana Voss described metro mayors as the ‘pill' you must take for devolution.")
    assert features["before:described_as"] == 1.0
    [features] = described('The plan, dubbed "Operation Sunrise", starts today.')
    assert "before:described_as" not in features


def test_an_article_of_labelled_answers_is_an_interview():
    text = '((WN)) What did you call it?\n((Ann Lee)) I called it "the long walk".\n((WN)) Why?'
    [features] = described(text)
    assert features["interview"] == 1.0 and features["interview_answer"] == 1.0
    assert "interview" not in described(REMARK)[0]


def test_the_model_file_loads_as_small_plain_weights():
    loaded = quote_kinds.load(quote_kinds.MODEL_PATH)
    assert isinstance(loaded, quote_kinds.QuoteModel)
    assert "bias" in loaded.weights and all(isinstance(w, float) for w in loaded.weights.values())
    assert quote_kinds.MODEL_PATH.stat().st_size < 20_000
    data = json.loads(quote_kinds.MODEL_PATH.read_text(encoding="utf-8"))
    assert "wikinews/gold_dev" in data["trained_on"]


def test_no_model_file_means_no_model():
    assert quote_kinds.load(ROOT / "no-such-model.json") is None


def test_the_real_model_drops_a_film_title_and_keeps_a_remark():
    assert kept_texts(TITLE) == []
    assert kept_texts(REMARK) == ["We will win,"]


def test_the_model_decides_over_the_rules():
    assert kept_texts(TITLE, select_quotes=quote_kinds.rules_only) == []
    keeps_all = quote_kinds.QuoteModel({"bias": 1.0})
    assert kept_texts(TITLE, select_quotes=lambda t, s, p: quote_kinds.select_quotes(t, s, p, keeps_all)) == [
        "Gone with the Wind"
    ]
    drops_all = quote_kinds.QuoteModel({"bias": -1.0})
    assert kept_texts(REMARK, select_quotes=lambda t, s, p: quote_kinds.select_quotes(t, s, p, drops_all)) == []


def test_a_span_the_rules_dropped_gets_a_kind_when_the_model_keeps_it():
    keeps_all = quote_kinds.QuoteModel({"bias": 1.0})
    [quote] = extract(TITLE, select_quotes=lambda t, s, p: quote_kinds.select_quotes(t, s, p, keeps_all))["quotes"]
    assert quote["kind"] == "partial"


def test_without_the_model_file_the_rules_decide(monkeypatch):
    texts = [*load_documents([ROOT / "seeds" / "articles"]).values(), TITLE, REMARK]
    monkeypatch.setattr(quote_kinds, "load", lambda path=None: None)
    for text in texts:
        assert extract(text) == extract(text, select_quotes=quote_kinds.rules_only)


def test_the_kind_weights_choose_direct_or_partial():
    partial_only = quote_kinds.QuoteModel({"bias": 1.0}, {"bias": -1.0})
    [quote] = extract(REMARK, select_quotes=lambda t, s, p: quote_kinds.select_quotes(t, s, p, partial_only))["quotes"]
    assert quote["kind"] == "partial"
    assert extract(REMARK)["quotes"][0]["kind"] == "direct"
    assert extract('The minister called the plan "a serious mistake" on Monday.')["quotes"][0]["kind"] == "partial"


def test_the_model_file_has_kind_weights():
    assert quote_kinds.load(quote_kinds.MODEL_PATH).kind_weights
