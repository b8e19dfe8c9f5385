"""sitemap.xml: what the public sees, on the host settings.SITE_URL names."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive.models import Article, Person, Place


class SiteUrlSitemap(Sitemap):
    limit = 5000

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"


class ArticleSitemap(SiteUrlSitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().order_by("pk").only("slug", "updated")

    def lastmod(self, item):
        return item.updated


class PersonSitemap(SiteUrlSitemap):
    changefreq = "weekly"

    def items(self):
        return Person.objects.order_by("pk").only("slug")


class PlaceSitemap(SiteUrlSitemap):
    changefreq = "weekly"

    def items(self):
        return Place.objects.order_by("pk").only("slug")


class StaticSitemap(SiteUrlSitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "people", "places", "archive"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": StaticSitemap, "articles": ArticleSitemap, "people": PersonSitemap, "places": PlaceSitemap}
