from django.contrib import admin
from django.urls import include, path

from . import health, views

admin.site.site_header = "IMA Portal administration"
admin.site.site_title = "IMA Portal admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("help/", include("ima_portal.pages")),
    path("", include("assessments.urls")),
    path("action-plans/", include("actionplans.urls")),
    path("reports/", include("reports.urls")),
    path("dashboards/", include("dashboards.urls")),
    path("network/", include("network.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "ima_portal.views.error_400"
handler403 = "ima_portal.views.error_403"
handler404 = "ima_portal.views.error_404"
handler500 = "ima_portal.views.error_500"
