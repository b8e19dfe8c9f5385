"""Atom and RSS for the latest articles, a person's quotations and a place's
articles. Each RSS feed has an Atom twin (same items, `feed_type` differs)."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from archive.models import Article, Person, Place, Quote

ITEMS = 30


def as_datetime(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class ArticleItems:
    """Items that are articles."""

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        paragraphs = item.paragraphs()
        return Truncator(paragraphs[0]).words(60) if paragraphs else ""

    def item_pubdate(self, item):
        return as_datetime(item.published)

    def item_updateddate(self, item):
        return item.updated

    def item_author_name(self, item):
        return item.outlet or None


class LatestArticles(ArticleItems, Feed):
    title = "News quote archive: latest articles"
    description = "The newest articles in the archive and the quotations in them."

    def link(self):
        return reverse("home")

    def items(self):
        return Article.objects.published().newest_first()[:ITEMS]


class LatestArticlesAtom(LatestArticles):
    feed_type = Atom1Feed
    subtitle = LatestArticles.description


class PersonQuotes(Feed):
    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def title(self, obj):
        return f"{obj.name}: quotations in the news quote archive"

    def description(self, obj):
        return f"The newest quotations by {obj.name}."

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return Quote.objects.published().by(obj).select_related("article", "person").newest_first()[:ITEMS]

    def item_title(self, item):
        return f"{item.person.name}: “{Truncator(item.text).words(16)}”"

    def item_description(self, item):
        source = f"{item.article.headline} ({item.article.outlet}, {item.article.date_display()})"
        if item.article.outlet == "":
            source = f"{item.article.headline} ({item.article.date_display()})"
        return f"“{item.text}” — {item.person.name}{', ' + item.role if item.role else ''}. {source}"

    def item_pubdate(self, item):
        return as_datetime(item.article.published)

    def item_updateddate(self, item):
        return item.updated


class PersonQuotesAtom(PersonQuotes):
    feed_type = Atom1Feed
    subtitle = PersonQuotes.description


class PlaceArticles(ArticleItems, Feed):
    def get_object(self, request, slug):
        return get_object_or_404(Place, slug=slug)

    def title(self, obj):
        return f"{obj.name}: articles in the news quote archive"

    def description(self, obj):
        return f"The newest articles mentioning {obj.name}."

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return obj.articles.published().newest_first().distinct()[:ITEMS]


class PlaceArticlesAtom(PlaceArticles):
    feed_type = Atom1Feed
    subtitle = PlaceArticles.description


def feed_links(rss, atom, *args):
    """(title, url, type) pairs for <link rel=alternate> and the visible links."""
    base = settings.SITE_URL.rstrip("/")
    return [
        ("Atom", base + reverse(atom, args=args), "application/atom+xml"),
        ("RSS", base + reverse(rss, args=args), "application/rss+xml"),
    ]
