from django.urls import path

from .views import actions, exports, next_steps, pages, plans, recommendations, review

app_name = "actionplans"
urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
    path("export.xlsx", exports.plans_export_xlsx, name="plans_export_xlsx"),
    path("my-actions/", pages.my_actions_view, name="my_actions"),
    path("help/overdue-and-rag/", pages.help_rag, name="help_rag"),
    # Recommendations: written by assessors while moderating; read by the department once published.
    path(
        "assessments/<int:assessment_id>/recommendations/",
        recommendations.recommendation_list,
        name="recommendation_list",
    ),
    path(
        "assessments/<int:assessment_id>/recommendations/add/",
        recommendations.recommendation_create_view,
        name="recommendation_create",
    ),
    path("recommendations/<int:pk>/edit/", recommendations.recommendation_update_view, name="recommendation_update"),
    path("recommendations/<int:pk>/close/", recommendations.recommendation_close_view, name="recommendation_close"),
    path("assessments/<int:assessment_id>/start-plan/", plans.plan_create_view, name="plan_create"),
    # A progress review's Next steps: written by the assessor for the report.
    path("assessments/<int:assessment_id>/next-steps/", next_steps.next_steps, name="next_steps"),
    path("next-steps/<int:pk>/edit/", next_steps.next_step_edit, name="next_step_edit"),
    path("next-steps/<int:pk>/remove/", next_steps.next_step_remove_view, name="next_step_remove"),
    path("next-steps/<int:pk>/up/", next_steps.next_step_move_view, {"direction": "up"}, name="next_step_up"),
    path("next-steps/<int:pk>/down/", next_steps.next_step_move_view, {"direction": "down"}, name="next_step_down"),
    # A plan
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/submit/", plans.plan_submit_view, name="plan_submit"),
    path("plans/<int:pk>/reopen/", plans.plan_reopen_view, name="plan_reopen"),
    path("plans/<int:pk>/review/", review.plan_review_view, name="plan_review"),
    path("plans/<int:pk>/close/", review.plan_close_view, name="plan_close"),
    path("plans/<int:pk>/done/<slug:event>/", plans.plan_confirmation, name="plan_confirmation"),
    path("plans/<int:pk>/history/", plans.plan_history_view, name="plan_history"),
    path("plans/<int:pk>/reviews/<int:review_id>/", plans.review_detail, name="review_detail"),
    path("plans/<int:pk>/actions/add/", actions.action_create_view, name="action_create"),
    path("plans/<int:pk>/export.csv", exports.plan_export_csv, name="plan_export_csv"),
    path("plans/<int:pk>/export.xlsx", exports.plan_export_xlsx, name="plan_export_xlsx"),
    path("plans/<int:pk>/import/", exports.plan_import_view, name="plan_import"),
    # An action
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("actions/<int:pk>/edit/", actions.action_update_view, name="action_update"),
    path("actions/<int:pk>/delete/", actions.action_delete_view, name="action_delete"),
    path("actions/<int:pk>/progress/", actions.progress_create_view, name="progress_create"),
    path("progress/<int:pk>/correct/", actions.progress_correct_view, name="progress_correct"),
]
