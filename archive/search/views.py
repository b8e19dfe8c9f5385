"""The /search/ page, its exports, name autocomplete, and "more like
this" for the article page."""

import logging

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from haystack.query import SearchQuerySet

from archive.models import Article, Person, Place
from archive.search.export import export
from archive.search.forms import CONTENT_TYPES, SORTS, SearchForm, is_search
from archive.search.highlight import Highlighter
from archive.search.query import parse_query
from archive.search.results import (
    PER_PAGE,
    FetchedPage,
    active_filters,
    build_queryset,
    facet_groups,
    fetch_page,
    load_objects,
    page_number,
    query_url,
    result_items,
    spelling_suggestion,
)

log = logging.getLogger(__name__)
FEW_HITS = 3  # below this many hits, look for a misspelt word

def search(request):
    params = {k: v for k, v in request.GET.items()}
    form = SearchForm(request.GET or None)
    context = {"form": form, "searched": False, "params": params}
    if not form.is_bound or not form.is_valid():
        if form.is_bound and params.get("format") in ("csv", "json"):
            return HttpResponseBadRequest("Invalid search: " + "; ".join(
                f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()
            ), content_type="text/plain; charset=utf-8")
        return render(request, "search/search.html", context, status=200)
    data = form.cleaned_data
    parsed = parse_query(data["q"])
    if data["format"]:
        return export(data, parsed)
    # Links built from here on keep the type in force: a speaker facet on an
    # article search must not flip it to quotations (the default with a speaker).
    params["type"] = data["type"]
    context.update(parsed=parsed, data=data, type=data["type"])
    context["type_links"] = {t: query_url(params, type=t) for t in CONTENT_TYPES}
    context["sort_links"] = [
        {"label": label, "url": query_url(params, sort=v), "active": v == data["sort"]} for v, label in SORTS
    ]
    if is_search(data, parsed):
        context.update(run_search(data, parsed, params, page_number(request.GET.get("page"))))
    return render(request, "search/search.html", context)


def run_search(data, parsed, params, number):
    sqs = build_queryset(data, parsed)
    results, total, number = fetch_page(sqs, number)
    page_obj = Paginator(FetchedPage(total, results), PER_PAGE).page(number)
    highlighter = Highlighter(parsed.terms, parsed.prefixes)
    items = result_items(data["type"], load_objects(data["type"], results), highlighter)
    suggestion = spelling_suggestion(parsed) if total < FEW_HITS else None
    return {
        "searched": True,
        "total": total,
        "page_obj": page_obj,
        "items": items,
        "facets": facet_groups(sqs.facet_counts(), data, params),
        "filters": active_filters(data, params),
        "suggestion": suggestion and {"text": suggestion, "url": query_url(params, q=suggestion)},
        "export_links": {f: query_url(params, format=f) for f in ("csv", "json")},
    }



def autocomplete(request):
    """Up to ten speakers or places whose name (or a person's alias) contains q."""
    kind = request.GET.get("kind", "speaker")
    q = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    if kind not in ("speaker", "place"):
        return JsonResponse({"error": "kind is speaker or place"}, status=400)
    if len(q) < 2:
        return JsonResponse({"results": []})
    if kind == "speaker":
        rows = Person.objects.filter(Q(name__icontains=q) | Q(aliases__icontains=q))
    else:
        rows = Place.objects.filter(name__icontains=q)
    rows = rows.order_by("name").values("slug", "name")[:10]
    return JsonResponse({"results": list(rows)})


def related_articles(article, limit=5):
    """Published articles most like `article`, best first; [] when the
    index cannot answer (the article page must not fail because of it)."""
    try:
        found = SearchQuerySet().models(Article).more_like_this(article)[: limit + 1]
        pks = [int(r.pk) for r in found if str(r.pk).isdigit() and int(r.pk) != article.pk][:limit]
        rows = Article.objects.published().in_bulk(pks)
        return [rows[pk] for pk in pks if pk in rows]
    except Exception:
        log.warning("more like this failed for article %s", getattr(article, "pk", None), exc_info=True)
        return []
