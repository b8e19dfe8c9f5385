"""Who a noun phrase before a reporting verb names: a person or body named
in it, a pronoun, a job ("the Chancellor") or a kind ("the company"). The
speakers found so far are remembered, in order of position, for pronouns."""

import re
from bisect import bisect_left, insort_left
from itertools import pairwise

from archive.extraction.entity import Entity
from archive.extraction.lexicon import ROLE_WORDS, THING_NOUNS
from archive.extraction.references import resolve_pronoun, resolve_role
from archive.extraction.tokens import is_honorific_token

ADVERBIAL_RE = re.compile(
    r"\s*(?:in|on|at|after|before|during|from|by|with|without|speaking|writing|"
    r"according|per|via|through|under|over|to)\b",
    re.IGNORECASE,
)
# A plural common noun right before the verb is a group nobody names
# ("the scientists describe", "critics called"), not an earlier "it".
UNNAMED_GROUP_RE = re.compile(
    r"^\s*(?:[\w-]+\s+(?:what|which|as)\s+)?(?:(?:the|some|many|several|other|most|few)\s+)?(?:[a-z][\w-]*\s+)?"
    r"(?!(?:ha|wa|i|thi|u|a|it|hi|hers|its|yours|ours|theirs)s\b)[a-z][a-z-]+[^s']s\s*$"
)
# Lower-case nouns for people: "Trump loyalist", "Grateful Dead drummer".
AGENT_NOUN_RE = re.compile(
    r"[a-z-]+(?:er|or|ist|ant|ent|ian|man|woman|person)|ally|aide|friend|rival|critic|"
    r"confidant|associate|colleague|protégé|veteran|head|chief|boss"
)
# Words for kinds of body between a modifier and the name: "daily newspaper X".
KIND_NOUNS = THING_NOUNS | set("daily weekly broadcaster party union state-owned think-tank thinktank".split())
# Words inside a job that runs from one name to the next ("Imus in the Morning writer and performer").
NOUN_PHRASE_WORDS = set("in the of and for at on".split())
# "X released a statement which said": the words are X's.
RELEASED_RE = re.compile(
    r"\s+(?:has\s+|had\s+|also\s+)?(?:released|issued|published|posted|put\s+out|sent|shared)\s+"
    r"(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:statement|letter|announcement|"
    r"message|tweet|post|notice|release|communiqu[eé])\s+(?:which|that)\s*$"
)
# A group counted, not named: "A number of Senators", "Several residents", "Dozens of doctors".
UNNAMED_MANY_RE = re.compile(
    r"\s*(?:[Aa]\s+number\s+of|[Dd]ozens\s+of|[Hh]undreds\s+of|[Ss]everal|[Mm]any)\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+s\b"
)
# What follows a person's name when a body named for them speaks.
CAMPAIGN_RE = re.compile(r"(?:['’]s)?\s+(campaign|family)\s*$", re.IGNORECASE)
ANONYMOUS_SOURCE_RE = re.compile(r"\s*(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+(?:[\w-]+\s+)?sources?\b")


class Speakers:
    """Resolving phrases to speakers in one article, and the memory of who
    was spoken of where."""

    def __init__(self, doc):
        self.doc = doc
        # Bodies the article speaks of without naming them as entities
        # ("the army", "the Government of American Samoa"), one per name.
        self.bodies = {}
        self.events = self.subject_events()

    def add_event(self, pos, entity):
        """Record who is spoken of at `pos`; kept in order of position."""
        insort_left(self.events, (pos, entity), key=lambda event: event[0])

    def events_before(self, pos):
        """(position, entity) before `pos`, the most recent first; of two at
        one position, the one recorded first."""
        k = bisect_left(self.events, pos, key=lambda event: event[0])
        return (self.events[i] for i in range(k - 1, -1, -1))

    def subject_events(self):
        """(position, entity) for each sentence that opens on a named person."""
        events = []
        for start, end in self.doc.sentences():
            head = self.doc.text[start : min(end, start + 110)]
            first = self.doc.first_subject(start, start + len(head)) or self.doc.opening_possessor(start, end)
            if first and not head.lstrip().startswith(("“", '"', "‘")):
                events.append((start, first))
        return events

    def body_named(self, name, kind="organisation"):
        if name not in self.bodies:
            self.bodies[name] = Entity(name, kind=kind)
        return self.bodies[name]

    def resolve_subject(self, start, end):
        """The speaker named by the words before a reporting verb. The last
        comma-separated part that names someone wins, unless it is an
        apposition ("Howard Rubel, a Toronto lawyer, told")."""
        phrase = self.doc.masked[start:end]
        if phrase.rstrip().endswith(("which", "that", "who")):  # as all three below do
            released = RELEASED_RE.search(phrase)
            if released:
                return self.resolve_subject(start, start + released.start())
            relative = re.search(r",\s*(?:which|who)\s*$", phrase)
            if relative:
                # "Toronto Police, which said", "... by Mohammed Saddiq, who
                # commented": whoever the relative clause is about, named
                # right before it if anyone is.
                antecedent = self.doc.entities_in(start, start + relative.start())
                if (
                    antecedent
                    and antecedent[-1][1] == start + relative.start()
                    and antecedent[-1][2].kind == "person"
                    and phrase.rstrip().endswith("who")
                ):
                    return antecedent[-1][2]
                return self.resolve_subject(start, start + relative.start()) or False
            if re.search(r"\b(?:which|that)\s*$", phrase):
                return False  # "a law which says": a thing, not a speaker
        parts, pos = [], start
        for piece in re.split(r"(,\s*)", phrase):
            if piece and not re.fullmatch(r",\s*", piece):
                parts.append((pos, pos + len(piece), piece))
            pos += len(piece)
        named = self.named_with_job(parts)
        if named:
            return named
        for k in range(len(parts) - 1, -1, -1):
            p_start, p_end, piece = parts[k]
            first_word = re.match(r"\s*([\w-]+)", piece)
            # "Greg Barton, Chair In Global Politics at X, said": a job, not a name,
            # unless a person is named in it ("WMCA chair, Cllr Bob Sleigh, said").
            role_first = (
                bool(first_word)
                and first_word.group(1).lower() in ROLE_WORDS
                and self.doc.first_entity(p_start, p_end, people_only=True) is None
            )
            appositive = (
                k > 0
                and (re.match(r"\s*(?:the|a|an|another|[a-z])", piece) or role_first)
                and not re.match(
                    r"\s*(?:he|she|they|it|with|while|and|but|in|on|at|after|before|as|"
                    r"for|from|by|since|during|when|then|so|although|though)\b",
                    piece,
                )
            )
            # "the deal, which the Treasury called": a relative clause right before
            # the verb holds its subject; one between commas is an aside.
            relative = re.match(r"\s*(?:which|what)\b", piece) and not self.doc.masked[p_end:end].strip()
            if appositive and not relative and self.doc.first_entity(*parts[k - 1][:2]):
                continue
            if k > 0 and ADVERBIAL_RE.match(piece) and "," in self.doc.masked[p_end:end]:
                continue  # "X, in remarks to the BBC, said": the BBC did not speak
            found = self.resolve_phrase(p_start, p_end)
            if found is not None:
                return found
            if k == len(parts) - 1 and UNNAMED_GROUP_RE.search(piece):
                return False  # "creating what the scientists describe as": nobody named
        return None

    def named_with_job(self, parts):
        """ "Ray Brodie, Manager of Bushy Park, Royal Parks, said": a person's
        name alone between commas, then only their job and employer (each
        part a job or one name): the person spoke, not the employer."""
        if len(parts) < 2:
            return None
        first = self.alone(*parts[0][:2])
        if first is None or first.kind != "person":
            return None
        for p_start, p_end, piece in parts[1:]:
            job = {w.lower() for w in re.findall(r"[\w-]+", piece)} & ROLE_WORDS
            if not job and self.alone(p_start, p_end) is None:
                return None
        return first

    def alone(self, start, end):
        """The one named in the stretch when its name is all there is."""
        named = self.doc.entities_in(start, end)
        if len(named) != 1:
            return None
        s, e, entity = named[0]
        words = self.doc.masked[start:s].split() + self.doc.masked[e:end].split()
        return entity if all(is_honorific_token(w) for w in words) else None

    def resolve_phrase(self, start, end, allow_possessive=False):
        pronoun = re.search(r"\b(he|she|they|it)\s*$", self.doc.masked[start:end], re.IGNORECASE)
        if pronoun:
            # "On the day after the Court of Session ruling he said": he spoke.
            return resolve_pronoun(self, pronoun.group(1).lower(), start + pronoun.start())
        if ANONYMOUS_SOURCE_RE.match(self.doc.masked, start, end):
            return False  # "A source within the Interior Ministry said": nobody named
        many = UNNAMED_MANY_RE.match(self.doc.masked, start, end)
        if many and self.doc.first_entity(many.end(), end, people_only=True) is None:
            return False  # "A number of Senators condemned": nobody named ("Many times Smith said": Smith)
        camp = self.campaign(start, end)
        if camp:
            return camp
        entity = (
            self.head_entity(start, end)
            or self.doc.source_owner(start, end)
            or self.head_entity(start, end, people_only=False, allow_possessive=allow_possessive)
        )
        if entity:
            return entity
        phrase = self.doc.masked[start:end]
        pronoun = re.search(r"\b(he|she|it|they)\b(?!.*\b(?:he|she|it|they)\b)", phrase, re.IGNORECASE | re.DOTALL)
        if pronoun and not re.search(r"\b(?:officials|sources|police|people)\b", phrase):
            return resolve_pronoun(self, pronoun.group(1).lower(), start + pronoun.start())
        return resolve_role(self, phrase, start)

    def campaign(self, start, end):
        """ "The Biden campaign said": a body named for the person, not the
        person; None when the phrase does not end on such a name."""
        for s, e, ent in self.doc.entities_in(start, end):
            m = CAMPAIGN_RE.match(self.doc.masked, e, end)
            if ent.kind == "person" and m:
                surname = self.doc.text[s:e].split()[-1]
                return self.body_named(f"{surname} {m.group(1).lower()}")
        return None

    def head_entity(self, start, end, people_only=True, allow_possessive=False):
        """The first one named in a stretch, or the next when only job or kind
        words stand between them: "Trump loyalist Stephen Schwarzman said",
        "Hungarian daily newspaper Magyar Nemzet revealed"."""
        first = self.doc.first_entity(start, end, people_only=people_only, allow_possessive=allow_possessive)
        if first is None:
            return None
        named = [
            (s, e, ent) for s, e, ent in self.doc.entities_in(start, end) if ent.kind == first.kind or not people_only
        ]
        for (_, e1, ent1), (s2, e2, ent2) in pairwise(named):
            words = self.doc.masked[e1:s2].split()
            if (
                ent1 is first
                and ent2 is not first
                and 1 <= len(words) <= 3
                and all(w in ROLE_WORDS or AGENT_NOUN_RE.fullmatch(w) or w in KIND_NOUNS for w in words)
                and not self.doc.possessive(e2)
            ):
                return ent2
            if (
                ent1 is first
                and ent2 is not first
                and ent2.kind == "person"
                and not self.doc.masked[e2:end].strip()
                and words
                and (words[-1] in ROLE_WORDS or AGENT_NOUN_RE.fullmatch(words[-1]))
                and all(
                    w[:1].isupper() or w in ROLE_WORDS or AGENT_NOUN_RE.fullmatch(w) or w in NOUN_PHRASE_WORDS
                    for w in words
                )
            ):
                # "Longtime Imus in the Morning writer and performer Rob Bartlett
                # tweeted": a job right before the name that ends the subject.
                return ent2
        return first
