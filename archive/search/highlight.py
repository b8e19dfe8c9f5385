"""Marking the query's words in results.

whoosh.highlight works from a document's stored, analysed field and its
own fragmenters; result pages here show the database's text (quotes whole,
article bodies as one snippet), so this marks that text directly with the
same stemmer the index uses. Every slice of text is escaped; <mark> is the
only markup let through."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from whoosh.lang.porter import stem

from archive.search.query import WORDS


class Highlighter:
    """Wraps the words that match the query in <mark>. Every slice of the
    text is escaped; the <mark> tags are the only markup let through."""

    def __init__(self, terms=(), prefixes=()):
        self.terms = {t.lower() for t in terms}
        self.stems = {stem(t) for t in self.terms}
        self.prefixes = tuple(p.lower() for p in prefixes)

    def matches(self, word):
        word = word.lower()
        if word in self.terms or stem(word) in self.stems:
            return True
        return bool(self.prefixes) and word.startswith(self.prefixes)

    def spans(self, text):
        return [m.span() for m in WORDS.finditer(text) if self.matches(m.group())]

    def mark(self, text, spans=None):
        spans = self.spans(text) if spans is None else spans
        out, last = [], 0
        for start, end in spans:
            out.append(escape(text[last:start]))
            out.append("<mark>" + escape(text[start:end]) + "</mark>")
            last = end
        out.append(escape(text[last:]))
        return mark_safe("".join(out))

    def snippet(self, text, width=240):
        """The stretch of `text` of about `width` characters holding most
        matches, marked, with an ellipsis where it was cut."""
        spans = self.spans(text)
        start = 0
        if spans:
            best = max(range(len(spans)), key=lambda i: sum(1 for s in spans[i:] if s[1] <= spans[i][0] + width))
            start = max(0, spans[best][0] - width // 4)
        if start:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space > 0 else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
        inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
        marked = self.mark(text[start:end], inside)
        return mark_safe(("… " if start else "") + marked + (" …" if end < len(text) else ""))
