"""Features of a candidate speaker: what the model weighs.

Each candidate of a quotation (see candidates.py) becomes a dict of named
numbers, most of them 0/1 flags. An entity is described by its nearest
mention before and after the quotation (distance, sentence, paragraph, a
reporting verb next to it, punctuation between, object or possessive), by
what the rules and the neighbouring quotations say of it, and by how the
article names it. "Nobody" is described by the quotation itself, so that a
linear score can weigh "no one named said this" against every entity."""

import math
import re
from bisect import bisect_left, bisect_right

from archive.extraction.lexicon import REPORTING_VERBS, word_alternation

# Verbs that introduce someone's words, with those that only quote them ("called it").
QUOTING_VERBS = REPORTING_VERBS | set(
    "call calls called describe describes described label labels labelled labeled brand brands branded dub dubs "
    "dubbed accuse accuses accused deny denies denied praise praises praised criticise criticised criticize "
    "criticized blame blames blamed vow vows vowed promise promises promised pledge pledges pledged thank "
    "thanks thanked hope hopes hoped believe believes believed feel feels felt think thinks thought recall "
    "recalls recalled express expresses expressed".split()
)
VERBS = r"(?:" + word_alternation(QUOTING_VERBS) + r")\b"
# "I said", "I'm like", "I was like": the speaker of an interview answer quoting themselves.
FIRST_PERSON_RE = re.compile(
    r"\bI(?:\s+(?:said|say|told|asked|wrote|replied)|['’]m\s+like|\s+(?:was|am)\s+like)"
    r"[^.!?\"“”]{0,40}$"
)
# The mention is the subject: "Smith said", "Smith, a lawyer, told", "Smith has also said".
SUBJECT_OF_VERB_RE = re.compile(
    r"(?:['’]s?)?(?:\s*,[^,\"“”.]{1,60},)?\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?" + VERBS
)
# The mention follows its verb: 'said Foreign Minister Smith', 'says Smith'.
AFTER_VERB_RE = re.compile(r"\b" + VERBS + r"\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,5}$")
OBJECT_WORDS = {"told", "to", "asked", "with", "by", "thanked", "interviewed", "of", "for", "about", "on", "at"}
# Names of publications and agencies, which report words more often than they say them.
OUTLET_RE = re.compile(
    r"\b(?:Times|Post|News|Herald|Journal|Guardian|Telegraph|Gazette|Tribune|Mail|Express|Independent|"
    r"Observer|Chronicle|Mirror|Press|Reuters|BBC|CNN|AFP|TASS|Wikinews|Agence|Bloomberg|Associated|Radio|"
    r"Television|TV|NBC|ABC|CBS|NPR|PBS|Fox|Sky|ITV|Jazeera|Twitter|Facebook|Instagram|YouTube)\b"
)
ACCORDING_RE = re.compile(r"\b(?:according to|per)\s+(?:the\s+)?$", re.IGNORECASE)


def describe(speakers, setting, candidates):
    """One feature dict per candidate, in the same order."""
    before_order = sorted((c.before[0] for c in candidates if c.before), reverse=True)
    after_order = sorted(c.after[0] for c in candidates if c.after)
    first_person = first_named_person(speakers)
    described = [
        nobody_features(speakers, setting)
        if c.entity is None
        else entity_features(speakers, setting, c, before_order, after_order, first_person)
        for c in candidates
    ]
    if setting.quote.speaker is None:
        # When the rules named nobody, what points to a speaker weighs differently.
        described = [{**f, **{"unattributed_" + k: v for k, v in f.items()}} for f in described]
    return described


def nobody_features(speakers, setting):
    quote = setting.quote
    words = len(quote.text.split())
    f = {
        "nobody": 1.0,
        f"nobody_rules_{quote.finder or 'none'}": float(quote.speaker is None),
        "nobody_partial": float(quote.kind == "partial"),
        "nobody_short": float(words <= 4),
        "nobody_log_words": math.log1p(words),
    }
    sentence = speakers.doc.masked[setting.sentence_start : setting.sentence_end]
    f["nobody_no_verb_in_sentence"] = float(not re.search(r"\b" + VERBS, sentence))
    f["nobody_rules_spoke"] = float(quote.speaker is not None)
    f["nobody_first_person"] = first_person_quoting(speakers, setting)
    return f


def entity_features(speakers, setting, candidate, before_order, after_order, first_person):
    entity, quote = candidate.entity, setting.quote
    f = {
        "kind_person": float(entity.kind == "person"),
        "kind_organisation": float(entity.kind != "person"),
        "outlet": float(bool(OUTLET_RE.search(entity.name))),
    }
    if "rules" in candidate.sources:
        f["rules"] = 1.0
        f[f"rules_{quote.finder}"] = 1.0
    f["previous_speaker"] = float("previous" in candidate.sources)
    if "previous" in candidate.sources and setting.previous.paragraph >= setting.open_paragraph - 1:
        f["previous_speaker_near"] = 1.0
    f["pronoun_referent"] = float("pronoun" in candidate.sources)
    f["last_speaker"] = float("last_speaker" in candidate.sources)
    f["main_person"] = float("main_person" in candidate.sources)
    if f["main_person"]:
        f["main_person_first_person"] = first_person_quoting(speakers, setting)
    f["first_person"] = float(entity is first_person)
    # The subject of the sentence the quotation opens in: 'Schiff called it "a non-starter"'.
    subject = speakers.doc.first_subject(setting.sentence_start, quote.open_at)
    if subject is entity:
        f["sentence_subject"] = 1.0
        f[f"sentence_subject_{quote.kind}"] = 1.0
    # '"President Santos and I held talks," the Foreign Secretary said': one
    # named in the third person inside the words is seldom who says them.
    before = bisect_left(entity.mentions, (quote.open_at,))
    f["named_inside"] = float(before < len(entity.mentions) and entity.mentions[before][0] < quote.close_at)
    f["log_mentions"] = math.log1p(len(entity.mentions))
    f["log_mentions_before"] = math.log1p(before)
    last_event = next(speakers.events_before(quote.open_at), (None, None))[1]
    f["last_subject"] = float(last_event is entity)
    if candidate.before:
        f.update(mention_before(speakers, setting, candidate.before, before_order))
    if candidate.after:
        f.update(mention_after(speakers, setting, candidate.after, after_order))
    if not candidate.before and not candidate.after:
        f["not_near"] = 1.0
    return f


def mention_before(speakers, setting, span, order):
    s, e = span
    others = order
    quote, text = setting.quote, speakers.doc.text
    between = text[e : quote.open_at]
    f = {
        "before": 1.0,
        f"before_distance_{distance_bin(len(between))}": 1.0,
        f"before_rank_{min(order.index(s), 3)}": 1.0,
    }
    paragraphs_apart = setting.open_paragraph - paragraph_of(speakers, s)
    f[f"before_paragraphs_{min(paragraphs_apart, 2)}"] = 1.0
    f["before_same_sentence"] = float(s >= setting.sentence_start)
    f["before_colon"] = float(between.rstrip().endswith(":"))
    f["before_comma"] = float(between.rstrip().endswith(","))
    f["before_other_quote"] = float(bool(re.search(r"[\"“”]", between)))
    local = speakers.doc.masked[e : min(quote.open_at, e + 90)]
    f["before_subject_of_verb"] = float(bool(SUBJECT_OF_VERB_RE.match(local)))
    f["before_after_verb"] = float(bool(AFTER_VERB_RE.search(speakers.doc.masked, max(0, s - 60), s)))
    f["before_according_to"] = float(bool(ACCORDING_RE.search(text, max(0, s - 20), s)))
    f["before_object"] = float(
        not f["before_according_to"] and (speakers.doc.is_object(s) or word_before(text, s) in OBJECT_WORDS)
    )
    f["before_possessive"] = float(speakers.doc.possessive(e))
    f["before_verb_between"] = float(bool(re.search(r"\b" + VERBS, speakers.doc.masked[e : quote.open_at])))
    if s >= setting.sentence_start:
        opening = speakers.doc.masked[setting.sentence_start : s]
        f["before_opens_sentence"] = float(
            bool(
                re.fullmatch(
                    r"[\s\W]*(?:(?:[Tt]he|[A-Z][\w'’.-]*|[a-z-]+er|[a-z-]+or|"
                    r"[a-z-]+ist|[a-z-]+ian)\s+){0,4}",
                    opening,
                )
            )
        )
        f["before_first_in_sentence"] = float(not any(setting.sentence_start <= other < s for other in others))
    if f["before_same_sentence"]:
        f["before_same_sentence_subject"] = f["before_subject_of_verb"]
    return f


def mention_after(speakers, setting, span, order):
    s, e = span
    quote, text = setting.quote, speakers.doc.text
    between = text[quote.close_at + 1 : s]
    f = {"after": 1.0, f"after_distance_{distance_bin(len(between))}": 1.0, f"after_rank_{min(order.index(s), 3)}": 1.0}
    paragraphs_apart = paragraph_of(speakers, s) - setting.close_paragraph
    f[f"after_paragraphs_{min(paragraphs_apart, 2)}"] = 1.0
    f["after_same_sentence"] = float(s < setting.sentence_end)
    f["after_comma"] = float("," in between or quote.text.rstrip()[-1:] in ",?!")
    f["after_other_quote"] = float(bool(re.search(r"[\"“”]", between)))
    local = speakers.doc.masked[e : min(len(text), e + 90)]
    f["after_subject_of_verb"] = float(bool(SUBJECT_OF_VERB_RE.match(local)))
    f["after_after_verb"] = float(bool(AFTER_VERB_RE.search(speakers.doc.masked, max(quote.close_at, s - 60), s)))
    f["after_according_to"] = float(bool(ACCORDING_RE.search(text, max(0, s - 20), s)))
    f["after_object"] = float(
        not f["after_according_to"] and (speakers.doc.is_object(s) or word_before(text, s) in OBJECT_WORDS)
    )
    f["after_possessive"] = float(speakers.doc.possessive(e))
    if f["after_same_sentence"]:
        f["after_same_sentence_verb"] = max(f["after_subject_of_verb"], f["after_after_verb"])
    return f


def distance_bin(chars):
    """0 for adjacent (a few characters), then one bin per factor of four."""
    return 0 if chars <= 3 else min(1 + int(math.log(chars / 4, 4)), 5)


def paragraph_of(speakers, pos):
    return bisect_right(speakers.doc.paragraph_starts, pos) - 1


def word_before(text, pos):
    m = re.search(r"([\w'’-]+)\W*$", text[max(0, pos - 30) : pos])
    return m.group(1).lower() if m else ""


def first_named_person(speakers):
    for _, _, entity in speakers.doc.mentions:
        if entity.kind == "person":
            return entity
    return None


def first_person_quoting(speakers, setting):
    """1.0 when an "I said" or "I'm like" introduces the quotation."""
    quote = setting.quote
    return float(bool(FIRST_PERSON_RE.search(speakers.doc.masked, max(0, quote.open_at - 80), quote.open_at)))
