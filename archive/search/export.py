"""Every CSV and JSON download of the archive goes through `download()`:
search results and a person's quotes alike. Every CSV cell is made safe
from spreadsheet formulas. A download is streamed to its end whatever its
size (rows read EXPORT_BATCH at a time, gunicorn's worker kept alive while
they flow), one at a time per client and at most EXPORT_RATE per client
(archive.limits)."""

import csv
import json

from django.http import StreamingHttpResponse

from archive import heartbeat
from archive.limits import start_export
from archive.links import absolute_url
from archive.models import Quote
from archive.search.forms import QUOTES
from archive.search.results import build_queryset, load_objects

# Results are read from the index in batches that double from EXPORT_BATCH to
# EXPORT_BATCH_MAX, and from the database EXPORT_BATCH rows at a time.
EXPORT_BATCH = 500
EXPORT_BATCH_MAX = 4000
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
    """Every result, in order. Each batch is a fresh search: one search
    object would keep every result it has read. Each search scores every
    match again, so batches grow (fewer searches) up to a size whose stored
    fields are still small. The engine reads a slice as a page number and a
    page length: each batch starts at a multiple of its size (500 at 0 and
    500, then 1000 at 1000, 2000 at 2000...)."""
    sqs = build_queryset(data, parsed, facets=False)
    start, size = 0, EXPORT_BATCH
    while True:
        batch = list(sqs.all()[start : start + size])
        for i in range(0, len(batch), EXPORT_BATCH):
            yield from load_objects(data["type"], batch[i : i + EXPORT_BATCH])
        if len(batch) < size:
            return
        start += size
        size = min(start, EXPORT_BATCH_MAX)


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


def download(request, rows, fields, fmt, filename, *, key="results", head=None, disposition="attachment"):
    """A streamed CSV or JSON response of `rows` (dicts with `fields`), or a
    429 page when the client is already downloading or has downloaded too
    often. JSON is `{**head, key: [rows]}`; every CSV cell goes through
    spreadsheet_safe."""
    lock, refusal = start_export(request)
    if refusal:
        return refusal
    if fmt == "csv":
        writer = csv.DictWriter(Echo(), fieldnames=fields, extrasaction="ignore")
        lines = (writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()}) for row in rows)
        chunks, content_type = prepend(writer.writeheader(), lines), "text/csv; charset=utf-8"
    else:
        chunks, content_type = json_chunks(rows, key, head or {}), "application/json; charset=utf-8"
    response = StreamingHttpResponse(Stream(chunks, lock), content_type=content_type)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


class Stream:
    """A download's chunks, which keep the gunicorn worker alive and the
    client's lock held while they flow. The server calls close() when the
    response ends, fails or the client goes away: that releases the lock."""

    def __init__(self, chunks, lock):
        self.chunks = chunks
        self.lock = lock

    def __iter__(self):
        try:
            for chunk in self.chunks:
                heartbeat.beat()
                self.lock.refresh()
                yield chunk
        finally:
            self.close()

    def close(self):
        self.lock.release()
        self.chunks.close()


def export(request, data, parsed):
    """The search's results, every page of them."""
    fields = QUOTE_FIELDS if data["type"] == QUOTES else ARTICLE_FIELDS
    rows = (export_row(obj) for obj in all_objects(data, parsed))
    return download(request, rows, fields, data["format"], f"search-{data['type']}.{data['format']}")


def prepend(first, rest):
    yield first
    yield from rest


def json_chunks(rows, key, head):
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield opening + (", " if head else "") + json.dumps(key) + ": ["
    for i, row in enumerate(rows):
        yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"
