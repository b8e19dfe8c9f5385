"""The load generator counts a request past its limit as a timeout and stops
after the requests it was given."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import loadgen


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(1.5)
        status = 404 if self.path == "/missing" else 200
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the client hung up on /slow, as it should


@pytest.fixture(scope="module")
def base():
    server = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run(base, path, requests=4):
    plan = {"base": base, "paths": [["it", path]], "requests": requests, "concurrency": 2, "warmup": 0, "timeout": 0.3}
    return loadgen.run(plan)["it"]


def test_it_times_each_request_that_answers(base):
    report = run(base, "/fast", requests=5)
    assert len(report["ms"]) == 5 and all(ms > 0 for ms in report["ms"])
    assert report["timeouts"] == 0 and report["errors"] == []


def test_a_request_past_the_limit_is_a_timeout_not_a_time(base):
    report = run(base, "/slow")
    assert report["timeouts"] == 4 and report["ms"] == []
    assert report["seconds"] < 1.5


def test_an_error_status_is_reported_not_timed(base):
    report = run(base, "/missing")
    assert report["errors"] == [404] and report["ms"] == []
