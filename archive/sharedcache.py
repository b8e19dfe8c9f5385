"""Django's Redis cache, made to forgive Redis being away.

Rate counts, download locks, kept pages and search counts all live in the
cache; Django's own Redis backend raises when Redis is down or restarting,
so every search, download and cached page would answer 500. With this one
the site goes on without the cache: a read misses, a write is dropped, a
lock or a count is granted (the limits fail open for as long as Redis is
away: refusing every reader would be worse), and the error is logged, once
a minute. `OPTIONS` get short socket timeouts unless the settings give them,
so an unreachable host costs a request half a second, not minutes."""

import logging
import time
from functools import wraps

import redis
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)
TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
LOG_EVERY = 60  # seconds between two logged errors


def forgiving(answer):
    """Wrap a cache method: on a Redis error, log and return answer(*args, **kwargs)."""

    def wrap(method):
        @wraps(method)
        def forgiven(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except redis.RedisError as exc:
                now = time.monotonic()
                if now - self.logged > LOG_EVERY:
                    self.logged = now
                    log.error("the shared cache is unreachable; going on without it: %s", exc)
                return answer(*args, **kwargs)

        return forgiven

    return wrap


def default(key, default=None, *args, **kwargs):
    return default


def nothing(*args, **kwargs):
    return None


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**TIMEOUTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self.logged = -LOG_EVERY

    get = forgiving(default)(RedisCache.get)
    get_many = forgiving(lambda *a, **k: {})(RedisCache.get_many)
    has_key = forgiving(lambda *a, **k: False)(RedisCache.has_key)
    add = forgiving(lambda *a, **k: True)(RedisCache.add)
    set = forgiving(nothing)(RedisCache.set)
    set_many = forgiving(lambda *a, **k: [])(RedisCache.set_many)
    touch = forgiving(lambda *a, **k: False)(RedisCache.touch)
    delete = forgiving(lambda *a, **k: False)(RedisCache.delete)
    delete_many = forgiving(nothing)(RedisCache.delete_many)
    incr = forgiving(lambda key, delta=1, *a, **k: delta)(RedisCache.incr)
    clear = forgiving(lambda *a, **k: False)(RedisCache.clear)
