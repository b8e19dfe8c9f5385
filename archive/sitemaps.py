"""sitemap.xml: what the public sees, on the site's public address."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive.links import absolute_url
from archive.models import Article, Person, Place


class SiteUrlSitemap(Sitemap):
    """Django's sitemap joins protocol, domain and path itself: both come
    from absolute_url(), the rule the pages and feeds follow."""

    limit = 5000

    def get_domain(self, site=None):
        return urlsplit(absolute_url("/")).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(absolute_url("/")).scheme or "https"


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
