"""Per-client limits on the costly pages: request rates (django-ratelimit)
and one download at a time. Both are kept in the default cache, so they hold
across gunicorn workers only when CACHE_BACKEND names a shared cache (Redis)."""

import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django_ratelimit.core import _get_ip, is_ratelimited

# A killed worker cannot release its client's lock: the lock lapses this
# long after the download last sent anything.
EXPORT_LOCK_SECONDS = 120
REFRESH_SECONDS = 30


def rate(name):
    """The rate in setting `name`, read at each request (so tests and the
    bench can change it); None (an empty variable) turns the limit off."""
    return lambda group, request: getattr(settings, name) or None


def client(request):
    """The client as django-ratelimit's key="ip" sees it, so that locks and
    rates agree on who is who (IPv6 addresses by their /64)."""
    return _get_ip(request)


def refused(request, reason):
    """The 429 page, saying which limit was reached."""
    return render(request, "429.html", {"reason": reason}, status=429)


class ExportLock:
    """One download at a time per client: a key added to the cache (an atomic
    add in Redis and in memory), refreshed while rows flow, deleted when the
    stream ends, fails or the client goes away, lapsing on its own otherwise."""

    def __init__(self, request):
        self.key = f"archive:export-lock:{client(request)}"
        self.token = secrets.token_hex(8)
        self.refreshed = 0.0

    def acquire(self):
        self.refreshed = time.monotonic()
        return cache.add(self.key, self.token, EXPORT_LOCK_SECONDS)

    def refresh(self):
        if time.monotonic() - self.refreshed > REFRESH_SECONDS:
            self.refreshed = time.monotonic()
            cache.touch(self.key, EXPORT_LOCK_SECONDS)

    def release(self):
        # Not someone else's lock, taken after ours lapsed.
        if cache.get(self.key) == self.token:
            cache.delete(self.key)


def start_export(request):
    """(lock, None) when this client may download now, else (None, a 429)."""
    lock = ExportLock(request)
    if not lock.acquire():
        return None, refused(request, "export-running")
    limit = rate("EXPORT_RATE")(None, request)
    if limit and is_ratelimited(request, group="archive.export", key="ip", rate=limit, increment=True):
        lock.release()
        return None, refused(request, "export-rate")
    return lock, None
