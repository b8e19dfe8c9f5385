"""The two text formats every part of the archive reads the same way: the
`---` metadata block of a .txt article, and dates known to the year, month
or day. Pure Python (no Django), so the extraction scorer uses them too."""

import calendar
import re
from datetime import date

PRECISIONS = ["year", "month", "day"]
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def split_front_matter(text):
    """A .txt file may start with a block of `key: value` lines between two
    `---` lines. Returns (metadata, body); the body is left exactly as written.
    A malformed block is a ValueError saying which line."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return {}, text
    lines = text.splitlines(keepends=True)
    meta = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "".join(lines[i + 1 :])
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise ValueError(f"metadata line {i + 1} is not 'key: value': {line.strip()[:60]!r}")
        meta[key.strip().lower()] = value.strip()
    raise ValueError("metadata block opened with '---' is never closed")


class DateError(ValueError):
    """`str(error)` says what is wrong; `error.impossible` tells a date of
    the right shape that does not exist (2014-02-30) from a malformed one."""

    def __init__(self, message, impossible=False):
        super().__init__(message)
        self.impossible = impossible


def parse_partial_date(text):
    """'2014', '2014-06' or '2014-06-23' to the first day it covers and the
    precision it is known to: (date(2014, 6, 1), "month")."""
    match = DATE_RE.match(text.strip())
    if not match:
        raise DateError(f"{text.strip()[:40]!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        first = date(int(year), int(month or 1), int(day or 1))
    except (ValueError, OverflowError):
        raise DateError(f"there is no such date as {text.strip()[:40]}", impossible=True) from None
    return first, "day" if day else "month" if month else "year"


def last_day(first, precision):
    """The last day a date known to `precision` covers."""
    if precision == "year":
        return first.replace(month=12, day=31)
    if precision == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first
