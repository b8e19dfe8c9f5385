"""Deployment defaults: a generated secret key, HTTPS settings from the
environment (check --deploy clean when set), and the Content-Security-Policy."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from archive.settings import secret_key_in

ROOT = Path(__file__).resolve().parent.parent

# The README's production example; the secret key is the generated one.
PRODUCTION = {
    "ALLOWED_HOSTS": "quotes.example.org",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
    "SESSION_COOKIE_SECURE": "true",
    "CSRF_COOKIE_SECURE": "true",
}


def manage(var, *args, **env):
    base = {k: v for k, v in os.environ.items() if k not in {*PRODUCTION, "DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**base, "ARCHIVE_VAR_DIR": str(var), "DATABASE_URL": f"sqlite:///{var}/db.sqlite3", **env},
    )


def printed_setting(var, name, **env):
    code = f"from django.conf import settings; print(getattr(settings, {name!r}, None))"
    result = manage(var, "shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_secret_key_is_generated_once_into_a_private_file(tmp_path):
    first = secret_key_in(tmp_path)
    assert len(first) >= 50
    assert secret_key_in(tmp_path) == first
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]


def test_workers_starting_together_agree_on_one_key(tmp_path):
    code = f"from archive.settings import secret_key_in; print(secret_key_in({str(tmp_path)!r}))"
    env = {**os.environ, "SECRET_KEY": "only-so-that-importing-settings-makes-no-key", "ARCHIVE_VAR_DIR": str(tmp_path)}
    procs = [
        subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(8)
    ]
    keys = {proc.communicate()[0].strip() for proc in procs}
    assert len(keys) == 1
    assert keys == {(tmp_path / "secret_key").read_text()}


@pytest.mark.parametrize("debug", ["false", "true"])
def test_without_secret_key_the_site_uses_the_generated_one(tmp_path, debug):
    key = printed_setting(tmp_path, "SECRET_KEY", DEBUG=debug)
    assert key == (tmp_path / "secret_key").read_text()
    assert key != printed_setting(tmp_path / "other", "SECRET_KEY", DEBUG=debug)


def test_secret_key_from_the_environment_wins(tmp_path):
    assert printed_setting(tmp_path, "SECRET_KEY", SECRET_KEY="from-env") == "from-env"
    assert not (tmp_path / "secret_key").exists()


def test_check_deploy_warns_about_https_settings_by_default(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    for code in ("W004", "W008", "W012", "W016"):
        assert f"security.{code}" in result.stderr


def test_check_deploy_is_clean_with_the_production_environment(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_proxy_ssl_header_is_read_as_a_pair(tmp_path):
    header = printed_setting(
        tmp_path, "SECURE_PROXY_SSL_HEADER", SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https"
    )
    assert header == "('HTTP_X_FORWARDED_PROTO', 'https')"
    assert printed_setting(tmp_path, "SECURE_PROXY_SSL_HEADER") == "None"


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "script-src" not in directives and "style-src" not in directives


def test_csp_can_be_sent_report_only(tmp_path):
    env = {"CSP_REPORT_ONLY": "true", "CSP_REPORT_URI": "https://reports.example.org/csp"}
    report_only = printed_setting(tmp_path, "CONTENT_SECURITY_POLICY_REPORT_ONLY", **env)
    assert "'report-uri': ['https://reports.example.org/csp']" in report_only
    assert printed_setting(tmp_path, "CONTENT_SECURITY_POLICY", **env) == "None"


@pytest.mark.django_db
def test_https_redirect_spares_the_health_check(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/people/").status_code == 301
    assert client.get("/healthz").status_code == 200


def test_login_lockout_limits_come_from_the_environment(tmp_path):
    assert printed_setting(tmp_path, "AXES_FAILURE_LIMIT", LOGIN_FAILURE_LIMIT="4") == "4"
    assert printed_setting(tmp_path, "AXES_COOLOFF_TIME", LOGIN_LOCKOUT_MINUTES="90") == "1:30:00"


def test_import_limits_come_from_the_environment(tmp_path):
    assert printed_setting(tmp_path, "IMPORT_MAX_BODY_BYTES") == str(5 * 1024 * 1024)
    assert printed_setting(tmp_path, "IMPORT_MAX_BODY_BYTES", IMPORT_MAX_BODY_BYTES="1000") == "1000"
    assert printed_setting(tmp_path, "IMPORT_MAX_JSON_DEPTH", IMPORT_MAX_JSON_DEPTH="7") == "7"


ES7 = "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine"


def test_the_search_server_comes_from_the_environment(tmp_path):
    env = {
        "SEARCH_ENGINE": ES7,
        "SEARCH_URL": "https://search.internal:9200/",
        "SEARCH_INDEX_NAME": "quotes",
        "SEARCH_TIMEOUT": "30",
    }
    conf = printed_setting(tmp_path, "HAYSTACK_CONNECTIONS", **env)
    for part in (
        f"'ENGINE': '{ES7}'",
        "'URL': 'https://search.internal:9200/'",
        "'INDEX_NAME': 'quotes'",
        "'TIMEOUT': 30",
    ):
        assert part in conf
    assert "ArchiveWhooshEngine" in printed_setting(tmp_path, "HAYSTACK_CONNECTIONS")


def test_proxy_count_reaches_the_api_throttle(tmp_path):
    assert "'NUM_PROXIES': 0" in printed_setting(tmp_path, "REST_FRAMEWORK")
    assert "'NUM_PROXIES': 2" in printed_setting(tmp_path, "REST_FRAMEWORK", PROXY_COUNT="2")


def test_the_tests_take_their_search_backend_only_from_archive_test_variables():
    code = "import os, tests.testenv; print([os.environ.get(k) for k in ('SEARCH_ENGINE', 'SEARCH_URL')])"

    def seen(**env):
        base = {k: v for k, v in os.environ.items() if not k.startswith(("SEARCH_", "ARCHIVE_TEST_SEARCH_"))}
        run = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, check=True
        )
        return run.stdout.strip()

    production = {"SEARCH_ENGINE": ES7, "SEARCH_URL": "https://live.example.org:9200/"}
    assert seen(**production) == "[None, None]"  # the tests empty their indexes: never the live one
    test_server = {"ARCHIVE_TEST_SEARCH_ENGINE": ES7, "ARCHIVE_TEST_SEARCH_URL": "http://127.0.0.1:9200/"}
    assert seen(**production, **test_server) == f"['{ES7}', 'http://127.0.0.1:9200/']"
