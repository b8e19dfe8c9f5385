"""Atom and RSS for the latest articles, a person's quotations and a place's
articles. Each RSS feed has an Atom twin (same items, `feed_type` differs).
Every address in them is absolute on settings.SITE_URL, like the pages'
canonical links: Django would otherwise take the host from the request."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from archive.links import absolute_url
from archive.models import Article, Person, Place, Quote

ITEMS = 30


def as_datetime(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class SiteFeed(Feed):
    """A feed whose own address, page link and item links are on SITE_URL.
    `url_name` names the feed's route; feeds about an object take its slug."""

    url_name = None

    def feed_url(self, obj=None):
        return absolute_url(reverse(self.url_name, args=[obj.slug] if obj else []))

    def link(self, obj=None):
        return absolute_url(obj.get_absolute_url() if obj else reverse("home"))

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())


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


class LatestArticles(ArticleItems, SiteFeed):
    url_name = "feed"
    title = "News quote archive: latest articles"
    description = "The newest articles in the archive and the quotations in them."

    def items(self):
        return Article.objects.published().newest_first()[:ITEMS]


class LatestArticlesAtom(LatestArticles):
    url_name = "feed_atom"
    feed_type = Atom1Feed
    subtitle = LatestArticles.description


class PersonQuotes(SiteFeed):
    url_name = "person_feed"

    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def title(self, obj):
        return f"{obj.name}: quotations in the news quote archive"

    def description(self, obj):
        return f"The newest quotations by {obj.name}."

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
    url_name = "person_feed_atom"
    feed_type = Atom1Feed
    subtitle = PersonQuotes.description


class PlaceArticles(ArticleItems, SiteFeed):
    url_name = "place_feed"

    def get_object(self, request, slug):
        return get_object_or_404(Place, slug=slug)

    def title(self, obj):
        return f"{obj.name}: articles in the news quote archive"

    def description(self, obj):
        return f"The newest articles mentioning {obj.name}."

    def items(self, obj):
        return obj.articles.published().newest_first().distinct()[:ITEMS]


class PlaceArticlesAtom(PlaceArticles):
    url_name = "place_feed_atom"
    feed_type = Atom1Feed
    subtitle = PlaceArticles.description
