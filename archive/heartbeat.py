"""Keeps a gunicorn worker alive through a long download.

gunicorn's master replaces a worker that has not reported for `timeout`
seconds, and a sync worker reports only between requests: without this, a
download longer than the timeout would be cut off mid-file. gunicorn.conf.py
hands each worker's `notify` over when the worker starts; a download calls
beat() as its rows go out, so only a download that stops making progress for
the whole timeout is cut. Outside gunicorn, beat() does nothing."""

_notify = None


def install(notify):
    global _notify
    _notify = notify


def beat():
    if _notify is not None:
        _notify()
