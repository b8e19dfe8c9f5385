"""The archive's URLs plus /bench/minimal: a view that does no work, so that
the requests per second of a page can be set against Django's own floor on the
same gunicorn (middleware, routing, one response)."""

from django.http import HttpResponse
from django.urls import path

from archive.urls import urlpatterns as archive_urlpatterns

MINIMAL_URL = "/bench/minimal"


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(MINIMAL_URL.lstrip("/"), minimal, name="bench_minimal"), *archive_urlpatterns]
