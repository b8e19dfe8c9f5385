"""Full-text search of articles and quotations, on django-haystack + Whoosh.

query      the user's words as a query string Whoosh cannot misread
names      people, organisations and places named in a query or a filter box
understand what a query of plain words means: a speaker named, fallbacks
duplicates the same quotation in several articles, grouped when saved
highlight  <mark> around matching words, everything else escaped
forms      the search form
results    haystack query, page, facets, filters, spelling suggestions
views      /search/, autocomplete, related articles
export     every CSV / JSON download
indexes    what is indexed (haystack finds it through archive/search_indexes.py)
backend    the Whoosh backend: one writer at a time, cheap searches
segments   per-segment caches behind the backend's searches
signals    the index following the database after each commit
consistency  check_index: index against database
"""


def related_articles(article, limit=5):
    """Published articles most like `article` (archive.views asks for it here)."""
    from archive.search.views import related_articles as related

    return related(article, limit)
