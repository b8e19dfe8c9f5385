"""The same code on PostgreSQL: a throwaway server (Debian's postgresql, which
`make test` installs) and the model, import, ingest, admin, browse, search and backup
tests run against it in a second pytest process."""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUITES = [
    "tests/test_database_vendor.py",
    "tests/test_models.py",
    "tests/test_import.py",
    "tests/test_ingest.py",
    "tests/test_admin.py",
    "tests/test_two_editors.py",
    "tests/test_browse.py",
    "tests/test_feeds.py",
    "tests/search/test_views.py",
    "tests/test_backup.py",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    bindirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    assert bindirs, "Debian's postgresql is not installed (make test installs it)"
    bindir = bindirs[-1]
    data = tempfile.mkdtemp(prefix="archive-pg-")
    # PostgreSQL refuses to run as root; Debian's package brings a postgres user.
    run_as = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    if run_as:
        shutil.chown(data, "postgres")

    def pg(*args):
        return subprocess.run([*run_as, *args], cwd=data, check=True, capture_output=True, text=True)

    pg(f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "archive", "--no-sync", "-E", "UTF8")
    port = free_port()
    pg(
        f"{bindir}/pg_ctl",
        "-D",
        data,
        "-l",
        f"{data}/server.log",
        "-w",
        "-o",
        f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off",
        "start",
    )
    try:
        yield f"postgres://archive@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*run_as, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"], cwd=data, capture_output=True
        )
        shutil.rmtree(data, ignore_errors=True)


def test_the_data_import_browse_and_search_tests_pass_on_postgresql(postgres_url):
    env = {**os.environ, "ARCHIVE_TEST_DATABASE_URL": postgres_url}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SUITES],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
    print(result.stdout.splitlines()[-1])
