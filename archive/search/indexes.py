"""What is searchable. One Whoosh index holds articles and quotations.

Filter and facet fields are multi-valued fields (Whoosh KEYWORD, split on
commas only, never stemmed) holding slugs: a facet on an ordinary text field
comes back analysed ("World News" gives `world`, `new`). The search page maps
slugs back to names with one query per facet.

A quotation's document holds its words (the first 5,000 characters, see
quote_text.txt: a longer "quotation" is an unclosed quotation mark), its
speaker and role, never its article's text. Its rows are read without the
article's body, which a long article would otherwise bring into memory once
for each of its quotations.

A quotation's places are its article's, so that the place facet and filter
work on quotations too; but only the QUOTE_PLACES places its article
mentions most (with the regions and countries they lie in). An article naming
hundreds of places would otherwise copy all of them into every one of its
thousands of quotations, and writing those postings is most of the cost of
indexing it. A search narrowed to a place the article mentions less finds the
article, not its quotations. The article's document always holds them all.
The quotations of one article share its row (prefetched), on which their
place slugs are worked out once.

`doc_hash` fingerprints the prepared document so that `check_index` can tell a
stale document from a current one without re-reading the model's history."""

import hashlib
import json

from django.db.models import Prefetch
from django.utils.text import slugify
from haystack import indexes

from archive.models import Article, ArticlePlace, Quote

PLACE_ANCESTORS = "places__parent__parent__parent"
QUOTE_PLACES = 50  # places of its article a quotation's document carries, the most mentioned


def place_slugs(places):
    """Slugs of `places` and of the regions and countries they lie in, once
    each and in that order, so that a search narrowed to England finds
    Birmingham. Parents must be prefetched."""
    slugs = {}  # ordered, and a constant-time test: an article may name thousands
    for place in places:
        depth = 0
        while place is not None and depth < 4:
            slugs.setdefault(place.slug)
            place, depth = place.parent, depth + 1
    return list(slugs)


def quote_place_slugs(article):
    """The place slugs of each quotation of `article` (see the module's
    docstring), kept on the article row: its quotations share it."""
    if not hasattr(article, "_quote_place_slugs"):
        links = sorted(article.articleplace_set.all(), key=lambda link: (-link.mentions, link.place.slug))
        # In the order of the article's own document (Place.Meta.ordering).
        places = sorted((link.place for link in links[:QUOTE_PLACES]), key=lambda place: (place.name, place.pk))
        article._quote_place_slugs = place_slugs(places)
    return article._quote_place_slugs


def document_hash(data):
    body = {k: v for k, v in data.items() if k != "doc_hash"}
    return hashlib.sha1(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


class ArchiveIndex(indexes.SearchIndex):
    text = indexes.CharField(document=True, use_template=True)
    published = indexes.DateField()
    year = indexes.MultiValueField()
    speakers = indexes.MultiValueField()
    places = indexes.MultiValueField()
    # A slug: Whoosh facets on an analysed field would split "Birmingham Post".
    outlet = indexes.MultiValueField()
    doc_hash = indexes.MultiValueField(indexed=False)

    def prepare_outlet(self, obj):
        article = obj if isinstance(obj, Article) else obj.article
        slug = slugify(article.outlet)
        return [slug] if slug else []

    def full_prepare(self, obj):
        data = super().full_prepare(obj)
        data["doc_hash"] = [document_hash(data)]
        return data


class ArticleIndex(ArchiveIndex, indexes.Indexable):
    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.published().prefetch_related("quotes__person", "people", PLACE_ANCESTORS)

    def prepare_published(self, obj):
        return obj.published

    def prepare_year(self, obj):
        return [str(obj.published.year)]

    def prepare_speakers(self, obj):
        slugs = [q.person.slug for q in obj.quotes.all() if q.person_id]
        slugs += [p.slug for p in obj.people.all()]
        return list(dict.fromkeys(slugs))

    def prepare_places(self, obj):
        return place_slugs(obj.places.all())


class QuoteIndex(ArchiveIndex, indexes.Indexable):
    kind = indexes.MultiValueField()

    def get_model(self):
        return Quote

    def index_queryset(self, using=None):
        # The article prefetched, not joined: its quotations then share one
        # row, and its places are read and worked out once.
        return (
            Quote.objects.published()
            .select_related("person")
            .prefetch_related(
                Prefetch("article", queryset=Article.objects.defer("body")),
                Prefetch(
                    "article__articleplace_set",
                    queryset=ArticlePlace.objects.select_related("place__parent__parent__parent"),
                ),
            )
        )

    def prepare_published(self, obj):
        return obj.article.published

    def prepare_year(self, obj):
        return [str(obj.article.published.year)]

    def prepare_speakers(self, obj):
        return [obj.person.slug] if obj.person_id else []

    def prepare_places(self, obj):
        return quote_place_slugs(obj.article)

    def prepare_kind(self, obj):
        return [obj.kind]
