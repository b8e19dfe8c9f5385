"""Full-text search of articles and quotations: the /search/ page, its
exports, name autocomplete and "more like this" for the article page.

The user's words are read by a small parser of our own (words, "phrases",
AND / OR / NOT, -word, prefix*) and handed to Whoosh as a query string it
cannot misread; anything else is searched as plain words with a notice.
Highlighting escapes every slice of text and adds only <mark>."""

import calendar
import csv
import json
import logging
import math
import re
from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from haystack import connections
from haystack.inputs import Raw
from haystack.query import SearchQuerySet
from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem

from archive.models import Article, Person, Place, Quote

log = logging.getLogger(__name__)

PER_PAGE = 20
FACET_LIMIT = 10
FEW_HITS = 3  # below this many hits, look for a misspelt word
EXPORT_BATCH = 500
QUOTES, ARTICLES = "quotes", "articles"
CONTENT_TYPES = {QUOTES: "archive.quote", ARTICLES: "archive.article"}
SORTS = [("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first")]


# --- the query language --------------------------------------------------------------

TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<open>\()|(?P<close>\))|(?P<stray>")|(?P<chunk>[^\s()"]+)')
WORDS = re.compile(r"\w+")
OPERATORS = {"AND", "OR", "NOT"}


class QuerySyntaxError(ValueError):
    pass


@dataclass
class ParsedQuery:
    """`query` is a Whoosh query string built only from word characters,
    quotes, brackets and operators; `terms` and `prefixes` are what to
    highlight; `words` what to spell-check."""

    text: str = ""
    query: str = ""
    terms: set = field(default_factory=set)
    prefixes: set = field(default_factory=set)
    words: list = field(default_factory=list)
    plain: bool = False  # the syntax could not be read: searched as plain words
    ignored: bool = False  # only common words: nothing to search for
    exclude: str = ""  # "NOT mayor" alone: everything except what this matches


def tokenize(text):
    """[(kind, value)] with kind in term/prefix/phrase/op/open/close."""
    tokens = []
    for m in TOKEN.finditer(text):
        if m.group("stray"):
            raise QuerySyntaxError("unbalanced quotation mark")
        if m.group("open"):
            tokens.append(("open", "("))
        elif m.group("close"):
            tokens.append(("close", ")"))
        elif m.group("phrase") is not None:
            words = WORDS.findall(m.group("phrase").lower())
            if words:
                tokens.append(("phrase", words))
        else:
            tokens.extend(chunk_tokens(m.group("chunk")))
    return tokens


def chunk_tokens(chunk):
    if chunk in OPERATORS:
        return [("op", chunk)]
    negate = chunk.startswith("-") and len(chunk) > 1
    chunk = chunk.lstrip("-+")
    words = WORDS.findall(chunk.lower())
    if chunk.endswith("*"):
        if len(words) != 1 or len(words[0]) < 2 or not chunk[:-1].isalnum():
            raise QuerySyntaxError("a * goes at the end of a word of two letters or more")
        token = ("prefix", words[0])
    elif not words:
        return []
    else:
        # "directly-elected" is indexed as two words: search them as a phrase.
        token = ("term", words[0]) if len(words) == 1 else ("phrase", words)
    return [("op", "NOT"), token] if negate else [token]


class Parser:
    """expr := unary ((AND | OR)? unary)* ; unary := NOT unary | term | ( expr )"""

    def __init__(self, tokens):
        self.tokens, self.i, self.out = tokens, 0, []
        self.terms, self.prefixes, self.words = set(), set(), []

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def parse(self):
        if not self.tokens:
            return ""
        self.expr(negated=False)
        if self.i != len(self.tokens):
            raise QuerySyntaxError("unbalanced bracket")
        return "(" + " ".join(self.out) + ")"

    def expr(self, negated):
        self.unary(negated)
        while self.peek()[0] not in (None, "close"):
            kind, value = self.peek()
            if kind == "op" and value in ("AND", "OR"):
                self.out.append(value)
                self.i += 1
            self.unary(negated)

    def unary(self, negated):
        kind, value = self.peek()
        self.i += 1
        if kind == "op" and value == "NOT":
            # Whoosh's parser fails (IndexError) on "NOT NOT x": a run of NOTs
            # is written as one NOT when odd, none when even.
            nots = 1
            while self.peek() == ("op", "NOT"):
                self.i += 1
                nots += 1
            if nots % 2:
                self.out.append("NOT")
            self.unary(negated != bool(nots % 2))
        elif kind == "open":
            self.out.append("(")
            if self.peek()[0] == "close":
                raise QuerySyntaxError("empty brackets")
            self.expr(negated)
            if self.peek()[0] != "close":
                raise QuerySyntaxError("unbalanced bracket")
            self.i += 1
            self.out.append(")")
        elif kind in ("term", "prefix", "phrase"):
            self.term(kind, value, negated)
        else:
            raise QuerySyntaxError("an operator needs words on both sides")

    def term(self, kind, value, negated):
        if kind == "term":
            self.out.append(value)
        elif kind == "prefix":
            self.out.append(value + "*")
        else:
            self.out.append('"' + " ".join(value) + '"')
        if negated:
            return
        if kind == "prefix":
            self.prefixes.add(value)
        else:
            words = [value] if kind == "term" else value
            self.terms.update(words)
            self.words.extend(words)


def negations_only(tokens):
    """For tokens that are each "NOT x" (x a word, phrase, prefix or bracket),
    the query matching any x; "" when the tokens are anything else."""
    units, i = [], 0
    while i < len(tokens):
        if tokens[i] != ("op", "NOT") or i + 1 >= len(tokens):
            return ""
        i += 1
        if tokens[i][0] == "open":
            depth, j = 0, i
            while j < len(tokens):
                depth += {"open": 1, "close": -1}.get(tokens[j][0], 0)
                if depth == 0:
                    break
                j += 1
            units.append(tokens[i:j + 1])
            i = j + 1
        elif tokens[i][0] in ("term", "prefix", "phrase"):
            units.append([tokens[i]])
            i += 1
        else:
            return ""
        if i < len(tokens) and tokens[i] == ("op", "AND"):
            i += 1
    either = []
    for unit in units:
        either.extend([("op", "OR"), *unit] if either else unit)
    try:
        return Parser(either).parse()
    except QuerySyntaxError:
        return ""


def parse_query(text):
    """A ParsedQuery for what the user typed; never raises."""
    text = (text or "").strip()
    try:
        parser = Parser(tokenize(text))
        parsed = ParsedQuery(text=text, query=parser.parse())
    except (QuerySyntaxError, RecursionError):
        words = [w for w in WORDS.findall(text.lower())]
        parser = Parser([("term", w) for w in words])
        parsed = ParsedQuery(text=text, query=parser.parse(), plain=True)
    parsed.terms, parsed.prefixes, parsed.words = parser.terms, parser.prefixes, parser.words
    if parsed.query and not parsed.plain and not parser.terms and not parser.prefixes:
        # Whoosh finds nothing for a query of negations alone ("NOT mayor",
        # "-london -mayor"): search for what they negate and leave it out.
        parsed.exclude = negations_only(tokenize(text))
        if parsed.exclude:
            parsed.query = ""
    # Whoosh drops these words, and a query of nothing but them would match everything.
    if parsed.query and not parsed.prefixes and all(len(t) < 2 or t in STOP_WORDS for t in parsed.terms):
        parsed.query, parsed.ignored = "", True
    return parsed


# --- highlighting ---------------------------------------------------------------------


class Highlighter:
    """Wraps the words that match the query in <mark>. Every slice of the
    text is escaped; the <mark> tags are the only markup let through."""

    def __init__(self, terms=(), prefixes=()):
        self.terms = {t.lower() for t in terms}
        self.stems = {stem(t) for t in self.terms}
        self.prefixes = tuple(p.lower() for p in prefixes)

    def matches(self, word):
        word = word.lower()
        if word in self.terms or stem(word) in self.stems:
            return True
        return bool(self.prefixes) and word.startswith(self.prefixes)

    def spans(self, text):
        return [m.span() for m in WORDS.finditer(text) if self.matches(m.group())]

    def mark(self, text, spans=None):
        spans = self.spans(text) if spans is None else spans
        out, last = [], 0
        for start, end in spans:
            out.append(escape(text[last:start]))
            out.append("<mark>" + escape(text[start:end]) + "</mark>")
            last = end
        out.append(escape(text[last:]))
        return mark_safe("".join(out))

    def snippet(self, text, width=240):
        """The stretch of `text` of about `width` characters holding most
        matches, marked, with an ellipsis where it was cut."""
        spans = self.spans(text)
        start = 0
        if spans:
            best = max(range(len(spans)), key=lambda i: sum(1 for s in spans[i:] if s[1] <= spans[i][0] + width))
            start = max(0, spans[best][0] - width // 4)
        if start:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space > 0 else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
        inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
        marked = self.mark(text[start:end], inside)
        return mark_safe(("… " if start else "") + marked + (" …" if end < len(text) else ""))


# --- the form -------------------------------------------------------------------------

DATE_INPUT = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class DateBoundField(forms.Field):
    """YYYY, YYYY-MM or YYYY-MM-DD, as the first (or last) day it covers."""

    def __init__(self, *, end=False, **kwargs):
        self.end = end
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        m = DATE_INPUT.match(value)
        if not m:
            raise forms.ValidationError("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.")
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            if month is None:
                return date(year, 12, 31) if self.end else date(year, 1, 1)
            if day is None:
                day = calendar.monthrange(year, month)[1] if self.end else 1
            return date(year, month, day)
        except (ValueError, OverflowError):
            raise forms.ValidationError(f"There is no such date as {value}.") from None


class SearchForm(forms.Form):
    q = forms.CharField(label="Search for", required=False, max_length=500)
    type = forms.ChoiceField(
        label="Show", required=False, choices=[(QUOTES, "Quotations"), (ARTICLES, "Articles")]
    )
    speaker = forms.CharField(label="Speaker", required=False, max_length=200)
    place = forms.CharField(label="Place", required=False, max_length=200)
    kind = forms.ChoiceField(label="Kind of quotation", required=False, choices=[("", "Any"), *Quote.KINDS])
    sort = forms.ChoiceField(label="Order", required=False, choices=SORTS)
    format = forms.ChoiceField(
        required=False, choices=[("", "Page"), ("csv", "CSV"), ("json", "JSON")],
        error_messages={"invalid_choice": "Downloads are in format csv or json, not %(value)s."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # `from` is a Python keyword, so these two are added by name.
        self.fields["from"] = DateBoundField(label="From")
        self.fields["to"] = DateBoundField(label="To", end=True)
        self.order_fields(["q", "type", "speaker", "place", "from", "to", "kind", "sort"])

    def clean_speaker(self):
        value = self.cleaned_data["speaker"].strip()
        if not value:
            return None
        person = Person.objects.filter(Q(slug=value) | Q(name__iexact=value)).order_by("pk").first()
        if person is None:
            raise forms.ValidationError(f"No speaker called “{value}” is in the archive.")
        return person

    def clean_place(self):
        value = self.cleaned_data["place"].strip()
        if not value:
            return None
        place = Place.objects.filter(Q(slug=value) | Q(name__iexact=value)).order_by("pk").first()
        if place is None:
            raise forms.ValidationError(f"No place called “{value}” is in the archive.")
        return place

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", "The end date is before the start date.")
        if not data.get("type"):
            data["type"] = QUOTES if data.get("speaker") else ARTICLES
        if not data.get("sort"):
            data["sort"] = "relevance" if data.get("q", "").strip() else "newest"
        return data


def is_search(data, parsed):
    """Whether there is anything to search for: words or a filter."""
    return bool(parsed.query or parsed.exclude or any(data.get(k) for k in ("speaker", "place", "from", "to", "kind")))


# --- building the query ---------------------------------------------------------------


def build_queryset(data, parsed, facets=True):
    kind = data["type"]
    sqs = SearchQuerySet().filter(django_ct=CONTENT_TYPES[kind])
    if parsed.query:
        sqs = sqs.filter(content=Raw(parsed.query))
    if parsed.exclude:
        sqs = sqs.exclude(content=Raw(parsed.exclude))
    if data.get("speaker"):
        sqs = sqs.filter(speakers=data["speaker"].slug)
    if data.get("place"):
        sqs = sqs.filter(places=data["place"].slug)
    if data.get("kind") and kind == QUOTES:
        sqs = sqs.filter(kind=data["kind"])
    if data.get("from"):
        sqs = sqs.filter(published__gte=data["from"])
    if data.get("to"):
        sqs = sqs.filter(published__lte=data["to"])
    if data["sort"] == "newest" or (data["sort"] == "relevance" and not parsed.query):
        sqs = sqs.order_by("-published")
    elif data["sort"] == "oldest":
        sqs = sqs.order_by("published")
    if facets:
        for name in facet_fields(kind):
            sqs = sqs.facet(name)
    return sqs


def facet_fields(kind):
    return ["speakers", "places", "year", "kind"] if kind == QUOTES else ["speakers", "places", "year"]


class FetchedPage:
    """What Paginator needs, for a page already fetched: one search per page."""

    def __init__(self, total, items):
        self.total, self.items = total, items

    def count(self):
        return self.total

    def __getitem__(self, key):
        return self.items


def fetch_page(sqs, number, per_page=PER_PAGE):
    """(results, total, number) for page `number`, clamped to the pages there are."""
    results = list(sqs[(number - 1) * per_page : number * per_page])
    total = sqs.count()
    if not results and number > 1:
        # Whoosh reports no hits at all for a page past the end.
        sqs = sqs._clone()
        sqs.query.clear_limits()
        total = sqs.count()
        number = max(1, math.ceil(total / per_page))
        sqs = sqs._clone()
        results = list(sqs[(number - 1) * per_page : number * per_page])
    return results, total, number


# A page past the last is answered with the last one anyway; a huge number
# (?page=999...9, 400 digits) overflowed haystack's float page arithmetic.
MAX_PAGE = 10**6


def page_number(value):
    try:
        return min(max(1, int(value)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def load_objects(kind, results):
    """The database rows for a page of results, in result order: one query."""
    pks = [int(r.pk) for r in results if str(r.pk).isdigit()]
    if kind == QUOTES:
        rows = Quote.objects.published().select_related("person", "article").in_bulk(pks)
    else:
        rows = Article.objects.published().in_bulk(pks)
    return [rows[pk] for pk in pks if pk in rows]


def result_items(kind, objects, highlighter):
    if kind == QUOTES:
        return [{"quote": q, "html": highlighter.mark(q.text)} for q in objects]
    return [
        {"article": a, "headline": highlighter.mark(a.headline), "snippet": highlighter.snippet(a.body)}
        for a in objects
    ]


# --- facets, filters and links --------------------------------------------------------


def query_url(params, **changes):
    """`?...` for the current parameters with `changes` (None removes one;
    `from_` stands for `from`), back on the first page."""
    params = {k: v for k, v in params.items() if k != "page"}
    for key, value in changes.items():
        key = key.rstrip("_")
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


def facet_groups(counts, data, params):
    """[{'name', 'title', 'items': [{'label', 'count', 'url', 'active'}]}]:
    slugs become names with one query per facet."""
    fields = counts.get("fields", {}) if counts else {}
    groups = []
    speaker = data.get("speaker")
    place = data.get("place")
    for name, title, model, param, active in (
        ("speakers", "Speaker" if data["type"] == QUOTES else "People", Person, "speaker", speaker and speaker.slug),
        ("places", "Place", Place, "place", place and place.slug),
    ):
        rows = [(slug, n) for slug, n in fields.get(name, []) if slug][:FACET_LIMIT]
        names = dict(model.objects.filter(slug__in=[s for s, _ in rows]).values_list("slug", "name"))
        items = [
            {"label": names[slug], "count": n, "url": query_url(params, **{param: slug}), "active": slug == active}
            for slug, n in rows
            if slug in names
        ]
        groups.append({"name": name, "title": title, "items": items})
    years = sorted(((y, n) for y, n in fields.get("year", []) if y), reverse=True)
    groups.append({"name": "year", "title": "Year", "items": [
        {"label": y, "count": n, "url": query_url(params, from_=y, to=y), "active": False} for y, n in years
    ]})
    if "kind" in fields:
        labels = dict(Quote.KINDS)
        groups.append({"name": "kind", "title": "Kind", "items": [
            {"label": labels.get(k, k), "count": n, "url": query_url(params, kind=k), "active": k == data.get("kind")}
            for k, n in fields["kind"] if k
        ]})
    return [g for g in groups if g["items"]]


def active_filters(data, params):
    """Each filter in force, with a link to the same search without it."""
    out = []
    if data.get("speaker"):
        out.append(("Speaker", data["speaker"].name, query_url(params, speaker=None)))
    if data.get("place"):
        out.append(("Place", data["place"].name, query_url(params, place=None)))
    if data.get("from"):
        out.append(("From", params.get("from"), query_url(params, from_=None)))
    if data.get("to"):
        out.append(("To", params.get("to"), query_url(params, to=None)))
    if data.get("kind"):
        out.append(("Kind", dict(Quote.KINDS)[data["kind"]], query_url(params, kind=None)))
    return [{"label": label, "value": value, "remove_url": url} for label, value, url in out]


# --- spelling ---------------------------------------------------------------------------


def search_backend():
    return connections["default"].get_backend()


def spelling_suggestion(parsed):
    """`parsed.text` with misspelt words replaced by the nearest word in the
    index, or None. Asked only when a search finds little: it reads the
    index's word list, which haystack's INCLUDE_SPELLING would do on every search."""
    if not parsed.words:
        return None
    backend = search_backend()
    if not hasattr(backend, "reader"):
        return None
    reader = backend.reader()
    try:
        spell_field = reader.schema[backend.content_field_name].spelling_fieldname(backend.content_field_name)
        corrector = reader.corrector(backend.content_field_name)
        text, changed = parsed.text, False
        for word in dict.fromkeys(parsed.words):
            if len(word) < 3 or not word.isalpha() or (spell_field, word) in reader:
                continue
            found = corrector.suggest(word, limit=1, maxdist=1 if len(word) < 6 else 2)
            if found and found[0] != word:
                text = re.sub(rf"\b{re.escape(word)}\b", found[0], text, flags=re.IGNORECASE)
                changed = True
        return text if changed else None
    finally:
        reader.close()


# --- views -------------------------------------------------------------------------------


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


# --- exports -----------------------------------------------------------------------------

QUOTE_FIELDS = ["speaker", "quotation", "role", "kind", "headline", "outlet", "date", "date_iso",
                "article_url", "source_url", "quote_url", "citation"]
ARTICLE_FIELDS = ["headline", "outlet", "date", "date_iso", "article_url", "source_url"]


def all_objects(data, parsed):
    """Every result, in order, loaded EXPORT_BATCH rows at a time."""
    sqs = build_queryset(data, parsed, facets=False)
    start = 0
    while True:
        batch = list(sqs[start : start + EXPORT_BATCH])
        if not batch:
            return
        yield from load_objects(data["type"], batch)
        if len(batch) < EXPORT_BATCH:
            return
        start += EXPORT_BATCH


def export_row(obj):
    base = settings.SITE_URL.rstrip("/")
    article = obj.article if isinstance(obj, Quote) else obj
    row = {
        "headline": article.headline,
        "outlet": article.outlet,
        "date": article.date_display(),
        "date_iso": article.date_iso(),
        "article_url": base + article.get_absolute_url(),
        "source_url": article.url,
    }
    if isinstance(obj, Quote):
        row.update(
            speaker=obj.person.name if obj.person else "",
            quotation=obj.text,
            role=obj.role,
            kind=obj.kind,
            quote_url=obj.permalink(),
            citation=obj.citation(),
        )
    return row


class Echo:
    def write(self, value):
        return value


def spreadsheet_safe(value):
    """A cell a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export(data, parsed):
    fields = QUOTE_FIELDS if data["type"] == QUOTES else ARTICLE_FIELDS
    rows = (export_row(obj) for obj in all_objects(data, parsed))
    name = f"search-{data['type']}.{data['format']}"
    if data["format"] == "csv":
        writer = csv.DictWriter(Echo(), fieldnames=fields)
        lines = (writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()}) for row in rows)
        response = StreamingHttpResponse(
            prepend(writer.writeheader(), lines), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(json_chunks(rows), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def prepend(first, rest):
    yield first
    yield from rest


def json_chunks(rows):
    yield '{"results": ['
    for i, row in enumerate(rows):
        yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"


# --- autocomplete and related articles ----------------------------------------------------


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
