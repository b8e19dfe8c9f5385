"""A long text extracted a part at a time, so that its cost stays bounded.

Linking names compares every mention with every other, so extraction's cost
grows with the square of a text's length: a 200,000-character article takes
about four times as long as four of 50,000, and one of 2,000,000 characters
hours. A text longer than PART_CHARS is therefore cut at line ends (where
paragraphs end) into parts of at most about PART_CHARS, each extracted on
its own, and the results joined, positions counted in the whole text. What
is lost is only what crosses a cut: a surname in one part is not linked to
the full name pages earlier. Ordinary articles (a few thousand characters)
are one part and extracted exactly as before."""

from archive.extraction.pipeline import extract

PART_CHARS = 50_000


def extract_text(text, part_chars=PART_CHARS):
    """`extract(text)`, in parts when the text is longer than `part_chars`."""
    if len(text) <= part_chars:
        return extract(text)
    joined = {"quotes": [], "people": [], "organisations": [], "places": []}
    for start, end in parts(text, part_chars):
        found = extract(text[start:end])
        for quote in found["quotes"]:
            quote["start"] += start
            quote["end"] += start
        for key, items in found.items():
            joined.setdefault(key, []).extend(items)
    return joined


def parts(text, part_chars=PART_CHARS):
    """(start, end) of consecutive parts of `text`, each cut after a line end
    where there is one, and at most `part_chars` long."""
    start = 0
    while start < len(text):
        end = min(start + part_chars, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, end
        start = end
