import calendar
import logging
import re
from datetime import date

from django import forms
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import ExtractYear, Length
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.generic import dates

from archive.links import absolute_url
from archive.marking import marked_paragraphs, paragraph_of
from archive.models import Article, ArticlePerson, ArticlePlace, Person, Place, Quote, is_public
from archive.search.consistency import health as search_health
from archive.search.export import download

log = logging.getLogger(__name__)

PER_PAGE = 20
# The search engineer's form is used when it exists; ours is the fallback.
PERSON_SEARCH_FORMS = ["search/_person_search_form.html", "archive/_person_search_form.html"]


def canonical_url(request, page_obj=None):
    """The page's address on SITE_URL, never the Host header; page 1 has no ?page."""
    url = absolute_url(request.path)
    if page_obj is not None and page_obj.number > 1:
        url += f"?page={page_obj.number}"
    return url


def page(request, template, context, status=200):
    return render(
        request, template, {"canonical_url": canonical_url(request, context.get("page_obj")), **context}, status=status
    )


def paginate(request, items, per_page=PER_PAGE):
    """A page past the end shows the last page and a page that is not a number
    the first, as the search pages do: a stale link still lands somewhere."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def with_speakers(rows, quotes="quotes"):
    """Rows with their articles' quotations and speakers fetched in one more
    query, for listings that say who is quoted (Article.speakers()). `quotes`
    is the path from a row to an article's quotes."""
    return rows.prefetch_related(
        Prefetch(quotes, queryset=Quote.objects.shown().filter(person__isnull=False).select_related("person"))
    )


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
        bars.append(
            {
                "year": year,
                "n": n,
                "x": round(i * step + 1, 1),
                "w": round(max(step - 2, 1), 1),
                "y": round(height - 16 - h, 1),
                "h": h,
                "label_x": round(i * step + step / 2, 1),
                "show_label": len(years) <= 8 or i in (0, len(years) - 1) or year % 5 == 0,
            }
        )
    return bars


def timeline(counts):
    """Years with articles, scaled to the busiest; a run of empty years is one
    row ('2007–2013'), so that gaps in coverage show without a list of zeros."""
    counts = {row["year"]: row["n"] for row in counts}
    if not counts:
        return []
    top = max(counts.values())
    rows, gap = [], []
    for year in range(min(counts), max(counts) + 1):
        n = counts.get(year, 0)
        if not n:
            gap.append(year)
            continue
        if gap:
            rows.append({"gap": f"{gap[0]}–{gap[-1]}" if len(gap) > 1 else str(gap[0]), "years": len(gap)})
            gap = []
        rows.append({"year": year, "n": n, "pct": round(100 * n / top)})
    return rows


def speakers_of(quotes):
    """The article's speakers in order of first quotation, each with the role
    the article gives and their quotations: the margin of the article page."""
    speakers = {}
    for quote in quotes:
        key = quote.person_id or f"quote-{quote.pk}"
        entry = speakers.setdefault(key, {"person": quote.person, "role": quote.role, "quotes": []})
        entry["role"] = entry["role"] or quote.role
        entry["quotes"].append(quote)
    return list(speakers.values())


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


def archive_url(article):
    """The date page an article is listed on: its month, or its year when only that is known."""
    if article.precision == Article.YEAR:
        return reverse("archive_year", args=[article.published.year])
    return reverse("archive_month", args=[article.published.year, article.published.month])


# --- pages ----------------------------------------------------------------------


def home(request):
    published = Article.objects.published()
    newest = published.order_by("-published").values_list("published", flat=True).first()
    newest_month = newest and newest.replace(day=1)
    return page(
        request,
        "archive/home.html",
        {
            "articles": with_speakers(published.newest_first())[:8],
            "article_count": published.count(),
            "quotes": latest_quotes(),
            "month": newest_month,
            "people": most_quoted_in(newest_month) if newest_month else [],
            "places": Place.objects.with_article_counts()
            .filter(article_count__gt=0)
            .order_by("-article_count", "name")[:12],
            "years": timeline(published.year_counts()),
        },
    )


def latest_quotes(limit=6, per_article=2, min_length=40, articles=40):
    """The newest quotations worth reading on their own: the speaker's words
    (not reported speech), attributed, longer than a few words, and no more
    than `per_article` from one article. Looked for in the newest `articles`
    only, so the cost does not grow with the archive."""
    newest = Article.objects.published().newest_first().values_list("pk", flat=True)[:articles]
    rows = (
        Quote.objects.shown()
        .filter(article__in=list(newest), person__isnull=False)
        .exclude(kind=Quote.INDIRECT)
        .annotate(length=Length("text"))
        .filter(length__gte=min_length)
        .with_related()
        .newest_first()[: limit * 5]
    )
    chosen, per = [], {}
    for quote in rows:
        per[quote.article_id] = per.get(quote.article_id, 0) + 1
        if per[quote.article_id] <= per_article:
            chosen.append(quote)
    return chosen[:limit]


def most_quoted_in(month, limit=8):
    """People with most quotations in articles of `month` (a date on its 1st),
    counted from that month's quotations (the date index narrows them)."""
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    counts = (
        Quote.objects.published()
        .filter(article__published__range=(month, last), person__isnull=False)
        .values("person")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    n_of = {row["person"]: row["n"] for row in counts}
    people = sorted(Person.objects.filter(pk__in=n_of), key=lambda p: (-n_of[p.pk], p.name))[:limit]
    for person in people:
        person.n = n_of[person.pk]
    return people


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
        checks["documents"] = search_health()
        checks["search"] = "ok"
    except Exception as exc:
        log.exception("healthz: search index")
        checks["search"] = f"error: {exc}" if isinstance(exc, RuntimeError) else f"error: {type(exc).__name__}"
    healthy = checks["database"] == checks["search"] == "ok"
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


class NameFilterForm(forms.Form):
    q = forms.CharField(
        label="Filter by name",
        required=False,
        max_length=100,
        error_messages={"max_length": "A name to filter by is at most %(limit_value)d characters long."},
    )


def by_initial(people):
    """{'A': [...], 'B': [...]} in index order (surname for a person)."""
    letters = {}
    for person in sorted(people, key=lambda p: (p.sort_key(), p.pk)):
        letters.setdefault(person.initial(), []).append(person)
    return letters


def person_list(request, kind=Person.PERSON):
    """People A to Z by surname, or (kind=organisation) organisations by name."""
    form = NameFilterForm(request.GET)
    people = Person.objects.with_published_quote_counts().filter(kind=kind)
    if form.is_valid() and form.cleaned_data["q"]:
        people = people.filter(Q(name__icontains=form.cleaned_data["q"]) | Q(aliases__icontains=form.cleaned_data["q"]))
    people = list(people)
    letters = by_initial(p for p in people if p.quote_count)
    alphabet = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", *(["#"] if "#" in letters else [])]
    return page(
        request,
        "archive/person_list.html",
        {
            "organisations": kind == Person.ORGANISATION,
            "form": form,
            "letters": letters,
            "alphabet": [(letter, letter in letters) for letter in alphabet],
            "quoted_count": sum(len(group) for group in letters.values()),
            "unquoted": [p for group in by_initial(p for p in people if not p.quote_count).values() for p in group],
            "count": len(people),
        },
    )


def role_history(quotes):
    """Each role the articles give, oldest first, with the years it was used
    and how often: 'IPPR researcher, 2006–2014, 3 quotations'. Roles that
    differ only in case or a leading 'the' are one role."""
    rows = quotes.exclude(role="").values_list("role", "article__published").order_by("article__published")
    roles = {}
    for role, published in rows:
        key = re.sub(r"^the\s+", "", role.strip(), flags=re.IGNORECASE).casefold()
        entry = roles.setdefault(key, {"role": role.strip(), "first": published, "last": published, "n": 0})
        entry["last"], entry["n"] = published, entry["n"] + 1
    return list(roles.values())


def articles_about(person):
    """Published articles that name or quote `person`, newest first, each with
    `mentions` (times named; 0 when only quoted, as organisations often are)."""
    named = ArticlePerson.objects.filter(person=person)
    return (
        Article.objects.published()
        .filter(Q(pk__in=named.values("article")) | Q(pk__in=Quote.objects.shown().by(person).values("article")))
        .annotate(mentions=Subquery(named.filter(article=OuterRef("pk")).values("mentions")[:1]))
        .newest_first()
    )


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    quotes = Quote.objects.published().by(person)
    page_obj = paginate(request, quotes.select_related("article").newest_first())
    articles = articles_about(person)
    per_year = list(
        quotes.annotate(year=ExtractYear("article__published")).values("year").annotate(n=Count("id")).order_by("year")
    )
    # One bar is not a chart: the summary sentence says the same.
    bars = year_bars(per_year) if len(per_year) > 1 else []
    roles = role_history(quotes)
    return page(
        request,
        "archive/person_detail.html",
        {
            "person": person,
            "page_obj": page_obj,
            "quote_count": page_obj.paginator.count,
            "roles": roles,
            "latest_role": max(roles, key=lambda r: r["last"])["role"] if roles else "",
            "years": (per_year[0]["year"], per_year[-1]["year"]) if per_year else None,
            "mentions": articles[:30],
            "mention_count": articles.count(),
            "bars": bars,
            "chart_label": "Quotations per year: " + ", ".join(f"{b['year']}: {b['n']}" for b in bars if b["n"]),
            "person_search_forms": PERSON_SEARCH_FORMS,
        },
    )


EXPORT_FIELDS = [
    "id",
    "text",
    "kind",
    "speaker",
    "role",
    "headline",
    "outlet",
    "date",
    "source_url",
    "article_url",
    "quote_url",
]


def export_rows(person):
    """Every published quote by `person`, as plain dicts, streamed from one query."""
    rows = (
        Quote.objects.published()
        .by(person)
        .newest_first()
        .values(
            "id",
            "text",
            "kind",
            "role",
            "position",
            "article__headline",
            "article__outlet",
            "article__published",
            "article__precision",
            "article__url",
            "article__slug",
        )
    )
    for row in rows.iterator(chunk_size=500):
        article = Article(published=row["article__published"], precision=row["article__precision"])
        yield {
            "id": row["id"],
            "text": row["text"],
            "kind": row["kind"],
            "speaker": person.name,
            "role": row["role"],
            "headline": row["article__headline"],
            "outlet": row["article__outlet"],
            "date": article.date_iso(),
            "source_url": row["article__url"],
            "article_url": absolute_url(Article(slug=row["article__slug"]).get_absolute_url()),
            "quote_url": absolute_url(Quote(pk=row["id"]).get_absolute_url()),
        }


def person_quotes_csv(request, slug):
    person = get_object_or_404(Person, slug=slug)
    return download(request, export_rows(person), EXPORT_FIELDS, "csv", f"{person.slug}-quotes.csv")


def person_quotes_json(request, slug):
    person = get_object_or_404(Person, slug=slug)
    return download(
        request,
        export_rows(person),
        EXPORT_FIELDS,
        "json",
        f"{person.slug}-quotes.json",
        key="quotes",
        head={"speaker": person.name},
        disposition="inline",
    )


def place_list(request):
    places = Place.objects.with_article_counts().select_related("parent").order_by("name")
    return page(request, "archive/place_list.html", {"places": places})


class PlaceSortForm(forms.Form):
    sort = forms.ChoiceField(
        label="Order",
        required=False,
        choices=[("mentions", "Most mentions first"), ("newest", "Newest first")],
        error_messages={"invalid_choice": "Articles can be ordered by most mentions or newest first."},
    )


def place_detail(request, slug):
    place = get_object_or_404(Place.objects.select_related("parent"), slug=slug)
    form = PlaceSortForm(request.GET)
    sort = form.cleaned_data["sort"] if form.is_valid() and form.cleaned_data["sort"] else "mentions"
    links = ArticlePlace.objects.filter(is_public("article__"), place=place).select_related("article")
    order = ["-article__published", "-article__created"]
    if sort == "mentions":
        order = ["-mentions", *order]
    page_obj = paginate(request, with_speakers(links.order_by(*order), "article__quotes"))
    people = (
        Person.objects.filter(is_public("quotes__article__"), quotes__article__articleplace__place=place)
        .annotate(n=Count("quotes", distinct=True))
        .order_by("-n", "name")[:20]
    )
    children = place.children.with_article_counts().order_by("name")
    return page(
        request,
        "archive/place_detail.html",
        {
            "place": place,
            "form": form,
            "sort": sort,
            "page_obj": page_obj,
            "people": people,
            "children": children,
        },
    )


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    quotes = list(article.quotes.shown().select_related("person").order_by("position"))
    for quote in quotes:
        quote.article = article
    speakers = speakers_of(quotes)
    quoted = {entry["person"].pk for entry in speakers if entry["person"]}
    people = ArticlePerson.objects.filter(article=article).exclude(person__in=quoted).select_related("person")
    places = ArticlePlace.objects.filter(article=article).select_related("place")
    return page(
        request,
        "archive/article_detail.html",
        {
            "article": article,
            "archive_url": archive_url(article),
            "paragraphs": marked_paragraphs(article, quotes),
            "quote_count": len(quotes),
            "speakers": speakers,
            "people": people.filter(person__kind=Person.PERSON).order_by("-mentions", "person__name"),
            "organisations": people.filter(person__kind=Person.ORGANISATION).order_by("-mentions", "person__name"),
            "places": places.order_by("-mentions", "place__name"),
            "related": related_to(article),
        },
    )


def quote_detail(request, pk):
    quote = get_object_or_404(Quote.objects.published().with_related(), pk=pk)
    # Every article carrying these words (trimmed or lightly edited too), earliest first.
    carriers = list(Quote.objects.published().copies_of(quote).select_related("article")[:50])
    return page(
        request,
        "archive/quote_detail.html",
        {
            "quote": quote,
            "paragraph": paragraph_of(quote.article, quote),
            "carriers": carriers if len({c.article_id for c in carriers}) > 1 else [],
        },
    )


# --- the date archive: Django's generic date views ------------------------------


class ArticleArchiveMixin:
    """Shared by the date pages: published articles with their speakers, a page
    past the end falling back to the last, and a helpful page (still a 404)
    for a real date without articles."""

    date_field = "published"
    paginate_by = PER_PAGE
    month_format = "%m"
    ordering = ["-published", "-created"]
    empty_template = "archive/article_archive_empty.html"

    def get_queryset(self):
        # published() compares with today's date: evaluate per request.
        return with_speakers(Article.objects.published())

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page_obj = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page_obj, page_obj.object_list, page_obj.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["canonical_url"] = canonical_url(self.request, context.get("page_obj"))
        return context

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            first, last, label = self.period()  # itself a plain 404 for an impossible date
            return self.empty_period(first, last, label)

    def empty_period(self, first, last, label):
        """The nearest articles either side of a period without any."""
        articles = Article.objects.published()
        earlier = articles.filter(published__lt=first).order_by("-published", "-created").first()
        later = articles.filter(published__gt=last).order_by("published", "created").first()
        return page(
            self.request,
            self.empty_template,
            {
                "label": label,
                "earlier": earlier,
                "earlier_url": earlier and archive_url(earlier),
                "later": later,
                "later_url": later and archive_url(later),
            },
            status=404,
        )


def parse_period(*parts):
    """date() from the URL's year/month/day strings; an impossible date is a 404."""
    try:
        return date(*(int(part) for part in parts))
    except ValueError as exc:
        raise Http404("No such date") from exc


class ArchiveIndex(ArticleArchiveMixin, dates.ArchiveIndexView):
    allow_empty = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=timeline(Article.objects.published().year_counts()), **kwargs)


class YearArchive(ArticleArchiveMixin, dates.YearArchiveView):
    make_object_list = True

    def period(self):
        first = parse_period(self.kwargs["year"], 1, 1)
        return first, first.replace(month=12, day=31), f"{first:%Y}"

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        # An article known only to the year has no month to be listed under.
        return queryset.exclude(precision=Article.YEAR).dates(self.date_field, "month", ordering)


class MonthArchive(ArticleArchiveMixin, dates.MonthArchiveView):
    def period(self):
        first = parse_period(self.kwargs["year"], self.kwargs["month"], 1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return first, last, f"{first:%B %Y}"

    def get_queryset(self):
        return super().get_queryset().exclude(precision=Article.YEAR)

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        # Days only for articles known to the day: a month-precise one is
        # stored on the 1st, which is not a day it appeared.
        return queryset.filter(precision=Article.DAY).dates(self.date_field, "day", ordering)


class DayArchive(ArticleArchiveMixin, dates.DayArchiveView):
    def period(self):
        day = parse_period(self.kwargs["year"], self.kwargs["month"], self.kwargs["day"])
        return day, day, f"{day.day} {day:%B %Y}"

    def get_queryset(self):
        return super().get_queryset().filter(precision=Article.DAY)
