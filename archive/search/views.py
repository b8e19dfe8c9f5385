"""The /search/ page, its exports, name autocomplete, and "more like
this" for the article page."""

import logging

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import pluralize
from django_ratelimit.decorators import ratelimit
from haystack.query import SearchQuerySet

from archive.limits import rate
from archive.models import Article, Person, Place
from archive.search.budget import TooBroad, time_budget
from archive.search.export import export
from archive.search.forms import ARTICLES, FILTERS, QUOTES, SearchForm, is_search
from archive.search.highlight import Highlighter
from archive.search.names import normalise
from archive.search.query import MAX_PHRASE_WORDS, MAX_WORDS, parse_query
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
from archive.search.understand import cards, read, settle

log = logging.getLogger(__name__)
FEW_HITS = 3  # below this many hits, look for a misspelt word


@ratelimit(key="ip", rate=rate("SEARCH_RATE"), block=True)
def search(request):
    params = {k: v for k, v in request.GET.items()}
    form = SearchForm(request.GET or None)
    context = {
        "form": form,
        "searched": False,
        "params": params,
        "limits": {"words": MAX_WORDS, "phrase": MAX_PHRASE_WORDS},
    }
    valid = form.is_bound and form.is_valid()
    context.update(filter_context(form, params))
    if not valid:
        if form.is_bound and params.get("format") in ("csv", "json"):
            return HttpResponseBadRequest(
                "Invalid search: " + "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()),
                content_type="text/plain; charset=utf-8",
            )
        return render(request, "search/search.html", context, status=200)
    data = form.cleaned_data
    parsed = parse_query(data["q"])
    if data["format"]:
        return download(request, data, parsed)
    # Links built from here on keep the type in force, and name the
    # speaker and place as the boxes show them.
    params["type"] = data["type"]
    for name in ("speaker", "place"):
        if data.get(name):
            params[name] = data[name].name
    context.update(parsed=parsed, data=data, type=data["type"])
    if parsed.too_long:
        return render(request, "search/search.html", context)
    reading = read(data, parsed)
    if is_search(reading.data, reading.parsed):
        try:
            with time_budget():
                context.update(run_search(reading, data, parsed, params, page_number(request.GET.get("page"))))
        except TooBroad as exc:
            context["too_broad"] = exc.prefix
    return render(request, "search/search.html", context)


def download(request, data, parsed):
    """The download holds what the page shows, fallbacks included."""
    if parsed.too_long:
        return HttpResponseBadRequest(
            f"Invalid search: {parsed.too_long} words; at most {MAX_WORDS} are searched at once.",
            content_type="text/plain; charset=utf-8",
        )
    try:
        reading, _, _ = settle(read(data, parsed), data, parsed, lambda r: {"total": count(r)})
    except TooBroad as exc:
        return HttpResponseBadRequest(
            f"Invalid search: {exc}; use a longer beginning.", content_type="text/plain; charset=utf-8"
        )
    return export(request, reading.data, reading.parsed)


def run_search(reading, data, parsed, params, number):
    found = {}

    def first_page(r):
        found.update(search_once(r.data, r.parsed, number))
        return found

    reading, notices, missed = settle(reading, data, parsed, first_page)
    highlighter = Highlighter(reading.parsed.terms, reading.parsed.prefixes)
    suggestion = spelling_suggestion(reading.parsed, reading.data) if found["total"] < FEW_HITS else None
    return {
        "searched": True,
        "searched_parsed": reading.parsed,
        "reading": reading,
        "notices": notices,
        "missed": missed,
        "cards": cards(reading, parsed, params),
        "everywhere_url": query_url(params, everywhere="1"),
        "total": found["total"],
        "partial": found["partial"],
        "estimated": bool(found["estimate"]),
        "shown_total": found["estimate"] or found["total"],
        "page_obj": found["page_obj"],
        "items": result_items(data["type"], load_objects(data["type"], found["results"]), highlighter),
        "facets": facet_groups(found["sqs"].facet_counts(), reading.data, params, found["total"]),
        # A speaker read from the query is not a filter of the user's: the
        # notice above the results offers the way out of it.
        "filters": active_filters(data if reading.acting else reading.data, params),
        "suggestion": suggestion and {"text": suggestion, "url": query_url(params, q=suggestion)},
        "export_links": {f: query_url(params, format=f) for f in ("csv", "json")},
        "other_type": other_type(reading, found["total"], params),
    }


def other_type(reading, total, params):
    """When nothing is found, how many of the other kind the same search
    finds, with a link to them: a word of a headline is in no quotation."""
    if total:
        return None
    other = ARTICLES if reading.data["type"] == QUOTES else QUOTES
    n = count(reading.without_name({**reading.data, "type": other}, reading.parsed))
    return n and {"count": n, "type": other, "url": query_url(params, type=other)}


def count(reading):
    return build_queryset(reading.data, reading.parsed, facets=False).count()


def filter_context(form, params):
    """Whether the folded filters start open, how many are in use, and the
    choices offered for an ambiguous speaker or place."""
    in_use = sum(1 for name in FILTERS if (params.get(name) or "").strip())
    errors = any(name in form.errors for name in FILTERS) if form.is_bound else False
    choices = {
        name: [
            {
                "label": c.name,
                "url": query_url(params, **{name: c.name}),
                "detail": f"{c.quote_count} quotation{pluralize(c.quote_count)}"
                if hasattr(c, "quote_count")
                else f"{c.article_count} article{pluralize(c.article_count)}",
            }
            for c in found
        ]
        for name, found in form.choices.items()
    }
    return {"filter_count": in_use, "filters_open": bool(in_use or errors), "choices": choices}


def search_once(data, parsed, number):
    sqs = build_queryset(data, parsed)
    results, total, number = fetch_page(sqs, number)
    page_obj = Paginator(FetchedPage(total, results), PER_PAGE).get_page(number)
    return {
        "sqs": sqs,
        "results": results,
        "total": total,
        "page_obj": page_obj,
        "partial": getattr(sqs.query, "partial", False),
        "estimate": getattr(sqs.query, "estimate", None),
    }


@ratelimit(key="ip", rate=rate("AUTOCOMPLETE_RATE"), block=True)
def autocomplete(request):
    """Up to ten speakers or places whose name (or a person's alias) contains q."""
    kind = request.GET.get("kind", "speaker")
    q = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    if kind not in ("speaker", "place"):
        return JsonResponse({"error": "kind is speaker or place"}, status=400)
    if len(q) < 2:
        return JsonResponse({"results": []})
    if kind == "speaker":
        key = normalise(q)
        rows = Person.objects.filter(
            Q(name__icontains=q) | Q(aliases__icontains=q) | (Q(search_names__contains=key) if key else Q(pk=None))
        )
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
