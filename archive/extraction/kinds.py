"""The learned kind of a name: person, organisation or neither.

The rules (runs, people, organisations) find entities and guess each one's
kind; this module describes every entity they found (`describe`) and scores
it with two logistic regressions learned from the gold sets (kind_training.py),
their weights in `kind_model.json`: is it a person? and, if not, is it an
organisation or neither (a place, a thing, a title, a fragment)? `choose_kinds`
then drops the entities that are neither and moves a person to the
organisations, or back, when the model is confident. The file is plain JSON,
read once, scored in pure Python; without it the rules' kinds stand.

Word frequencies come from `wordfreq` (its small English list, loaded on first
use): a name made of ordinary words ("White Paper", "Local Growth Fund") reads
differently from one made of rare ones ("Gleeson", "Kosgei")."""

import math
import re
from functools import cache
from pathlib import Path

from archive.extraction import modelfile, places
from archive.extraction.lexicon import (
    COURTESY,
    KIN,
    ORG_WORDS,
    REPORTING_VERBS,
    ROLE_WORDS,
    census_given_names,
    is_given_name,
)
from archive.extraction.tokens import fold, is_acronym

MODEL_PATH = Path(__file__).resolve().parent / "kind_model.json"
PERSON, ORGANISATION, NEITHER = "person", "organisation", "neither"
PRONOUN_RE = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)
# A kin word or a lower-case job word just before a name: "his wife Maya", "director Jo Wu".
KIN_BEFORE_RE = re.compile(r"\b(?:" + KIN + r")s?(?:,|\s+(?:and\s+)?)$")
WORD_BEFORE_RE = re.compile(r"\b([a-z][\w-]*)\s+$")
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# Words at least this frequent (Zipf 3: once in a million words) are ordinary vocabulary.
ORDINARY_ZIPF = 3.0


@cache
def english_frequencies():
    """Lower-cased word -> Zipf frequency (log10 per billion words) from
    wordfreq's small English list, about 29,000 words; absent words are rarer."""
    from wordfreq import get_frequency_dict

    return {word: round(math.log10(freq) + 9, 2) for word, freq in get_frequency_dict("en", wordlist="small").items()}


def zipf(word):
    return english_frequencies().get(word.lower().replace("’", "'"), 0.0)


def vocabulary(word):
    """The word itself when it is an ordinary English one ("paper", "fund"),
    else "<rare>": the model learns what words like "Council" mean, never a
    particular person's name."""
    return word if zipf(word) >= ORDINARY_ZIPF else "<rare>"


def describe(text, entity, speakers=frozenset()):
    """Feature dict of one entity in its article: what the rules decided, what
    the name is made of, and how the article uses it."""
    words = WORD_RE.findall(entity.name) or [entity.name]
    lower = [fold(w) for w in words]
    frequencies = [zipf(w) for w in words]
    # The head noun: "University" in "University of Leeds", else the last word.
    head = lower.index("of") - 1 if "of" in lower[1:] else len(lower) - 1
    found = {
        "rules=" + entity.kind: 1.0,
        f"tokens={min(len(words), 4)}": 1.0,
        "min_zipf": min(frequencies) / 8,
        "max_zipf": max(frequencies) / 8,
        "mean_zipf": sum(frequencies) / len(frequencies) / 8,
        "first_zipf": frequencies[0] / 8,
        "last_zipf": frequencies[-1] / 8,
        "unknown_words": sum(f == 0 for f in frequencies) / len(frequencies),
        "common_words": sum(f >= 4 for f in frequencies) / len(frequencies),
        "first_given_name": float(is_given_name(words[0])),
        "first_census_name": float(lower[0] in census_given_names()),
        "org_word_last": float(lower[-1] in ORG_WORDS),
        "org_word_head": float(lower[head] in ORG_WORDS),
        "org_word_any": float(any(w in ORG_WORDS for w in lower)),
        "role_word_any": float(any(w in ROLE_WORDS for w in lower)),
        "head=" + vocabulary(lower[head]): 1.0,
        "first=" + vocabulary(lower[0]): 1.0,
        "suffix=" + lower[-1][-3:]: 1.0,
        "place_name": float(places.is_place(entity.name)),
        "place_word_any": float(any(places.is_place(w) for w in words)),
        "acronym": float(len(words) == 1 and is_acronym(words[0])),
        "all_capitals": float(all(w.isupper() for w in words)),
        "has_of_the_and": float(any(w in ("of", "the", "and", "for") for w in lower)),
        "honorific": float(bool(entity.honorific)),
        "role": float(bool(entity.role)),
        "gender": float(bool(entity.gender)),
        "aliases": min(len(entity.aliases), 3) / 3,
        "speaker": float(id(entity) in speakers),
    }
    found.update(usage(text, entity))
    return found


def usage(text, entity):
    """How the article writes the entity's mentions: after "the", a kin word
    or a job, before a possessive or a reporting verb, at the start of a
    sentence, with a personal pronoun soon after."""
    mentions = entity.mentions or [(0, 0)]
    counts = dict.fromkeys(
        ("the_before", "possessive", "verb_after", "sentence_start", "pronoun_after", "kin_before", "role_before"), 0
    )
    for start, end in mentions:
        before = text[max(0, start - 30) : start]
        after = text[end : end + 40]
        counts["the_before"] += before.lower().endswith("the ")
        counts["kin_before"] += bool(KIN_BEFORE_RE.search(before))
        word = WORD_BEFORE_RE.search(before)
        counts["role_before"] += bool(word and word.group(1) in ROLE_WORDS)
        counts["possessive"] += after[:2] in ("'s", "’s")
        verb = re.match(r"\s+(?:also\s+|later\s+|has\s+|had\s+)?([a-z]+)", after)
        counts["verb_after"] += bool(verb and verb.group(1) in REPORTING_VERBS)
        # As tokens.sentence_initial, on the last few characters only.
        opening = before.rstrip(" \t\"'“‘(")
        counts["sentence_start"] += opening[-1] in ".!?:\n" if opening else start <= len(before)
        counts["pronoun_after"] += bool(PRONOUN_RE.search(text, end, end + 80))
    found = {name: n / len(mentions) for name, n in counts.items()}
    found["mentions"] = math.log(1 + len(entity.mentions)) / 3
    return found


def sigmoid(x):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, x))))


class KindModel:
    """Two linear scores: person against not, and organisation against
    neither; `threshold` is how sure "not a person" must be to act on it."""

    def __init__(self, person, organisation, threshold=0.5):
        # Each {"bias": b, "weights": {...}}, or None when training had no
        # examples to tell its two answers apart.
        self.person = person
        self.organisation = organisation
        self.threshold = threshold

    @classmethod
    def from_dict(cls, data):
        return cls(data["person"], data["organisation"], float(data.get("threshold", 0.5)))

    def to_dict(self):
        return {"threshold": self.threshold, "person": self.person, "organisation": self.organisation}

    @staticmethod
    def probability(part, feature_dict):
        weights = part["weights"]
        return sigmoid(part["bias"] + sum(weights.get(name, 0.0) * value for name, value in feature_dict.items()))

    def predict(self, feature_dict):
        """(kind, probability of a person); the kind is None where the rules' stands."""
        if self.person is None:
            return None, 0.5
        p_person = self.probability(self.person, feature_dict)
        if p_person >= 1 - self.threshold:
            return PERSON, p_person
        if p_person > self.threshold:
            return None, p_person  # not sure either way: the rules' kind stands
        body = bool(feature_dict.get("rules=organisation"))
        if self.organisation is None:
            # Trained only on articles without organisation lists: a body the
            # rules found stays one, a person that is none is dropped.
            return (ORGANISATION if body else NEITHER), p_person
        p_organisation = self.probability(self.organisation, feature_dict)
        # A body the rules found goes only when the model is as sure as it
        # must be to drop a person; a person becomes a body on the better guess.
        return (ORGANISATION if p_organisation > (self.threshold if body else 0.5) else NEITHER), p_person


@cache
def load(path=MODEL_PATH):
    """The model in `path`, or None when there is no such file."""
    data = modelfile.read(path)
    return None if data is None else KindModel.from_dict(data)


def speaker_ids(quotes):
    return frozenset(id(q.speaker) for q in quotes if q.speaker is not None)


def choose_kinds(text, entities, quotes, model=None):
    """The entities to keep, each with the kind the model gives it: those it
    finds to be neither go, unless a quotation names them as its speaker.
    With no model (none given and no model file) the rules' kinds stand."""
    model = model or load()
    if model is None:
        return entities
    speakers = speaker_ids(quotes)
    kept = []
    for entity in entities:
        if entity.kind == PERSON and entity.honorific.lower().rstrip(".") in COURTESY:
            kept.append(entity)  # "Dr Imogen Castle", "Mrs Brook": certain, whatever the name is made of
            continue
        kind, _ = model.predict(describe(text, entity, speakers))
        if kind == NEITHER and id(entity) not in speakers:
            continue
        if kind in (PERSON, ORGANISATION):
            entity.kind = kind
        kept.append(entity)
    return kept


def keep_rules_kinds(text, entities, quotes):
    """The rules' entities and kinds, unchanged (training records these)."""
    return entities
