"""The learned quotation filter: which quoted spans are quotations.

`find_quotes` finds every span inside quotation marks; the rules
(`quotations.classify`) keep quotations and drop titles, names, terms and
scare quotes. Each span is also described here by a few general features
(its length and capitals, the words either side of its marks, its paragraph,
the rules' own decision) and a logistic regression scores them, its weights
read from `quote_model.json` and summed in pure Python. The model decides
which spans are quotations, and a second set of weights over the same
features (and the rules' kind) which are direct and which partial.
Without the file the rules decide alone. `python manage.py train_attribution`
rebuilds it (quote_training.py)."""

import math
import re
from functools import cache
from pathlib import Path

from archive.extraction import modelfile
from archive.extraction.interviews import INTERVIEW_LABEL_RE
from archive.extraction.lexicon import VERB_RE
from archive.extraction.quotations import (
    CONTEXT,
    NAMING_RE,
    SPEAKER_CALLED_RE,
    classify,
    is_direct,
    post_attribution_clause,
    sentence_around,
    title_like,
)

MODEL_PATH = Path(__file__).resolve().parent / "quote_model.json"
WORD_RE = re.compile(r"[\w'’\[\]]+")
SMALL_WORDS = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with"}
# Words read as themselves right before an opening mark or after a closing one;
# any other word is described by its shape only, so the model stays small.
ARTICLES = {"a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "my", "your"}
CONNECTIVES = {
    "as",
    "of",
    "and",
    "or",
    "like",
    "is",
    "was",
    "be",
    "are",
    "were",
    "called",
    "says",
    "said",
    "word",
    "words",
    "term",
    "phrase",
    "slogan",
    "sign",
    "banner",
    "saying",
    "read",
    "reads",
    "about",
    "to",
    "with",
    "for",
    "from",
    "by",
    "that",
    "than",
    "it",
    "on",
    "in",
    "at",
    "you",
    "i",
    "if",
}
PRONOUNS = {"he", "she", "they", "we", "i", "it"}
SENTENCE_INSIDE_RE = re.compile(r"[.!?][\]\"”’']?\s+\S")
FIRST_PERSON_RE = re.compile(r"\b(?:I|we|my|our|us|me|I'm|we're)\b")
SECOND_PERSON_RE = re.compile(r"\byou\b", re.IGNORECASE)
PRONOUN_VERB_RE = re.compile(r",?\s*(?:he|she|they|we|i)\s+" + VERB_RE.pattern, re.IGNORECASE)
INTERVIEWER_RE = re.compile(r"\(\((?:WN|Wikinews|Q)\)\)")
DOUBLE_MARK_RE = re.compile(r"[\"“”]")
SENTENCE_END_RE = re.compile(r"[.!?]\s+")


class QuoteModel:
    """Linear weights over span features: a span is a quotation when its
    score is above zero (a probability above one half), and a quotation is
    direct when its score by `kind_weights` is; without those the rules'
    kind stands."""

    def __init__(self, weights, kind_weights=None):
        self.weights = weights
        self.kind_weights = kind_weights or {}

    @classmethod
    def from_dict(cls, data):
        return cls(*({name: float(w) for name, w in data.get(key, {}).items()} for key in ("weights", "kind_weights")))

    def to_dict(self):
        return {"weights": dict(sorted(self.weights.items())), "kind_weights": dict(sorted(self.kind_weights.items()))}

    def score(self, feature_dict, weights=None):
        weights = self.weights if weights is None else weights
        return weights.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in feature_dict.items())

    def keeps(self, feature_dict):
        return self.score(feature_dict) > 0

    def kind(self, quote, feature_dict):
        if not self.kind_weights:
            return quote.kind
        return "direct" if self.score(kind_features(quote, feature_dict), self.kind_weights) > 0 else "partial"


def kind_features(quote, feature_dict):
    """A quotation's features for its kind: the span's and the rules' kind."""
    return {**feature_dict, "rules_kind_direct": float(quote.kind == "direct")}


@cache
def load(path=MODEL_PATH):
    """The model in `path`, or None when there is no such file."""
    data = modelfile.read(path)
    return None if data is None else QuoteModel.from_dict(data)


def rules_only(text, spans, paragraphs):
    """The quotations the rules keep, their kind set."""
    return [q for q in spans if classify(text, q, paragraphs)]


def select_quotes(text, spans, paragraphs, quote_model=None):
    """The spans that are quotations, each with its kind: by `quote_model`,
    else the model file, else the rules alone."""
    quote_model = quote_model or load()
    if quote_model is None:
        return rules_only(text, spans, paragraphs)
    interview = is_interview(text, paragraphs)
    kept = []
    for quote in spans:
        features = describe(text, quote, paragraphs, interview)
        if quote_model.keeps(features):
            quote.kind = quote_model.kind(quote, features)
            kept.append(quote)
    return kept


def is_interview(text, paragraphs):
    """Two or more paragraphs open with a speaker's label ("((WN))")."""
    return sum(bool(INTERVIEW_LABEL_RE.match(text, start, end)) for start, end in paragraphs) >= 2


def describe(text, quote, paragraphs, interview=False):
    """The features of one quoted span. Runs the rules on it too (their
    decision is a feature) and sets its kind as they would."""
    kept = classify(text, quote, paragraphs)
    p_start, p_end = paragraphs[quote.paragraph]
    before = text[max(p_start, quote.open_at - CONTEXT) : quote.open_at]
    after = text[quote.close_at + 1 : min(p_end, quote.close_at + 1 + CONTEXT)]
    body = quote.text
    words = WORD_RE.findall(body)
    attributed = bool(post_attribution_clause(after, body))
    if not kept:
        quote.kind = "direct" if is_direct(before, body, attributed) else "partial"
    found = {"rules_keep": float(kept), "rules_direct": float(kept and quote.kind == "direct")}
    found.update(body_features(body, words))
    found.update(before_features(before))
    found.update(after_features(after, attributed))
    found.update(setting_features(text, quote, paragraphs, before, after, interview))
    return {name: value for name, value in found.items() if value}


def body_features(body, words):
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    capitals = sum(w[:1].isupper() for w in content)
    n = len(words)
    return {
        f"words={min(n, 6) if n < 7 else ('7-12' if n <= 12 else '13+')}": 1.0,
        "log_words": math.log1p(n),
        "capital_share": capitals / len(content) if content else 0.0,
        "title_like": float(bool(words) and bool(title_like(words, body))),
        "starts_capital": float(body[:1].isupper()),
        "starts_lower": float(body[:1].islower()),
        "ends_sentence": float(body.rstrip()[-1:] in ".!?"),
        "ends_comma": float(body.rstrip()[-1:] == ","),
        "sentence_inside": float(bool(SENTENCE_INSIDE_RE.search(body))),
        "first_person": float(bool(FIRST_PERSON_RE.search(body))),
        "second_person": float(bool(SECOND_PERSON_RE.search(body))),
        "hyphenated": float(n <= 2 and "-" in body),
        "digit": float(any(ch.isdigit() for ch in body)),
        "no_words": float(not words),
    }


# "Marvin Rees described metro mayors as the ‘pill'": someone's word for a thing.
DESCRIBED_AS_RE = re.compile(
    r"\b(?:describ|characteris|characteriz|portray)\w*\s+[^.!?]{0,60}?\bas(?:\s+(?:the|a|an))?$"
)


def before_features(before):
    lead = before.rstrip()
    tail = lead.split()[-4:]
    last = tail[-1] if tail else ""
    word = re.sub(r"\W", "", last).lower()
    return {
        "before:start": float(not lead),
        "before:colon": float(lead.endswith(":")),
        "before:comma": float(lead.endswith(",")),
        "before:dash": float(lead[-1:] in "—–-"),
        "before:paren": float(lead.endswith("(")),
        "before:sentence_end": float(lead[-1:] in ".!?"),
        "before:naming": float(bool(NAMING_RE.search(lead))),
        "before:speaker_called": float(bool(SPEAKER_CALLED_RE.search(lead))),
        "before:described_as": float(bool(DESCRIBED_AS_RE.search(lead))),
        "before:verb": float(bool(VERB_RE.search(" ".join(tail)))),
        "before:capitalised_word": float(last[:1].isupper() and lead[-1:].isalnum()),
        f"before:{word_shape(word)}": 1.0 if word else 0.0,
    }


def after_features(after, attributed):
    rest = after.lstrip()
    first = WORD_RE.match(rest)
    word = first.group().lower() if first else ""
    return {
        "after:attribution": float(attributed),
        "after:end": float(not rest),
        "after:comma": float(after.startswith(",")),
        "after:full_stop": float(after[:1] in ".;"),
        "after:paren": float(rest.startswith("(") and not after.startswith(",")),
        "after:capital": float(rest[:1].isupper() and after[:1].isspace()),
        "after:lowercase": float(rest[:1].islower() and after[:1].isspace()),
        "after:pronoun_verb": float(bool(PRONOUN_VERB_RE.match(rest))),
        f"after:{word_shape(word)}": 1.0 if word and after[:1].isspace() else 0.0,
    }


def setting_features(text, quote, paragraphs, before, after, interview):
    p_start, p_end = paragraphs[quote.paragraph]
    sentence = sentence_around(before, after)
    own = (min(quote.close_at, p_end) - quote.open_at) / max(1, p_end - p_start)
    return {
        "paragraph_share": own,
        "whole_paragraph": float(own > 0.8),
        "multi_paragraph": float(quote.close_at > p_end or quote.end > p_end),
        "sentence_verb": float(bool(VERB_RE.search(sentence))),
        "according_to": float("according to" in sentence.lower()),
        "single_marks": float(text[quote.open_at] in "‘'"),
        "interview": float(interview),
        "interview_answer": float(
            interview
            and bool(INTERVIEW_LABEL_RE.match(text, p_start, p_end))
            and not INTERVIEWER_RE.match(text, p_start, p_end)
        ),
        "other_quotes_in_sentence": float(bool(DOUBLE_MARK_RE.search(last_part(before)))),
    }


def last_part(before):
    return SENTENCE_END_RE.split(before)[-1]


def word_shape(word):
    """A word right next to a mark: itself when it is a common function word
    or a verb of saying, else its kind."""
    if not word:
        return ""
    if word in ARTICLES or word in CONNECTIVES or word in PRONOUNS:
        return "word=" + word
    if VERB_RE.fullmatch(word):
        return "verb"
    return "other"
