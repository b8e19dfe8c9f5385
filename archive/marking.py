"""Quotations marked in an article's text: each in a <mark>, its speaker
named after the closing quotation mark, every slice of article text escaped."""

import re

from django.utils.html import escape, format_html, format_html_join

from archive.extraction.text import paragraph_spans as text_paragraphs


def paragraph_spans(body):
    """(start, end) of each paragraph without its surrounding spaces, split as
    the extractor splits them, so that Quote.position (an offset into the
    body) can be placed."""
    spans = []
    for start, end in text_paragraphs(body):
        text = body[start:end]
        spans.append((start + len(text) - len(text.lstrip()), start + len(text.rstrip())))
    return spans


def quote_span(body, quote):
    """Where the quote is in the body. Usually at its position exactly; a
    quotation running over paragraphs is stored with the breaks and the
    reopening quotation marks left out, so words are matched across those;
    an editor's quote may carry no position, so its first occurrence counts."""
    words = quote.text.split()
    if not words:
        return None
    end = quote.position + len(quote.text)
    if body[quote.position : end] == quote.text:
        return quote.position, end
    pattern = re.compile(r"[\s\"“”‘’']+".join(re.escape(w) for w in words))
    found = pattern.match(body, quote.position) or pattern.search(body)
    return found.span() if found else None


QUOTE_MARKS = "\"“”‘’' "
# What may follow a quotation before its speaker is named: closing marks and
# the punctuation ending the sentence or clause ('...their minds [Marshall].'
# would split the sentence from its full stop).
AFTER_QUOTE = "\"”’'.,;:!?)"


def said_by(quote):
    """The speaker's name after a quotation. Kept out of a copied selection
    (CSS user-select) so that copying a paragraph copies the article's words."""
    if quote.person:
        return format_html(' <a class="said-by" href="{}">{}</a>', quote.person.get_absolute_url(), quote.person.name)
    return format_html(' <a class="said-by" href="{}">unattributed</a>', quote.get_absolute_url())


def mark_paragraph(body, start, end, marks):
    """One paragraph as safe HTML: every slice of article text escaped, each
    quotation in a <mark>, its speaker named after the closing quotation mark."""
    pieces, at = [], start
    for q_start, q_end, quote in marks:
        # A quotation running over two paragraphs is marked in each.
        s, e = max(q_start, start), min(q_end, end)
        while s < e and s == start and body[s] in QUOTE_MARKS:
            s += 1  # the continuation's reopening mark is not the speaker's words
        if s >= e or s < at:
            continue
        pieces.append(escape(body[at:s]))
        pieces.append(format_html('<mark class="q">{}</mark>', body[s:e]))
        at = e
        if e == q_end:
            while at < end and body[at] in AFTER_QUOTE:
                at += 1
            pieces.append(escape(body[e:at]))
            pieces.append(said_by(quote))
    pieces.append(escape(body[at:end]))
    return format_html_join("", "{}", ((p,) for p in pieces))


def marked_paragraphs(article, quotes):
    body = article.body
    marks = []
    for quote in quotes:
        span = quote_span(body, quote)
        if span:
            marks.append((*span, quote))
    marks.sort(key=lambda m: m[0])
    return [mark_paragraph(body, s, e, marks) for s, e in paragraph_spans(body)]


def paragraph_of(article, quote):
    """The paragraph around a quotation, with it marked."""
    span = quote_span(article.body, quote)
    if span is None:
        return None
    for start, end in paragraph_spans(article.body):
        if start <= span[0] < end or (span[0] < start < span[1]):
            return mark_paragraph(article.body, start, end, [(*span, quote)])
    return None
