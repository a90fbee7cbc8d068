"""Which real objects fill each URL's arguments: department A's, unless a variant says otherwise.

A key is a URL name, or "name@variant" for the same URL filled with other objects (another state
of the assessment, or an A object combined with a B object to try an IDOR). Each value builds the
URL's kwargs from the world.
"""

from reports.models import ReportJob

DASHBOARD_FORMATS = ("csv", "xlsx")
CROSS_GOVERNMENT_SECTIONS = ("heatmap", "distribution", "league", "reassessment", "overdue")
DEPARTMENT_SECTIONS = ("trends", "benchmark", "actions")

# The admin site is covered by one rule (tests/test_authorisation_matrix.py: ADMIN_SITE), requested
# on its index and a few changelists and change pages of department A's objects.
ADMIN_SAMPLES = {
    "admin:index": lambda w: {},
    "admin:accounts_user_changelist": lambda w: {},
    "admin:assessments_assessment_changelist": lambda w: {},
    "admin:assessments_assessment_change": lambda w: {"object_id": w.a.published.pk},
    "admin:assessments_assessment_change@draft": lambda w: {"object_id": w.a.draft.pk},
    "admin:assessments_arearating_change@draft": lambda w: {"object_id": w.a.objects["draft_rating"].pk},
    "admin:assessments_evidence_change": lambda w: {"object_id": w.a.objects["submitted_evidence_file"].pk},
    "admin:actionplans_actionplan_changelist": lambda w: {},
    "admin:actionplans_actionplan_change": lambda w: {"object_id": w.a.objects["plan"].pk},
    "admin:reports_reportjob_change": lambda w: {"object_id": w.a.objects["report_job"].pk},
    "admin:network_meeting_change": lambda w: {"object_id": w.meeting.pk},
}


def _a(name):
    return lambda w: w.a.objects[name]


TARGETS = {
    # Accounts and site pages
    "password_reset_confirm": lambda w: {"uidb64": w.objects["reset_uidb64"], "token": w.objects["reset_token"]},
    "password_reset_confirm@bad_token": lambda w: {"uidb64": w.objects["reset_uidb64"], "token": "abc-123"},
    # Departments and assessments
    "assessments:department_detail": lambda w: {"slug": w.a.department.slug},
    "assessments:assessment_detail": lambda w: {"pk": w.a.published.pk},
    "assessments:assessment_detail@draft": lambda w: {"pk": w.a.draft.pk},
    "assessments:assessment_detail@submitted": lambda w: {"pk": w.a.submitted.pk},
    "assessments:assessment_detail@in_review": lambda w: {"pk": w.a.in_review.pk},
    "assessments:assessment_detail@returned": lambda w: {"pk": w.a.returned.pk},
    "assessments:assessment_history": lambda w: {"pk": w.a.published.pk},
    "assessments:assessment_history@draft": lambda w: {"pk": w.a.draft.pk},
    "assessments:assessment_history@in_review": lambda w: {"pk": w.a.in_review.pk},
    "assessments:assessment_history@returned": lambda w: {"pk": w.a.returned.pk},
    "assessments:task_list": lambda w: {"pk": w.a.draft.pk},
    "assessments:task_list@submitted": lambda w: {"pk": w.a.submitted.pk},
    "assessments:task_list@returned": lambda w: {"pk": w.a.returned.pk},
    "assessments:area_edit": lambda w: {"pk": w.a.draft.pk, "rating_id": w.a.objects["draft_rating"].pk},
    "assessments:area_edit@submitted": lambda w: {
        "pk": w.a.submitted.pk,
        "rating_id": w.a.submitted.ratings.first().pk,
    },
    "assessments:area_edit@returned": lambda w: {"pk": w.a.returned.pk, "rating_id": w.a.objects["returned_rating"].pk},
    "assessments:area_edit@idor": lambda w: {"pk": w.a.draft.pk, "rating_id": w.b.objects["draft_rating"].pk},
    "assessments:check_answers": lambda w: {"pk": w.a.draft.pk},
    "assessments:assessment_submit": lambda w: {"pk": w.a.draft.pk},
    "assessments:assessment_submitted": lambda w: {"pk": w.a.submitted.pk},
    "assessments:evidence_download": lambda w: {"pk": w.a.objects["submitted_evidence_file"].pk},
    "assessments:evidence_download@draft": lambda w: {"pk": w.a.objects["draft_evidence_file"].pk},
    "assessments:evidence_download@link": lambda w: {"pk": w.a.objects["submitted_evidence_link"].pk},
    "assessments:evidence_remove": lambda w: {"pk": w.a.objects["draft_evidence_link"].pk},
    "assessments:evidence_remove@submitted": lambda w: {"pk": w.a.objects["submitted_evidence_link"].pk},
    "assessments:assessment_review": lambda w: {"pk": w.a.in_review.pk},
    "assessments:assessment_review@draft": lambda w: {"pk": w.a.draft.pk},
    "assessments:start_review": lambda w: {"pk": w.a.submitted.pk},
    "assessments:review_area": lambda w: {"pk": w.a.in_review.pk, "rating_id": w.a.objects["in_review_rating"].pk},
    "assessments:review_area@idor": lambda w: {"pk": w.a.in_review.pk, "rating_id": w.b.objects["in_review_rating"].pk},
    "assessments:theme_summary": lambda w: {"pk": w.a.in_review.pk, "summary_id": w.a.objects["in_review_summary"].pk},
    "assessments:theme_summary@idor": lambda w: {
        "pk": w.a.in_review.pk,
        "summary_id": w.b.objects["in_review_summary"].pk,
    },
    "assessments:assessment_return": lambda w: {"pk": w.a.in_review.pk},
    "assessments:assessment_publish": lambda w: {"pk": w.a.in_review.pk},
    # The factual accuracy check's state: TNA's draft shared with the department
    "assessments:assessment_detail@factual_check": lambda w: {"pk": w.a.factual_check.pk},
    "assessments:assessment_history@factual_check": lambda w: {"pk": w.a.factual_check.pk},
    "assessments:assessment_review@factual_check": lambda w: {"pk": w.a.factual_check.pk},
    "assessments:review_area@factual_check": lambda w: {
        "pk": w.a.factual_check.pk,
        "rating_id": w.a.objects["factual_check_rating"].pk,
    },
    "assessments:assessment_publish@factual_check": lambda w: {"pk": w.a.factual_check.pk},
    # Writing TNA's report (issue 13)
    "assessments:report_details": lambda w: {"pk": w.a.in_review.pk},
    "assessments:report_details@factual_check": lambda w: {"pk": w.a.factual_check.pk},
    "assessments:report_details@published": lambda w: {"pk": w.a.published.pk},
    "assessments:report_details@self_assessment": lambda w: {"pk": w.a.submitted.pk},
    "assessments:report_text": lambda w: {"pk": w.a.in_review.pk, "part": "background"},
    "assessments:report_text@key-findings": lambda w: {"pk": w.a.in_review.pk, "part": "key-findings"},
    "assessments:report_text@next-steps-lead": lambda w: {"pk": w.a.progress_review.pk, "part": "next-steps-lead"},
    "assessments:report_text@factual_check": lambda w: {"pk": w.a.factual_check.pk, "part": "key-findings"},
    "assessments:report_text@published": lambda w: {"pk": w.a.published.pk, "part": "background"},
    "assessments:report_text@wrong_type": lambda w: {"pk": w.a.in_review.pk, "part": "next-steps-lead"},
    "assessments:report_text@unknown_part": lambda w: {"pk": w.a.in_review.pk, "part": "summary"},
    "assessments:report_text@self_assessment": lambda w: {"pk": w.a.submitted.pk, "part": "background"},
    "assessments:commitment": lambda w: {"pk": w.a.in_review.pk},
    "assessments:commitment@factual_check": lambda w: {"pk": w.a.factual_check.pk},
    "assessments:commitment@published": lambda w: {"pk": w.a.published.pk},
    "assessments:commitment@progress_review": lambda w: {"pk": w.a.progress_review.pk},
    "assessments:share_for_factual_check": lambda w: {"pk": w.a.in_review.pk},
    "assessments:share_for_factual_check@factual_check": lambda w: {"pk": w.a.factual_check.pk},
    "assessments:share_for_factual_check@published": lambda w: {"pk": w.a.published.pk},
    "assessments:share_for_factual_check@self_assessment": lambda w: {"pk": w.a.submitted.pk},
    "assessments:factual_check": lambda w: {"pk": w.a.factual_check.pk},
    "assessments:factual_check@in_review": lambda w: {"pk": w.a.in_review.pk},
    "assessments:factual_check@published": lambda w: {"pk": w.a.published.pk},
    "assessments:factual_check@self_assessment": lambda w: {"pk": w.a.submitted.pk},
    "assessments:factual_comment_resolve": lambda w: {
        "pk": w.a.factual_check.pk,
        "comment_id": w.a.objects["factual_comment"].pk,
    },
    "assessments:factual_comment_resolve@published": lambda w: {
        "pk": w.a.published.pk,
        "comment_id": w.a.objects["published_factual_comment"].pk,
    },
    "assessments:factual_comment_resolve@idor": lambda w: {
        "pk": w.a.factual_check.pk,
        "comment_id": w.b.objects["factual_comment"].pk,
    },
    # Recommendations and action plans
    "actionplans:recommendation_list": lambda w: {"assessment_id": w.a.published.pk},
    "actionplans:recommendation_list@in_review": lambda w: {"assessment_id": w.a.in_review.pk},
    "actionplans:recommendation_list@draft": lambda w: {"assessment_id": w.a.draft.pk},
    "actionplans:recommendation_create": lambda w: {"assessment_id": w.a.published.pk},
    "actionplans:recommendation_create@in_review": lambda w: {"assessment_id": w.a.in_review.pk},
    "actionplans:recommendation_create@draft": lambda w: {"assessment_id": w.a.draft.pk},
    "actionplans:recommendation_list@factual_check": lambda w: {"assessment_id": w.a.factual_check.pk},
    "actionplans:recommendation_create@factual_check": lambda w: {"assessment_id": w.a.factual_check.pk},
    "actionplans:recommendation_update": lambda w: {"pk": w.a.objects["recommendation"].pk},
    "actionplans:recommendation_update@in_review": lambda w: {"pk": w.a.objects["in_review_recommendation"].pk},
    "actionplans:recommendation_close": lambda w: {"pk": w.a.objects["recommendation"].pk},
    "actionplans:plan_create": lambda w: {"assessment_id": w.a.published.pk},
    "actionplans:plan_create@draft": lambda w: {"assessment_id": w.a.draft.pk},
    "actionplans:plan_detail": lambda w: {"pk": w.a.objects["plan"].pk},
    "actionplans:plan_submit": lambda w: {"pk": w.a.objects["plan"].pk},
    "actionplans:plan_reopen": lambda w: {"pk": w.a.objects["plan"].pk},
    "actionplans:plan_review": lambda w: {"pk": w.a.objects["submitted_plan"].pk},
    "actionplans:plan_close": lambda w: {"pk": w.a.objects["plan"].pk},
    "actionplans:plan_confirmation": lambda w: {"pk": w.a.objects["plan"].pk, "event": "accepted"},
    "actionplans:plan_history": lambda w: {"pk": w.a.objects["plan"].pk},
    "actionplans:review_detail": lambda w: {"pk": w.a.objects["plan"].pk, "review_id": w.a.objects["plan_review"].pk},
    "actionplans:review_detail@idor": lambda w: {
        "pk": w.a.objects["plan"].pk,
        "review_id": w.b.objects["plan_review"].pk,
    },
    "actionplans:action_create": lambda w: {"pk": w.a.objects["plan"].pk},
    "actionplans:plan_export_csv": lambda w: {"pk": w.a.objects["plan"].pk},
    "actionplans:plan_export_xlsx": lambda w: {"pk": w.a.objects["plan"].pk},
    "actionplans:plan_import": lambda w: {"pk": w.a.objects["plan"].pk},
    "actionplans:action_detail": lambda w: {"pk": w.a.objects["action"].pk},
    "actionplans:action_update": lambda w: {"pk": w.a.objects["action"].pk},
    "actionplans:action_delete": lambda w: {"pk": w.a.objects["action"].pk},
    "actionplans:progress_create": lambda w: {"pk": w.a.objects["action"].pk},
    "actionplans:progress_correct": lambda w: {"pk": w.a.objects["progress_update"].pk},
    # A progress review's next steps (issue 13)
    "actionplans:next_steps": lambda w: {"assessment_id": w.a.progress_review.pk},
    "actionplans:next_steps@published": lambda w: {"assessment_id": w.a.published_review.pk},
    "actionplans:next_steps@ima": lambda w: {"assessment_id": w.a.in_review.pk},
    "actionplans:next_step_edit": lambda w: {"pk": w.a.objects["next_step"].pk},
    "actionplans:next_step_edit@published": lambda w: {"pk": w.a.objects["published_next_step"].pk},
    "actionplans:next_step_remove": lambda w: {"pk": w.a.objects["next_step"].pk},
    "actionplans:next_step_remove@published": lambda w: {"pk": w.a.objects["published_next_step"].pk},
    "actionplans:next_step_up": lambda w: {"pk": w.a.objects["next_steps"][1].pk},
    "actionplans:next_step_up@published": lambda w: {"pk": w.a.objects["published_next_step"].pk},
    "actionplans:next_step_down": lambda w: {"pk": w.a.objects["next_steps"][0].pk},
    "actionplans:next_step_down@published": lambda w: {"pk": w.a.objects["published_next_step"].pk},
    # Reports
    "reports:assessment_reports": lambda w: {"assessment_id": w.a.published.pk},
    "reports:assessment_reports@in_review": lambda w: {"assessment_id": w.a.in_review.pk},
    "reports:assessment_reports@draft": lambda w: {"assessment_id": w.a.draft.pk},
    "reports:assessment_reports@returned": lambda w: {"assessment_id": w.a.returned.pk},
    "reports:report_request": lambda w: {"assessment_id": w.a.published.pk},
    "reports:report_request@draft": lambda w: {"assessment_id": w.a.draft.pk},
    "reports:assessment_reports@factual_check": lambda w: {"assessment_id": w.a.factual_check.pk},
    "reports:report_reissue": lambda w: {"assessment_id": w.a.published.pk},
    "reports:report_reissue@in_review": lambda w: {"assessment_id": w.a.in_review.pk},
    "reports:job_detail": lambda w: {"pk": w.a.objects["report_job"].pk},
    "reports:job_detail@in_review": lambda w: {"pk": w.a.objects["in_review_report_job"].pk},
    "reports:job_status": lambda w: {"pk": w.a.objects["report_job"].pk},
    "reports:job_status@in_review": lambda w: {"pk": w.a.objects["in_review_report_job"].pk},
    "reports:job_retry": lambda w: {"pk": w.a.objects["report_job"].pk},
    "reports:job_retry@in_review": lambda w: {"pk": w.a.objects["in_review_report_job"].pk},
    "reports:job_download": lambda w: {"pk": w.a.objects["report_job"].pk},
    "reports:job_download@in_review": lambda w: {"pk": w.a.objects["in_review_report_job"].pk},
    "reports:job_download@issued": lambda w: {
        "pk": ReportJob.objects.filter(issued_report=w.a.objects["issued_report"]).get().pk
    },
    "reports:issued_download": lambda w: {"pk": w.a.objects["issued_report"].pk},
    "reports:public_release": lambda w: {"assessment_id": w.a.published.pk},
    "reports:public_withdraw": lambda w: {"assessment_id": w.a.published.pk},
    # The public site: A's report is released, B's withdrawn; a release row forced onto A's draft
    "public:report": lambda w: {"pk": w.objects["public_release"].pk},
    "public:report@withdrawn": lambda w: {"pk": w.objects["withdrawn_release"].pk},
    "public:report@draft": lambda w: {"pk": w.objects["draft_release"].pk},
    "public:action_plan": lambda w: {"pk": w.objects["public_release"].pk},
    "public:action_plan@withdrawn": lambda w: {"pk": w.objects["withdrawn_release"].pk},
    "public:report_pdf": lambda w: {"pk": w.objects["public_release"].pk},
    "public:report_pdf@withdrawn": lambda w: {"pk": w.objects["withdrawn_release"].pk},
    "public:report_pdf@draft": lambda w: {"pk": w.objects["draft_release"].pk},
    # Dashboards (every section and format: exports are numbers too)
    "dashboards:export": lambda w: {"section": "heatmap", "fmt": "csv"},
    **{
        f"dashboards:export@{section}.{fmt}": (lambda s, f: lambda w: {"section": s, "fmt": f})(section, fmt)
        for section in CROSS_GOVERNMENT_SECTIONS
        for fmt in DASHBOARD_FORMATS
        if (section, fmt) != ("heatmap", "csv")
    },
    "dashboards:department": lambda w: {"slug": w.a.department.slug},
    "dashboards:department_export": lambda w: {"slug": w.a.department.slug, "section": "trends", "fmt": "csv"},
    **{
        f"dashboards:department_export@{section}.{fmt}": (
            lambda s, f: lambda w: {"slug": w.a.department.slug, "section": s, "fmt": f}
        )(section, fmt)
        for section in DEPARTMENT_SECTIONS
        for fmt in DASHBOARD_FORMATS
        if (section, fmt) != ("trends", "csv")
    },
    # The KIM Leaders' Network
    "network:meeting_detail": lambda w: {"pk": w.meeting.pk},
    "network:meeting_ics": lambda w: {"pk": w.meeting.pk},
    "network:meeting_edit": lambda w: {"pk": w.meeting.pk},
    "network:meeting_cancel": lambda w: {"pk": w.meeting.pk},
    "network:item_add": lambda w: {"pk": w.meeting.pk},
    "network:item_edit": lambda w: {"pk": w.meeting.pk, "item_pk": w.objects["item"].pk},
    "network:item_edit@idor": lambda w: {"pk": w.meeting.pk, "item_pk": w.objects["other_item"].pk},
    "network:item_delete": lambda w: {"pk": w.meeting.pk, "item_pk": w.objects["item"].pk},
    "network:attendance_edit": lambda w: {"pk": w.meeting.pk},
    "network:paper_add": lambda w: {"pk": w.meeting.pk},
    "network:paper_download": lambda w: {"pk": w.meeting.pk, "paper_pk": w.objects["paper"].pk},
    "network:paper_download@idor": lambda w: {"pk": w.objects["other_meeting"].pk, "paper_pk": w.objects["paper"].pk},
    "network:paper_delete": lambda w: {"pk": w.meeting.pk, "paper_pk": w.objects["paper"].pk},
    "network:action_add": lambda w: {"pk": w.meeting.pk},
    "network:action_edit": lambda w: {"pk": w.meeting.pk, "action_pk": w.objects["meeting_action"].pk},
    "network:action_edit@idor": lambda w: {"pk": w.meeting.pk, "action_pk": w.objects["other_meeting_action"].pk},
    "network:excerpt_edit": lambda w: {"rating_pk": w.a.objects["published_rating"].pk},
    "network:excerpt_edit@draft": lambda w: {"rating_pk": w.a.objects["draft_rating"].pk},
    "network:consent_edit": lambda w: {"assessment_pk": w.a.published.pk},
    # Departmental KIM monitoring (issue 19)
    "monitoring:team_list": lambda w: {"slug": w.a.department.slug},
    "monitoring:team_add": lambda w: {"slug": w.a.department.slug},
    "monitoring:team_import": lambda w: {"slug": w.a.department.slug},
    "monitoring:team_edit": lambda w: {"slug": w.a.department.slug, "pk": w.objects["monitoring_team"].pk},
    "monitoring:team_edit@idor": lambda w: {"slug": w.a.department.slug, "pk": w.objects["monitoring_b_team"].pk},
    "monitoring:criterion_list": lambda w: {"slug": w.a.department.slug},
    "monitoring:criterion_add": lambda w: {"slug": w.a.department.slug},
    "monitoring:criterion_add_own": lambda w: {"slug": w.a.department.slug},
    "monitoring:criterion_edit": lambda w: {"slug": w.a.department.slug, "pk": w.objects["monitoring_criterion"].pk},
    "monitoring:criterion_edit@idor": lambda w: {
        "slug": w.a.department.slug,
        "pk": w.objects["monitoring_b_criterion"].pk,
    },
    "monitoring:round_add": lambda w: {"slug": w.a.department.slug},
    "monitoring:round_detail": lambda w: {"pk": w.objects["monitoring_round"].pk},
    "monitoring:round_detail@shared": lambda w: {"pk": w.objects["monitoring_shared_round"].pk},
    "monitoring:round_export": lambda w: {"pk": w.objects["monitoring_round"].pk, "fmt": "csv"},
    "monitoring:round_export@xlsx_shared": lambda w: {"pk": w.objects["monitoring_shared_round"].pk, "fmt": "xlsx"},
    "monitoring:round_close": lambda w: {"pk": w.objects["monitoring_round"].pk},
    "monitoring:round_close@shared": lambda w: {"pk": w.objects["monitoring_shared_round"].pk},
    "monitoring:round_share": lambda w: {"pk": w.objects["monitoring_round"].pk},
    "monitoring:round_letters": lambda w: {"pk": w.objects["monitoring_round"].pk},
    "monitoring:round_cite": lambda w: {"pk": w.objects["monitoring_round"].pk},
    "monitoring:round_cite@shared": lambda w: {"pk": w.objects["monitoring_shared_round"].pk},
    "monitoring:team_answers": lambda w: {
        "pk": w.objects["monitoring_round"].pk,
        "team_pk": w.objects["monitoring_team"].pk,
    },
    "monitoring:team_answers@shared": lambda w: {
        "pk": w.objects["monitoring_shared_round"].pk,
        "team_pk": w.objects["monitoring_team"].pk,
    },
    "monitoring:team_answers@idor": lambda w: {
        "pk": w.objects["monitoring_shared_round"].pk,
        "team_pk": w.objects["monitoring_b_team"].pk,
    },
    "monitoring:answer_edit": lambda w: {"pk": w.objects["monitoring_answer"].pk},
    "monitoring:answer_edit@shared": lambda w: {"pk": w.objects["monitoring_shared_answer"].pk},
    "monitoring:answer_review": lambda w: {"pk": w.objects["monitoring_answer"].pk},
    "monitoring:answer_review@shared": lambda w: {"pk": w.objects["monitoring_shared_answer"].pk},
    "monitoring:answer_evidence": lambda w: {"pk": w.objects["monitoring_answer"].pk},
    "monitoring:answer_evidence@shared": lambda w: {"pk": w.objects["monitoring_shared_answer"].pk},
    "monitoring:letter_download": lambda w: {"pk": w.objects["monitoring_letter"].pk},
    # The read-only API (issue 18)
    "api_tokens:revoke": lambda w: {"pk": w.objects["api_token"].pk},
    "api:department-detail": lambda w: {"slug": w.a.department.slug},
    "api:framework-detail": lambda w: {"slug": w.a.published.framework.slug},
    "api:assessment-detail": lambda w: {"pk": w.a.published.pk},
    "api:assessment-detail@draft": lambda w: {"pk": w.a.draft.pk},
    "api:assessment-detail@in_review": lambda w: {"pk": w.a.in_review.pk},
    "api:recommendation-detail": lambda w: {"pk": w.a.objects["recommendation"].pk},
    "api:recommendation-detail@in_review": lambda w: {"pk": w.a.objects["in_review_recommendation"].pk},
    "api:actionplan-detail": lambda w: {"pk": w.a.objects["plan"].pk},
    "api:action-detail": lambda w: {"pk": w.a.objects["action"].pk},
    "api:meeting-detail": lambda w: {"pk": w.meeting.pk},
}


def base_key(key):
    return key.split("@", 1)[0]
