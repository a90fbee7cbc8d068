from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("", views.index, name="index"),
    path("export/<slug:section>.<slug:fmt>", views.cross_government_export, name="export"),
    path("departments/<slug:slug>/", views.department_dashboard, name="department"),
    path(
        "departments/<slug:slug>/export/<slug:section>.<slug:fmt>",
        views.department_export,
        name="department_export",
    ),
    path("levels.css", views.level_styles, name="level_styles"),
]
