from django.urls import path

from . import import_views, public_views, views

app_name = "reports"
urlpatterns = [
    path("assessments/<int:assessment_id>/", views.assessment_reports, name="assessment_reports"),
    path("assessments/<int:assessment_id>/request/", views.report_request, name="report_request"),
    path("assessments/<int:assessment_id>/reissue/", views.report_reissue, name="report_reissue"),
    path("assessments/<int:assessment_id>/public-site/", public_views.public_release, name="public_release"),
    path("assessments/<int:assessment_id>/public-site/withdraw/", public_views.public_withdraw, name="public_withdraw"),
    path("jobs/<int:pk>/", views.job_detail, name="job_detail"),
    path("jobs/<int:pk>/status/", views.job_status, name="job_status"),
    path("jobs/<int:pk>/retry/", views.job_retry, name="job_retry"),
    path("jobs/<int:pk>/download/", views.job_download, name="job_download"),
    path("issued/<int:pk>/download/", views.issued_download, name="issued_download"),
    path("import/", import_views.import_report, name="import_report"),
]
