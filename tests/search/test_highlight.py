"""Marking matches in results: stems, prefixes, and everything escaped."""

from archive.search.highlight import Highlighter


def test_highlighter_marks_stems_and_prefixes_and_escapes():
    h = Highlighter(terms={"referendum"}, prefixes={"devol"})
    out = h.mark("<p>Referendums & devolution</p>")
    assert out == "&lt;p&gt;<mark>Referendums</mark> &amp; <mark>devolution</mark>&lt;/p&gt;"
    snippet = h.snippet("word " * 200 + "referendum " + "word " * 200, width=60)
    assert snippet.startswith("… ") and snippet.endswith(" …") and "<mark>referendum</mark>" in snippet
