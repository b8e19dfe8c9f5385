import hashlib
import re
import secrets

from django.db import connection, models, transaction
from django.db.models import Count, Q, Value
from django.db.models.functions import ExtractYear, Lower, Replace
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from archive.extraction.text import paragraph_spans
from archive.links import absolute_url


def unique_slug(model, text, max_length=80, exclude_pk=None):
    """A plain slug of `text`, suffixed -2, -3... only when another row has it."""
    rows = model.objects.all()
    if exclude_pk is not None:
        rows = rows.exclude(pk=exclude_pk)
    return free_slug(base_slug(text, max_length), max_length, lambda slug: rows.filter(slug=slug).exists())


def unique_slugs(model, texts, max_length=80):
    """unique_slug for many new rows at once, different from each other: one
    query per CHUNK plain slugs, and one more only for each one taken."""
    bases = [base_slug(text, max_length) for text in texts]
    checked, taken = set(bases), set()
    for chunk in chunked(sorted(checked), CHUNK):
        taken.update(model.objects.filter(slug__in=chunk).values_list("slug", flat=True))

    def is_taken(slug):
        return slug in taken or (slug not in checked and model.objects.filter(slug=slug).exists())

    slugs = []
    for base in bases:
        slug = free_slug(base, max_length, is_taken)
        taken.add(slug)
        slugs.append(slug)
    return slugs


def base_slug(text, max_length):
    return slugify(text)[:max_length].strip("-") or "item"


def free_slug(base, max_length, taken):
    slug, n = base, 1
    while taken(slug):
        n += 1
        slug = f"{base[: max_length - len(str(n)) - 1]}-{n}"
    return slug


CHUNK = 500  # values per IN (...): well under SQLite's limit on parameters


def chunked(items, size=CHUNK):
    items = list(items)
    return [items[i : i + size] for i in range(0, len(items), size)]


def fingerprint(body):
    """Identity of an article's text for de-duplication: whitespace and case
    differences (re-wrapped paragraphs, a trailing newline) do not count."""
    normal = re.sub(r"\s+", " ", body).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def today():
    """The date in the site's time zone (settings.TIME_ZONE): an article dated
    today becomes public at midnight there, not at midnight UTC."""
    return timezone.localdate()


def is_public(article_path=""):
    """The one rule for what the public sees, as a filter on an article
    reached through `article_path` ('', 'article__', 'quotes__article__')."""
    return Q(**{f"{article_path}published__lte": today()})


class PlaceQuerySet(models.QuerySet):
    def with_article_counts(self):
        """`article_count`: published articles that mention the place."""
        return self.annotate(article_count=Count("articles", filter=is_public("articles__"), distinct=True))


class Place(models.Model):
    CITY, REGION, COUNTRY = "city", "region", "country"
    KINDS = [(CITY, "City or town"), (REGION, "Region"), (COUNTRY, "Country")]

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=KINDS, default=CITY)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "kind"], name="unique_place_name_kind")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Place, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("place", args=[self.slug])


class PersonQuerySet(models.QuerySet):
    def with_quote_counts(self):
        return self.annotate(quote_count=Count("quotes", distinct=True))

    def quoted(self):
        return self.with_quote_counts().filter(quote_count__gt=0)

    def with_published_quote_counts(self):
        """`quote_count` as the public sees it: quotes in published articles."""
        return self.annotate(quote_count=Count("quotes", filter=is_public("quotes__article__"), distinct=True))


class Person(models.Model):
    """A speaker, or anyone named in an article. Organisations that speak
    (a police force, a ministry) are people here too, with kind=organisation."""

    PERSON, ORGANISATION = "person", "organisation"
    KINDS = [(PERSON, "Person"), (ORGANISATION, "Organisation")]

    name = models.CharField("display name", max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    honorific = models.CharField(max_length=50, blank=True, help_text="Lord, Dr, Sir, Cllr... as the articles give it")
    aliases = models.JSONField(default=list, blank=True, help_text="Other forms the name appears in")
    kind = models.CharField(max_length=12, choices=KINDS, default=PERSON)
    # Every form of the name a reader may type, normalised, for the search
    # page to find a person by name (archive.search.names).
    search_names = models.TextField(blank=True, default="", editable=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Person, self.name, exclude_pk=self.pk)
        self.fill_search_names()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_names"}
        super().save(*args, **kwargs)

    def fill_search_names(self):
        """search_names from the name, aliases and honorific (save does it;
        a bulk_create must call it)."""
        from archive.search.names import stored_keys

        self.search_names = stored_keys(self.names(), self.kind == self.ORGANISATION, self.honorific)

    def get_absolute_url(self):
        return reverse("person", args=[self.slug])

    def sort_key(self):
        """How an index orders the name: a person by surname ('Lord Heseltine'
        under H, 'Lord Porter of Spalding' under P), an organisation by its
        name without a leading 'The'."""
        name = self.name.strip()
        if self.kind == self.ORGANISATION:
            return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).casefold()
        words = re.split(r"\s+of\s+", name, maxsplit=1)[0].replace(",", " ").split()
        while len(words) > 1 and words[-1].casefold().rstrip(".") in NAME_SUFFIXES:
            words.pop()
        if not words:
            return name.casefold()
        return " ".join([words[-1], *words[:-1]]).casefold()

    def initial(self):
        letter = self.sort_key()[:1].upper()
        return letter if "A" <= letter <= "Z" else "#"

    def names(self):
        """Every form of the name, display name first, without repeats."""
        seen, out = set(), []
        for name in [self.name, *self.aliases]:
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                out.append(name)
        return out

    def merge(self, others):
        """Fold `others` into this person: their quotes and article links move
        here and their names become aliases. Editors' quotes stay editors'."""
        with transaction.atomic():
            for other in others:
                if other.pk == self.pk:
                    continue
                other.quotes.update(person=self)
                for link in ArticlePerson.objects.filter(person=other):
                    mine, _ = ArticlePerson.objects.get_or_create(
                        article_id=link.article_id, person=self, defaults={"mentions": 0}
                    )
                    mine.mentions += link.mentions
                    mine.save(update_fields=["mentions"])
                self.add_aliases(other.names())
                other.delete()
            self.save(update_fields=["aliases"])
            from archive.search.signals import queue_person  # quotes moved by update() sent no signals

            queue_person(self)

    def add_aliases(self, names):
        known = {n.casefold() for n in self.names()}
        new = [n for n in names if n and n.casefold() not in known]
        for n in new:
            known.add(n.casefold())
        self.aliases = [*self.aliases, *new]
        return bool(new)


# Letters after a surname, not part of it ('Jones QC' is under J).
NAME_SUFFIXES = {"jr", "sr", "qc", "kc", "mp", "msp", "mep", "am", "obe", "mbe", "cbe", "ii", "iii"}


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public sees; reused by views, feeds, sitemaps and the index."""
        return self.filter(is_public())

    def newest_first(self):
        return self.order_by("-published", "-created")

    def year_counts(self):
        """[{'year': 2014, 'n': 3}, ...] oldest first, one query."""
        return self.annotate(year=ExtractYear("published")).values("year").annotate(n=Count("id")).order_by("year")


class Article(models.Model):
    DAY, MONTH, YEAR = "day", "month", "year"
    PRECISIONS = [(DAY, "Day"), (MONTH, "Month"), (YEAR, "Year")]

    headline = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    body = models.TextField(help_text="Plain text; paragraphs separated by blank lines.")
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField("source URL", max_length=500, blank=True)
    # A date known only to the month is stored on its first day, and
    # `precision` says how much of it is real.
    published = models.DateField(db_index=True)
    precision = models.CharField(max_length=5, choices=PRECISIONS, default=DAY)
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)
    people = models.ManyToManyField(Person, through="ArticlePerson", related_name="articles")
    places = models.ManyToManyField(Place, through="ArticlePlace", related_name="articles")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-created"]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.headline, exclude_pk=self.pk)
        self.published = truncate_date(self.published, self.precision)
        self.fingerprint = fingerprint(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("article", args=[self.slug])

    def date_display(self):
        """'June 2014' for a month-precise date, never a made-up day."""
        if self.precision == self.YEAR:
            return f"{self.published:%Y}"
        if self.precision == self.MONTH:
            return f"{self.published:%B %Y}"
        return f"{self.published.day} {self.published:%B %Y}"

    def date_iso(self):
        """The date for <time datetime>, only as precise as it is known."""
        fmt = {self.YEAR: "%Y", self.MONTH: "%Y-%m"}.get(self.precision, "%Y-%m-%d")
        return self.published.strftime(fmt)

    def paragraphs(self):
        return [self.body[start:end].strip() for start, end in paragraph_spans(self.body)]

    def first_sentence(self, max_words=40):
        """The opening sentence, for listings; a very long one is cut at a word."""
        paragraphs = self.paragraphs()
        if not paragraphs:
            return ""
        sentence = first_sentence(paragraphs[0])
        words = sentence.split()
        return sentence if len(words) <= max_words else " ".join(words[:max_words]) + "…"

    def speakers(self):
        """The people quoted, in order of first quotation (uses prefetched quotes)."""
        seen = {}
        for quote in sorted(self.quotes.all(), key=lambda q: q.position):
            if quote.person_id and quote.person_id not in seen:
                seen[quote.person_id] = quote.person
        return list(seen.values())


# A full stop, question or exclamation mark (and a closing quotation mark)
# before a space and a capital ends a sentence, unless it ends an
# abbreviation or an initial ("Mr", "Dr", "J. Smith").
SENTENCE_END = re.compile(r"[.!?][\"”’]?(?=\s+[\"“‘A-Z0-9])")
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "prof", "rev", "gen", "col", "capt", "sgt", "lt", "gov", "sen"}


def first_sentence(text):
    for match in SENTENCE_END.finditer(text):
        before = text[: match.start()].split()
        word = before[-1].lstrip('"“‘(') if before else ""
        if word.casefold() not in ABBREVIATIONS and not (len(word) == 1 and word.isupper()):
            return text[: match.end()]
    return text


def truncate_date(value, precision):
    if value is None:
        return value
    if precision == Article.MONTH:
        return value.replace(day=1)
    if precision == Article.YEAR:
        return value.replace(month=1, day=1)
    return value


class QuoteQuerySet(models.QuerySet):
    def by(self, person):
        return self.filter(person=person)

    def with_related(self):
        return self.select_related("person", "article")

    def newest_first(self):
        return self.order_by("-article__published", "article_id", "position")

    def published(self):
        """What the public sees: quotes in published articles, less those an
        editor marked as not a quotation."""
        return self.shown().filter(is_public("article__"))

    def shown(self):
        """Less the words an editor marked as not a quotation (kept, hidden)."""
        return self.filter(withdrawn=False)

    def copies_of(self, quote):
        """`quote` and the quotes carrying its words in other articles (the
        same text, or the same quotation trimmed or lightly edited), earliest first."""
        match = Q(normal_text=normal_quote_text(quote.text))
        if quote.text_group is not None:
            match |= Q(text_group=quote.text_group)
        return self.with_normal_text().filter(match).order_by("article__published", "article__created", "pk")

    def with_normal_text(self):
        expr = models.F("text")
        for old, new in QUOTE_TEXT_FOLDS:
            expr = Replace(expr, Value(old), Value(new), output_field=models.TextField())
        return self.annotate(normal_text=Lower(expr))


# Applied in this order both in SQL and in Python. SQLite's lower() folds
# only ASCII letters, so the Python side folds only those too.
QUOTE_TEXT_FOLDS = [("\r", ""), ("\n", " "), ("  ", " "), ("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')]


def normal_quote_text(text):
    for old, new in QUOTE_TEXT_FOLDS:
        text = text.replace(old, new)
    return "".join(c.lower() if c.isascii() else c for c in text)


class Quote(models.Model):
    DIRECT, PARTIAL, INDIRECT = "direct", "partial", "indirect"
    KINDS = [(DIRECT, "Direct"), (PARTIAL, "Partial"), (INDIRECT, "Indirect (reported)")]

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    text = models.TextField()
    kind = models.CharField(max_length=8, choices=KINDS, default=DIRECT)
    position = models.PositiveIntegerField(default=0, help_text="Character offset of the quotation in the article body")
    role = models.CharField(max_length=300, blank=True, help_text="The speaker's role as the article gives it")
    # The smallest pk of the quotes carrying the same (or nearly the same)
    # words in other articles; None when there are none (archive.search.duplicates).
    text_group = models.BigIntegerField(null=True, blank=True, db_index=True, editable=False)
    by_editor = models.BooleanField(
        "made or corrected by an editor",
        default=False,
        help_text="Re-running extraction never changes or deletes such a quote.",
    )
    withdrawn = models.BooleanField(
        "not a quotation",
        default=False,
        help_text="Hidden from readers; kept so that re-extraction does not bring it back.",
    )
    corrected = models.DateTimeField(
        null=True, blank=True, help_text="When an editor last corrected it after a reader's report."
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]

    def __str__(self):
        short = self.text if len(self.text) < 60 else self.text[:57] + "..."
        return f"{self.person or 'Unattributed'}: “{short}”"

    def get_absolute_url(self):
        return reverse("quote", args=[self.pk])

    def reassign(self, person):
        """An editor's fix: `person` said it. Re-extraction keeps it from now on."""
        self.person = person
        self.correct(["person"])

    def withdraw(self):
        """An editor's fix: these words are no quotation. Kept, hidden, so that
        re-extraction finds the span taken and does not add it again."""
        self.withdrawn = True
        self.correct(["withdrawn"])

    def correct(self, fields):
        self.by_editor = True
        self.corrected = timezone.now()
        self.save(update_fields=[*fields, "by_editor", "corrected", "updated"])

    def permalink(self):
        return absolute_url(self.get_absolute_url())

    def citation(self):
        """Speaker, “quotation”, outlet, date, URL: ready to paste."""
        article = self.article
        speaker = str(self.person) if self.person else "Unattributed"
        if self.kind == self.INDIRECT:
            # Reported speech is the article's words, not the speaker's: no quotation marks.
            parts = [f"{speaker} (reported): {self.text}"]
        else:
            parts = [speaker, f"“{self.text}”"]
        if article.outlet:
            parts.append(article.outlet)
        parts.append(article.date_display())
        if article.url:
            parts.append(article.url)
        return ", ".join(parts) + f". Archived at {self.permalink()}"


class QuoteFingerprint(models.Model):
    """One winnowed hash of a quote's words, to find the same quotation elsewhere."""

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="fingerprints")
    value = models.BigIntegerField(db_index=True)


class ArticlePerson(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    mentions = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "person"], name="unique_article_person")]

    def __str__(self):
        return f"{self.person} in “{self.article}”"


class ArticlePlace(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    place = models.ForeignKey(Place, on_delete=models.CASCADE)
    mentions = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "place"], name="unique_article_place")]

    def __str__(self):
        return f"{self.place} in “{self.article}”"


class Report(models.Model):
    """A reader's report that a quotation is attributed wrongly, waiting for an editor."""

    OPEN, FIXED, DISMISSED = "open", "fixed", "dismissed"
    STATES = [(OPEN, "Waiting for an editor"), (FIXED, "Fixed"), (DISMISSED, "Dismissed")]

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="reports")
    note = models.TextField("what is wrong", max_length=2000)
    suggested_speaker = models.CharField("who said it, in the reader's words", max_length=200, blank=True)
    new_speaker = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who said it, as the editor found; used by “Reassign the speaker”.",
    )
    state = models.CharField(max_length=10, choices=STATES, default=OPEN, db_index=True)
    created = models.DateTimeField(auto_now_add=True)
    resolved = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"Report on “{self.quote.text[:50]}”"

    def close(self, state):
        self.state = state
        self.resolved = timezone.now()
        self.save(update_fields=["state", "resolved"])


class IndexChange(models.Model):
    """A change the search index has yet to follow (the outbox), written in
    the same transaction as the change itself and deleted once the index has
    it: a process that dies between its commit and its index write leaves the
    row for the next flush in any process (archive.search.signals)."""

    # "article:12", "quote:7", "person:3", "place:5", "quote_article:12", or
    # "remove:archive.quote.7" for a document to take out of the index.
    key = models.CharField(max_length=300)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key


class ArchiveVersion(models.Model):
    """One row whose number changes, in the same transaction, with every
    change the public pages show (archive.search.signals.queue changes it).
    Rendered browse pages are kept under it (archive.caching), so no reader
    is served a page older than the data, on any worker or machine. The
    number is random, not counted: a rolled-back change or a restored
    database never brings back a number that pages were kept under."""

    number = models.BigIntegerField(default=0)

    @classmethod
    def bump(cls):
        cls.objects.filter(pk=1).update(number=secrets.randbits(62))

    @classmethod
    def current(cls):
        """The number, or None when the row is missing (then nothing is cached).
        Asked at every request for a kept page: one plain statement, since
        building it through the ORM cost more than the rest of serving the page."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT number FROM {connection.ops.quote_name(cls._meta.db_table)} WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else None
