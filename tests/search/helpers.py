"""Shared by the search and indexing tests (no tests here): a throwaway
Whoosh index and a small named cast of seed-like articles."""

import itertools
import os
from contextlib import contextmanager
from datetime import date

import pytest
from django.conf import settings
from django.test import override_settings
from haystack import connections

from archive.models import Article, ArticlePerson, ArticlePlace, Person, Place, Quote
from archive.search import signals

# ARCHIVE_TEST_SEARCH_ENGINE (see tests/testenv.py) runs the search tests on
# another haystack backend; the tests that read the Whoosh folder itself
# (locks, segments, damage, rebuild_search_index) are then skipped.
WHOOSH = "whoosh" in settings.HAYSTACK_CONNECTIONS["default"]["ENGINE"].lower()
whoosh_only = pytest.mark.skipif(not WHOOSH, reason="reads or damages the Whoosh index folder itself")
_names = itertools.count(1)


@contextmanager
def temporary_index(path):
    """Point haystack's default connection (and settings) at the folder `path`,
    or, on another backend, at a new index of its own, deleted afterwards."""
    default = settings.HAYSTACK_CONNECTIONS["default"]
    if WHOOSH:
        options = {"PATH": str(path)}
    else:
        options = {"INDEX_NAME": f"{default['INDEX_NAME']}-{os.getpid()}-{next(_names)}"}
    conf = {**settings.HAYSTACK_CONNECTIONS, "default": {**default, **options}}
    old = connections.connections_info
    with override_settings(HAYSTACK_CONNECTIONS=conf):
        connections.connections_info = conf
        connections.reload("default")
        try:
            yield path
        finally:
            if not WHOOSH:
                clear_index()
            connections.connections_info = old
            connections.reload("default")


def clear_index():
    connections["default"].get_backend().clear()


HESELTINE_BODY = """Birmingham needs a mayor to help shift power away from London, and the new system should be \
introduced without a referendum, according to senior Conservative peer Lord Heseltine.

It followed referendums in 2012 when residents in both Coventry and Birmingham voted against creating a mayor.

Lord Heseltine said: “My position has always been the same. I wouldn’t have had referendums. I would have done it.”

Councillor Roger Lawrence said: “I think that our aspirations would lead us down that particular route.”"""

THINKTANK_BODY = """A leading political thinktank has backed calls for a directly-elected mayor in Birmingham.

Dr Marshall said: "If Whitehall offers a substantial package of powers to a big city, I think some cities would be \
hard-pressed to refuse." The mayor of London has additional powers."""

PORTER_BODY = """The point of a metro mayor is to ‘take the blame’ if something goes wrong, Local Government \
Association chairman Lord Porter has said at a fringe meeting about devolution in the West Midlands."""

BUDGET_BODY = "The council set its budget. <em>Savings</em> & cuts were debated at length; <script>alert(1)</script>."


def make_cast():
    """Four articles, seven people, five places, 31 quotations. Returns a dict by name."""
    england = Place.objects.create(name="England", kind=Place.COUNTRY)
    midlands = Place.objects.create(name="West Midlands", kind=Place.REGION, parent=england)
    birmingham = Place.objects.create(name="Birmingham", kind=Place.CITY, parent=midlands)
    london = Place.objects.create(name="London", kind=Place.CITY, parent=england)
    coventry = Place.objects.create(name="Coventry", kind=Place.CITY, parent=midlands)

    heseltine = Person.objects.create(name="Lord Heseltine", honorific="Lord", aliases=["Michael Heseltine"])
    lawrence = Person.objects.create(name="Roger Lawrence")
    marshall = Person.objects.create(name="Adam Marshall", honorific="Dr")
    porter = Person.objects.create(name="Lord Porter", aliases=["Gary Porter"])
    councillors = [Person.objects.create(name=f"Councillor {n}") for n in ("Ames", "Booth", "Carr")]

    hes = Article.objects.create(
        headline="Birmingham needs a mayor, and no referendum, says Lord Heseltine",
        body=HESELTINE_BODY,
        outlet="Birmingham Post",
        url="http://www.example.org/heseltine",
        published=date(2014, 6, 1),
        precision=Article.MONTH,
    )
    think = Article.objects.create(
        headline="Mayor move key, says thinktank",
        body=THINKTANK_BODY,
        outlet="Birmingham Post",
        url="https://www.example.org/thinktank",
        published=date(2006, 7, 1),
        precision=Article.MONTH,
    )
    metro = Article.objects.create(
        headline="Metro mayors are there to 'take the blame', says Lord Porter",
        body=PORTER_BODY,
        outlet="The MJ",
        published=date(2016, 10, 1),
        precision=Article.MONTH,
    )
    budget = Article.objects.create(
        headline="Council budget <b>agreed</b> & signed",
        body=BUDGET_BODY,
        outlet="World News",
        published=date(2019, 3, 14),
    )
    links = [
        (hes, birmingham),
        (hes, london),
        (hes, coventry),
        (think, birmingham),
        (think, london),
        (metro, midlands),
        (budget, birmingham),
    ]
    for article, place in links:
        ArticlePlace.objects.create(article=article, place=place)
    q = Quote.objects.create
    quotes = {
        "referendums": q(
            article=hes,
            person=heseltine,
            position=300,
            role="former Deputy Prime Minister",
            text="My position has always been the same. I wouldn’t have had referendums. I would have done it.",
        ),
        "route": q(
            article=hes,
            person=lawrence,
            position=420,
            role="leader of Wolverhampton City Council",
            text="I think that our aspirations would lead us down that particular route.",
        ),
        "refuse": q(
            article=think,
            person=marshall,
            position=100,
            role="IPPR researcher",
            text="If Whitehall offers a substantial package of powers to a big city, I think some cities "
            "would be hard-pressed to refuse.",
        ),
        "blame": q(
            article=metro, person=porter, position=40, kind=Quote.PARTIAL, role="LGA chairman", text="take the blame"
        ),
    }
    for i in range(27):
        person = councillors[i % 3]
        quotes[f"budget{i}"] = q(
            article=budget,
            person=person,
            position=i,
            role="councillor",
            text=f"Budget point number {i}: <b>savings</b> & cuts.",
        )
    for article, person in [
        (hes, heseltine),
        (hes, lawrence),
        (think, marshall),
        (metro, porter),
        *((budget, c) for c in councillors),
    ]:
        ArticlePerson.objects.create(article=article, person=person)
    # The documents are built from links made after the articles were saved.
    signals.queue_articles([hes, think, metro, budget])
    return {
        "places": {"england": england, "midlands": midlands, "birmingham": birmingham, "london": london},
        "people": {
            "heseltine": heseltine,
            "lawrence": lawrence,
            "marshall": marshall,
            "porter": porter,
            "councillors": councillors,
        },
        "articles": {"heseltine": hes, "thinktank": think, "metro": metro, "budget": budget},
        "quotes": quotes,
    }


def delete_cast():
    Quote.objects.all().delete()
    Article.objects.all().delete()
    Person.objects.all().delete()
    Place.objects.all().delete()
