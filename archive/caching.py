"""Browse pages kept rendered until the archive changes.

A browse page costs queries that grow with the archive, and the same page is
asked for again and again between changes. `cached_page` keeps the rendered
page in CACHES["default"] (each worker's memory, or the shared cache when one
is configured) under the archive's version number (ArchiveVersion, raised in
the same transaction as every change the pages show) and today's date (an
article dated tomorrow appears at midnight). No reader is served a page older
than the data, on any worker or machine.

Django's cache_page is not used: it keeps a page for a fixed time, so an
editor's correction would stay invisible until the timeout.

A visitor with a session (an editor) or a pending message is never served
from the cache, and nothing rendered for them is kept."""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from archive.models import ArchiveVersion, today

KEPT_FOR = 24 * 3600  # seconds; a new version makes older pages unreachable long before


def anonymous_get(request):
    cookies = request.COOKIES
    return request.method == "GET" and not cookies.get(settings.SESSION_COOKIE_NAME) and not cookies.get("messages")


def page_key(version, request):
    path = request.get_full_path()
    return "page:" + hashlib.sha256(f"{version}|{today()}|{path}".encode()).hexdigest()


def cached_page(view):
    @wraps(view)
    def serve(request, *args, **kwargs):
        version = ArchiveVersion.current() if anonymous_get(request) else None
        if version is None:
            return view(request, *args, **kwargs)
        key = page_key(version, request)
        kept = cache.get(key)
        if kept is not None:
            content, content_type, status = kept
            return HttpResponse(content, content_type=content_type, status=status)
        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.render()  # the date pages' TemplateResponse
        if response.status_code in (200, 404) and not response.streaming and not response.cookies:
            cache.set(key, (response.content, response["Content-Type"], response.status_code), KEPT_FOR)
        return response

    return serve
