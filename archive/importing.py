"""Reading article files (.txt, .json, .jsonl) into validated records.

Parsing is kept apart from saving so that a bad file is rejected with a
one-line reason before anything touches the database."""

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

EXTENSIONS = (".txt", ".json", ".jsonl")
MAX_BODY_CHARS = 2_000_000


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


def split_front_matter(text):
    """A .txt file may start with a block of `key: value` lines between two
    `---` lines. Returns (metadata, body); the body is left exactly as written."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return {}, text
    lines = text.splitlines(keepends=True)
    meta = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "".join(lines[i + 1 :])
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise BadRecord(f"metadata line {i + 1} is not 'key: value': {line.strip()[:60]!r}")
        meta[key.strip().lower()] = value.strip()
    raise BadRecord("metadata block opened with '---' is never closed")


DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")


def parse_date(value, precision=None):
    """'2014', '2014-06' or '2014-06-23' (a time part is ignored) to a date and
    the precision the text supports. An explicit precision may only coarsen it."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str) or not value.strip():
        raise BadRecord("no publication date (field 'published')")
    match = DATE_RE.match(value.strip())
    if not match:
        raise BadRecord(f"publication date {value.strip()[:40]!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    known = "day" if day else "month" if month else "year"
    try:
        parsed = date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise BadRecord(f"publication date {value.strip()!r} is impossible") from None
    if parsed.year < 1600:
        raise BadRecord(f"publication date {value.strip()!r} is impossible")
    order = ["year", "month", "day"]
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
    if len(body) > MAX_BODY_CHARS:
        raise BadRecord(f"body is longer than {MAX_BODY_CHARS:,} characters")
    if "\x00" in body:
        raise BadRecord("body contains NUL characters")
    headline = data.get("headline") or data.get("title") or ""
    if not isinstance(headline, str):
        raise BadRecord("headline is not text")
    headline = " ".join(headline.split()) or derive_headline(body)
    published, precision = parse_date(
        data.get("published", data.get("date")), data.get("precision")
    )
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
    """Yield a Record or a BadRecord for each article in one file."""
    path = Path(path)
    if path.suffix.lower() not in EXTENSIONS:
        yield BadRecord(f"{path}: not a .txt, .json or .jsonl file")
        return
    try:
        text = read_text(path)
    except BadRecord as exc:
        yield BadRecord(f"{path}: {exc}")
        return
    except OSError as exc:
        yield BadRecord(f"{path}: cannot read ({exc.strerror})")
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        if not lines:
            yield BadRecord(f"{path}: empty file")
        for n, line in lines:
            yield parse_json_record(line, f"{path}:{n}")
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield BadRecord(f"{path}: malformed JSON ({exc.msg} at line {exc.lineno})")
            return
        items = data if isinstance(data, list) else [data]
        if not items:
            yield BadRecord(f"{path}: no articles in the JSON list")
        for n, item in enumerate(items, 1):
            source = f"{path}[{n}]" if isinstance(data, list) else str(path)
            yield wrap(make_record, item, source)
    else:
        try:
            meta, body = split_front_matter(text)
        except BadRecord as exc:
            yield BadRecord(f"{path}: {exc}")
            return
        meta["body"] = body
        yield wrap(make_record, meta, str(path))


def parse_json_record(line, source):
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadRecord(f"{source}: malformed JSON ({exc.msg})")
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
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS
            )
        else:
            yield path
