"""One rule for addresses that leave the page (canonical links, citations,
feeds, the sitemap, exports): they start with settings.SITE_URL, never with
the request's Host header, which a client chooses."""

from django.conf import settings


def absolute_url(path):
    """`path` ('/people/x/') on the site's public address."""
    return settings.SITE_URL.rstrip("/") + path
