"""`python -m bench [--size N]` (`make bench [SIZE=N]`): extraction speed, then
the archive at N articles of realistic text (see bench/corpus.py): build time
and index size, the query mix timed against Whoosh directly, through the
search page in-process and over HTTP through gunicorn, the browse pages
against a minimal view, and gunicorn's workers' memory after the load.

The machine may be shared: absolute times are noisy, ratios less so."""

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="articles in the corpus (default 10,000)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed and size give the same corpus")
    parser.add_argument("--rounds", type=int, default=10, help="in-process timings of each query")
    parser.add_argument("--requests", type=int, default=40, help="timed HTTP requests to each URL")
    parser.add_argument("--limit", type=float, default=30, help="seconds before a request counts as a timeout")
    parser.add_argument("--workdir", type=Path, help="default var/bench/<size>")
    parser.add_argument("--fresh", action="store_true", help="rebuild the archive even if one is there")
    parser.add_argument("--no-extraction", action="store_true", help="skip the extraction benchmark")
    args = parser.parse_args(argv)
    if args.size < 10 or args.rounds < 1 or args.requests < 1 or args.limit <= 0:
        parser.error("--size must be at least 10; --rounds, --requests and --limit positive")
    return args


def ms(value):
    if value is None:
        return "timeout"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def ratio(a, b):
    return f"{a / b:.3g}x" if a is not None and b else "-"


def print_build(figures, workdir):
    state = "reused (--fresh to rebuild)" if figures["reused"] else "built now"
    print(f"\nbench archive: {figures['size']:,} articles, seed {figures['seed']}, in {workdir}, {state}")
    total = figures["corpus_s"] + figures["import_s"]
    print(
        f"  build time: corpus {figures['corpus_s']:.1f} s, import into database and index "
        f"{figures['import_s']:.1f} s, total {total:.1f} s"
    )
    if figures.get("merged"):
        print("  of which merging the index: {} segments -> {} in {:.1f} s".format(*figures["merged"]))
    documents = figures["articles"] + figures["quotes"]
    print(
        f"  import rate (planted extraction, batches as import_articles writes them): "
        f"{figures['articles'] / figures['import_s']:.1f} articles/s, "
        f"{documents / figures['import_s']:.1f} documents/s (articles and quotations)"
    )
    print(
        f"  size: index {figures['index_bytes'] / MB:.1f} MB, database {figures['database_bytes'] / MB:.1f} MB, "
        f"corpus {figures['corpus_bytes'] / MB:.1f} MB"
    )
    print(
        f"  rows: {figures['articles']:,} articles, {figures['quotes']:,} quotations, "
        f"{figures['people']:,} people, {figures['places']:,} places"
    )


def print_search(mix, direct, page, http, args):
    from bench.queries import summary

    print(
        f"\nsearch, ms: whoosh = one open searcher, 20 hits; page = /search/ through Django's test client "
        f"({args.rounds} rounds); http = gunicorn, 3 workers, 8 connections, {args.requests} requests"
    )
    print(
        f"  {'query':<22}{'hits':>7}{'whoosh p50':>12}{'p95':>8}{'page p50':>10}{'p95':>8}"
        f"{'http p50':>10}{'p95':>8}{'req/s':>8}{'page/whoosh':>13}{'http/whoosh':>13}"
    )
    for label, params in mix:
        hits, samples = direct[label]
        w50, w95, _ = summary(samples)
        p50, p95, _ = summary(page[label])
        result = http[label]
        h50, h95 = http_summary(result)
        print(
            f"  {label:<22}{hits:>7}{ms(w50):>12}{ms(w95):>8}{ms(p50):>10}{ms(p95):>8}"
            f"{http_ms(result, h50):>10}{http_ms(result, h95):>8}{rate(result, args):>8.1f}"
            f"{ratio(p50, w50):>13}{ratio(h50, w50):>13}"
        )


def http_summary(result):
    """p50 and p95 of one URL over HTTP, a timeout counting as slower than any
    answer; None for both if anything but 200 came back (the errors are listed)."""
    from bench.queries import percentile

    if result["errors"]:
        return None, None
    samples = result["ms"] + [None] * result["timeouts"]
    return percentile(samples, 50), percentile(samples, 95)


def http_ms(result, value):
    return "error" if result["errors"] else ms(value)


def rate(result, args):
    """Requests per second that were answered within the limit."""
    return (args.requests - result["timeouts"]) / result["seconds"]


def print_browse(labels, http, first, args):
    from bench.queries import summary
    from bench.urls import MINIMAL_URL

    floor = rate(http["minimal view"], args)
    print(
        f"\nbrowse pages over HTTP: gunicorn, 3 workers, 8 connections, {args.requests} requests each "
        f"(minimal view = {MINIMAL_URL}, a view that does nothing); first render = the page made afresh "
        f"in-process after a change ({args.rounds} rounds), as the first reader after each change waits"
    )
    print(
        f"  {'page':<22}{'p50 ms':>10}{'p95 ms':>10}{'req/s':>9}{'vs minimal':>12}{'timeouts':>10}"
        f"{'first render p50':>18}{'p95':>8}"
    )
    for label in labels:
        result = http[label]
        p50, p95 = http_summary(result)
        per_second = rate(result, args)
        errors = f"  errors: {result['errors']}" if result["errors"] else ""
        f50, f95, _ = summary(first[label]) if label in first else (None, None, None)
        print(
            f"  {label:<22}{http_ms(result, p50):>10}{http_ms(result, p95):>10}{per_second:>9.1f}"
            f"{ratio(per_second, floor):>12}{result['timeouts']:>10}"
            f"{ms(f50) if f50 else '-':>18}{ms(f95) if f95 else '-':>8}{errors}"
        )


def print_memory(memory):
    print("\ngunicorn workers after the load (from /proc/PID/smaps_rollup):")
    for pid, rss, pss, restarted in memory:
        # A worker gunicorn killed over a timeout comes back fresh, with less memory.
        note = " (restarted during the load)" if restarted else ""
        print(f"  worker {pid}: RSS {rss / MB:.1f} MB, PSS {pss / MB:.1f} MB{note}")
    print(f"  all workers: PSS {sum(m[2] for m in memory) / MB:.1f} MB")


def main(argv=None):
    args = arguments(sys.argv[1:] if argv is None else argv)
    if not args.no_extraction:
        from bench import extraction

        extraction.main()
        sys.stdout.flush()
    from bench import build, queries, serve

    workdir = args.workdir or ROOT / "var" / "bench" / str(args.size)
    figures = build.prepare(workdir, args.size, args.seed, args.fresh)
    print_build(figures, workdir)
    sys.stdout.flush()
    from bench.urls import MINIMAL_URL

    mix = queries.query_mix(*queries.landmarks())
    direct = queries.time_whoosh(mix, args.rounds, args.limit)
    page = queries.time_test_client(mix, args.rounds, args.limit)
    browse = [("minimal view", MINIMAL_URL), *queries.browse_pages()]
    first_render = queries.time_first_render(browse[1:], args.rounds, args.limit)
    paths = [(label, "/search/?" + urlencode(params)) for label, params in mix] + browse
    with serve.gunicorn(args.limit, MINIMAL_URL) as (base, master):
        first = set(serve.workers(master.pid))
        http = serve.load(base, paths, args.requests, args.limit)
        memory = [(pid, *serve.memory(pid), pid not in first) for pid in serve.workers(master.pid)]
    print_search(mix, direct, page, http, args)
    print_browse([label for label, _ in browse], http, first_render, args)
    print_memory(memory)


if __name__ == "__main__":
    main()
