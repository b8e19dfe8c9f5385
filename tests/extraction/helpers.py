"""Reading extract()'s output the way the tests ask about it, and what the
speaker model sees of a text: each quotation's setting, candidates and
features, with the rules' speakers left as they are."""

from archive.extraction import extract, model


def quotes(text, kind=None):
    return [q for q in extract(text)["quotes"] if kind is None or q["kind"] == kind]


def quoted(text):
    """(text, speaker) of each quotation in marks."""
    return [(q["text"], q["speaker"]) for q in quotes(text) if q["kind"] != "indirect"]


def people(text):
    return {p["name"]: p for p in extract(text)["people"]}


def places(text):
    return {p["name"]: p for p in extract(text)["places"]}


def candidates_of(text):
    found = []
    extract(text, choose_speakers=lambda speakers, quotes: found.extend(model.quotation_candidates(speakers, quotes)))
    return found


def names(candidates):
    return [c.entity.name if c.entity else None for c in candidates]


def rules_only(speakers, quotes):
    """A `choose_speakers` that changes nothing: the rules decide."""
