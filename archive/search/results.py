"""From a valid form to a page of results: the haystack query, the page,
the rows behind it, facets, filters and spelling suggestions."""

import math
import re

from django.db.models import Count
from django.utils.http import urlencode
from django.utils.text import slugify
from haystack import connections
from haystack.inputs import Raw
from haystack.query import SearchQuerySet

from archive.models import Article, Person, Place, Quote
from archive.search.budget import spent
from archive.search.forms import CONTENT_TYPES, QUOTES
from archive.search.query import parse_query
from archive.search.segments import generation_key

PER_PAGE = 20
FACET_LIMIT = 10


def build_queryset(data, parsed, facets=True):
    kind = data["type"]
    sqs = SearchQuerySet().filter(django_ct=CONTENT_TYPES[kind])
    if parsed.query:
        sqs = sqs.filter(content=Raw(parsed.query))
    if parsed.exclude:
        sqs = sqs.exclude(content=Raw(parsed.exclude))
    if data.get("speaker"):
        sqs = sqs.filter(speakers=data["speaker"].slug)
    if data.get("place"):
        sqs = sqs.filter(places=data["place"].slug)
    if data.get("outlet"):
        sqs = sqs.filter(outlet=slugify(data["outlet"]))
    if data.get("kind") and kind == QUOTES:
        sqs = sqs.filter(kind=data["kind"])
    if data.get("from"):
        sqs = sqs.filter(published__gte=data["from"])
    if data.get("to"):
        sqs = sqs.filter(published__lte=data["to"])
    if data["sort"] == "newest" or (data["sort"] == "relevance" and not parsed.query):
        sqs = sqs.order_by("-published")
    elif data["sort"] == "oldest":
        sqs = sqs.order_by("published")
    if facets:
        for name in facet_fields(kind):
            sqs = sqs.facet(name)
    return sqs


def facet_fields(kind):
    fields = ["speakers", "year", "places", "outlet"]
    return [*fields, "kind"] if kind == QUOTES else fields


class FetchedPage:
    """What Paginator needs, for a page already fetched: one search per page."""

    def __init__(self, total, items):
        self.total, self.items = total, items

    def count(self):
        return self.total

    def __getitem__(self, key):
        return self.items


def fetch_page(sqs, number, per_page=PER_PAGE):
    """(results, total, number) for page `number`, clamped to the pages there are."""
    results = list(sqs[(number - 1) * per_page : number * per_page])
    total = sqs.count()
    if not results and number > 1:
        # Whoosh reports no hits at all for a page past the end.
        sqs = sqs._clone()
        sqs.query.clear_limits()
        total = sqs.count()
        number = max(1, math.ceil(total / per_page))
        sqs = sqs._clone()
        results = list(sqs[(number - 1) * per_page : number * per_page])
    return results, total, number


# A page past the last is answered with the last one anyway; a huge number
# (?page=999...9, 400 digits) overflowed haystack's float page arithmetic.
MAX_PAGE = 10**6


def page_number(value):
    try:
        return min(max(1, int(value)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def load_objects(kind, results):
    """The database rows for a page of results, in result order: one query."""
    pks = [int(r.pk) for r in results if str(r.pk).isdigit()]
    if kind == QUOTES:
        rows = Quote.objects.published().select_related("person", "article").defer("article__body").in_bulk(pks)
    else:
        rows = Article.objects.published().in_bulk(pks)
    return [rows[pk] for pk in pks if pk in rows]


def result_items(kind, objects, highlighter):
    if kind == QUOTES:
        return quote_items(objects, highlighter)
    return [
        {"article": a, "headline": highlighter.mark(a.headline), "snippet": highlighter.snippet(a.body)}
        for a in objects
    ]


def quote_items(quotes, highlighter):
    """One item per quotation: a copy of one already on the page is left
    out, and each says in how many other articles its words appear."""
    groups = {q.text_group for q in quotes if q.text_group is not None}
    articles = (
        dict(
            Quote.objects.published()
            .filter(text_group__in=groups)
            .values("text_group")
            .annotate(n=Count("article", distinct=True))
            .values_list("text_group", "n")
        )
        if groups
        else {}
    )
    items, seen = [], set()
    for quote in quotes:
        if quote.text_group is not None:
            if quote.text_group in seen:
                continue
            seen.add(quote.text_group)
        also = articles.get(quote.text_group, 1) - 1
        items.append({"quote": quote, "html": highlighter.mark(quote.text), "also": max(also, 0)})
    return items


# --- facets, filters and links --------------------------------------------------------


def query_url(params, **changes):
    """`?...` for the current parameters with `changes` (None removes one;
    `from_` stands for `from`), back on the first page."""
    params = {k: v for k, v in params.items() if k != "page"}
    for key, value in changes.items():
        key = key.rstrip("_")
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


def facet_groups(counts, data, params, total):
    """[{'name', 'title', 'items': [{'label', 'count', 'url', 'active'}]}],
    leaving out values every result shares (they narrow nothing) and groups
    left empty. Slugs become names with one query per facet shown."""
    fields = counts.get("fields", {}) if counts else {}
    speaker, place, outlet = data.get("speaker"), data.get("place"), data.get("outlet")
    groups = [
        named_facet(
            "speakers",
            "Speaker" if data["type"] == QUOTES else "People",
            "speaker",
            person_names,
            speaker and speaker.slug,
        ),
        {
            "name": "year",
            "title": "Year",
            "items": [
                {"label": y, "count": n, "url": query_url(params, from_=y, to=y), "active": False}
                for y, n in sorted(((y, n) for y, n in fields.get("year", []) if y), reverse=True)
            ],
        },
        named_facet("places", "Place", "place", place_names, place and place.slug),
        named_facet("outlet", "Outlet", "outlet", outlet_names, outlet and slugify(outlet)),
    ]
    if "kind" in fields:
        labels = dict(Quote.KINDS)
        groups.append(
            {
                "name": "kind",
                "title": "Kind",
                "items": [
                    {
                        "label": labels.get(k, k),
                        "count": n,
                        "url": query_url(params, kind=k),
                        "active": k == data.get("kind"),
                    }
                    for k, n in fields["kind"]
                    if k
                ],
            }
        )
    shown = []
    for group in groups:
        if callable(group):  # a named facet, built now that the counts are known
            group = group(fields, params, total)
        group["items"] = [item for item in group["items"] if item["count"] < total or item["active"]]
        if group["items"] and not all(item["active"] for item in group["items"]):
            shown.append(group)
    return shown


def named_facet(name, title, param, names_of, active):
    """A facet whose values are slugs: built once the counts are known, so
    that names are looked up only for values that narrow."""

    def build(fields, params, total):
        rows = [(slug, n) for slug, n in fields.get(name, []) if slug and (n < total or slug == active)]
        rows = rows[:FACET_LIMIT]
        names = names_of([slug for slug, _ in rows]) if rows else {}
        items = [
            {
                "label": names[slug],
                "count": n,
                "url": query_url(params, **{param: names[slug]}),
                "active": slug == active,
            }
            for slug, n in rows
            if slug in names
        ]
        return {"name": name, "title": title, "items": items}

    return build


def person_names(slugs):
    return dict(Person.objects.filter(slug__in=slugs).values_list("slug", "name"))


def place_names(slugs):
    return dict(Place.objects.filter(slug__in=slugs).values_list("slug", "name"))


_outlets = {"version": None, "names": {}}


def outlet_names(slugs):
    """The outlet is indexed as a slug (a facet value must be one token).
    Every outlet's name by slug is read (a scan of the articles) once per
    version of the index: an outlet reaches the facets only by a write to it."""
    version = index_version()
    if version is None or version != _outlets["version"]:
        outlets = Article.objects.exclude(outlet="").order_by().values_list("outlet", flat=True).distinct()
        _outlets.update(version=version, names={slugify(o): o for o in outlets})
    names = _outlets["names"]
    return {slug: names[slug] for slug in slugs if slug in names}


def index_version():
    backend = search_backend()
    if not hasattr(backend, "searcher"):
        return None
    return backend.real_path, generation_key(backend.searcher())


def active_filters(data, params):
    """Each filter in force, with a link to the same search without it."""
    out = []
    if data.get("speaker"):
        out.append(("Speaker", data["speaker"].name, query_url(params, speaker=None)))
    if data.get("place"):
        out.append(("Place", data["place"].name, query_url(params, place=None)))
    if data.get("outlet"):
        out.append(("Outlet", data["outlet"], query_url(params, outlet=None)))
    if data.get("from"):
        out.append(("From", params.get("from"), query_url(params, from_=None)))
    if data.get("to"):
        out.append(("To", params.get("to"), query_url(params, to=None)))
    if data.get("kind"):
        out.append(("Kind", dict(Quote.KINDS)[data["kind"]], query_url(params, kind=None)))
    return [{"label": label, "value": value, "remove_url": url} for label, value, url in out]


# --- spelling ---------------------------------------------------------------------------


def search_backend():
    return connections["default"].get_backend()


PLAIN_TEXT = re.compile(r"[\w\s'’.,;:?!-]+")


# Words looked up for a suggestion, at most; each is a walk of the word list.
SPELLING_WORDS = 4


def spelling_suggestion(parsed, data):
    """`parsed.text` with each word the index does not know replaced by the
    nearest one it does, when that search finds something; else None. Only
    for plain words (never markup). Asked only when a search finds little:
    it reads the index's word list, which haystack's INCLUDE_SPELLING would
    do on every search. At most SPELLING_WORDS unknown words are looked up,
    each among the words that begin with the same letter, while the search
    page's time budget lasts."""
    if not parsed.words or not PLAIN_TEXT.fullmatch(parsed.text):
        return None
    backend = search_backend()
    if not hasattr(backend, "searcher"):
        return None
    reader = backend.searcher().reader()
    spell_field = reader.schema[backend.content_field_name].spelling_fieldname(backend.content_field_name)
    corrector = reader.corrector(backend.content_field_name)
    unknown = [w for w in dict.fromkeys(parsed.words) if len(w) >= 3 and w.isalpha() and (spell_field, w) not in reader]
    text, changed = parsed.text, False
    for word in unknown[:SPELLING_WORDS]:
        if spent():
            break
        found = corrector.suggest(word, limit=1, maxdist=1 if len(word) < 6 else 2, prefix=1)
        if found and found[0] != word:
            text = re.sub(rf"\b{re.escape(word)}\b", found[0], text, flags=re.IGNORECASE)
            changed = True
    if not changed:
        return None
    return text if build_queryset(data, parse_query(text), facets=False).count() else None
