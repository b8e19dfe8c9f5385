from django.contrib import admin
from django.urls import path

from archive import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("places/<slug:slug>/", views.place_detail, name="place"),
    path("quotes/<int:pk>/", views.quote_detail, name="quote"),
    path("admin/", admin.site.urls),
]
