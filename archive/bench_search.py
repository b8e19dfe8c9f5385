"""Search latency: `python -m archive.bench_search [--fresh] [--articles N]`.

Builds a deterministic corpus (10,000 articles with quotations, people and
places, from a fixed vocabulary) into a throwaway SQLite file and Whoosh
folder under var/bench/search/ (kept for the next run unless --fresh), then
times a fixed mix of queries twice: through the search page (Django form,
haystack, database loads, facets, highlighting, template) and as the same
query strings against Whoosh directly, the way haystack's own backend runs
them (open_dir + searcher, search_page with groupedby facets, same sort and
page size): a reference for what archive.search.backend's search saves. Prints p50
and p95 of each, and their ratio. The page caches totals and facet counts
per index generation (SEARCH_CACHE); --no-cache times it without."""

import argparse
import fcntl
import os
import random
import shutil
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench" / "search"
VERSION = "2"  # 2: people carry search_names, the index an outlet field
HELD = []

WORDS = (
    "council city mayor budget plan housing transport school hospital police minister government local "
    "region authority deal powers vote election party leader report week year people public money service "
    "road rail tram bus station centre market business jobs growth investment funding cuts tax rates "
    "devolution referendum combined metro northern powerhouse strategy review inquiry committee board "
    "chairman chief executive officer spokesman community residents campaign protest scheme project "
    "development planning green park river bridge airport port energy water waste climate health care"
).split()
FILLER = "the a of to and in that is was for on with as by at from it be said would will has have".split()
PEOPLE = [
    "Lord Heseltine", "Roger Lawrence", "Adam Marshall", "Lord Porter", "Andy Street", "Marvin Rees",
    "Greg Clark", "Philip Hammond", "Ruth Kelly", "Bob Sleigh", "Francesca Gains", "Lord Kerslake",
    "George Osborne", "David Cameron", "Albert Bore", "Ken Livingstone", "Andy Burnham", "Steve Rotheram",
    "Dan Jarvis", "Ben Houchen", "Tracy Brabin", "Joanne Anderson", "Sadiq Khan", "Boris Johnson",
]
PLACES = [  # (name, kind, parent)
    ("United Kingdom", "country", None), ("England", "country", "United Kingdom"),
    ("West Midlands", "region", "England"), ("North West", "region", "England"), ("London", "city", "England"),
    ("Birmingham", "city", "West Midlands"), ("Coventry", "city", "West Midlands"),
    ("Wolverhampton", "city", "West Midlands"), ("Manchester", "city", "North West"),
    ("Liverpool", "city", "North West"), ("Bristol", "city", "England"), ("Leeds", "city", "England"),
    ("Sheffield", "city", "England"), ("Newcastle", "city", "England"), ("Leicester", "city", "England"),
]
QUERIES = [  # (label, parameters of /search/)
    ("word", {"q": "referendum", "type": "articles"}),
    ("two words", {"q": "mayor budget", "type": "articles"}),
    ("phrase", {"q": '"city council"', "type": "articles"}),
    ("AND", {"q": "mayor AND devolution", "type": "articles"}),
    ("OR", {"q": "referendum OR tram", "type": "articles"}),
    ("NOT", {"q": "mayor NOT london", "type": "articles"}),
    ("prefix", {"q": "devol*", "type": "articles"}),
    ("speaker", {"type": "quotes", "speaker": "andy-street"}),
    ("speaker + words", {"type": "quotes", "speaker": "lord-heseltine", "q": "housing"}),
    ("date range", {"q": "mayor", "from": "2015", "to": "2016", "type": "articles"}),
    ("place facet", {"q": "transport", "place": "west-midlands", "type": "articles"}),
    ("quotes, newest", {"type": "quotes", "q": "budget", "sort": "newest"}),
    # Names and questions read in the words (quotations, the default).
    ("name in words", {"q": "Heseltine housing"}),
    ("question", {"q": "what did Heseltine say about housing"}),
]


def setup_django(workdir):
    os.environ["ARCHIVE_VAR_DIR"] = str(workdir)
    os.environ["WHOOSH_PATH"] = str(workdir / "whoosh_index")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django
    from django.apps import apps

    if apps.ready:
        from django.conf import settings

        if str(workdir) not in settings.DATABASES["default"]["NAME"]:
            sys.exit("bench_search needs a process of its own (Django is already set up on another database)")
        return
    django.setup()


def sentence(rng, words):
    n = rng.randint(8, 18)
    chosen = (rng.choice(FILLER) if rng.random() < 0.35 else rng.choice(words) for _ in range(n))
    return " ".join(chosen).capitalize() + "."


def make_corpus(n_articles, seed=20240601):
    """Rows for the database, built without signals (indexed afterwards in bulk)."""
    from archive.models import Article, ArticlePerson, ArticlePlace, Person, Place, Quote, fingerprint

    rng = random.Random(seed)
    places = {}
    for name, kind, parent in PLACES:
        places[name] = Place.objects.create(name=name, kind=kind, parent=places.get(parent))
    people = [Person.objects.create(name=name, aliases=[name.split()[-1]]) for name in PEOPLE]
    cities = [p for p in places.values() if p.kind == "city"]
    start = date(2005, 1, 1)
    articles = []
    for i in range(n_articles):
        place = rng.choice(cities)
        body = " ".join(sentence(rng, [*WORDS, place.name]) for _ in range(rng.randint(6, 12)))
        headline = sentence(rng, WORDS)[:-1]
        articles.append(Article(
            headline=headline, slug=f"article-{i}", body=body, outlet=rng.choice(["Post", "Mail", "Echo"]),
            url=f"https://example.org/{i}", published=start + timedelta(days=rng.randrange(6200)),
            fingerprint=fingerprint(f"{i} {body}"),
        ))
    Article.objects.bulk_create(articles, batch_size=500)
    articles = list(Article.objects.order_by("pk"))
    quotes, links, place_links = [], [], []
    for article in articles:
        speakers = rng.sample(people, rng.randint(1, 3))
        for person in speakers:
            quotes.append(Quote(article=article, person=person, text=sentence(rng, WORDS), role="spokesperson",
                                kind=rng.choice(["direct", "direct", "partial", "indirect"])))
            links.append(ArticlePerson(article=article, person=person))
        for place in {rng.choice(cities), rng.choice(cities)}:
            place_links.append(ArticlePlace(article=article, place=place))
    Quote.objects.bulk_create(quotes, batch_size=1000)
    ArticlePerson.objects.bulk_create(links, batch_size=1000)
    ArticlePlace.objects.bulk_create(place_links, batch_size=1000)
    return len(articles), len(quotes)


def prepare(workdir, n_articles, fresh):
    # Two runs at once would delete each other's corpus: the second waits.
    workdir.parent.mkdir(parents=True, exist_ok=True)
    lock = open(workdir.parent / ".search-bench.lock", "a")
    fcntl.flock(lock, fcntl.LOCK_EX)
    HELD.append(lock)  # held until the process ends
    marker = workdir / f"ready-{VERSION}-{n_articles}"
    if fresh or not marker.exists():
        shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True, exist_ok=True)
    setup_django(workdir)
    from django.core.management import call_command

    if marker.exists():
        print(f"search: reusing the corpus in {workdir} (--fresh to rebuild)")
        return
    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    n, q = make_corpus(n_articles)
    t1 = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("rebuild_search_index", stdout=quiet)
    t2 = time.perf_counter()
    print(f"search: corpus of {n:,} articles and {q:,} quotations: database {t1 - t0:.0f} s, index {t2 - t1:.0f} s")
    marker.touch()


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def whoosh_direct(searcher, parser, query_string, sort, facets):
    """The query haystack would send, run with Whoosh alone: page 1 of 20,
    same sort and facets, stored fields of the hits read."""
    from whoosh.sorting import Count, FieldFacet

    kwargs = {"groupedby": [FieldFacet(f, allow_overlap=True, maptype=Count) for f in facets]}
    if sort:
        kwargs.update(sortedby=sort.lstrip("-"), reverse=sort.startswith("-"))
    page = searcher.search_page(parser.parse(query_string), 1, pagelen=20, **kwargs)
    hits = [dict(hit) for hit in page]
    for f in facets:
        page.results.groups(f)
    return len(page), hits


def time_queries(rounds):
    from django.test import RequestFactory
    from haystack import connections
    from whoosh.index import open_dir
    from whoosh.qparser import QueryParser

    from archive.search import forms, query, results, views

    factory = RequestFactory()
    backend = connections["default"].get_backend()
    backend.ensure_current()
    index = open_dir(os.path.realpath(backend.path))
    parser = QueryParser(backend.content_field_name, schema=index.schema)
    plans = []
    for label, params in QUERIES:
        form = forms.SearchForm(params)
        assert form.is_valid(), form.errors
        data = form.cleaned_data
        sqs = results.build_queryset(data, query.parse_query(data["q"]))
        sort = sqs.query.order_by[0] if sqs.query.order_by else None
        plans.append((label, params, sqs.query.build_query(), sort, results.facet_fields(data["type"])))
    django_ms, whoosh_ms, per_query = [], [], {}
    with index.searcher() as searcher:
        for _ in range(2):  # warm caches, as a running worker would have them
            for label, params, qs, sort, facets in plans:
                views.search(factory.get("/search/", params))
                whoosh_direct(searcher, parser, qs, sort, facets)
        for _ in range(rounds):
            for label, params, qs, sort, facets in plans:
                t0 = time.perf_counter()
                response = views.search(factory.get("/search/", params))
                t1 = time.perf_counter()
                hits, _ = whoosh_direct(searcher, parser, qs, sort, facets)
                t2 = time.perf_counter()
                assert response.status_code == 200
                django_ms.append((t1 - t0) * 1000)
                whoosh_ms.append((t2 - t1) * 1000)
                per_query.setdefault(label, [hits, [], []])
                per_query[label][1].append((t1 - t0) * 1000)
                per_query[label][2].append((t2 - t1) * 1000)
    return django_ms, whoosh_ms, per_query


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="rebuild the corpus and index")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--no-cache", action="store_true", help="count totals and facets on every search")
    args = parser.parse_args(argv if argv is not None else [])
    prepare(BENCH_DIR, args.articles, args.fresh)
    if args.no_cache:
        from archive.search import backend

        backend.SEARCH_CACHE = None
    django_ms, whoosh_ms, per_query = time_queries(args.rounds)
    cached = "counts cache off" if args.no_cache else "counts cached per index generation"
    print(f"search: {len(QUERIES)} queries x {args.rounds} rounds, page of 20 with facets, {cached}")
    print(f"  {'query':<18}{'hits':>7}{'page p50':>10}{'whoosh p50':>12}")
    for label, (hits, page, direct) in per_query.items():
        print(f"  {label:<18}{hits:>7}{statistics.median(page):>9.1f} {statistics.median(direct):>10.1f} ms")
    d50, d95 = percentile(django_ms, 50), percentile(django_ms, 95)
    w50, w95 = percentile(whoosh_ms, 50), percentile(whoosh_ms, 95)
    print(f"  search page (Django + haystack): p50 {d50:.1f} ms, p95 {d95:.1f} ms")
    print(f"  Whoosh as haystack ran it:       p50 {w50:.1f} ms, p95 {w95:.1f} ms")
    print(f"  ratio page / Whoosh:             p50 {d50 / w50:.1f}x, p95 {d95 / w95:.1f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
