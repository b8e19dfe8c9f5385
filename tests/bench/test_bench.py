"""`python -m bench` end to end at a tiny size, only to prove that it works:
every figure is printed and positive. How fast anything is, is not judged here."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
QUERIES = [
    "rare word",
    "common word",
    "very common word",
    "two words",
    "phrase",
    "person's name",
    "speaker + words",
    "date range + words",
    "place facet",
    "newest first",
    "page 50, common word",
]
PAGES = ["minimal view", "home", "person, most quoted", "place, most articles", "month, busiest", "article", "healthz"]


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("bench") / "archive"
    command = [
        sys.executable,
        "-m",
        "bench",
        "--size",
        "200",
        "--rounds",
        "2",
        "--requests",
        "3",
        "--no-extraction",
        "--workdir",
        str(workdir),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def row(output, label):
    """The cells after `label` on its table line, as numbers ('12.5x' -> 12.5; '-' left out)."""
    lines = [line for line in output.splitlines() if line.startswith(f"  {label}  ")]
    assert len(lines) == 1, f"no single row for {label!r} in:\n{output}"
    return [float(cell.rstrip("x")) for cell in lines[0][len(label) + 2 :].split() if cell != "-"]


FIGURE = re.compile(r"(\d[\d,]*\.?\d*) (?:s|MB|articles|quotations|people|places)\b")


def figures(line):
    return [float(n.replace(",", "")) for n in FIGURE.findall(line)]


def test_it_reports_build_time_index_size_and_rows(output):
    build = {
        name: next(line for line in output.splitlines() if line.startswith(f"  {name}:"))
        for name in ("build time", "size", "rows")
    }
    assert [f > 0 for f in figures(build["build time"])] == [True] * 3
    assert [f > 0 for f in figures(build["size"])] == [True] * 3
    assert figures(build["rows"])[0] == 200
    assert all(f > 0 for f in figures(build["rows"]))


@pytest.mark.parametrize("label", QUERIES)
def test_it_times_each_query_against_whoosh_the_page_and_http(output, label):
    hits, *timings = row(output, label)
    assert hits >= 0 and hits == int(hits)
    # whoosh, page and http p50 and p95, http requests/s, then page/whoosh and http/whoosh
    assert len(timings) == 9 and all(t > 0 for t in timings)


@pytest.mark.parametrize("label", PAGES)
def test_it_times_each_browse_page_against_the_minimal_view(output, label):
    p50, p95, per_second, versus_minimal, timeouts, *first_render = row(output, label)
    assert min(p50, p95, per_second, versus_minimal) > 0
    assert timeouts == 0
    # p50 and p95 of the page rendered afresh after a change; none for the minimal view
    assert len(first_render) == (0 if label == "minimal view" else 2) and all(t > 0 for t in first_render)


def test_it_reports_each_gunicorn_workers_memory(output):
    workers = re.findall(r"worker \d+: RSS ([\d.]+) MB, PSS ([\d.]+) MB", output)
    assert len(workers) == 3
    assert all(float(rss) > 0 and float(pss) > 0 for rss, pss in workers)


def test_it_stops_the_gunicorn_workers_it_started(output):
    pids = re.findall(r"worker (\d+):", output)
    assert pids and not [pid for pid in pids if Path(f"/proc/{pid}").exists()]
