"""`extract(text)`: quotations with their speakers, people, organisations and
places in one article body."""

from archive.extraction import kinds, mentions, model, places, quote_kinds
from archive.extraction.attribution import Attributor
from archive.extraction.document import Document
from archive.extraction.indirect import indirect_speech
from archive.extraction.quotations import find_quotes
from archive.extraction.text import paragraph_spans


def extract(
    text,
    choose_speakers=model.choose_speakers,
    select_quotes=quote_kinds.select_quotes,
    choose_kinds=kinds.choose_kinds,
):
    """Quotes with speakers, people, organisations and places found in one
    article body. `select_quotes(text, spans, paragraphs)` keeps the quoted
    spans that are quotations (by default the quotation filter, or the rules
    without its file), before anyone is attributed. The rules attribute each
    quotation; `choose_speakers(speakers, quotes)` may then change speakers
    (by default the trained model, when present) and `choose_kinds(text,
    entities, quotes)` keep and re-kind the entities (by default the trained
    kind model, when present)."""
    # No-break and thin spaces read as spaces ('”\xa0said\xa0Sports Minister'); one
    # character for one, so every offset still points into the text given.
    text = text.translate(ODD_SPACES)
    entities = mentions.find_entities(text)
    paragraphs = paragraph_spans(text)
    quotes = select_quotes(text, find_quotes(text, paragraphs), paragraphs)
    attributor = Attributor(Document(text, entities, quotes, paragraphs))
    indirect = indirect_speech(attributor.speakers)
    for quote in quotes:
        quote.speaker = attributor.attribute(quote)
    choose_speakers(attributor.speakers, quotes)
    all_quotes = sorted(quotes + indirect, key=lambda q: q.start)
    # After attribution: the kinds decide what is listed, not who may speak.
    entities = choose_kinds(text, entities, all_quotes)
    people = [e for e in entities if e.kind == "person"]
    # Bodies that speak without being named as entities ("the army said")
    # come after those named, in the order they first speak.
    organisations = {id(e): e for e in entities if e.kind == "organisation"}
    for quote in all_quotes:
        if quote.speaker and quote.speaker.kind == "organisation":
            organisations.setdefault(id(quote.speaker), quote.speaker)
    # A city inside an organisation's name still counts ("University of
    # Manchester"); inside a person's name it does not ("Andy Street").
    name_spans = [span for e in people for span in e.mentions]
    return {
        "quotes": [quote_data(q) for q in all_quotes],
        "people": [person_data(e) for e in people],
        "organisations": [organisation_data(e) for e in organisations.values()],
        "places": places.find_places(text, name_spans),
    }


ODD_SPACES = str.maketrans({"\xa0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " "})


def quote_data(quote):
    speaker = quote.speaker
    return {
        "text": quote.text,
        "speaker": speaker.name if speaker else None,
        "kind": quote.kind,
        "start": quote.start,
        "end": quote.end,
        "role": speaker.role if speaker else "",
        "speaker_kind": speaker.kind if speaker else None,
    }


def person_data(entity):
    return {
        "name": entity.name,
        "honorific": entity.honorific,
        "aliases": list(entity.aliases),
        "kind": entity.kind,
        "role": entity.role,
        "mentions": len(entity.mentions),
    }


def organisation_data(entity):
    return {
        "name": entity.name,
        "aliases": list(entity.aliases),
        "role": entity.role,
        "mentions": len(entity.mentions),
    }
