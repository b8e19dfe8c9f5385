"""In-process timing gives up on a call past its limit and says so."""

import time

from bench.queries import percentile, summary, timed


def test_a_call_past_the_limit_is_reported_as_none():
    start = time.perf_counter()
    assert timed(lambda: time.sleep(2), 0.2) is None
    assert time.perf_counter() - start < 1


def test_a_call_within_the_limit_is_timed_in_ms():
    assert 40 <= timed(lambda: time.sleep(0.05), 5) < 1000


def test_a_timeout_counts_as_slower_than_any_time():
    assert summary([1.0, None, 3.0, 2.0, 4.0]) == (3.0, None, 1)
    assert summary([5.0, 1.0, None]) == (5.0, None, 1)
    assert percentile([2.0, 1.0, 3.0], 50) == 2.0
