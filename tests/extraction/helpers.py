"""What the speaker model sees of a text: each quotation's setting,
candidates and features, with the rules' speakers left as they are."""

from archive.extraction import extract, model


def candidates_of(text):
    found = []
    extract(text, choose_speakers=lambda context, quotes: found.extend(model.quotation_candidates(context, quotes)))
    return found


def names(candidates):
    return [c.entity.name if c.entity else None for c in candidates]


def rules_only(context, quotes):
    """A `choose_speakers` that changes nothing: the rules decide."""
