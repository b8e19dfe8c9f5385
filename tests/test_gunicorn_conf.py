"""gunicorn.conf.py: the server's settings from the environment, as
`make run` starts it."""

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.browser.conftest import free_port, wait_until_healthy

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
COMMAND = [str(GUNICORN), "--config", "gunicorn.conf.py", "archive.wsgi:application"]
NAMES = (
    "bind",
    "workers",
    "timeout",
    "graceful_timeout",
    "max_requests",
    "max_requests_jitter",
    "accesslog",
    "control_socket",
)


def environment(var, **extra):
    unset = {"HOST", "PORT", "WORKERS", *(k for k in os.environ if k.startswith("GUNICORN"))}
    base = {k: v for k, v in os.environ.items() if k not in unset}
    return {
        **base,
        "ARCHIVE_VAR_DIR": str(var),
        "WHOOSH_PATH": str(var / "whoosh_index"),
        "DATABASE_URL": f"sqlite:///{var / 'archive.sqlite3'}",
        **extra,
    }


def resolved(var, **env):
    """The settings gunicorn resolves from the file, as it prints them."""
    result = subprocess.run(
        [*COMMAND, "--print-config"], cwd=ROOT, env=environment(var, **env), capture_output=True, text=True, check=True
    )
    pairs = (line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, v in pairs if k.strip() in NAMES}


def test_the_defaults_suit_make_run_on_one_machine(tmp_path):
    assert resolved(tmp_path) == {
        "bind": "['127.0.0.1:8000']",
        "workers": "3",
        "timeout": "60",
        "graceful_timeout": "30",
        "max_requests": "1000",
        "max_requests_jitter": "100",
        "accesslog": "-",
        "control_socket": str(tmp_path / "gunicorn.ctl"),
    }


def test_every_setting_comes_from_the_environment(tmp_path):
    config = resolved(
        tmp_path,
        HOST="0.0.0.0",
        PORT="9000",
        WORKERS="5",
        GUNICORN_TIMEOUT="120",
        GUNICORN_GRACEFUL_TIMEOUT="10",
        GUNICORN_MAX_REQUESTS="500",
        GUNICORN_MAX_REQUESTS_JITTER="50",
        GUNICORN_ACCESS_LOG=str(tmp_path / "a.log"),
    )
    assert config == {
        "bind": "['0.0.0.0:9000']",
        "workers": "5",
        "timeout": "120",
        "graceful_timeout": "10",
        "max_requests": "500",
        "max_requests_jitter": "50",
        "accesslog": str(tmp_path / "a.log"),
        "control_socket": str(tmp_path / "gunicorn.ctl"),
    }


def test_it_serves_logs_each_request_and_stops_cleanly(tmp_path):
    port = free_port()
    env = environment(tmp_path, PORT=str(port), WORKERS="1", GUNICORN_ACCESS_LOG=str(tmp_path / "access.log"))
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    with (tmp_path / "gunicorn.log").open("w") as log:
        proc = subprocess.Popen(COMMAND, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_healthy(f"http://127.0.0.1:{port}", proc)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/people/", timeout=5) as response:
                assert response.status == 200
        finally:
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=40)
    assert code == 0
    access = (tmp_path / "access.log").read_text()
    assert '"GET /people/ HTTP/1.1" 200' in access
