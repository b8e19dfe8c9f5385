"""Reading the user's words into a query string Whoosh cannot misread."""

import pytest

from archive.search.query import parse_query


@pytest.mark.parametrize(
    "q, query, plain",
    [
        ("mayor", "(mayor)", False),
        ('"metro mayor" OR refer*', '("metro mayor" OR refer*)', False),
        ("-london mayor", "(NOT london mayor)", False),
        ("Britain's", '("britain s")', False),
        ("it's", "", False),
        ('"foo', "(foo)", True),
        ("(bar", "(bar)", True),
        ("AND", "", True),
        ("*", "", True),
        ("a*", "", True),
        ("the", "", False),
    ],
)
def test_parse_query(q, query, plain):
    parsed = parse_query(q)
    assert (parsed.query, parsed.plain) == (query, plain)
