"""A download of 20,000 quotations through gunicorn, whose timeout (5 s) is
far shorter than the download: it must arrive whole, CSV and JSON alike,
because the download reports to gunicorn as its rows go out. Slow (a minute
or more to build the archive): `make test` runs it, `make quick` does not."""

import csv
import io
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import free_port, wait_until_healthy

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
QUOTES = 20_000


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory):
    var = tmp_path_factory.mktemp("big-export")
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN", "CACHE_"))},
        "ARCHIVE_VAR_DIR": str(var),
        "WHOOSH_PATH": str(var / "whoosh_index"),
        "DATABASE_URL": f"sqlite:///{var / 'archive.sqlite3'}",
        "SITE_URL": f"http://127.0.0.1:{port}",
    }

    def manage(*args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)

    manage("migrate", "--noinput")
    manage("shell", "-c", f"from tests.search.bulk import build; build({QUOTES})")
    log = var / "gunicorn.log"
    # gunicorn.conf.py (read from this folder) installs the heartbeat.
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "archive.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--timeout",
        "5",
    ]
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, proc)
        yield url, log
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def download(url):
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=600) as response:
        assert response.status == 200
        body = response.read().decode()
    return body, time.monotonic() - started


def test_a_search_export_of_20000_quotations_arrives_whole_as_json(big_archive):
    url, log = big_archive
    body, seconds = download(url + "/search/?q=budget&type=quotes&format=json")
    rows = json.loads(body)["results"]
    assert len(rows) == QUOTES
    assert len({row["quote_url"] for row in rows}) == QUOTES
    assert "WORKER TIMEOUT" not in log.read_text()
    print(f"{len(rows)} rows of JSON in {seconds:.1f} s")


def test_a_persons_export_of_20000_quotations_arrives_whole_as_csv(big_archive):
    url, log = big_archive
    body, seconds = download(url + "/people/jane-example/quotes.csv")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == QUOTES
    assert len({row["id"] for row in rows}) == QUOTES
    assert "WORKER TIMEOUT" not in log.read_text()
    print(f"{len(rows)} rows of CSV in {seconds:.1f} s")
