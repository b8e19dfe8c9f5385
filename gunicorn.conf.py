"""gunicorn's settings, read by `make run` (`gunicorn --config gunicorn.conf.py`;
gunicorn started in this folder reads this file even without --config).
Each is an environment variable with a default that suits one small machine."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS", "3"))
# Seconds a worker may go without reporting before it is replaced: a request
# may take this long, except a download, which reports as its rows go out
# (post_worker_init below) and is cut only when it stops making progress.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On restart or SIGTERM, requests under way get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Workers are replaced after this many requests, so that memory held by one
# large page or export is given back; the jitter keeps them from all
# restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
# "-" is standard output; a path writes a file instead.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
# gunicorn's control socket defaults to one path per user (~/.gunicorn/):
# beside the database instead, so that two archives on a machine never share it.
control_socket = os.path.join(
    os.environ.get("ARCHIVE_VAR_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "var")), "gunicorn.ctl"
)


def post_worker_init(worker):
    """Lets downloads keep their worker alive (archive/heartbeat.py)."""
    from archive import heartbeat

    heartbeat.install(worker.notify)
