"""With CACHE_BACKEND set to the Redis cache, every process counts against
the same limits: a throwaway redis-server (Debian's, which `make test`
installs) and two separate processes, the second seeing the first's count
and its download lock. With Redis away, the pages still answer."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import redis

from tests.browser.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
REDIS = "archive.sharedcache.ForgivingRedisCache"
# One process of the archive: Django's test client asks for the autocomplete
# (no database needed for a one-letter query) and prints the status codes,
# then takes or tries a client's download lock.
CLIENT = """
import sys, django
django.setup()
from django.test import Client, RequestFactory
from archive.limits import ExportLock
requests, lock = int(sys.argv[1]), sys.argv[2]
client = Client(REMOTE_ADDR="10.1.1.1")
print(*[client.get("/search/autocomplete/", {"q": "x"}).status_code for _ in range(requests)])
request = RequestFactory(REMOTE_ADDR=lock).get("/")
print(ExportLock(request).acquire())
"""


@pytest.fixture(scope="module")
def redis_url():
    server = shutil.which("redis-server")
    assert server, "Debian's redis-server is not installed (make test installs it)"
    folder = tempfile.mkdtemp(prefix="archive-redis-")
    port = free_port()
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder],
        stdout=subprocess.DEVNULL,
    )
    try:
        connection = redis.Redis(port=port)
        for _ in range(100):
            try:
                connection.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def run_client(tmp_path, cache, requests, lock_for):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "ARCHIVE_VAR_DIR": str(tmp_path),
        "AUTOCOMPLETE_RATE": "5/m",
        **cache,
    }
    result = subprocess.run(
        [sys.executable, "-c", CLIENT, str(requests), lock_for], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    codes, acquired = result.stdout.splitlines()
    return [int(code) for code in codes.split()], acquired == "True"


def test_the_second_process_sees_the_first_ones_count_and_lock(redis_url, tmp_path):
    cache = {"CACHE_BACKEND": REDIS, "CACHE_LOCATION": redis_url}
    assert run_client(tmp_path, cache, 3, "10.1.1.1") == ([200, 200, 200], True)
    assert run_client(tmp_path, cache, 3, "10.1.1.1") == ([200, 200, 429], False)
    assert run_client(tmp_path, cache, 0, "10.2.2.2") == ([], True)


def test_while_redis_is_away_pages_answer_and_limits_let_clients_through(tmp_path):
    cache = {"CACHE_BACKEND": REDIS, "CACHE_LOCATION": f"redis://127.0.0.1:{free_port()}/0"}  # nothing listens there
    assert run_client(tmp_path, cache, 7, "10.1.1.1") == ([200] * 7, True)


def test_without_a_shared_cache_each_process_counts_alone(tmp_path):
    cache = {"CACHE_BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    assert run_client(tmp_path, cache, 3, "10.1.1.1") == ([200, 200, 200], True)
    assert run_client(tmp_path, cache, 3, "10.1.1.1") == ([200, 200, 200], True)
