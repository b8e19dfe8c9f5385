"""The query mix and the browse pages, and timing them in-process: Whoosh
directly (one open searcher, 20 hits, stored fields read) and the search page
through Django's test client. The HTTP side is in bench.serve.

Every query is given as /search/ parameters; `whoosh_query` turns them into the
Whoosh query the page stands for, so the two are timed on the same question."""

import math
import signal
import time
from contextlib import contextmanager
from datetime import datetime

PER_PAGE = 20
RARE, COMMON, VERY_COMMON = "frostbite", "police", "said"  # one source paragraph, ~1/3, ~19/20 of articles


class Timeout(Exception):
    pass


def query_mix(person, place):
    """(label, /search/ parameters); `person` and `place` are the most quoted
    speaker and the most written-about place of the bench archive."""
    return [
        ("rare word", {"q": RARE}),
        ("common word", {"q": COMMON}),
        ("very common word", {"q": VERY_COMMON}),
        ("two words", {"q": "government election"}),
        ("phrase", {"q": '"prime minister"'}),
        ("person's name", {"q": person.name}),
        ("speaker + words", {"type": "quotes", "speaker": person.slug, "q": "people"}),
        ("date range + words", {"q": COMMON, "from": "2010", "to": "2012"}),
        ("place facet", {"q": VERY_COMMON, "place": place.slug}),
        ("newest first", {"q": COMMON, "sort": "newest"}),
        ("page 50, common word", {"q": COMMON, "page": "50"}),
    ]


def browse_pages():
    """(label, path) of the pages timed over HTTP besides search."""
    from django.db.models import Count

    from archive.models import Article, Person, Place

    person, place = landmarks()
    busiest = (
        Article.objects.published()
        .values_list("published__year", "published__month")
        .annotate(n=Count("id"))
        .order_by("-n", "published__year", "published__month")
        .first()
    )
    middle = Article.objects.published().order_by("pk")[Article.objects.count() // 2]
    assert Person.objects.filter(pk=person.pk).exists() and Place.objects.filter(pk=place.pk).exists()
    return [
        ("home", "/"),
        ("person, most quoted", person.get_absolute_url()),
        ("place, most articles", place.get_absolute_url()),
        ("month, busiest", f"/archive/{busiest[0]:04d}/{busiest[1]:02d}/"),
        ("article", middle.get_absolute_url()),
        ("healthz", "/healthz"),
    ]


def landmarks():
    from django.db.models import Count

    from archive.models import Person, Place

    person = Person.objects.annotate(n=Count("quotes")).order_by("-n", "pk").first()
    place = Place.objects.filter(kind=Place.CITY).annotate(n=Count("articles")).order_by("-n", "pk").first()
    return person, place


def whoosh_query(params, schema):
    """(query, page number, sort keywords) for Whoosh, as the page means them."""
    from whoosh import query
    from whoosh.qparser import QueryParser

    kind = "archive.quote" if params.get("type") == "quotes" else "archive.article"
    parts = [query.Term("django_ct", kind)]
    if params.get("q"):
        parts.append(QueryParser("text", schema=schema).parse(params["q"]))
    if params.get("speaker"):
        parts.append(query.Term("speakers", params["speaker"]))
    if params.get("place"):
        parts.append(query.Term("places", params["place"]))
    if params.get("from"):
        start = datetime(int(params["from"]), 1, 1)
        end = datetime(int(params["to"]), 12, 31, 23, 59, 59)
        parts.append(query.DateRange("published", start, end))
    newest = params.get("sort") == "newest" or not params.get("q")
    sort = {"sortedby": "published", "reverse": True} if newest else {}
    return query.And(parts), int(params.get("page", 1)), sort


@contextmanager
def time_limit(seconds):
    """Raise Timeout in the main thread after `seconds`: a pathological query
    is reported, not waited for."""

    def expire(signum, frame):
        raise Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(fn, limit):
    """Milliseconds fn() took, or None past the limit."""
    start = time.perf_counter()
    try:
        with time_limit(limit):
            fn()
    except Timeout:
        return None
    return (time.perf_counter() - start) * 1000


def index_folder():
    import os

    from django.conf import settings

    return os.path.realpath(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])


def time_whoosh(mix, rounds, limit):
    """{label: (hits, [ms...])} with one searcher held open throughout."""
    from whoosh.index import open_dir

    index = open_dir(index_folder())
    plans = [(label, *whoosh_query(params, index.schema)) for label, params in mix]
    found = {}
    with index.searcher() as searcher:

        def run(q, number, sort):
            # search_page refuses a page past the end; the site shows the last one.
            results = searcher.search(q, limit=number * PER_PAGE, **sort)
            total = len(results)
            first = (max(1, min(number, math.ceil(total / PER_PAGE))) - 1) * PER_PAGE
            [hit.fields() for hit in results[first : first + PER_PAGE]]
            return total

        for label, q, number, sort in plans:  # warm, as a running worker would be
            found[label] = (run(q, number, sort), [])
        for _ in range(rounds):
            for label, q, number, sort in plans:
                found[label][1].append(timed(lambda q=q, n=number, s=sort: run(q, n, s), limit))
    return found


def time_test_client(mix, rounds, limit):
    """{label: [ms...]} for GET /search/ through Django's test client."""
    from django.test import Client

    client = Client()
    times = {label: [] for label, _ in mix}

    def get(params):
        response = client.get("/search/", params)
        if response.status_code != 200:
            raise RuntimeError(f"/search/ {params} answered {response.status_code}")

    for _, params in mix:
        get(params)
    for _ in range(rounds):
        for label, params in mix:
            times[label].append(timed(lambda p=params: get(p), limit))
    return times


def time_first_render(pages, rounds, limit):
    """{label: [ms...]} for each browse page rendered afresh through Django's
    test client: the archive's version changed before each request, as after
    an editor's save, so no kept page is served (archive.caching)."""
    from django.test import Client

    from archive.models import ArchiveVersion

    client = Client()
    times = {label: [] for label, _ in pages}

    def get(path):
        ArchiveVersion.bump()
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")

    for _ in range(rounds):
        for label, path in pages:
            times[label].append(timed(lambda p=path: get(p), limit))
    return times


def percentile(samples, p):
    """The p-th percentile, a timeout (None) counting as slower than any time:
    None when the request at that rank timed out."""
    ordered = sorted(samples, key=lambda s: float("inf") if s is None else s)
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(samples):
    """(p50, p95, timeouts) in ms."""
    return percentile(samples, 50), percentile(samples, 95), sum(s is None for s in samples)
