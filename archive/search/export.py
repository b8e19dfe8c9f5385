"""Every CSV and JSON download of the archive goes through `download()`:
search results and a person's quotes alike. Every CSV cell is made safe
from spreadsheet formulas."""

import csv
import json

from django.http import StreamingHttpResponse

from archive.links import absolute_url
from archive.models import Quote
from archive.search.forms import QUOTES
from archive.search.results import build_queryset, load_objects

EXPORT_BATCH = 500
QUOTE_FIELDS = [
    "speaker",
    "quotation",
    "role",
    "kind",
    "headline",
    "outlet",
    "date",
    "date_iso",
    "article_url",
    "source_url",
    "quote_url",
    "citation",
]
ARTICLE_FIELDS = ["headline", "outlet", "date", "date_iso", "article_url", "source_url"]


def all_objects(data, parsed):
    """Every result, in order, loaded EXPORT_BATCH rows at a time."""
    sqs = build_queryset(data, parsed, facets=False)
    start = 0
    while True:
        batch = list(sqs[start : start + EXPORT_BATCH])
        if not batch:
            return
        yield from load_objects(data["type"], batch)
        if len(batch) < EXPORT_BATCH:
            return
        start += EXPORT_BATCH


def export_row(obj):
    article = obj.article if isinstance(obj, Quote) else obj
    row = {
        "headline": article.headline,
        "outlet": article.outlet,
        "date": article.date_display(),
        "date_iso": article.date_iso(),
        "article_url": absolute_url(article.get_absolute_url()),
        "source_url": article.url,
    }
    if isinstance(obj, Quote):
        row.update(
            speaker=obj.person.name if obj.person else "",
            quotation=obj.text,
            role=obj.role,
            kind=obj.kind,
            quote_url=obj.permalink(),
            citation=obj.citation(),
        )
    return row


class Echo:
    """csv.writer's file: each row comes back as a string to stream."""

    def write(self, value):
        return value


def spreadsheet_safe(value):
    """A cell a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def download(rows, fields, fmt, filename, *, key="results", head=None, disposition="attachment"):
    """A streamed CSV or JSON response of `rows` (dicts with `fields`). JSON
    is `{**head, key: [rows]}`; every CSV cell goes through spreadsheet_safe."""
    if fmt == "csv":
        writer = csv.DictWriter(Echo(), fieldnames=fields, extrasaction="ignore")
        lines = (writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()}) for row in rows)
        response = StreamingHttpResponse(prepend(writer.writeheader(), lines), content_type="text/csv; charset=utf-8")
    else:
        chunks = json_chunks(rows, key, head or {})
        response = StreamingHttpResponse(chunks, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def export(data, parsed):
    """The search's results, every page of them."""
    fields = QUOTE_FIELDS if data["type"] == QUOTES else ARTICLE_FIELDS
    rows = (export_row(obj) for obj in all_objects(data, parsed))
    return download(rows, fields, data["format"], f"search-{data['type']}.{data['format']}")


def prepend(first, rest):
    yield first
    yield from rest


def json_chunks(rows, key, head):
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield opening + (", " if head else "") + json.dumps(key) + ": ["
    for i, row in enumerate(rows):
        yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"
