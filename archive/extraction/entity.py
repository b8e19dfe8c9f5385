"""A person or organisation found in one article."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from archive.extraction.lexicon import ROLE_WORDS
from archive.extraction.tokens import ROMAN


@dataclass
class Entity:
    name: str
    kind: str = "person"  # "person" or "organisation"
    honorific: str = ""
    gender: str = ""  # "m", "f" or "" when the text does not tell
    role: str = ""
    aliases: list = field(default_factory=list)
    mentions: list = field(default_factory=list)  # (start, end) of each mention

    @property
    def surname(self):
        return surname_of(self.name)

    def role_words(self):
        words = set(re.findall(r"[\w-]+", self.role.lower())) & ROLE_WORDS
        if self.honorific:
            words.add(self.honorific.lower().rstrip("."))
        return words

    def add_alias(self, form):
        if form != self.name and form not in self.aliases:
            self.aliases.append(form)


@lru_cache(maxsize=4096)
def surname_of(name):
    """The last word of a name that is no numeral or suffix ("Jr.")."""
    words = [w for w in name.split() if not ROMAN.match(w)]
    return words[-1]
