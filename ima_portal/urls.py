from django.contrib import admin
from django.urls import include, path

from common import health
from dashboards.home import home

admin.site.site_header = "IMA Portal administration"
admin.site.site_title = "IMA Portal admin"

urlpatterns = [
    path("", home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("accounts/api-tokens/", include("api.token_urls")),
    path("accounts/", include("accounts.urls")),
    path("help/", include("common.pages")),
    path("", include("assessments.urls")),
    path("action-plans/", include("actionplans.urls")),
    path("reports/", include("reports.urls")),
    path("dashboards/", include("dashboards.urls")),
    path("network/", include("network.urls")),
    path("public/", include("public.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "common.error_pages.error_400"
handler403 = "common.error_pages.error_403"
handler404 = "common.error_pages.error_404"
handler500 = "common.error_pages.error_500"
