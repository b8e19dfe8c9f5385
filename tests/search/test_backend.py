"""ArchiveWhooshBackend.search answers as haystack's own Whoosh search would."""

import pytest

from archive.search.forms import SearchForm
from archive.search.query import parse_query
from archive.search.results import build_queryset, facet_fields


@pytest.fixture(scope="module")
def cast(indexed_cast):
    return indexed_cast



@pytest.mark.parametrize(
    "params",
    [
        {"q": "mayor", "type": "articles"},
        {"q": "budget", "type": "quotes"},
        {"q": '"take the blame"'},
        {"q": "mayor", "type": "articles", "from": "2010", "to": "2016-10"},
        {"from": "2014-06-01"},
        {"from": "2014-06-01", "type": "articles"},
        {"type": "quotes", "speaker": "councillor-ames", "sort": "oldest"},
        {"q": "budget OR mayor", "type": "quotes", "place": "england", "sort": "newest"},
    ],
)
def test_the_backend_answers_as_haystacks_whoosh_search(cast, db, params):
    from haystack import connections
    from haystack.backends.whoosh_backend import WhooshSearchBackend

    form = SearchForm(params)
    assert form.is_valid(), form.errors
    data = form.cleaned_data
    sqs = build_queryset(data, parse_query(data["q"]))
    backend = connections["default"].get_backend()
    args = (sqs.query.build_query(),)
    for start in (0, 20, 40):
        kwargs = {"sort_by": sqs.query.order_by or None, "start_offset": start, "end_offset": start + 20,
                  "facets": facet_fields(data["type"]), "limit_to_registered_models": False}
        ours, theirs = backend.search(*args, **kwargs), WhooshSearchBackend.search(backend, *args, **kwargs)
        assert ours["hits"] == theirs["hits"]
        assert ours.get("facets") == theirs.get("facets")
        assert [(r.id, r.score) for r in ours["results"]] == [(r.id, r.score) for r in theirs["results"]]


def test_related_articles_are_other_articles_most_like_this_one_within_the_limit(cast, db):
    from archive.search import related_articles

    heseltine = cast["articles"]["heseltine"]
    related = related_articles(heseltine, limit=2)
    # Mayors and Birmingham: the thinktank and metro-mayor articles, never a
    # quotation's document nor the article itself; the budget shares nothing.
    assert [a.pk for a in related] == [cast["articles"]["thinktank"].pk, cast["articles"]["metro"].pk]
    assert related_articles(heseltine, limit=1) == related[:1]
