from django.urls import path

from .views import assessments, authoring, departments, evidence, factual, review, self_assessment
from .views import imports as import_views

app_name = "assessments"
urlpatterns = [
    # Departments
    path("departments/", departments.department_list, name="department_list"),
    path("departments/<slug:slug>/", departments.department_detail, name="department_detail"),
    # Assessments: list, open (assessor), start (KIM lead), the assessment page and its history
    path("assessments/", assessments.assessment_list, name="assessment_list"),
    path("assessments/open/", assessments.assessment_open, name="assessment_open"),
    path("assessments/start/", assessments.self_assessment_start, name="self_assessment_start"),
    path("assessments/<int:pk>/", assessments.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/history/", assessments.assessment_history, name="assessment_history"),
    # The department's self-assessment (KIM lead)
    path("assessments/<int:pk>/tasks/", self_assessment.task_list, name="task_list"),
    path("assessments/<int:pk>/areas/<int:rating_id>/", self_assessment.area_edit, name="area_edit"),
    path("assessments/<int:pk>/check/", self_assessment.check_answers, name="check_answers"),
    path("assessments/<int:pk>/submit/", self_assessment.assessment_submit, name="assessment_submit"),
    path("assessments/<int:pk>/submitted/", self_assessment.assessment_submitted, name="assessment_submitted"),
    # Evidence
    path("evidence/<int:pk>/download/", evidence.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/remove/", evidence.evidence_remove, name="evidence_remove"),
    # Moderation and publication (assessor)
    path("assessments/<int:pk>/review/", review.assessment_review, name="assessment_review"),
    path("assessments/<int:pk>/review/start/", review.start_review, name="start_review"),
    path("assessments/<int:pk>/review/areas/<int:rating_id>/", review.review_area, name="review_area"),
    path("assessments/<int:pk>/review/themes/<int:summary_id>/", review.theme_summary, name="theme_summary"),
    path("assessments/<int:pk>/return/", review.return_assessment, name="assessment_return"),
    path("assessments/<int:pk>/publish/", review.publish_assessment, name="assessment_publish"),
    # Writing TNA's report (assessor) and its factual accuracy check (assessor and the department)
    path("assessments/<int:pk>/report/details/", authoring.report_details, name="report_details"),
    path("assessments/<int:pk>/report/text/<slug:part>/", authoring.report_text, name="report_text"),
    path("assessments/<int:pk>/report/commitment/", authoring.commitment, name="commitment"),
    path("assessments/<int:pk>/report/share/", authoring.share_for_factual_check, name="share_for_factual_check"),
    path("assessments/<int:pk>/factual-check/", factual.factual_check, name="factual_check"),
    path(
        "assessments/<int:pk>/factual-check/<int:comment_id>/resolve/",
        factual.factual_comment_resolve_view,
        name="factual_comment_resolve",
    ),
    # Import of historic ratings (assessor)
    path("assessments/import/", import_views.import_ratings, name="import_ratings"),
    path("assessments/import/template.csv", import_views.import_ratings_template, name="import_ratings_template"),
]
