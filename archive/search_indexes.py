"""haystack looks for the indexes of each app in `<app>.search_indexes`; they
are defined in the search package."""

from archive.search.indexes import ArticleIndex, QuoteIndex

__all__ = ["ArticleIndex", "QuoteIndex"]
