"""The bench archive behind gunicorn on loopback, a bounded load from a second
process (bench.loadgen), and each worker's memory afterwards."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKERS, CONCURRENCY = 3, 8


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(limit, ready_path):
    """A gunicorn master of WORKERS workers on a free loopback port; yields
    (base URL, master process) once `ready_path` answers. A worker stuck past the request limit is
    killed by gunicorn's own timeout, a little later than the client gives up."""
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "bench.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--timeout",
        str(int(limit) + 10),
        "--log-level",
        "warning",
    ]
    # gunicorn's tracebacks for the workers it kills go to a file, not the figures.
    log = open(Path(os.environ["ARCHIVE_VAR_DIR"]) / "gunicorn.log", "w")
    master = subprocess.Popen(command, cwd=ROOT, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + ready_path, master)
        yield base, master
    finally:
        master.send_signal(signal.SIGTERM)
        try:
            master.wait(timeout=30)
        except subprocess.TimeoutExpired:
            master.kill()
            master.wait()
        log.close()


def wait_until_up(url, master, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if master.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {master.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url} within {seconds} s")


def load(base, paths, requests, limit, warmup=WORKERS * 2):
    """Run bench.loadgen against `base`; its report (see bench.loadgen)."""
    plan = {
        "base": base,
        "paths": paths,
        "requests": requests,
        "concurrency": CONCURRENCY,
        "warmup": warmup,
        "timeout": limit,
    }
    done = subprocess.run(
        [sys.executable, "-m", "bench.loadgen"],
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(done.stdout)


def workers(master_pid):
    """Pids of the master's child processes."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name may hold spaces and brackets: fields follow the last ')'.
            if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
                found.append(int(entry.name))
    return sorted(found)


def memory(pid):
    """(RSS, PSS) in bytes from /proc/PID/smaps_rollup. PSS shares pages
    between the processes that map them, so it adds up across workers."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("Rss", "Pss"):
            fields[name] = int(rest.split()[0]) * 1024
    return fields["Rss"], fields["Pss"]
