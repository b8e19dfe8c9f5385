import logging

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from haystack.query import SearchQuerySet

from archive.models import Article, Person, Place, Quote

log = logging.getLogger(__name__)


def home(request):
    articles = Article.objects.published().newest_first()[:20]
    return render(request, "archive/home.html", {"articles": articles})


def healthz(request):
    """200 when both the database and the search index answer."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # any failure here means unhealthy, whatever its kind
        log.exception("healthz: database")
        checks["database"] = f"error: {type(exc).__name__}"
    try:
        SearchQuerySet().models(Article).count()
        checks["search"] = "ok"
    except Exception as exc:
        log.exception("healthz: search index")
        checks["search"] = f"error: {type(exc).__name__}"
    healthy = all(v == "ok" for v in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    quotes = article.quotes.with_related().order_by("position")
    return render(request, "archive/article_detail.html", {"article": article, "quotes": quotes})


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    quotes = person.quotes.with_related().newest_first()
    return render(request, "archive/person_detail.html", {"person": person, "quotes": quotes})


def place_detail(request, slug):
    place = get_object_or_404(Place.objects.select_related("parent"), slug=slug)
    articles = place.articles.published().newest_first()
    return render(request, "archive/place_detail.html", {"place": place, "articles": articles})


def quote_detail(request, pk):
    quote = get_object_or_404(Quote.objects.with_related(), pk=pk)
    return render(request, "archive/quote_detail.html", {"quote": quote})
