"""A bounded HTTP load, run as a process of its own so that the client does not
share an interpreter (or a GIL) with anything it measures. Standard library only.

Reads a JSON plan on stdin: {"base": "http://127.0.0.1:PORT", "paths": [[label,
path], ...], "requests": N, "concurrency": C, "warmup": W, "timeout": T}. For
each path in turn it sends W untimed requests, then N timed ones over C
connections at once, and stops. Writes {label: {"ms": [...], "seconds": wall,
"timeouts": n, "errors": [...]}} as JSON on stdout; a request that takes
longer than T seconds counts as a timeout, never as a time."""

import http.client
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit


def fetch(base, path, timeout):
    """(ms, status) of one GET on a new connection; status None on a timeout."""
    parts = urlsplit(base)
    start = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Connection": "close"})
        response = connection.getresponse()
        response.read()
        status = response.status
    except TimeoutError:
        status = None
    except OSError as exc:  # refused or reset: an error, reported by name
        status = type(exc).__name__
    finally:
        connection.close()
    return (time.perf_counter() - start) * 1000, status


def run(plan):
    report = {}
    with ThreadPoolExecutor(plan["concurrency"]) as pool:
        for label, path in plan["paths"]:
            jobs = [path] * plan["warmup"]
            list(pool.map(lambda p: fetch(plan["base"], p, plan["timeout"]), jobs))
            start = time.perf_counter()
            done = list(pool.map(lambda p: fetch(plan["base"], p, plan["timeout"]), [path] * plan["requests"]))
            wall = time.perf_counter() - start
            report[label] = {
                "ms": [ms for ms, status in done if status == 200],
                "seconds": wall,
                "timeouts": sum(status is None for _, status in done),
                "errors": sorted({status for _, status in done if status not in (200, None)}),
            }
    return report


if __name__ == "__main__":
    json.dump(run(json.load(sys.stdin)), sys.stdout)
