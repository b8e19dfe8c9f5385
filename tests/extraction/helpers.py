"""Reading extract()'s output the way the tests ask about it."""

from archive.extraction import extract


def quotes(text, kind=None):
    return [q for q in extract(text)["quotes"] if kind is None or q["kind"] == kind]


def quoted(text):
    """(text, speaker) of each quotation in marks."""
    return [(q["text"], q["speaker"]) for q in quotes(text) if q["kind"] != "indirect"]


def people(text):
    return {p["name"]: p for p in extract(text)["people"]}


def places(text):
    return {p["name"]: p for p in extract(text)["places"]}
