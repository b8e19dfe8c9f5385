import logging
import re
from datetime import date

from django import forms
from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db import connection
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import ExtractYear
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape, format_html, format_html_join
from django.views.generic import dates
from haystack.query import SearchQuerySet

from archive.models import Article, ArticlePerson, ArticlePlace, Person, Place, Quote
from archive.search.export import download

log = logging.getLogger(__name__)

PER_PAGE = 20
# The search engineer's form is used when it exists; ours is the fallback.
PERSON_SEARCH_FORMS = ["search/_person_search_form.html", "archive/_person_search_form.html"]


def page(request, template, context):
    """render() plus the canonical URL (settings.SITE_URL, never the Host header)."""
    url = settings.SITE_URL.rstrip("/") + request.path
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1:
        url += f"?page={page_obj.number}"
    return render(request, template, {"canonical_url": url, **context})


def paginate(request, items, per_page=PER_PAGE):
    try:
        return Paginator(items, per_page).page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404("No such page") from exc


def year_bars(counts, width=320, height=80):
    """Bars for a small server-rendered SVG chart: every year from the first
    to the last, empty years included, scaled to the busiest one."""
    counts = {row["year"]: row["n"] for row in counts}
    if not counts:
        return []
    years = list(range(min(counts), max(counts) + 1))
    top = max(counts.values())
    step = min(width / len(years), 40)
    bars = []
    for i, year in enumerate(years):
        n = counts.get(year, 0)
        h = round((height - 16) * n / top, 1)
        bars.append({
            "year": year, "n": n, "x": round(i * step + 1, 1), "w": round(max(step - 2, 1), 1),
            "y": round(height - 16 - h, 1), "h": h, "label_x": round(i * step + step / 2, 1),
            "show_label": len(years) <= 8 or i in (0, len(years) - 1) or year % 5 == 0,
        })
    return bars


# --- marking quotations in the article body ---------------------------------

def paragraph_spans(body):
    """(start, end) of each paragraph, as Article.paragraphs() splits them,
    so that Quote.position (an offset into the body) can be placed."""
    spans = []
    for m in re.finditer(r"[^\n]+", body):
        text = m.group()
        if text.strip():
            start = m.start() + len(text) - len(text.lstrip())
            spans.append((start, m.start() + len(text.rstrip())))
    return spans


def quote_span(body, quote):
    """Where the quote is in the body. Usually at its position exactly; a
    quotation running over paragraphs is stored with the breaks and the
    reopening quotation marks left out, so words are matched across those;
    an editor's quote may carry no position, so its first occurrence counts."""
    words = quote.text.split()
    if not words:
        return None
    end = quote.position + len(quote.text)
    if body[quote.position:end] == quote.text:
        return quote.position, end
    pattern = re.compile(r"[\s\"“”‘’']+".join(re.escape(w) for w in words))
    found = pattern.match(body, quote.position) or pattern.search(body)
    return found.span() if found else None


QUOTE_MARKS = "\"“”‘’' "


def mark_paragraph(body, start, end, marks):
    """One paragraph as safe HTML: every slice of article text escaped, each
    quotation in a <mark> followed by a link to its speaker."""
    pieces, at = [], start
    for q_start, q_end, quote in marks:
        # A quotation running over two paragraphs is marked in each.
        s, e = max(q_start, start), min(q_end, end)
        while s < e and s == start and body[s] in QUOTE_MARKS:
            s += 1  # the continuation's reopening mark is not the speaker's words
        if s >= e or s < at:
            continue
        pieces.append(escape(body[at:s]))
        pieces.append(format_html('<mark class="q">{}</mark>', body[s:e]))
        if e == q_end:
            if quote.person:
                pieces.append(format_html(
                    ' <a class="said-by" href="{}">{}</a>', quote.person.get_absolute_url(), quote.person.name
                ))
            else:
                pieces.append(format_html(' <a class="said-by" href="{}">quotation</a>', quote.get_absolute_url()))
        at = e
    pieces.append(escape(body[at:end]))
    return format_html_join("", "{}", ((p,) for p in pieces))


def marked_paragraphs(article, quotes):
    body = article.body
    marks = []
    for quote in quotes:
        span = quote_span(body, quote)
        if span:
            marks.append((*span, quote))
    marks.sort(key=lambda m: m[0])
    return [mark_paragraph(body, s, e, marks) for s, e in paragraph_spans(body)]


def paragraph_of(article, quote):
    """The paragraph around a quotation, with it marked."""
    span = quote_span(article.body, quote)
    if span is None:
        return None
    for start, end in paragraph_spans(article.body):
        if start <= span[0] < end or (span[0] < start < span[1]):
            return mark_paragraph(article.body, start, end, [(*span, quote)])
    return None


def related_to(article, limit=5):
    """archive.search.related_articles(article) when the search engineer's
    module provides it; the page must not fail when it is absent or raises."""
    try:
        from archive.search import related_articles
    except ImportError:
        return []
    try:
        found = list(related_articles(article))[: limit * 2]
    except Exception:
        log.warning("related articles failed for article %s", article.pk, exc_info=True)
        return []
    pks = [item.pk if isinstance(item, Article) else getattr(item, "pk", None) for item in found]
    pks = [int(pk) for pk in pks if pk is not None and str(pk).isdigit() and int(pk) != article.pk]
    rows = Article.objects.published().in_bulk(pks)
    return [rows[pk] for pk in dict.fromkeys(pks) if pk in rows][:limit]


# --- pages ----------------------------------------------------------------------

def home(request):
    published = Article.objects.published()
    return page(request, "archive/home.html", {
        "articles": published.newest_first()[:10],
        "article_count": published.count(),
        "people": Person.objects.with_published_quote_counts().filter(quote_count__gt=0)
        .order_by("-quote_count", "name")[:10],
        "places": Place.objects.with_article_counts().filter(article_count__gt=0)
        .order_by("-article_count", "name")[:10],
        "years": timeline(published.year_counts()),
    })


def timeline(counts):
    """Every year from the first to the last, so that gaps in coverage show."""
    counts = {row["year"]: row["n"] for row in counts}
    if not counts:
        return []
    top = max(counts.values())
    return [
        {"year": year, "n": counts.get(year, 0), "pct": round(100 * counts.get(year, 0) / top)}
        for year in range(min(counts), max(counts) + 1)
    ]


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


class NameFilterForm(forms.Form):
    q = forms.CharField(label="Filter by name", required=False, max_length=100)


def person_list(request):
    form = NameFilterForm(request.GET)
    people = Person.objects.with_published_quote_counts().order_by("name")
    if form.is_valid() and form.cleaned_data["q"]:
        people = people.filter(Q(name__icontains=form.cleaned_data["q"]) | Q(aliases__icontains=form.cleaned_data["q"]))
    people = list(people)
    letters = {}
    for person in people:
        initial = person.name[:1].upper()
        letters.setdefault(initial if initial.isalpha() else "#", []).append(person)
    return page(request, "archive/person_list.html", {"form": form, "letters": letters, "count": len(people)})


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    quotes = Quote.objects.published().by(person)
    page_obj = paginate(request, quotes.select_related("article").newest_first())
    roles = (
        quotes.exclude(role="").values("role")
        .annotate(first=Min("article__published"), last=Max("article__published"), n=Count("id"))
        .order_by("first", "role")
    )
    mentions = (
        ArticlePerson.objects.filter(person=person, article__published__lte=date.today())
        .select_related("article").order_by("-article__published", "-article__created")
    )
    per_year = quotes.annotate(year=ExtractYear("article__published")).values("year").annotate(n=Count("id"))
    bars = year_bars(per_year.order_by("year"))
    return page(request, "archive/person_detail.html", {
        "person": person,
        "page_obj": page_obj,
        "quote_count": page_obj.paginator.count,
        "roles": roles,
        "mentions": mentions[:30],
        "mention_count": mentions.count(),
        "bars": bars,
        "chart_label": "Quotations per year: " + ", ".join(f"{b['year']}: {b['n']}" for b in bars if b["n"]),
        "person_search_forms": PERSON_SEARCH_FORMS,
    })


EXPORT_FIELDS = ["id", "text", "kind", "speaker", "role", "headline", "outlet", "date", "source_url",
                 "article_url", "quote_url"]


def export_rows(person):
    """Every published quote by `person`, as plain dicts, streamed from one query."""
    base = settings.SITE_URL.rstrip("/")
    rows = (
        Quote.objects.published().by(person).newest_first()
        .values("id", "text", "kind", "role", "position", "article__headline", "article__outlet",
                "article__published", "article__precision", "article__url", "article__slug")
    )
    for row in rows.iterator(chunk_size=500):
        article = Article(published=row["article__published"], precision=row["article__precision"])
        yield {
            "id": row["id"], "text": row["text"], "kind": row["kind"], "speaker": person.name,
            "role": row["role"], "headline": row["article__headline"], "outlet": row["article__outlet"],
            "date": article.date_iso(), "source_url": row["article__url"],
            "article_url": base + Article(slug=row["article__slug"]).get_absolute_url(),
            "quote_url": base + Quote(pk=row["id"]).get_absolute_url(),
        }


def person_quotes_csv(request, slug):
    person = get_object_or_404(Person, slug=slug)
    return download(export_rows(person), EXPORT_FIELDS, "csv", f"{person.slug}-quotes.csv")


def person_quotes_json(request, slug):
    person = get_object_or_404(Person, slug=slug)
    return download(export_rows(person), EXPORT_FIELDS, "json", f"{person.slug}-quotes.json",
                    key="quotes", head={"speaker": person.name}, disposition="inline")


def place_list(request):
    places = Place.objects.with_article_counts().select_related("parent").order_by("name")
    return page(request, "archive/place_list.html", {"places": places})


class PlaceSortForm(forms.Form):
    sort = forms.ChoiceField(
        label="Order", required=False,
        choices=[("mentions", "Most mentions first"), ("newest", "Newest first")],
    )


def place_detail(request, slug):
    place = get_object_or_404(Place.objects.select_related("parent"), slug=slug)
    form = PlaceSortForm(request.GET)
    sort = form.cleaned_data["sort"] if form.is_valid() and form.cleaned_data["sort"] else "mentions"
    links = ArticlePlace.objects.filter(place=place, article__published__lte=date.today()).select_related("article")
    order = ["-article__published", "-article__created"]
    if sort == "mentions":
        order = ["-mentions", *order]
    page_obj = paginate(request, links.order_by(*order))
    people = (
        Person.objects.filter(quotes__article__articleplace__place=place, quotes__article__published__lte=date.today())
        .annotate(n=Count("quotes", distinct=True)).order_by("-n", "name")[:20]
    )
    children = place.children.with_article_counts().order_by("name")
    return page(request, "archive/place_detail.html", {
        "place": place, "form": form, "sort": sort, "page_obj": page_obj, "people": people, "children": children,
    })


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    quotes = list(article.quotes.select_related("person").order_by("position"))
    for quote in quotes:
        quote.article = article
    people = ArticlePerson.objects.filter(article=article).select_related("person")
    places = ArticlePlace.objects.filter(article=article).select_related("place")
    return page(request, "archive/article_detail.html", {
        "article": article,
        "paragraphs": marked_paragraphs(article, quotes),
        "quotes": quotes,
        "people": people.order_by("-mentions", "person__name"),
        "places": places.order_by("-mentions", "place__name"),
        "related": related_to(article),
    })


def quote_detail(request, pk):
    quote = get_object_or_404(Quote.objects.published().with_related(), pk=pk)
    # Every article carrying these words (trimmed or lightly edited too), earliest first.
    carriers = list(Quote.objects.published().copies_of(quote).select_related("article")[:50])
    return page(request, "archive/quote_detail.html", {
        "quote": quote,
        "paragraph": paragraph_of(quote.article, quote),
        "carriers": carriers if len({c.article_id for c in carriers}) > 1 else [],
    })


# --- the date archive: Django's generic date views ------------------------------

class ArticleArchiveMixin:
    date_field = "published"
    paginate_by = PER_PAGE
    month_format = "%m"
    ordering = ["-published", "-created"]

    def get_queryset(self):
        # published() compares with today's date: evaluate per request.
        return Article.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = settings.SITE_URL.rstrip("/") + self.request.path
        page_obj = context.get("page_obj")
        context["canonical_url"] = url + (f"?page={page_obj.number}" if page_obj and page_obj.number > 1 else "")
        return context


class ArchiveIndex(ArticleArchiveMixin, dates.ArchiveIndexView):
    allow_empty = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=timeline(Article.objects.published().year_counts()), **kwargs)


class YearArchive(ArticleArchiveMixin, dates.YearArchiveView):
    make_object_list = True

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        # An article known only to the year has no month to be listed under.
        return queryset.exclude(precision=Article.YEAR).dates(self.date_field, "month", ordering)


class MonthArchive(ArticleArchiveMixin, dates.MonthArchiveView):
    def get_queryset(self):
        return super().get_queryset().exclude(precision=Article.YEAR)

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        # Days only for articles known to the day: a month-precise one is
        # stored on the 1st, which is not a day it appeared.
        return queryset.filter(precision=Article.DAY).dates(self.date_field, "day", ordering)


class DayArchive(ArticleArchiveMixin, dates.DayArchiveView):
    def get_queryset(self):
        return super().get_queryset().filter(precision=Article.DAY)
