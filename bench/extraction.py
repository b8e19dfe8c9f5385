"""Extraction speed: pure functions on the bundled Wikinews corpus, no database."""

import json
import statistics
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "seeds" / "wikinews" / "wikinews_en_2019_2021.jsonl"


def bench_extraction(rounds=3):
    from archive.extraction import extract

    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    words = sum(len(t.split()) for t in texts)
    extract(texts[0])  # loads the gazetteer once, as a worker would
    timings = []
    # Each article's best round: a pause of the process (another job on the
    # machine) lands on some rounds, never on what the code costs.
    per_1000 = [float("inf")] * len(texts)
    for _ in range(rounds):
        start = time.perf_counter()
        for n, text in enumerate(texts):
            t0 = time.perf_counter()
            extract(text)
            per_1000[n] = min(per_1000[n], (time.perf_counter() - t0) * 1000 / max(len(text.split()), 1) * 1000)
        timings.append(time.perf_counter() - start)
    best = min(timings)
    print(f"extraction: {len(texts)} Wikinews articles, {words:,} words")
    print(f"  best of {rounds}: {best * 1000:.0f} ms in all, {best * 1000 / words * 1000:.1f} ms per 1,000 words")
    print(
        f"  per article (its best of {rounds}), ms per 1,000 words: p50 {statistics.median(per_1000):.1f}, "
        f"p95 {statistics.quantiles(per_1000, n=20)[18]:.1f}"
    )


def bench_long_text():
    """A long article in one paragraph, at two lengths: the ratio shows whether
    extraction time grows with the text (about 4) or faster (16 for quadratic)."""
    from archive.extraction import extract

    unit = 'Mr Smith said "yes", and then Ms Jones said "no", according to the BBC. The statement was "final". '
    timings = {}
    for n in (400, 1600):
        text = unit * n
        start = time.perf_counter()
        extract(text)
        timings[n] = (time.perf_counter() - start, len(text.split()))
    (short, short_words), (long, long_words) = timings[400], timings[1600]
    print(
        f"  one long paragraph: {short_words:,} words {short * 1000:.0f} ms, {long_words:,} words "
        f"{long * 1000:.0f} ms (ratio {long / short:.1f} for 4 times the text)"
    )


def main():
    bench_extraction()
    bench_long_text()
