"""`make bench`: prints speed figures. Extraction first (pure functions on the
bundled Wikinews corpus), then search (see bench_search.py)."""

import json
import statistics
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "seeds" / "wikinews" / "wikinews_en_2019_2021.jsonl"


def bench_extraction(rounds=3):
    from archive.extraction import extract

    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    words = sum(len(t.split()) for t in texts)
    extract(texts[0])  # loads the gazetteer once, as a worker would
    timings = []
    per_1000 = []
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            t0 = time.perf_counter()
            extract(text)
            per_1000.append((time.perf_counter() - t0) * 1000 / max(len(text.split()), 1) * 1000)
        timings.append(time.perf_counter() - start)
    best = min(timings)
    print(f"extraction: {len(texts)} Wikinews articles, {words:,} words")
    print(f"  best of {rounds}: {best * 1000:.0f} ms in all, {best * 1000 / words * 1000:.1f} ms per 1,000 words")
    print(
        f"  per article, ms per 1,000 words: p50 {statistics.median(per_1000):.1f}, "
        f"p95 {statistics.quantiles(per_1000, n=20)[18]:.1f}"
    )


def main():
    bench_extraction()
    sys.stdout.flush()
    try:
        from archive import bench_search
    except ImportError:
        print("search benchmark: not available")
        return
    bench_search.main()


if __name__ == "__main__":
    main()
