"""What makes ArchiveWhooshBackend.search cheap: values read once per
Whoosh segment (segments never change once written) and kept while the
segment is in use, numeric ranges answered from sorted term lists, and the
small pieces of Whoosh's results that haystack reads."""

import heapq
import threading
import time
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import chain, islice

from haystack.exceptions import SearchBackendError
from whoosh import query as wquery
from whoosh.collectors import FilterCollector, TimeLimit
from whoosh.fields import NUMERIC
from whoosh.searching import Hit, Results
from whoosh.util.numeric import tiered_ranges

from archive.search import shelf
from archive.search.budget import MAX_EXPANSION, TooBroad, remaining, spent

_segment_cache = {}
_segment_cache_lock = threading.Lock()
_SEGMENT_CACHE_SIZE = 128  # (segment, field) pairs


def per_segment(reader, name, build):
    """build(reader) for this segment, kept while the segment is in use, and
    on disk for other processes (see shelf). Documents deleted after the
    build keep their entries: they never match."""
    segment = reader.segment() if reader.is_atomic() else None
    if segment is None:
        return build(reader)
    key = (segment.segment_id(), name)
    found = _segment_cache.get(key)
    if found is None:
        found = shelf.load(*key)
    if found is None:
        found = build(reader)
        shelf.save(*key, found)
    if key not in _segment_cache:
        with _segment_cache_lock:
            while len(_segment_cache) >= _SEGMENT_CACHE_SIZE:
                _segment_cache.pop(next(iter(_segment_cache)))
            _segment_cache[key] = found
    return found


def facet_values(reader, fieldname):
    """[values of document n] for a segment, (None,) where it has none, as
    Whoosh's overlapping facet counts them."""

    def build(reader):
        field = reader.schema[fieldname]
        lists = {}
        for btext in field.sortable_terms(reader, fieldname):
            text = field.from_bytes(btext)
            for docnum in reader.postings(fieldname, btext).all_ids():
                lists.setdefault(docnum, []).append(text)
        shared = {}
        values = [(None,)] * reader.doc_count_all()
        for docnum, found in lists.items():
            found = tuple(found)
            values[docnum] = shared.setdefault(found, found)
        return values

    return per_segment(reader, ("facet", fieldname), build)


def numeric_terms(reader, fieldname):
    """(full-precision terms in order, offsets, document numbers) of a
    numeric field in a segment: the documents of terms[i] are
    docs[offsets[i]:offsets[i + 1]]."""

    def build(reader):
        field = reader.schema[fieldname]
        terms, offsets, docs = [], array("q", [0]), array("q")
        for btext in field.sortable_terms(reader, fieldname):
            terms.append(btext)
            docs.extend(reader.postings(fieldname, btext).all_ids())
            offsets.append(len(docs))
        return terms, offsets, docs

    return per_segment(reader, ("range", fieldname), build)


def range_docs(reader, rng):
    """The document numbers in a segment that NumericRange `rng` matches:
    the same full-precision terms its tiered expansion covers."""
    field = reader.schema[rng.fieldname]
    start = None if rng.start is None else field.prepare_number(rng.start)
    end = None if rng.end is None else field.prepare_number(rng.end)
    ((low, high, _),) = tiered_ranges(
        field.numtype, field.bits, field.signed, start, end, 0, rng.startexcl, rng.endexcl
    )
    if low > high:
        return set()
    terms, offsets, docs = numeric_terms(reader, rng.fieldname)
    i = bisect_left(terms, field.sortable_to_bytes(low, 0))
    j = bisect_right(terms, field.sortable_to_bytes(high, 0))
    return set(docs[offsets[i] : offsets[j]]) if i < j else set()


def split_ranges(searcher, q):
    """(the rest of q, {segment base: allowed document numbers} or None,
    score they added): numeric ranges in a top-level AND become a filter read
    from `numeric_terms`. They score a constant, so the order is unchanged."""
    if not isinstance(q, wquery.And):
        return q, None, 0
    ranges, rest = [], []
    for sub in q.subqueries:
        numeric = type(sub) in (wquery.NumericRange, wquery.DateRange) and sub.constantscore
        if numeric and isinstance(searcher.schema[sub.fieldname], NUMERIC):
            ranges.append(sub)
        else:
            rest.append(sub)
    if not ranges:
        return q, None, 0
    constant = sum(rng.boost for rng in ranges)
    allowed = {}
    for sub, base in searcher.subsearchers or [(searcher, 0)]:
        reader, docs = sub.reader(), None
        for rng in ranges:
            found = range_docs(reader, rng)
            docs = found if docs is None else docs & found
        allowed[base] = {d for d in docs if not reader.is_deleted(d)}
    if not rest:
        return wquery.Every(), allowed, 0
    return (rest[0] if len(rest) == 1 else wquery.And(rest, boost=q.boost)), allowed, constant


def leaves(searcher, allowed):
    for sub, base in searcher.subsearchers or [(searcher, 0)]:
        yield sub, base, None if allowed is None else allowed[base]


def global_docs(allowed):
    return (base + docnum for base, docs in allowed.items() for docnum in docs)


CHECK_EVERY = 4096  # documents read between looks at the clock


def sub_docs(q, subsearcher, allow):
    """Document numbers in one segment matching q (and in `allow`), or None
    when the search page's time budget runs out before the end."""
    found = []
    docs = q.docs(subsearcher)
    if allow is not None:
        docs = (d for d in docs if d in allow)
    while True:
        chunk = list(islice(docs, CHECK_EVERY))
        found.extend(chunk)
        if len(chunk) < CHECK_EVERY:
            return found
        if spent():
            return None


class BudgetCollector(FilterCollector):
    """Whoosh's FilterCollector (documents outside `allow` left out) that
    also stops at `deadline` (time.monotonic()), raising Whoosh's TimeLimit
    with what it has collected kept. Whoosh's own TimeLimitCollector would
    skip the filter, and its SIGALRM would outlive the search."""

    CHECK_EVERY = 64  # matches between looks at the clock

    def __init__(self, child, allow=None, deadline=None):
        super().__init__(child, allow=allow)
        self.deadline = deadline

    def collect_matches(self):
        child, allow, deadline = self.child, self._allow, self.deadline
        for n, sub_docnum in enumerate(child.matches(), 1):
            if allow is None or self.offset + sub_docnum in allow:
                child.collect(sub_docnum)
            if deadline is not None and not n % self.CHECK_EVERY and time.monotonic() > deadline:
                raise TimeLimit


def top_hits(searcher, q, allowed, limit, sortedby, reverse):
    """(the first `limit` hits, whether the time budget cut them short).
    Ranked by score, Whoosh skips blocks of postings that cannot reach the
    top `limit` and counts nothing it need not."""
    allow = None if allowed is None else set(global_docs(allowed))
    if allow is not None and not allow:
        return [], False
    left = remaining()
    collector = BudgetCollector(
        searcher.collector(limit=limit, sortedby=sortedby, reverse=reverse),
        allow,
        None if left is None else time.monotonic() + left,
    )
    try:
        searcher.search_with_collector(q, collector)
        partial = False
    except TimeLimit:
        partial = True
    return hits_of(collector.results()), partial


def hits_of(results):
    """The hits of Whoosh Results, read from its top N: iterating Results
    asks for its length, which counts every match of the query."""
    return [Hit(results, docnum, pos, score) for pos, (score, docnum) in enumerate(results.top_n)]


def date_rank(reader, fieldname):
    """[where document n's value of a numeric field stands among the
    segment's values] (-1 where it has none), for picking the newest or
    oldest without sorting every match."""

    def build(reader):
        terms, offsets, docs = numeric_terms(reader, fieldname)
        rank = array("i", [-1]) * reader.doc_count_all()
        for i in range(len(terms)):
            for docnum in docs[offsets[i] : offsets[i + 1]]:
                rank[docnum] = i
        return rank

    return per_segment(reader, ("rank", fieldname), build)


def sorted_hits(searcher, q, allowed, limit, fieldname, reverse):
    """(the first `limit` hits by a numeric field, whether the time budget
    cut them short), as Whoosh's sortedby orders them (ties by document
    number) but without a sort key for every match: the matches of each
    segment, unscored, and heapq's pick of the `limit` best by `date_rank`."""
    pick, found, partial = (heapq.nlargest if reverse else heapq.nsmallest), [], False
    for sub, base, allow in leaves(searcher, allowed):
        docs = sub_docs(q, sub, allow)
        if docs is None:
            partial = True
            break
        rank, column = date_rank(sub.reader(), fieldname), sub.reader().column_reader(fieldname)
        best = pick(limit, reversed(docs) if reverse else docs, key=rank.__getitem__)
        found.extend((column.sort_key(docnum), base + docnum) for docnum in best)
    found.sort(reverse=reverse)
    return hits_of(Results(searcher, q, found[:limit])), partial


def estimated_total(searcher, q, allowed, at_least):
    """Whoosh's estimate of how many documents match q: at most the size of
    the smallest posting list an AND needs."""
    estimate = q.estimate_size(searcher.reader())
    if allowed is not None:
        estimate = min(estimate, sum(len(docs) for docs in allowed.values()))
    return max(estimate, at_least)


def check_breadth(q, reader):
    """Raise TooBroad when the prefixes of q stand for more than
    MAX_EXPANSION words between them (counted up to that many, no more)."""
    left = MAX_EXPANSION
    for leaf in q.leaves():
        if isinstance(leaf, wquery.MultiTerm):
            left -= sum(1 for _ in islice(leaf.expanded_terms(reader), left + 1))
            if left < 0:
                raise TooBroad(getattr(leaf, "text", str(leaf)), MAX_EXPANSION)


def facet_list(counter):
    """[(value, count)] as haystack orders Whoosh's facets: most first, then
    by value, with None slotted in by its count."""
    none = counter.pop(None, None)
    items = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    if none is not None:
        at = next((i for i, (_, n) in enumerate(items) if n < none), len(items))
        items.insert(at, (None, none))
    return items


def generation_key(searcher):
    """What identifies the version of the index a searcher reads: its
    generation and its segments (a cleared index starts counting again)."""
    reader = searcher.reader()
    segments = [
        (r.segment().segment_id(), r.segment().deleted_count())
        for r, _ in reader.leaf_readers()
        if r.is_atomic() and r.segment() is not None
    ]
    return reader.generation(), tuple(segments)


def whoosh_sort(sort_by):
    """haystack's order_by list as Whoosh's (sortedby, reverse)."""
    if not sort_by:
        return None, False
    reverse = [s.startswith("-") for s in sort_by]
    if any(reverse) and not all(reverse):
        raise SearchBackendError("Whoosh requires all order_by fields to use the same sort direction")
    return [s.lstrip("-") for s in sort_by], reverse[0]


class Page:
    """The part of a Whoosh ResultsPage that haystack's result processing reads."""

    def __init__(self, hits, total, constant=0):
        self.hits, self.total, self.constant = hits, total, constant

    def __len__(self):
        return self.total

    def __iter__(self):
        return iter(self.hits)

    def score(self, n):
        score = self.hits[n].score
        return score + self.constant if score and self.constant else score


def count_matches(searcher, rest, allowed, facets):
    """(total, {facet: [(value, count)]}) of the documents matching `rest`
    among those `allowed`, segment by segment; None when the search page's
    time budget ran out first."""
    total, counters = 0, {name: Counter() for name in facets}
    for sub, _, allow in leaves(searcher, allowed):
        docs = sub_docs(rest, sub, allow)
        if docs is None:
            return None
        total += len(docs)
        for name in facets:
            values = facet_values(sub.reader(), name)
            counters[name].update(chain.from_iterable(map(values.__getitem__, docs)))
    return total, {name: facet_list(counter) for name, counter in counters.items()}
