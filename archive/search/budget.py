"""What one search page may cost, so that no query ties up a worker.

The search page runs its searches inside `time_budget()`: the backend then
collects the page's hits under Whoosh's TimeLimitCollector (what it found in
time is shown, with a note) and gives up counting the total and facets when
the time is spent (the page says "about N"). Outside a budget (exports,
`check_index`) searches run to the end: a download must never be cut short
without a word.

A prefix that begins too many different words is refused before any search
(`TooBroad`): "an*" is an OR of thousands of posting lists."""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

# Seconds a search page may spend in Whoosh, all its searches together.
SEARCH_TIME_LIMIT = getattr(settings, "SEARCH_TIME_LIMIT", 2.0)
# Different words one query's prefixes (refer*) may stand for.
MAX_EXPANSION = getattr(settings, "SEARCH_MAX_EXPANSION", 300)

_deadline = ContextVar("search_deadline", default=None)


class TooBroad(Exception):
    """A prefix of the query begins more than `limit` words."""

    def __init__(self, prefix, limit):
        super().__init__(f"{prefix}* begins more than {limit} different words")
        self.prefix = prefix


@contextmanager
def time_budget(seconds=None):
    token = _deadline.set(time.monotonic() + (SEARCH_TIME_LIMIT if seconds is None else seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining():
    """Seconds left in the budget in force, None outside one."""
    deadline = _deadline.get()
    return None if deadline is None else deadline - time.monotonic()


def spent():
    left = remaining()
    return left is not None and left <= 0
