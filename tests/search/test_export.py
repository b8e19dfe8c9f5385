"""Every download: the search's CSV and JSON exports and the person page's,
through the one writer in archive.search.export."""

import csv
import io
import json

from django.urls import reverse

from archive.search.export import spreadsheet_safe

# --- exports --------------------------------------------------------------------------


def export(client, path=None, **params):
    response = client.get(path or reverse("search"), params)
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_csv_export_has_every_result_with_citation_fields(client, cast, db):
    rows = list(csv.DictReader(io.StringIO(export(client, q="budget", type="quotes", format="csv"))))
    assert len(rows) == 27  # more than a page
    row = rows[0]
    for key in ("speaker", "quotation", "role", "headline", "outlet", "date", "article_url", "source_url"):
        assert key in row
    assert row["outlet"] == "World News" and row["date"] == "14 March 2019"
    assert row["article_url"].endswith(cast["articles"]["budget"].get_absolute_url())


def test_csv_cells_cannot_run_as_formulas(client, cast, db):
    quote = cast["quotes"]["blame"]
    rows = list(csv.DictReader(io.StringIO(export(client, q="blame", type="quotes", format="csv"))))
    assert rows[0]["quotation"] == quote.text
    assert spreadsheet_safe("=cmd()") == "'=cmd()"


def test_json_export_has_every_result(client, cast, db):
    data = json.loads(export(client, type="quotes", place="birmingham", format="json"))
    assert len(data["results"]) == 30
    heseltine = next(r for r in data["results"] if r["speaker"] == "Lord Heseltine")
    assert heseltine["date"] == "June 2014"
    assert heseltine["source_url"] == "http://www.example.org/heseltine"
    assert heseltine["role"] == "former Deputy Prime Minister"


def test_articles_export(client, cast, db):
    data = json.loads(export(client, q="mayor", format="json", sort="oldest", type="articles"))
    assert data["results"][0]["headline"] == "Mayor move key, says thinktank"


def test_a_persons_csv_goes_through_the_same_formula_protection(client, cast, db):
    from archive.models import Quote

    porter = cast["people"]["porter"]
    quote = Quote.objects.create(article=cast["articles"]["metro"], person=porter, text='=HYPERLINK("x")')
    try:
        rows = list(csv.DictReader(io.StringIO(export(client, path=reverse("person_quotes_csv", args=[porter.slug])))))
        assert '\'=HYPERLINK("x")' in [row["text"] for row in rows]
        data = json.loads(export(client, path=reverse("person_quotes_json", args=[porter.slug])))
        assert data["speaker"] == "Lord Porter" and '=HYPERLINK("x")' in [r["text"] for r in data["quotes"]]
    finally:
        quote.delete()


def test_an_export_read_in_many_batches_has_every_result_once_in_order(client, cast, db, monkeypatch):
    from archive.search import export as export_module

    whole = json.loads(export(client, type="quotes", place="birmingham", format="json", sort="oldest"))["results"]
    monkeypatch.setattr(export_module, "EXPORT_BATCH", 2)
    monkeypatch.setattr(export_module, "EXPORT_BATCH_MAX", 8)  # batches of 2, 2, 4, 8, 8...
    batched = json.loads(export(client, type="quotes", place="birmingham", format="json", sort="oldest"))["results"]
    assert len({row["quote_url"] for row in batched}) == len(batched) == 30
    assert [row["quote_url"] for row in batched] == [row["quote_url"] for row in whole]
