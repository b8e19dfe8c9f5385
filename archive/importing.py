"""Reading article files (.txt, .json, .jsonl) into validated records.

Parsing is kept apart from saving so that a bad file is rejected with a
one-line reason before anything touches the database."""

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from archive.formats import PRECISIONS, DateError, parse_partial_date, split_front_matter

EXTENSIONS = (".txt", ".json", ".jsonl")


class BadRecord(ValueError):
    """A file or line that cannot become an article; the message says why."""


@dataclass
class Record:
    source: str
    headline: str
    body: str
    published: date
    precision: str
    outlet: str = ""
    url: str = ""


def parse_date(value, precision=None):
    """'2014', '2014-06' or '2014-06-23' (a time part is ignored) to a date and
    the precision the text supports. An explicit precision may only coarsen it."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 0 < value < 10_000:  # also NaN and infinity, which int() refuses
            raise BadRecord(f"publication date {str(value)[:40]!r} is impossible")
        value = str(int(value))
    if not isinstance(value, str) or not value.strip():
        raise BadRecord("no publication date (field 'published')")
    try:
        parsed, known = parse_partial_date(re.split(r"[T ]", value.strip(), maxsplit=1)[0])
    except DateError as exc:
        if exc.impossible:
            raise BadRecord(f"publication date {value.strip()!r} is impossible") from None
        raise BadRecord(f"publication date {value.strip()[:40]!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None
    if parsed.year < 1600:
        raise BadRecord(f"publication date {value.strip()!r} is impossible")
    order = PRECISIONS
    if precision:
        precision = str(precision).strip().lower()
        if precision not in order:
            raise BadRecord(f"precision {precision!r} is not day, month or year")
        if order.index(precision) > order.index(known):
            raise BadRecord(f"precision {precision!r} is finer than the date {value!r}")
        known = precision
    return parsed, known


def derive_headline(body, words=12):
    """A headline when none is known: the opening words of the first sentence."""
    first = re.split(r"(?<=[.!?])\s", body.strip(), maxsplit=1)[0]
    parts = first.split()
    text = " ".join(parts[:words])
    return text + ("…" if len(parts) > words else "")


def make_record(data, source):
    if not isinstance(data, dict):
        raise BadRecord("expected a JSON object with headline/title and body/text")
    body = data.get("body", data.get("text"))
    if not isinstance(body, str) or not body.strip():
        raise BadRecord("empty body")
    if len(body.encode("utf-8")) > settings.IMPORT_MAX_BODY_BYTES:
        raise BadRecord(f"body is larger than {settings.IMPORT_MAX_BODY_BYTES:,} bytes")
    if "\x00" in body:
        raise BadRecord("body contains NUL characters")
    headline = data.get("headline") or data.get("title") or ""
    if not isinstance(headline, str):
        raise BadRecord("headline is not text")
    headline = " ".join(headline.split()) or derive_headline(body)
    published, precision = parse_date(data.get("published", data.get("date")), data.get("precision"))
    url = data.get("url") or ""
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise BadRecord(f"url {str(url)[:80]!r} is not an http(s) URL") from None
    outlet = data.get("outlet") or data.get("source") or ""
    return Record(
        source=source,
        headline=headline[:300],
        body=body,
        published=published,
        precision=precision,
        outlet=str(outlet)[:200],
        url=url,
    )


def read_text(path):
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadRecord(f"not UTF-8 (byte {exc.start})") from None


def read_file(path):
    """Yield a Record or a BadRecord for each article in one file. A JSONL
    file is read a line at a time: a bad line is one BadRecord, never the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        yield BadRecord(f"{path}: not a .txt, .json or .jsonl file")
        return
    try:
        if suffix == ".jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl(stream, path)
            return
        if suffix == ".txt" and path.stat().st_size > settings.IMPORT_MAX_BODY_BYTES + FRONT_MATTER_ROOM:
            yield BadRecord(f"{path}: larger than {settings.IMPORT_MAX_BODY_BYTES:,} bytes")
            return
        text = read_text(path)
    except BadRecord as exc:
        yield BadRecord(f"{path}: {exc}")
        return
    except OSError as exc:
        yield BadRecord(f"{path}: cannot read ({exc.strerror})")
        return
    if suffix == ".json":
        yield from read_json(text, path)
    else:
        try:
            meta, body = split_front_matter(text)
        except ValueError as exc:
            yield BadRecord(f"{path}: {exc}")
            return
        meta["body"] = body
        yield wrap(make_record, meta, str(path))


# Room for the metadata of a .txt file and for the rest of a JSONL line.
FRONT_MATTER_ROOM = 64 * 1024


def read_jsonl(stream, path):
    # A JSON string may take up to six bytes (\u0001) for each byte of the body.
    limit = 6 * settings.IMPORT_MAX_BODY_BYTES + FRONT_MATTER_ROOM
    seen = False
    for number, line in numbered_lines(stream, limit):
        source = f"{path}:{number}"
        if line is None:
            seen = True
            yield BadRecord(f"{source}: line larger than {limit:,} bytes")
            continue
        try:
            text = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            seen = True
            yield BadRecord(f"{source}: not UTF-8 (byte {exc.start})")
            continue
        if text.strip():
            seen = True
            yield parse_json_record(text, source)
    if not seen:
        yield BadRecord(f"{path}: empty file")


def numbered_lines(stream, limit):
    """(number, bytes) for each line of a binary stream, split at b"\n" only
    (JSON text may hold U+2028 and the like). A line longer than `limit` is
    (number, None), skipped without ever being held whole in memory."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(limit + 1)
            line = None
        yield number, line


def read_json(text, path):
    try:
        data = load_json(text)
    except BadRecord as exc:
        yield BadRecord(f"{path}: {exc}")
        return
    items = data if isinstance(data, list) else [data]
    if not items:
        yield BadRecord(f"{path}: no articles in the JSON list")
    for n, item in enumerate(items, 1):
        source = f"{path}[{n}]" if isinstance(data, list) else str(path)
        yield wrap(make_record, item, source)


def load_json(text):
    """json.loads with a nesting limit: an article is an object in at most a
    list; deeper input is refused with a reason rather than a RecursionError."""
    limit = settings.IMPORT_MAX_JSON_DEPTH
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        at = f" at line {exc.lineno}" if "\n" in text.strip() else ""
        raise BadRecord(f"malformed JSON ({exc.msg}{at})") from None
    except RecursionError:
        raise BadRecord(f"JSON nested more than {limit} deep") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise BadRecord(f"malformed JSON ({exc})") from None
    if json_depth(data) > limit:
        raise BadRecord(f"JSON nested more than {limit} deep")
    return data


def json_depth(data):
    """How deeply lists and objects nest in `data`; without recursion, so
    that no input can exhaust the stack."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth)
            stack.extend((item, depth + 1) for item in value)
    return deepest


def parse_json_record(line, source):
    try:
        data = load_json(line)
    except BadRecord as exc:
        return BadRecord(f"{source}: {exc}")
    return wrap(make_record, data, source)


def wrap(fn, data, source):
    try:
        return fn(data, source)
    except BadRecord as exc:
        return BadRecord(f"{source}: {exc}")


def find_files(paths):
    """The article files named, and those inside named folders, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS)
        else:
            yield path
