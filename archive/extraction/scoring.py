"""Scoring extraction output against hand annotations (the seeds/gold.json format).

A predicted quotation matches a gold one when their word-overlap F1 is at
least 0.8, one to one, best pairs first. Indirect speech is not scored.
Speaker accuracy is measured on matched quotations; people by recall and
precision (gold people lists name every person in the article, so a predicted
person matching none of them is a false positive); organisations likewise, in
the articles whose gold lists them (an `organisations` key), by exact name
without a leading "the" (or a gold alias), since a gold list names each body
under its fullest form. Pure functions, no Django, so tests and notebooks can
use them directly.

Names match leniently (see `same_person`); an organisation predicted as such
also matches a gold name whose words contain all of its words, or are all
contained in it, once a leading "the" is dropped ("Army" ~ "Iranian Army").
People's names get no such leeway."""

import json
import re
from collections import Counter
from pathlib import Path

from archive.formats import split_front_matter

MATCH_THRESHOLD = 0.8
HONORIFIC_RE = re.compile(
    r"^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|cllr|councillor|rev|reverend|mme|"
    r"mufti|imam|rabbi|father|judge|justice|chancellor|president|senator|governor|mayor|"
    r"lord|lady|baroness|baron|pope|queen|king|prince|princess|sheikh)\.?\s+",
    re.IGNORECASE,
)


def words(text):
    return re.findall(r"\w+", text.lower())


def overlap_f1(a, b):
    """Word-overlap F1 of two strings (bags of lower-cased words)."""
    wa, wb = Counter(words(a)), Counter(words(b))
    common = sum((wa & wb).values())
    if not common:
        return 0.0
    precision = common / sum(wb.values())
    recall = common / sum(wa.values())
    return 2 * precision * recall / (precision + recall)


def gold_quote_text(body, quote):
    """The annotated quotation: from its first words to its last words."""
    i = body.index(quote["start"])
    j = body.index(quote["end"], i)
    return body[i : j + len(quote["end"])]


def match_quotes(gold_texts, predicted_texts):
    """One-to-one (gold index, predicted index) pairs, best overlap first."""
    pairs = []
    for g, gold in enumerate(gold_texts):
        for p, pred in enumerate(predicted_texts):
            f1 = overlap_f1(gold, pred)
            if f1 >= MATCH_THRESHOLD:
                pairs.append((f1, g, p))
    used_g, used_p, matches = set(), set(), []
    for _, g, p in sorted(pairs, key=lambda pair: (-pair[0], pair[1], pair[2])):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            matches.append((g, p))
    return sorted(matches)


def strip_honorific(name):
    return HONORIFIC_RE.sub("", name.strip())


def same_person(gold, predicted, aliases, organisation=False):
    """Lenient name match: the gold name, one of its aliases, or the gold name
    without its title, compared case-insensitively, without a leading
    "the" and whatever the apostrophe. Null matches null. A predicted `organisation` also matches when
    its words are a subset of a gold form's words or the other way round."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    accepted = {without_the(a) for a in (gold, strip_honorific(gold), *aliases.get(gold, ()))}
    if without_the(predicted) in accepted:
        return True
    if organisation:
        mine = set(words(without_the(predicted)))
        return any(mine and (mine <= set(words(a)) or set(words(a)) <= mine) for a in accepted if words(a))
    return False


def without_the(name):
    """Lower case, no leading "the", one apostrophe ("O’Donnell" is "O'Donnell")."""
    return re.sub(r"^the\s+", "", name.strip().lower().replace("’", "'"))


def score_document(body, gold, prediction, aliases):
    """Counts and misses for one article."""
    gold_quotes = gold.get("quotes", [])
    gold_texts = [gold_quote_text(body, q) for q in gold_quotes]
    predicted = [q for q in prediction.get("quotes", []) if q.get("kind") != "indirect"]
    matches = match_quotes(gold_texts, [q["text"] for q in predicted])
    matched_g = {g for g, _ in matches}
    matched_p = {p for _, p in matches}
    wrong_speaker = [
        (gold_texts[g], gold_quotes[g]["speaker"], predicted[p].get("speaker"))
        for g, p in matches
        if not same_person(
            gold_quotes[g]["speaker"],
            predicted[p].get("speaker"),
            aliases,
            predicted[p].get("speaker_kind") == "organisation",
        )
    ]
    predicted_people = prediction.get("people", [])
    missed_people = [
        name
        for name in gold.get("people", [])
        if not any(same_person(name, other, aliases) for other in predicted_people)
    ]
    extra_people = [
        name
        for name in predicted_persons(prediction)
        if not any(same_person(person, name, aliases) for person in gold.get("people", []))
    ]
    orgs = organisation_counts(gold, prediction, aliases)
    return {
        **orgs,
        "gold": len(gold_texts),
        "predicted": len(predicted),
        "matched": len(matches),
        "speaker_correct": len(matches) - len(wrong_speaker),
        "people": len(gold.get("people", [])),
        "people_found": len(gold.get("people", [])) - len(missed_people),
        "persons_predicted": len(predicted_persons(prediction)),
        "persons_right": len(predicted_persons(prediction)) - len(extra_people),
        "missed_quotes": [gold_texts[g] for g in range(len(gold_texts)) if g not in matched_g],
        "extra_quotes": [predicted[p]["text"] for p in range(len(predicted)) if p not in matched_p],
        "wrong_speakers": wrong_speaker,
        "missed_people": missed_people,
        "extra_people": extra_people,
    }


def organisation_counts(gold, prediction, aliases):
    """Organisations found and right, for an article whose gold lists them;
    nothing for one whose gold does not."""
    if "organisations" not in gold:
        return {}
    wanted, predicted = gold["organisations"], prediction.get("organisations", [])
    missed = [name for name in wanted if not any(same_person(name, other, aliases) for other in predicted)]
    extra = [name for name in predicted if not any(same_person(org, name, aliases) for org in wanted)]
    return {
        "organisations": len(wanted),
        "organisations_found": len(wanted) - len(missed),
        "organisations_predicted": len(predicted),
        "organisations_right": len(predicted) - len(extra),
        "missed_organisations": missed,
        "extra_organisations": extra,
    }


def predicted_persons(prediction):
    """The people of a prediction without the organisations it lists for
    having spoken (those are quotation speakers of another kind)."""
    bodies = {q.get("speaker") for q in prediction.get("quotes", []) if q.get("speaker_kind") not in (None, "person")}
    return [name for name in prediction.get("people", []) if name not in bodies]


def ratio(a, b):
    return a / b if b else 1.0


def score(bodies, gold, predictions):
    """Micro-averaged scores over the annotated articles.

    `bodies` maps article id to text, `gold` is the parsed gold file and
    `predictions` maps article id to an `extract`-style result."""
    aliases = gold.get("speaker_aliases", {})
    documents = {}
    for doc_id, annotation in gold["articles"].items():
        documents[doc_id] = score_document(bodies[doc_id], annotation, predictions.get(doc_id, {}), aliases)
    total = Counter()
    for counts in documents.values():
        total.update({k: v for k, v in counts.items() if isinstance(v, int)})
    precision = ratio(total["matched"], total["predicted"])
    recall = ratio(total["matched"], total["gold"])
    return {
        "quote_precision": precision,
        "quote_recall": recall,
        "quote_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "speaker_accuracy": ratio(total["speaker_correct"], total["matched"]),
        "people_recall": ratio(total["people_found"], total["people"]),
        "people_precision": ratio(total["persons_right"], total["persons_predicted"]),
        # None when no article of the set lists its organisations.
        "organisation_recall": ratio(total["organisations_found"], total["organisations"])
        if total["organisations"]
        else None,
        "organisation_precision": ratio(total["organisations_right"], total["organisations_predicted"])
        if total["organisations"]
        else None,
        "counts": dict(total),
        "documents": documents,
    }


def format_report(result, verbose=False):
    c = result["counts"]
    lines = [
        (
            f"quotations: precision {result['quote_precision']:.3f}  recall {result['quote_recall']:.3f}  "
            f"F1 {result['quote_f1']:.3f}  ({c['matched']} matched, {c['predicted']} predicted, {c['gold']} gold)"
        ),
        f"speaker accuracy: {result['speaker_accuracy']:.3f}  ({c['speaker_correct']}/{c['matched']})",
        f"people recall: {result['people_recall']:.3f}  ({c['people_found']}/{c['people']})",
        f"people precision: {result['people_precision']:.3f}  ({c['persons_right']}/{c['persons_predicted']})",
    ]
    if result["organisation_recall"] is not None:
        lines += [
            f"organisation recall: {result['organisation_recall']:.3f}  "
            f"({c['organisations_found']}/{c['organisations']})",
            f"organisation precision: {result['organisation_precision']:.3f}  "
            f"({c['organisations_right']}/{c['organisations_predicted']})",
        ]
    lines += [
        "(names match without titles or a leading 'the'; a speaker that is an organisation also matches a "
        "gold name that contains all its words or whose words it contains; listed organisations match by name)",
    ]
    if verbose:
        for doc_id, doc in result["documents"].items():
            misses = [f"  missed quote: {t[:90]!r}" for t in doc["missed_quotes"]]
            misses += [f"  extra quote: {t[:90]!r}" for t in doc["extra_quotes"]]
            misses += [f"  wrong speaker: {p!r} for {g!r}: {t[:60]!r}" for t, g, p in doc["wrong_speakers"]]
            misses += [f"  missed person: {name}" for name in doc["missed_people"]]
            misses += [f"  extra person: {name}" for name in doc["extra_people"]]
            misses += [f"  missed organisation: {name}" for name in doc.get("missed_organisations", [])]
            misses += [f"  extra organisation: {name}" for name in doc.get("extra_organisations", [])]
            if misses:
                lines.append(doc_id)
                lines.extend(misses)
    return "\n".join(lines)


def load_documents(paths):
    """Article id -> body for .txt files (id = file name) and .jsonl files
    (id = the `id` field), directories expanded to the files inside."""
    bodies = {}
    for path in map(Path, paths):
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".txt":
                bodies[file.name] = split_front_matter(file.read_text(encoding="utf-8"))[1]
            elif file.suffix == ".jsonl":
                for line in file.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        record = json.loads(line)
                        bodies[record["id"]] = record["text"]
    return bodies


def prediction_record(doc_id, result):
    """The compact per-document line `manage.py extract` prints."""
    return {
        "id": doc_id,
        "quotes": [
            {"text": q["text"], "speaker": q["speaker"], "kind": q["kind"], "speaker_kind": q.get("speaker_kind")}
            for q in result["quotes"]
        ],
        "people": [p["name"] for p in result["people"]],
        "organisations": [org["name"] for org in result["organisations"]],
        "places": [p["name"] for p in result["places"]],
    }
