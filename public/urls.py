from django.urls import path
from django.views.decorators.http import require_GET

from . import views
from .caching import public_page
from .feeds import PublicationsFeed

app_name = "public"
urlpatterns = [
    path("", views.index, name="index"),
    path("reports/", views.catalogue, name="catalogue"),
    path("reports/feed.atom", require_GET(public_page(PublicationsFeed())), name="feed"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/action-plan/", views.action_plan, name="action_plan"),
    path("reports/<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("kim-leaders-network/", views.network, name="network"),
    path("data/", views.data_index, name="data"),
    path("data/ratings.csv", views.ratings_csv, name="ratings_csv"),
    path("data/ratings.json", views.ratings_json, name="ratings_json"),
]
