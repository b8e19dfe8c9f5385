import hashlib
import re
from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q, Value
from django.db.models.functions import ExtractYear, Lower, Replace
from django.urls import reverse
from django.utils.text import slugify


def unique_slug(model, text, max_length=80, exclude_pk=None):
    """A plain slug of `text`, suffixed -2, -3... only when another row has it."""
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, n = base, 1
    rows = model.objects.all()
    if exclude_pk is not None:
        rows = rows.exclude(pk=exclude_pk)
    while rows.filter(slug=slug).exists():
        n += 1
        slug = f"{base[: max_length - len(str(n)) - 1]}-{n}"
    return slug


def fingerprint(body):
    """Identity of an article's text for de-duplication: whitespace and case
    differences (re-wrapped paragraphs, a trailing newline) do not count."""
    normal = re.sub(r"\s+", " ", body).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


class PlaceQuerySet(models.QuerySet):
    def with_article_counts(self):
        """`article_count`: published articles that mention the place."""
        return self.annotate(
            article_count=Count(
                "articles", filter=Q(articles__published__lte=date.today()), distinct=True
            )
        )


class Place(models.Model):
    CITY, REGION, COUNTRY = "city", "region", "country"
    KINDS = [(CITY, "City or town"), (REGION, "Region"), (COUNTRY, "Country")]

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=KINDS, default=CITY)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="unique_place_name_kind")
        ]

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
        return self.annotate(
            quote_count=Count(
                "quotes", filter=Q(quotes__article__published__lte=date.today()), distinct=True
            )
        )


class Person(models.Model):
    """A speaker, or anyone named in an article. Organisations that speak
    (a police force, a ministry) are people here too, with kind=organisation."""

    PERSON, ORGANISATION = "person", "organisation"
    KINDS = [(PERSON, "Person"), (ORGANISATION, "Organisation")]

    name = models.CharField("display name", max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    honorific = models.CharField(
        max_length=50, blank=True, help_text="Lord, Dr, Sir, Cllr... as the articles give it"
    )
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other forms the name appears in"
    )
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
        from archive.search.names import stored_keys

        if not self.slug:
            self.slug = unique_slug(Person, self.name, exclude_pk=self.pk)
        self.search_names = stored_keys(self.names(), self.kind == self.ORGANISATION, self.honorific)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_names"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("person", args=[self.slug])

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


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public sees; reused by views, feeds, sitemaps and the index."""
        return self.filter(published__lte=date.today())

    def newest_first(self):
        return self.order_by("-published", "-created")

    def year_counts(self):
        """[{'year': 2014, 'n': 3}, ...] oldest first, one query."""
        return (
            self.annotate(year=ExtractYear("published"))
            .values("year")
            .annotate(n=Count("id"))
            .order_by("year")
        )


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
        return [p.strip() for p in re.split(r"\n\s*\n|\n", self.body) if p.strip()]


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
        return self.filter(article__published__lte=date.today())

    def copies_of(self, quote):
        """`quote` and the quotes carrying its words in other articles (the
        same text, or the same quotation trimmed or lightly edited), earliest first."""
        match = Q(normal_text=normal_quote_text(quote.text))
        if quote.text_group is not None:
            match |= Q(text_group=quote.text_group)
        return self.with_normal_text().filter(match).order_by("article__published", "article__created", "pk")

    def same_text_as(self, quote):
        """Quotes whose text is `quote`'s once case, line breaks and curly
        quotation marks are set aside; one query, normalised in the database."""
        return self.with_normal_text().filter(normal_text=normal_quote_text(quote.text))

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
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    text = models.TextField()
    kind = models.CharField(max_length=8, choices=KINDS, default=DIRECT)
    position = models.PositiveIntegerField(
        default=0, help_text="Character offset of the quotation in the article body"
    )
    role = models.CharField(
        max_length=300, blank=True, help_text="The speaker's role as the article gives it"
    )
    # The smallest pk of the quotes carrying the same (or nearly the same)
    # words in other articles; None when there are none (archive.search.duplicates).
    text_group = models.BigIntegerField(null=True, blank=True, db_index=True, editable=False)
    by_editor = models.BooleanField(
        "made or corrected by an editor",
        default=False,
        help_text="Re-running extraction never changes or deletes such a quote.",
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

    def permalink(self):
        return settings.SITE_URL.rstrip("/") + self.get_absolute_url()

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
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="unique_article_person")
        ]


class ArticlePlace(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    place = models.ForeignKey(Place, on_delete=models.CASCADE)
    mentions = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "place"], name="unique_article_place")
        ]
