from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter
from rest_framework.routers import SimpleRouter

from archive import api, feeds, reports, views
from archive.caching import cached_page
from archive.search import views as search_views
from archive.sitemaps import SITEMAPS


class FourDigitYear:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return f"{int(value):04d}"


class TwoDigits:
    """Months and days in archive URLs are always two digits: /archive/2014/06/."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(FourDigitYear, "yyyy")
register_converter(TwoDigits, "nn")

api_router = SimpleRouter()
api_router.register("people", api.PersonViewSet, basename="api-person")
api_router.register("quotations", api.QuoteViewSet, basename="api-quote")
api_router.register("articles", api.ArticleViewSet, basename="api-article")
api_router.register("places", api.PlaceViewSet, basename="api-place")

# Browse pages are kept rendered until the archive changes (archive.caching).
urlpatterns = [
    path("", cached_page(views.home), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("articles/<slug:slug>/", cached_page(views.article_detail), name="article"),
    path("people/", cached_page(views.person_list), name="people"),
    path("organisations/", cached_page(views.person_list), {"kind": "organisation"}, name="organisations"),
    path("people/<slug:slug>/", cached_page(views.person_detail), name="person"),
    path("people/<slug:slug>/quotes.csv", views.person_quotes_csv, name="person_quotes_csv"),
    path("people/<slug:slug>/quotes.json", views.person_quotes_json, name="person_quotes_json"),
    path("people/<slug:slug>/feed/", feeds.PersonQuotes(), name="person_feed"),
    path("people/<slug:slug>/feed/atom/", feeds.PersonQuotesAtom(), name="person_feed_atom"),
    path("places/", cached_page(views.place_list), name="places"),
    path("places/<slug:slug>/", cached_page(views.place_detail), name="place"),
    path("places/<slug:slug>/feed/", feeds.PlaceArticles(), name="place_feed"),
    path("places/<slug:slug>/feed/atom/", feeds.PlaceArticlesAtom(), name="place_feed_atom"),
    path("quotes/<int:pk>/", cached_page(views.quote_detail), name="quote"),
    path("quotes/<int:pk>/report/", reports.report_quote, name="report_quote"),
    path("api/", api.documentation, name="api"),
    path("api/", include(api_router.urls)),
    path("archive/", cached_page(views.ArchiveIndex.as_view()), name="archive"),
    path("archive/<yyyy:year>/", cached_page(views.YearArchive.as_view()), name="archive_year"),
    path("archive/<yyyy:year>/<nn:month>/", cached_page(views.MonthArchive.as_view()), name="archive_month"),
    path("archive/<yyyy:year>/<nn:month>/<nn:day>/", cached_page(views.DayArchive.as_view()), name="archive_day"),
    path("feed/", feeds.LatestArticles(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtom(), name="feed_atom"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("search/", search_views.search, name="search"),
    path("search/autocomplete/", search_views.autocomplete, name="autocomplete"),
    path("admin/", admin.site.urls),
]
