"""The same quotation in several articles: one group, however trimmed.

Outlets carry the same words, often trimmed ("I wouldn't have had
referendums") or lightly edited (a word changed, British spelling, curly
quotes). Each quote's words are cut into overlapping runs of SHINGLE words;
a winnowed selection of their hashes (the smallest of every WINDOW
consecutive ones, as MOSS does) is stored in QuoteFingerprint, so any
shared run of SHINGLE + WINDOW - 1 words shares a stored hash: finding the
candidates is one indexed query, not a comparison with every quote. A
candidate joins the group when most of the shorter quote's shingles are in
the longer one. Quote.text_group is then the smallest pk of the group (None
when the quote stands alone); it is computed when a quote is saved, and for
quotes written in bulk when their article is queued for indexing."""

import hashlib

from django.db.models import Q

from archive.models import chunked
from archive.search.names import normalise

SHINGLE = 4  # words per shingle
WINDOW = 4  # shingles per winnowing window
OVERLAP = 0.7  # share of the shorter quote's shingles found in the longer one
MIN_WORDS = 3  # shorter quotes ("he said no") are too common to be one quotation
CANDIDATES = 50


def words_of(text):
    return normalise(text.replace("’", "'").replace("'", "")).split()


def shingles(words):
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def hash_of(shingle):
    # Signed 63-bit: fits every database's bigint.
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big") >> 1


def fingerprints(words):
    """The winnowed hashes of `words`' shingles, in text order."""
    if len(words) < SHINGLE:
        return {hash_of(" ".join(words))} if len(words) >= MIN_WORDS else set()
    hashes = [hash_of(" ".join(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)]
    if len(hashes) <= WINDOW:
        return {min(hashes)}
    return {min(hashes[i : i + WINDOW]) for i in range(len(hashes) - WINDOW + 1)}


def overlap(a, b):
    """Share of the smaller shingle set found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def same_quotation(text_a, text_b):
    """Whether two quotations are the same words, however trimmed or lightly edited."""
    return overlap(shingles(words_of(text_a)), shingles(words_of(text_b))) >= OVERLAP


def regroup(quotes, Quote=None, QuoteFingerprint=None):
    """Store the fingerprints of `quotes` and put each in the group of the
    quotes it repeats, merging groups it bridges. (The models are passed in
    by the migration, which has historical ones.)"""
    if Quote is None:
        from archive.models import Quote, QuoteFingerprint

    # The fingerprints of all of them first, in two statements: a long
    # article's thousands of quotes are written in the one transaction that
    # holds the database's write lock.
    quotes = list(quotes)
    mine = {quote.pk: fingerprints(words_of(quote.text)) for quote in quotes}
    QuoteFingerprint.objects.filter(quote_id__in=list(mine)).delete()
    QuoteFingerprint.objects.bulk_create(
        QuoteFingerprint(quote_id=pk, value=v) for pk, values in mine.items() for v in values
    )
    rows = candidate_rows(mine, Quote, QuoteFingerprint)
    shingled = {}  # pk -> shingles: a candidate's words are cut once, however many quotes it is compared with

    def shingles_of(pk, text):
        if pk not in shingled:
            shingled[pk] = shingles(words_of(text))
        return shingled[pk]

    for quote in quotes:
        current = rows[quote.pk][1] if quote.pk in rows else quote.text_group
        own = shingles_of(quote.pk, quote.text)
        matched = [
            (pk, rows[pk][1])
            for pk in rows.candidates[quote.pk]
            if overlap(own, shingles_of(pk, rows[pk][0])) >= OVERLAP
        ]
        if not matched:
            if current is not None and current != quote.pk:  # the head of a group stays its head
                Quote.objects.filter(pk=quote.pk).update(text_group=None)
                rows.set_group([quote.pk], (), None)
            quote.text_group = current if current == quote.pk else None
            continue
        groups = {g for _, g in matched if g is not None}
        head = min({quote.pk, *(pk for pk, _ in matched), *groups})
        pks = {quote.pk, *(pk for pk, _ in matched)}
        Quote.objects.filter(group_members(groups, pks)).update(text_group=head)
        rows.set_group(pks, groups, head)
        quote.text_group = head


class CandidateRows(dict):
    """pk -> [text, text_group] of every quote sharing a fingerprint with
    one of ours, and `candidates`: for each of ours, up to CANDIDATES of
    them. Kept as the updates leave the database, so that each quote sees
    the groups the ones before it made."""

    def set_group(self, pks, groups, head):
        for pk, row in self.items():
            if pk in pks or row[1] in groups:
                row[1] = head


def candidate_rows(mine, Quote, QuoteFingerprint):
    """The quotes that share a fingerprint with `mine` ({pk: fingerprints}),
    read in a few queries however many quotes: a long article's thousands
    are regrouped in the transaction that holds the write lock."""
    sharing = {}
    for chunk in chunked(sorted({v for values in mine.values() for v in values})):
        for value, pk in QuoteFingerprint.objects.filter(value__in=chunk).values_list("value", "quote_id"):
            sharing.setdefault(value, set()).add(pk)
    rows = CandidateRows()
    rows.candidates = {
        pk: sorted({other for v in values for other in sharing.get(v, ())} - {pk})[:CANDIDATES]
        for pk, values in mine.items()
    }
    wanted = {pk for pks in rows.candidates.values() for pk in pks} | set(mine)
    for chunk in chunked(sorted(wanted)):
        for pk, text, group in Quote.objects.filter(pk__in=chunk).values_list("pk", "text", "text_group"):
            rows[pk] = [text, group]
    return rows


def group_members(groups, pks):
    return Q(pk__in=pks) | Q(text_group__in=groups) if groups else Q(pk__in=pks)
