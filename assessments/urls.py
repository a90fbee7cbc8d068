from django.urls import path

from .views import departments

app_name = "assessments"
urlpatterns = [
    path("departments/", departments.department_list, name="department_list"),
    path("departments/<slug:slug>/", departments.department_detail, name="department_detail"),
]
