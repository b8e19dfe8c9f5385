"""The archive served by gunicorn from a throwaway folder, and Debian's
Chromium driven by Playwright (never `playwright install`)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-output" / "screenshots"
EDITOR = ("editor", "editor@example.org", "a-long-test-password-7")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(url, proc, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url}/healthz did not answer within {timeout}s")


@pytest.fixture(scope="session")
def live_archive(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make system-deps`")
    var = tmp_path_factory.mktemp("browser-var")
    port = free_port()
    env = {
        **os.environ,
        "ARCHIVE_VAR_DIR": str(var),
        "WHOOSH_PATH": str(var / "whoosh_index"),
        "DATABASE_URL": f"sqlite:///{var / 'archive.sqlite3'}",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DEBUG": "false",
        "DJANGO_SUPERUSER_PASSWORD": EDITOR[2],
    }

    def manage(*args):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    manage("migrate", "--noinput")
    manage("import_articles", "seeds/articles")
    manage("rebuild_index", "--noinput")
    manage("collectstatic", "--noinput")
    manage("createsuperuser", "--noinput", "--username", EDITOR[0], "--email", EDITOR[1])
    log = (var / "gunicorn.log").open("w")
    gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
    proc = subprocess.Popen(
        [str(gunicorn), "archive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "60"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, proc)
        yield SimpleNamespace(url=url, var=var, manage=manage, editor=EDITOR, log=var / "gunicorn.log")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="package")
def browser(live_archive):
    # Package scope: Playwright's event loop is gone before the ORM tests run.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_page(browser, live_archive, **options):
    context = browser.new_context(base_url=live_archive.url, viewport={"width": 1280, "height": 900}, **options)
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_archive):
    context, tab = new_page(browser, live_archive)
    yield tab
    context.close()


@pytest.fixture
def axe_page(browser, live_archive):
    """A tab where the site's Content-Security-Policy does not apply, because
    axe-core is injected as an inline script that the policy rightly refuses.
    Only the accessibility test uses it; every other test runs under the policy."""
    context, tab = new_page(browser, live_archive, bypass_csp=True)
    yield tab
    context.close()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
