"""Words that refer back to someone: pronouns ("she said"), jobs ("the
Chancellor said"), kinds ("the company said"), "the latter", and bodies
that speak as one though seldom named ("the army said")."""

import re

from archive.extraction import places
from archive.extraction.document import LAW_RE
from archive.extraction.lexicon import ORG_HEADS, ROLE_WORDS
from archive.extraction.sources import DOCUMENT_RE, document_source

PRONOUNS = {"he": "m", "she": "f", "they": "", "it": ""}
# "The Wooster professor", "the Ohio senator": a job with a proper-noun
# modifier, the way a reporter refers back to the person just quoted.
EPITHET_RE = re.compile(r"(?:^|\s)[Tt]he\s+(?:[\w-]+\s+){0,2}[A-Z][\w-]+\s+[a-z][\w-]*\s*$")
# Words before a job that do not tell one holder from another.
LOOSE_MODIFIERS = set(
    "former then new current veteran outgoing incoming embattled senior top longtime long-time acting interim".split()
)
OWNED_DOCUMENT_RE = re.compile(
    r"\s*(his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|letter|tweet|post|"
    r"release|message|report|notice|announcement)s?\b",
    re.IGNORECASE,
)
# The subject form of an object or possessive pronoun: "according to him", "her statement".
SUBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "it": "it", "his": "he", "its": "it", "their": "they"}
SPOKES = {"spokesman", "spokeswoman", "spokesperson"}
BODY_OF_PLACE_RE = re.compile(
    r"\s*[Tt]he\s+(government|parliament|people|police|military|army|council|ministry)"
    r"\s+of\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\b"
)
# Bodies that speak as one though seldom named in full: "the army said".
FORCES = {"army", "navy", "police", "military"}
FORCE_RE = re.compile(r"\s*(?:[Tt]he\s+)?(?:[A-Z][a-z]+\s+)?(army|navy|police|military)\s*$", re.IGNORECASE)


def resolve_pronoun(speakers, pronoun, pos):
    """Whom "he", "she", "they" or "it" at `pos` means: the last one spoken
    of who fits, else the last person named who was not an object."""
    doc = speakers.doc
    gender = PRONOUNS[pronoun]
    wants_person = pronoun in ("he", "she")
    for _, entity in speakers.events_before(pos):
        if entity is None:
            return None
        if wants_person and entity.kind == "person" and entity.gender in (gender, ""):
            return entity
        if not wants_person and entity.kind != "person":
            return entity
    if not wants_person:
        return None
    # The last person named, preferring one who was not an object ("told X").
    earlier = [
        (s, e) for s, _, e in reversed(doc.mentions) if s < pos and e.kind == "person" and e.gender in (gender, "")
    ]
    for s, entity in earlier:
        if not doc.is_object(s):
            return entity
    return earlier[0][1] if earlier else None


def resolve_role(speakers, phrase, pos):
    """ "The Chancellor said", "the company said": the person given that
    job earlier, or the organisation of that kind."""
    doc = speakers.doc
    latter = re.search(r"\bthe (latter|former)\b(.*)", phrase, re.IGNORECASE | re.DOTALL)
    if latter and not set(re.findall(r"[\w-]+", latter.group(2).lower())) & (ROLE_WORDS | ORG_HEADS):
        # "the latter yesterday confirming", but not "the former deputy prime minister"
        pair = doc.recent_entities(pos)[:2]
        index = 0 if latter.group(1).lower() == "latter" else 1
        return pair[index] if len(pair) > index else None
    force = FORCE_RE.match(phrase)
    if force:
        return force_body(speakers, phrase, force.group(1).lower())
    body = BODY_OF_PLACE_RE.match(phrase)
    if body and places.is_place(body.group(2)):
        # "The government of American Samoa issued a statement": a body the
        # article never names otherwise, called as the article calls it.
        return speakers.body_named(f"{body.group(1).capitalize()} of {body.group(2)}")
    owned = OWNED_DOCUMENT_RE.match(phrase)
    if owned:
        # "Her statement read", "Its statement said": whoever "she" or "it" is.
        return resolve_pronoun(speakers, SUBJECT_PRONOUNS[owned.group(1).lower()], pos)
    document = list(DOCUMENT_RE.finditer(phrase))
    if document:
        return document_source(speakers, document[-1].group(1).lower(), pos)
    # The first "the ..." that holds a job or a body, or a later one that
    # holds a job: "Responding to claims that the Coalition forces acted in
    # Libya the Foreign Secretary said", "Speaking ahead of the meeting the
    # Foreign Secretary said".
    phrases = []
    for m in re.finditer(r"\b(?=(?:the|its|their)\s+((?:[\w-]+(?:['’]s)?\s+){0,4}))", phrase + " ", re.IGNORECASE):
        found = [w.lower() for w in re.findall(r"[\w-]+(?=['’]s\b|\b)", m.group(1)) if w.lower() != "s"]
        phrases.append(found[: next((k for k, w in enumerate(found) if w in ("the", "its", "their")), len(found))])
    with_head = [p for p in phrases if any(w in ROLE_WORDS or w in ORG_HEADS for w in p)]
    if not with_head:
        return None
    words = with_head[0]
    if not any(is_job(w) for w in words):
        words = next((p for p in with_head if any(is_job(w) for w in p)), words)
    head = next(w for w in words if w in ROLE_WORDS or w in ORG_HEADS)
    earlier = doc.recent_entities(pos)
    if head in ROLE_WORDS and head not in ORG_HEADS:  # "army" is both
        # The job is the head and the job words right after it ("the prime
        # minister"); "The governor tweeted her reasons": "her" is no job.
        end = words.index(head) + 1
        while end < len(words) and words[end] in ROLE_WORDS:
            end += 1
        wanted = set(words[:end]) & ROLE_WORDS
        # "The local health minister" is not the Civil Aviation Minister.
        modifiers = {w[:5] for w in words[: words.index(head)] if w not in ROLE_WORDS and w not in LOOSE_MODIFIERS}
        for ent in earlier:
            if (
                ent.kind == "person"
                and wanted <= ent.role_words()
                and modifiers <= {w[:5] for w in re.findall(r"[\w-]+", ent.role.lower())}
            ):
                return ent
        last = next(speakers.events_before(pos), (None, None))[1]
        if head in SPOKES and last is not None and last.kind == "organisation":
            return last  # "The spokesperson added": the body an unnamed spokesperson spoke for
        if (
            EPITHET_RE.search(phrase)
            and words[-1] == head
            and head != "partner"
            and last is not None
            and last.kind == "person"
        ):
            # "said co-author Karen Alley. The Wooster professor added": a job the
            # article gave nobody describes the person who spoke last.
            return last
        return None
    if head in ORG_HEADS:
        # "the health ministry": a ministry whose name has "health" in it.
        modifiers = [w[:4] for w in words[: words.index(head)] if w not in ("the", "its", "their")]
        for ent in earlier:
            name_words = [w[:4] for w in re.findall(r"\w+", ent.name.lower())]
            if ent.kind == "organisation" and head in ent.name.lower() and all(m in name_words for m in modifiers):
                return ent
        if head in ("company", "firm", "group", "organisation", "organization"):
            for ent in earlier:
                if ent.kind == "organisation" and not LAW_RE.search(ent.name):
                    return ent
        if head in FORCES:
            return force_body(speakers, phrase, head)
    return None


def is_job(word):
    return word in ROLE_WORDS and word not in ORG_HEADS


def force_body(speakers, phrase, head):
    """ "The army said", "Chinese police said": a country's forces speak as a
    body even when the article never names them; the name is the phrase."""
    m = re.search(r"((?:(?!The\b)[A-Z][\w-]+\s+)?)(?i:" + head + r")\b", phrase)
    name = (m.group(1) + head) if m else head
    return speakers.body_named(name[0].upper() + name[1:])
