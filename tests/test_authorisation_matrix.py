"""The authorisation matrix (issue 9): every URL, as every role, GET and POST, against the table below.

The world (tests/authz/world.py) has two departments, A (Department for Education) and B (Home Office),
with an object of every kind. URL arguments are filled with department A's objects
(tests/authz/targets.py), so lead B must get 404 wherever A's objects are concerned. A key
"name@variant" is the same URL filled with other objects: another state of the assessment, or
an A object mixed with a B object (an IDOR attempt).

Every request runs in a savepoint that is rolled back, so each cell sees the same world; POSTs
carry an empty body (the point is the access decision, not success).

Documented rules the table encodes (accounts/access.py and the apps' READMEs):
- a department's people see only their department; anything else answers 404;
- assessors and administrators see every department, except a department's self-assessment that
  is still a draft (its working copy): that is hidden from TNA until submitted;
- assessors' ratings, commentary, theme summaries and recommendations are hidden from the
  department until published;
- inside what a person may see, the wrong role gets 403; a refused state or input shows the page again
  with its error summary (200), or sends a person back from a page the state has closed (302);
- an IMA, progress review or reassessment is TNA's: opened in review and written by assessors only; when
  TNA shares its draft for a factual accuracy check (factual_check) the department's people see TNA's
  work on it, its KIM lead comments and assessors resolve the comments;
- the network's pages are readable by everyone signed in, editable by assessors and administrators.

A new URL fails test_every_url_is_in_the_table until it is placed in EXPECTED; an entry for a URL
that no longer exists fails it too. Run with -s and AUTHZ_PRINT=1 to print the observed matrix.
"""

import os

import pytest

from tests.authz.department import draft_marker, shared_marker, unpublished_marker
from tests.authz.report import failure_table, leaks, observed_table
from tests.authz.runner import ADMIN_LOGIN, LOGIN
from tests.authz.session import (
    METHODS,
    ROLES,
    Matrix,
    all_patterns,
    built_world,
    is_admin_site,
    observe_all,
    observe_post,
    requested_keys,
    url_for,
)
from tests.authz.table import OK, Rule, api_profile, expected_status, profile
from tests.authz.targets import ADMIN_SAMPLES, TARGETS, base_key
from tests.authz.world import DEPARTMENT_A, DEPARTMENT_B

# One xdist worker runs every test of this module, so the module's matrix (minutes to observe) is built once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("authorisation_matrix")]

# ----------------------------------------------------------------------------------------------
# Profiles: who gets what. Columns in ROLES order.
#                                      anonymous lead_a lead_b contributor_a assessor administrator no_role
PUBLIC = profile(                      OK,       OK,    OK,    OK,           OK,      OK,          OK)  # fmt: skip
SIGNED_IN = profile(                   LOGIN,    OK,    OK,    OK,           OK,      OK,          OK)  # fmt: skip
KIM_LEADS = profile(                   LOGIN,    OK,    OK,    403,          403,     403,         403)  # fmt: skip
# Department A's objects
OWN_DEPARTMENT_READ = profile(         LOGIN,    OK,    404,   OK,           OK,      OK,          404)  # fmt: skip
OWN_DEPARTMENT_LEAD = profile(         LOGIN,    OK,    404,   403,          403,     403,         404)  # fmt: skip
DEPARTMENT_MEMBERS = profile(          LOGIN,    OK,    404,   OK,           403,     403,         404)  # fmt: skip
# A's self-assessment before it is submitted: the department's working copy, hidden from TNA
DRAFT_READ = profile(                  LOGIN,    OK,    404,   OK,           404,     404,         404)  # fmt: skip
DRAFT_LEAD = profile(                  LOGIN,    OK,    404,   403,          404,     404,         404)  # fmt: skip
# TNA's work on A that is not published yet, and TNA's cross-government views
TNA_ONLY_READ = profile(               LOGIN,    404,   404,   404,          OK,      OK,          404)  # fmt: skip
ASSESSOR_ONLY = profile(               LOGIN,    403,   403,   403,          OK,      403,         403)  # fmt: skip
ASSESSOR_WRITE = profile(              LOGIN,    403,   404,   403,          OK,      403,         404)  # fmt: skip
LEAD_DASHBOARD = profile(              LOGIN,    OK,    404,   404,          OK,      OK,          404)  # fmt: skip
# The KIM Leaders' Network
NETWORK_PARTICIPANTS = profile(        LOGIN,    OK,    OK,    OK,           OK,      OK,          403)  # fmt: skip
NETWORK_MANAGERS = profile(            LOGIN,    403,   403,   403,          OK,      OK,          403)  # fmt: skip
# The public site: no such publication for anyone, signed in or not (a draft, a withdrawn report's PDF)
NOT_PUBLISHED = profile(               404,      404,   404,   404,          404,     404,         404)  # fmt: skip
# Departmental KIM monitoring: department A's own; TNA only in a round A shares (tests/authz/monitoring.py)
MONITORING_LEAD = profile(             LOGIN,    OK,    404,   403,          404,     404,         404)  # fmt: skip
MONITORING_MEMBERS = profile(          LOGIN,    OK,    404,   OK,           404,     404,         404)  # fmt: skip
MONITORING_SHARED = profile(           LOGIN,    OK,    404,   OK,           OK,      OK,          404)  # fmt: skip
MONITORING_SHARED_LEAD = profile(      LOGIN,    OK,    404,   403,          403,     403,         404)  # fmt: skip
MONITORING_CONTACT = profile(          LOGIN,    403,   404,   OK,           404,     404,         404)  # fmt: skip
MONITORING_SHARED_CONTACT = profile(   LOGIN,    403,   404,   OK,           403,     403,         404)  # fmt: skip
# The KIM lead's set-up pages check the role in the department before looking for the team or criterion.
MONITORING_ROLE_FIRST = {"contributor_a": 403}
# An object that is not what the URL says it is (an IDOR attempt): nobody
NOBODY = profile(                      LOGIN,    404,   404,   404,          404,     404,         404)  # fmt: skip
# The admin site: administrators only; everyone else is sent to its sign-in page
ADMIN_SITE = {**dict.fromkeys(ROLES, ADMIN_LOGIN), "administrator": OK}

# The read-only API (issue 18): a token or a signed-in session sees what its person's pages show; 401 without one.
API_SIGNED_IN = api_profile(SIGNED_IN)
API_OWN_DEPARTMENT_READ = api_profile(OWN_DEPARTMENT_READ)
API_DRAFT_READ = api_profile(DRAFT_READ)
API_TNA_ONLY_READ = api_profile(TNA_ONLY_READ)
# A person's own API token (lead A's): nobody else's business
OWN_TOKEN = profile(LOGIN, OK, 404, 404, 404, 404, 404)
# Single sign-on (OpenID Connect) when it is not configured, as in the matrix: the URLs answer 404.
NOT_CONFIGURED = profile(404, 404, 404, 404, 404, 404, 404)

SIGNED_IN_REDIRECTED = profile(OK, 302, 302, 302, 302, 302, 302)
NETWORK_MEMBERS_REFUSED_BEFORE_METHOD = {"lead_a": 403, "lead_b": 403, "contributor_a": 403, "no_role": 403}
TNA_WORK_NOT_YET_PUBLISHED = {"lead_a": 404, "contributor_a": 404}
A_RATING_WITH_B_OBJECT = {"assessor": 404}
# TNA's report pages of something that has no such page (a self-assessment, another type's part): the role is
# checked first (403), then the assessor finds nothing (404).
NOT_TNAS_REPORT = {"assessor": 404}


def comment_refused(*roles):
    """They read the factual check but are not the department's KIM lead: a comment is refused for the role."""
    return dict.fromkeys(roles, (OK, 403))


ONLY_THE_LEAD_COMMENTS = comment_refused("contributor_a", "assessor", "administrator")

# ----------------------------------------------------------------------------------------------
# The expected table: one entry per URL name (and per variant). POST-only views have get=None.

EXPECTED = {
    # Site, sign-in and accounts
    "home": Rule(SIGNED_IN),
    "healthz": Rule(PUBLIC),
    "login": Rule(SIGNED_IN_REDIRECTED, post=200),
    "logout": Rule(PUBLIC, get=None, post=LOGIN, why="POST only: a GET link must not sign anyone out"),
    "password_change": Rule(SIGNED_IN, post=200),
    "account": Rule(SIGNED_IN),
    "two_factor_setup": Rule(SIGNED_IN, post=200),
    # Nobody in the matrix has set up two-factor authentication: these send them to their account page.
    "two_factor_verify": Rule(SIGNED_IN, get=302, post=302),
    "two_factor_recovery_codes": Rule(SIGNED_IN, get=None, post=302),
    "two_factor_remove": Rule(SIGNED_IN, get=302, post=302),
    "password_change_done": Rule(SIGNED_IN),
    "password_reset": Rule(PUBLIC, post=200),
    "password_reset_done": Rule(PUBLIC),
    "password_reset_confirm": Rule(PUBLIC, get=302, post=302, why="a valid token moves into the session"),
    "password_reset_confirm@bad_token": Rule(PUBLIC, post=200),
    "password_reset_complete": Rule(PUBLIC),
    "pages:accessibility": Rule(PUBLIC),
    "pages:cookies": Rule(PUBLIC),
    "pages:privacy": Rule(PUBLIC),
    # Departments and assessments
    "assessments:department_list": Rule(SIGNED_IN),
    "assessments:department_detail": Rule(OWN_DEPARTMENT_READ),
    "assessments:assessment_list": Rule(SIGNED_IN),
    "assessments:assessment_open": Rule(ASSESSOR_ONLY, post=200),
    "assessments:self_assessment_start": Rule(KIM_LEADS, post=200),
    "assessments:assessment_detail": Rule(OWN_DEPARTMENT_READ),
    "assessments:assessment_detail@draft": Rule(DRAFT_READ),
    "assessments:assessment_detail@submitted": Rule(OWN_DEPARTMENT_READ),
    "assessments:assessment_detail@in_review": Rule(OWN_DEPARTMENT_READ),
    "assessments:assessment_detail@returned": Rule(OWN_DEPARTMENT_READ),
    "assessments:assessment_history": Rule(OWN_DEPARTMENT_READ),
    "assessments:assessment_history@draft": Rule(DRAFT_READ),
    "assessments:assessment_history@in_review": Rule(OWN_DEPARTMENT_READ),
    "assessments:assessment_history@returned": Rule(OWN_DEPARTMENT_READ),
    "assessments:task_list": Rule(DRAFT_READ),
    "assessments:task_list@submitted": Rule(DEPARTMENT_MEMBERS),
    "assessments:task_list@returned": Rule(DEPARTMENT_MEMBERS),
    "assessments:area_edit": Rule(DRAFT_LEAD, post=200),
    "assessments:area_edit@submitted": Rule(
        OWN_DEPARTMENT_LEAD, get=302, post=302, why="no longer editable: the lead is sent to the assessment"
    ),
    "assessments:area_edit@returned": Rule(OWN_DEPARTMENT_LEAD, post=200),
    "assessments:area_edit@idor": Rule(
        NOBODY, post=200, overrides={"contributor_a": 403}, why="the role is checked before the rating is looked up"
    ),
    "assessments:check_answers": Rule(DRAFT_LEAD),
    "assessments:assessment_submit": Rule(DRAFT_LEAD, get=None, post=302),
    "assessments:assessment_submitted": Rule(OWN_DEPARTMENT_LEAD),
    "assessments:evidence_download": Rule(OWN_DEPARTMENT_READ),
    "assessments:evidence_download@draft": Rule(DRAFT_READ),
    "assessments:evidence_download@link": Rule(NOBODY, why="a link has no file to download"),
    "assessments:evidence_remove": Rule(DRAFT_LEAD, post=302),
    "assessments:evidence_remove@submitted": Rule(OWN_DEPARTMENT_LEAD, get=302, post=302),
    "assessments:assessment_review": Rule(ASSESSOR_WRITE),
    "assessments:assessment_review@draft": Rule(
        NOBODY, overrides={"lead_a": (403, 405), "contributor_a": (403, 405)}, why="A's people see the draft, not TNA"
    ),
    "assessments:start_review": Rule(ASSESSOR_WRITE, get=None, post=302),
    "assessments:review_area": Rule(ASSESSOR_WRITE, post=200),
    "assessments:review_area@idor": Rule(ASSESSOR_WRITE, post=200, overrides=A_RATING_WITH_B_OBJECT),
    "assessments:theme_summary": Rule(ASSESSOR_WRITE, post=200),
    "assessments:theme_summary@idor": Rule(ASSESSOR_WRITE, post=200, overrides=A_RATING_WITH_B_OBJECT),
    "assessments:assessment_return": Rule(ASSESSOR_WRITE, post=200),
    "assessments:assessment_publish": Rule(ASSESSOR_WRITE, post=200),
    # The factual accuracy check's state: the department sees TNA's shared draft; TNA goes on writing
    "assessments:assessment_detail@factual_check": Rule(OWN_DEPARTMENT_READ),
    "assessments:assessment_history@factual_check": Rule(OWN_DEPARTMENT_READ),
    "assessments:assessment_review@factual_check": Rule(ASSESSOR_WRITE),
    "assessments:review_area@factual_check": Rule(ASSESSOR_WRITE, post=200),
    "assessments:assessment_publish@factual_check": Rule(
        ASSESSOR_WRITE, post=200, why="the department's comment is still open: a gap on the page"
    ),
    # Writing TNA's report (issue 13): assessors only, while TNA writes (in review or during the check);
    # a published report's pages send the assessor back with the reason; a self-assessment has none.
    "assessments:report_details": Rule(
        ASSESSOR_WRITE, post=200, why="every detail is optional, but a save needs the version its page showed"
    ),
    "assessments:report_details@factual_check": Rule(ASSESSOR_WRITE, post=200),
    "assessments:report_details@published": Rule(ASSESSOR_WRITE, get=302, post=302, why="closed: published"),
    "assessments:report_details@self_assessment": Rule(ASSESSOR_WRITE, post=302, overrides=NOT_TNAS_REPORT),
    "assessments:report_text": Rule(
        ASSESSOR_WRITE, post=200, why="an empty text is allowed, but a save needs the version its page showed"
    ),
    "assessments:report_text@key-findings": Rule(ASSESSOR_WRITE, post=200),
    "assessments:report_text@next-steps-lead": Rule(ASSESSOR_WRITE, post=200),
    "assessments:report_text@factual_check": Rule(ASSESSOR_WRITE, post=200),
    "assessments:report_text@published": Rule(ASSESSOR_WRITE, get=302, post=302, why="closed: published"),
    "assessments:report_text@wrong_type": Rule(
        ASSESSOR_WRITE, post=302, overrides=NOT_TNAS_REPORT, why="an IMA's report has no next steps"
    ),
    "assessments:report_text@unknown_part": Rule(ASSESSOR_WRITE, post=302, overrides=NOT_TNAS_REPORT),
    "assessments:report_text@self_assessment": Rule(ASSESSOR_WRITE, post=302, overrides=NOT_TNAS_REPORT),
    "assessments:commitment": Rule(ASSESSOR_WRITE, post=200),
    "assessments:commitment@factual_check": Rule(ASSESSOR_WRITE, post=200),
    "assessments:commitment@published": Rule(ASSESSOR_WRITE, get=302, post=302, why="closed: published"),
    "assessments:commitment@progress_review": Rule(
        ASSESSOR_WRITE, post=200, overrides=NOT_TNAS_REPORT, why="a progress review's report has no commitment"
    ),
    "assessments:share_for_factual_check": Rule(ASSESSOR_WRITE, post=200, why="the draft has gaps: refused"),
    "assessments:share_for_factual_check@factual_check": Rule(ASSESSOR_WRITE, post=200, why="already shared"),
    "assessments:share_for_factual_check@published": Rule(ASSESSOR_WRITE, get=302, post=302),
    "assessments:share_for_factual_check@self_assessment": Rule(ASSESSOR_WRITE, post=200, overrides=NOT_TNAS_REPORT),
    # The check itself: TNA and, once shared, the department read it; only its KIM lead comments.
    "assessments:factual_check": Rule(OWN_DEPARTMENT_READ, post=200, overrides=ONLY_THE_LEAD_COMMENTS),
    "assessments:factual_check@in_review": Rule(
        TNA_ONLY_READ,
        post=200,
        overrides=comment_refused("assessor", "administrator"),
        why="not shared yet: nothing for the department",
    ),
    "assessments:factual_check@published": Rule(
        OWN_DEPARTMENT_READ,
        post=200,
        overrides=ONLY_THE_LEAD_COMMENTS,
        why="the check's record; a comment now is refused on the page",
    ),
    "assessments:factual_check@self_assessment": Rule(NOBODY, post=200, why="a self-assessment has no TNA draft"),
    "assessments:factual_comment_resolve": Rule(ASSESSOR_WRITE, post=200),
    "assessments:factual_comment_resolve@published": Rule(ASSESSOR_WRITE, post=200, why="refused on the page"),
    "assessments:factual_comment_resolve@idor": Rule(
        ASSESSOR_WRITE, post=200, overrides=A_RATING_WITH_B_OBJECT, why="B's comment under A's assessment"
    ),
    "assessments:import_ratings": Rule(ASSESSOR_ONLY, post=200),
    "assessments:import_ratings_template": Rule(ASSESSOR_ONLY),
    # Recommendations and action plans
    "actionplans:plan_list": Rule(SIGNED_IN),
    "actionplans:plans_export_xlsx": Rule(SIGNED_IN),
    "actionplans:my_actions": Rule(SIGNED_IN),
    "actionplans:help_rag": Rule(PUBLIC),
    "actionplans:recommendation_list": Rule(OWN_DEPARTMENT_READ),
    "actionplans:recommendation_list@in_review": Rule(TNA_ONLY_READ),
    "actionplans:recommendation_list@draft": Rule(NOBODY, why="unpublished for A's people, hidden from TNA"),
    "actionplans:recommendation_create": Rule(ASSESSOR_WRITE, post=200),
    "actionplans:recommendation_create@in_review": Rule(ASSESSOR_WRITE, post=200, overrides=TNA_WORK_NOT_YET_PUBLISHED),
    "actionplans:recommendation_create@draft": Rule(
        NOBODY, post=200, why="unpublished for A's people, hidden from TNA"
    ),
    "actionplans:recommendation_list@factual_check": Rule(OWN_DEPARTMENT_READ, why="shared with the department"),
    "actionplans:recommendation_create@factual_check": Rule(ASSESSOR_WRITE, post=200),
    "actionplans:recommendation_update": Rule(ASSESSOR_WRITE, post=200),
    "actionplans:recommendation_update@in_review": Rule(ASSESSOR_WRITE, post=200, overrides=TNA_WORK_NOT_YET_PUBLISHED),
    "actionplans:recommendation_close": Rule(ASSESSOR_WRITE, post=302),
    "actionplans:plan_create": Rule(OWN_DEPARTMENT_LEAD, post=200),
    "actionplans:plan_create@draft": Rule(
        NOBODY, post=200, overrides={"lead_a": 200}, why="the lead sees the form; the service refuses the draft"
    ),
    "actionplans:plan_detail": Rule(OWN_DEPARTMENT_READ),
    "actionplans:plan_submit": Rule(OWN_DEPARTMENT_LEAD, post=200),
    "actionplans:plan_reopen": Rule(OWN_DEPARTMENT_LEAD, post=302),
    "actionplans:plan_review": Rule(ASSESSOR_WRITE, post=200),
    "actionplans:plan_close": Rule(ASSESSOR_WRITE, post=302),
    "actionplans:plan_confirmation": Rule(OWN_DEPARTMENT_READ),
    "actionplans:plan_history": Rule(OWN_DEPARTMENT_READ),
    "actionplans:review_detail": Rule(OWN_DEPARTMENT_READ),
    "actionplans:review_detail@idor": Rule(NOBODY),
    "actionplans:action_create": Rule(OWN_DEPARTMENT_LEAD, post=200),
    "actionplans:plan_export_csv": Rule(OWN_DEPARTMENT_READ),
    "actionplans:plan_export_xlsx": Rule(OWN_DEPARTMENT_READ),
    "actionplans:plan_import": Rule(OWN_DEPARTMENT_LEAD, post=200),
    "actionplans:action_detail": Rule(OWN_DEPARTMENT_READ),
    "actionplans:action_update": Rule(OWN_DEPARTMENT_LEAD, post=200),
    "actionplans:action_delete": Rule(OWN_DEPARTMENT_LEAD, post=200),
    "actionplans:progress_create": Rule(DEPARTMENT_MEMBERS, post=200),
    "actionplans:progress_correct": Rule(DEPARTMENT_MEMBERS, post=200),
    # A progress review's next steps (issue 13): the assessor's, changed while TNA writes the report
    "actionplans:next_steps": Rule(ASSESSOR_WRITE, post=200),
    "actionplans:next_steps@published": Rule(ASSESSOR_WRITE, post=200, why="read only: a change is refused"),
    "actionplans:next_steps@ima": Rule(
        ASSESSOR_WRITE, post=200, overrides=NOT_TNAS_REPORT, why="only a progress review has next steps"
    ),
    "actionplans:next_step_edit": Rule(ASSESSOR_WRITE, post=200),
    "actionplans:next_step_edit@published": Rule(ASSESSOR_WRITE, post=200),
    "actionplans:next_step_remove": Rule(ASSESSOR_WRITE, post=302),
    "actionplans:next_step_remove@published": Rule(ASSESSOR_WRITE, post=200, why="refused on the page"),
    "actionplans:next_step_up": Rule(ASSESSOR_WRITE, get=None, post=302),
    "actionplans:next_step_up@published": Rule(
        ASSESSOR_WRITE, get=None, post=302, why="refused: back to the list, which says why"
    ),
    "actionplans:next_step_down": Rule(ASSESSOR_WRITE, get=None, post=302),
    "actionplans:next_step_down@published": Rule(ASSESSOR_WRITE, get=None, post=302),
    # Reports
    "reports:assessment_reports": Rule(OWN_DEPARTMENT_READ),
    "reports:assessment_reports@in_review": Rule(OWN_DEPARTMENT_READ),
    "reports:assessment_reports@draft": Rule(DRAFT_READ),
    "reports:assessment_reports@returned": Rule(OWN_DEPARTMENT_READ),
    "reports:report_request": Rule(OWN_DEPARTMENT_READ, post=200),
    "reports:report_request@draft": Rule(DRAFT_READ, post=200),
    "reports:assessment_reports@factual_check": Rule(OWN_DEPARTMENT_READ),
    "reports:report_reissue": Rule(ASSESSOR_WRITE, post=200, why="version 2 needs a reason: refused on the page"),
    "reports:report_reissue@in_review": Rule(
        ASSESSOR_WRITE,
        post=200,
        overrides={"assessor": (302, 200)},
        why="the right role, the wrong state: sent back with the reason (GET), refused on the page (POST)",
    ),
    "reports:import_report": Rule(ASSESSOR_ONLY, post=200),
    "reports:job_detail": Rule(OWN_DEPARTMENT_READ),
    "reports:job_detail@in_review": Rule(TNA_ONLY_READ, why="TNA's copy shows unpublished assessor work"),
    "reports:job_status": Rule(OWN_DEPARTMENT_READ),
    "reports:job_status@in_review": Rule(TNA_ONLY_READ),
    "reports:job_retry": Rule(
        OWN_DEPARTMENT_READ,
        get=None,
        post=200,
        why="whoever sees a job may retry it; a finished one is refused on the page",
    ),
    "reports:job_retry@in_review": Rule(TNA_ONLY_READ, get=None, post=200),
    "reports:job_download": Rule(OWN_DEPARTMENT_READ),
    "reports:job_download@in_review": Rule(TNA_ONLY_READ),
    "reports:job_download@issued": Rule(OWN_DEPARTMENT_READ),
    "reports:issued_download": Rule(OWN_DEPARTMENT_READ),
    # The public site's assessor side (issue 15): publish on the public site, withdraw (assessors only)
    "reports:public_release": Rule(ASSESSOR_WRITE, post=302, why="already released: sent back with the reason"),
    "reports:public_withdraw": Rule(ASSESSOR_WRITE, post=200, why="a withdrawal needs its notice"),
    # The public site (issue 15): anyone, signed in or not; GET only
    "public:index": Rule(PUBLIC),
    "public:catalogue": Rule(PUBLIC),
    "public:feed": Rule(PUBLIC),
    "public:report": Rule(PUBLIC),
    "public:report@withdrawn": Rule(PUBLIC, why="the withdrawal notice stays"),
    "public:report@draft": Rule(NOT_PUBLISHED),
    "public:action_plan": Rule(PUBLIC),
    "public:action_plan@withdrawn": Rule(PUBLIC, why="the withdrawal notice stays"),
    "public:report_pdf": Rule(PUBLIC),
    "public:report_pdf@withdrawn": Rule(NOT_PUBLISHED),
    "public:report_pdf@draft": Rule(NOT_PUBLISHED),
    "public:network": Rule(PUBLIC),
    "public:data": Rule(PUBLIC),
    "public:ratings_csv": Rule(PUBLIC),
    "public:ratings_json": Rule(PUBLIC),
    # Dashboards: the cross-government view is TNA's; a department's is its KIM leads' and TNA's
    "dashboards:index": Rule(
        TNA_ONLY_READ, overrides={"lead_a": (302, 405), "lead_b": (302, 405)}, why="a lead is sent to their own"
    ),
    "dashboards:export": Rule(TNA_ONLY_READ),
    **{key: Rule(TNA_ONLY_READ) for key in TARGETS if key.startswith("dashboards:export@")},
    "dashboards:department": Rule(LEAD_DASHBOARD),
    "dashboards:department_export": Rule(LEAD_DASHBOARD),
    **{key: Rule(LEAD_DASHBOARD) for key in TARGETS if key.startswith("dashboards:department_export@")},
    "dashboards:level_styles": Rule(PUBLIC, why="the rating colours as CSS"),
    # The KIM Leaders' Network (issue 8: /network/ is for every signed-in user)
    "network:index": Rule(SIGNED_IN),
    "network:next_meeting_ics": Rule(SIGNED_IN),
    "network:meeting_detail": Rule(SIGNED_IN),
    "network:meeting_ics": Rule(SIGNED_IN),
    "network:meeting_create": Rule(NETWORK_MANAGERS, post=200),
    "network:meeting_edit": Rule(NETWORK_MANAGERS, post=200),
    "network:meeting_cancel": Rule(NETWORK_MANAGERS, post=200, why="a held meeting: refused"),
    "network:item_add": Rule(NETWORK_MANAGERS, post=200),
    "network:item_edit": Rule(NETWORK_MANAGERS, post=200),
    "network:item_edit@idor": Rule(
        NETWORK_MANAGERS, post=200, overrides={"assessor": 404, "administrator": 404}, why="item of another meeting"
    ),
    "network:item_delete": Rule(NETWORK_MANAGERS, post=302),
    "network:attendance_edit": Rule(
        NETWORK_MANAGERS, post=200, why="nobody ticked is allowed, but a save needs the version its page showed"
    ),
    "network:paper_add": Rule(NETWORK_MANAGERS, post=200),
    "network:paper_download": Rule(NETWORK_PARTICIPANTS, overrides={"no_role": (404, 405)}),
    "network:paper_download@idor": Rule(NOBODY, why="paper of another meeting"),
    "network:paper_delete": Rule(NETWORK_MANAGERS, post=302),
    "network:action_add": Rule(NETWORK_MANAGERS, post=200),
    "network:action_edit": Rule(NETWORK_MANAGERS, post=200),
    "network:action_edit@idor": Rule(
        NETWORK_MANAGERS, post=200, overrides={"assessor": 404, "administrator": 404}, why="action of another meeting"
    ),
    "network:library": Rule(NETWORK_PARTICIPANTS, overrides={"no_role": 403}),
    "network:excerpt_list": Rule(
        NETWORK_MANAGERS, overrides=NETWORK_MEMBERS_REFUSED_BEFORE_METHOD, why="the role is checked before the method"
    ),
    "network:excerpt_edit": Rule(NETWORK_MANAGERS, post=200),
    "network:excerpt_edit@draft": Rule(
        NETWORK_MANAGERS,
        post=200,
        overrides={"assessor": 404, "administrator": 404},
        why="only a published, shared, good-practice rating has an excerpt page",
    ),
    "network:consent_list": Rule(KIM_LEADS),
    "network:consent_edit": Rule(
        OWN_DEPARTMENT_LEAD,
        post=200,
        overrides={"assessor": 404, "administrator": 404},
        why="sharing is the department's decision: TNA has no page for it",
    ),
    # Departmental KIM monitoring (issue 19): department-only; TNA reads a round only once it is shared
    "monitoring:index": Rule(SIGNED_IN),
    "monitoring:team_list": Rule(MONITORING_LEAD),
    "monitoring:team_add": Rule(MONITORING_LEAD, post=200),
    "monitoring:team_import": Rule(MONITORING_LEAD, post=200),
    "monitoring:team_edit": Rule(MONITORING_LEAD, post=200),
    "monitoring:team_edit@idor": Rule(
        NOBODY, post=404, overrides=MONITORING_ROLE_FIRST, why="department B's team under department A"
    ),
    "monitoring:criterion_list": Rule(MONITORING_LEAD),
    "monitoring:criterion_add": Rule(MONITORING_LEAD, post=200),
    "monitoring:criterion_add_own": Rule(MONITORING_LEAD, post=200),
    "monitoring:criterion_edit": Rule(MONITORING_LEAD, post=200),
    "monitoring:criterion_edit@idor": Rule(
        NOBODY, post=404, overrides=MONITORING_ROLE_FIRST, why="department B's criterion under department A"
    ),
    "monitoring:round_add": Rule(MONITORING_LEAD, post=200),
    "monitoring:round_detail": Rule(MONITORING_MEMBERS),
    "monitoring:round_detail@shared": Rule(MONITORING_SHARED),
    "monitoring:round_export": Rule(MONITORING_MEMBERS),
    "monitoring:round_export@xlsx_shared": Rule(MONITORING_SHARED),
    "monitoring:round_close": Rule(MONITORING_LEAD, post=302),
    "monitoring:round_close@shared": Rule(MONITORING_SHARED_LEAD, post=302),
    "monitoring:round_share": Rule(MONITORING_LEAD, post=302),
    "monitoring:round_letters": Rule(MONITORING_LEAD, post=302),
    "monitoring:round_cite": Rule(MONITORING_LEAD, post=200),
    "monitoring:round_cite@shared": Rule(MONITORING_SHARED_LEAD, post=200),
    "monitoring:team_answers": Rule(MONITORING_MEMBERS),
    "monitoring:team_answers@shared": Rule(MONITORING_SHARED),
    "monitoring:team_answers@idor": Rule(NOBODY, why="department B's team in department A's round"),
    "monitoring:answer_edit": Rule(MONITORING_CONTACT, post=200),
    "monitoring:answer_edit@shared": Rule(MONITORING_SHARED_CONTACT, post=200),
    "monitoring:answer_review": Rule(MONITORING_LEAD, post=200),
    "monitoring:answer_review@shared": Rule(MONITORING_SHARED_LEAD, post=200),
    "monitoring:answer_evidence": Rule(MONITORING_MEMBERS),
    "monitoring:answer_evidence@shared": Rule(MONITORING_SHARED),
    "monitoring:letter_download": Rule(MONITORING_LEAD),
    # Single sign-on (accounts/oidc.py) is not set up in the matrix: its URLs answer 404 to everyone
    "oidc_authentication_init": Rule(NOT_CONFIGURED, post=200, why="OIDC_RP_CLIENT_ID unset"),
    "oidc_authentication_callback": Rule(NOT_CONFIGURED, post=200, why="OIDC_RP_CLIENT_ID unset"),
    # The read-only API (issue 18): GET only, scoped like the pages; the docs page is a signed-in page
    "api:department-list": Rule(API_SIGNED_IN),
    "api:department-detail": Rule(API_OWN_DEPARTMENT_READ),
    "api:framework-list": Rule(API_SIGNED_IN),
    "api:framework-detail": Rule(API_SIGNED_IN),
    "api:assessment-list": Rule(API_SIGNED_IN),
    "api:assessment-detail": Rule(API_OWN_DEPARTMENT_READ),
    "api:assessment-detail@draft": Rule(API_DRAFT_READ),
    "api:assessment-detail@in_review": Rule(API_OWN_DEPARTMENT_READ, why="shown without TNA's unpublished work"),
    "api:recommendation-list": Rule(API_SIGNED_IN),
    "api:recommendation-detail": Rule(API_OWN_DEPARTMENT_READ),
    "api:recommendation-detail@in_review": Rule(API_TNA_ONLY_READ),
    "api:actionplan-list": Rule(API_SIGNED_IN),
    "api:actionplan-detail": Rule(API_OWN_DEPARTMENT_READ),
    "api:action-list": Rule(API_SIGNED_IN),
    "api:action-detail": Rule(API_OWN_DEPARTMENT_READ),
    "api:meeting-list": Rule(API_SIGNED_IN),
    "api:meeting-detail": Rule(API_SIGNED_IN),
    "api:schema": Rule(API_SIGNED_IN),
    "api:docs": Rule(SIGNED_IN),
    # Personal API tokens: each person's own, on their account
    "api_tokens:list": Rule(SIGNED_IN),
    "api_tokens:new": Rule(SIGNED_IN, post=200),
    "api_tokens:revoke": Rule(OWN_TOKEN, post=302),
    # The admin site: one rule for every URL in the admin namespace, requested on ADMIN_SAMPLES
    "admin:*": Rule(ADMIN_SITE, post=200),
}

# Admin samples that differ from the admin rule: models kept read-only in the admin.
ADMIN_OVERRIDES = {
    "admin:assessments_assessment_change": {"administrator": (200, 403)},  # published: a record, never changed
    "admin:actionplans_actionplan_change": {"administrator": (200, 403)},
    "admin:reports_reportjob_change": {"administrator": (200, 403)},
    "admin:assessments_arearating_change@draft": {"administrator": (200, 403)},
}


def rule_for(key):
    if base_key(key).startswith("admin:"):
        admin = EXPECTED["admin:*"]
        return Rule(admin.profile, admin.get, admin.post, ADMIN_OVERRIDES.get(key, {}))
    return EXPECTED[key]


# ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker):
    patterns = all_patterns()
    keys = [key for key in requested_keys(patterns) if key in EXPECTED or base_key(key).startswith("admin:")]
    with built_world(django_db_blocker) as world:
        observed = observe_all(world, keys)
        if os.environ.get("AUTHZ_PRINT"):
            print(observed_table(observed))
        yield Matrix(world, patterns, observed)


# ----------------------------------------------------------------------------------------------
# The table matches the URLs


def test_every_url_is_in_the_table_and_every_entry_is_a_url():
    patterns = all_patterns()
    url_keys = {pattern.key for pattern in patterns if not is_admin_site(pattern)}
    table_keys = {base_key(key) for key in EXPECTED if key != "admin:*"}
    problems = [f"{key}: a URL with no entry in EXPECTED (add one)" for key in sorted(url_keys - table_keys)]
    problems += [
        f"{key}: an entry in EXPECTED for a URL that no longer exists" for key in sorted(table_keys - url_keys)
    ]
    for key in EXPECTED:
        needs_arguments = any(p.arguments for p in patterns if p.key == base_key(key))
        if "@" in key and key not in TARGETS:
            problems.append(f"{key}: a variant in EXPECTED with no objects in tests/authz/targets.py")
        elif needs_arguments and base_key(key) == key and key not in TARGETS:
            problems.append(f"{key}: takes arguments but tests/authz/targets.py does not fill them")
    for key in TARGETS:
        if key not in EXPECTED:
            problems.append(f"{key}: objects in tests/authz/targets.py but no entry in EXPECTED")
    admin_keys = {pattern.key for pattern in patterns if is_admin_site(pattern)}
    problems += [f"{key}: not an admin URL" for key in ADMIN_SAMPLES if base_key(key) not in admin_keys]
    assert not problems, "\n".join(problems)


def test_every_url_answers_every_role_as_the_table_says(matrix):
    observed = matrix.observed
    rows = []
    for (key, role, method), seen in sorted(observed.items()):
        rule = rule_for(key)
        expected = expected_status(rule, role, method)
        if seen.status != expected:
            rows.append((key, role, method, expected, seen.status, seen.error or seen.location))
    assert not rows, f"{len(rows)} cells differ from EXPECTED:\n" + failure_table(
        rows, ("URL", "role", "method", "expected", "observed", "detail")
    )


def test_no_request_is_a_server_error(matrix):
    observed = matrix.observed
    rows = [(*cell, seen.error) for cell, seen in sorted(observed.items()) if seen.status == 500]
    assert not rows, failure_table(rows, ("URL", "role", "method", "error"))


def test_a_get_never_changes_anything(matrix):
    observed = matrix.observed
    rows = [(*cell, seen.status, ", ".join(seen.writes)) for cell, seen in sorted(observed.items()) if cell[2] == "GET"]
    rows = [row for row in rows if row[-1]]
    assert not rows, "GET requests that wrote to the database:\n" + failure_table(
        rows, ("URL", "role", "method", "status", "tables written")
    )


def test_a_refused_request_changes_nothing(matrix):
    observed = matrix.observed
    refused = (LOGIN, ADMIN_LOGIN, 403, 404, 405)
    rows = [
        (*cell, seen.status, ", ".join(seen.writes))
        for cell, seen in sorted(observed.items())
        if seen.status in refused and seen.writes
    ]
    assert not rows, "Refused requests that still wrote to the database:\n" + failure_table(
        rows, ("URL", "role", "method", "status", "tables written")
    )


# ----------------------------------------------------------------------------------------------
# What the pages say


def _network(key):
    # The network's pages name every department by design: members, attendance, shared good practice; so does
    # the public site (released reports only, tested in public/tests).
    return key.startswith(("network:", "public:"))


def test_lead_b_never_sees_department_a_outside_the_network(matrix):
    world, observed = matrix.world, matrix.observed
    a = world.a
    texts = [
        DEPARTMENT_A,
        a.department.short_name,
        f"/assessments/{a.published.pk}/",
        f"/plans/{a.objects['plan'].pk}/",
    ]
    rows = leaks(observed, {"lead_b"}, texts, skip=_network)
    assert not rows, failure_table(rows, ("URL", "role", "method", "status", "found"))


def test_department_a_never_sees_department_b_outside_the_network(matrix):
    observed = matrix.observed
    rows = leaks(observed, {"lead_a", "contributor_a"}, [DEPARTMENT_B], skip=_network)
    assert not rows, failure_table(rows, ("URL", "role", "method", "status", "found"))


def test_dashboards_and_their_exports_show_lead_a_only_department_a(matrix):
    world, observed = matrix.world, matrix.observed
    dashboards = [key for key in {k for k, _, _ in observed} if key.startswith("dashboards:")]
    shown = [observed[(key, "lead_a", "GET")] for key in dashboards if observed[(key, "lead_a", "GET")].status == 200]
    assert len(shown) >= 7, "lead A's dashboard and its exports should have been shown"
    assert any(DEPARTMENT_A in seen.body for seen in shown)
    rows = leaks(
        observed,
        {"lead_a"},
        [DEPARTMENT_B, world.b.department.slug],
        skip=lambda key: not key.startswith("dashboards:"),
    )
    assert not rows, failure_table(rows, ("URL", "role", "method", "status", "found"))


def test_unpublished_assessor_work_never_reaches_a_department(matrix):
    world, observed = matrix.world, matrix.observed
    texts = [
        unpublished_marker(world.a.department.short_name),
        unpublished_marker(world.b.department.short_name),
        f"/reports/jobs/{world.a.objects['in_review_report_job'].pk}/",  # TNA's copy of the assessment in review
    ]
    rows = leaks(observed, {"lead_a", "lead_b", "contributor_a", "no_role", "anonymous"}, texts)
    assert not rows, failure_table(rows, ("URL", "role", "method", "status", "found"))
    assert any(texts[0] in seen.body for (_, role, _), seen in observed.items() if role == "assessor")


def test_a_draft_shared_for_a_factual_check_reaches_its_own_department_only(matrix):
    """Once TNA shares its draft, the department's people see TNA's work on it; nobody else outside TNA does."""
    world, observed = matrix.world, matrix.observed
    own, other = shared_marker(world.a.department.short_name), shared_marker(world.b.department.short_name)
    rows = leaks(observed, {"lead_b", "no_role", "anonymous"}, [own])
    rows += leaks(observed, {"lead_a", "contributor_a", "no_role", "anonymous"}, [other])
    assert not rows, failure_table(rows, ("URL", "role", "method", "status", "found"))
    for role in ("lead_a", "contributor_a", "assessor"):
        seen = observed[("assessments:assessment_detail@factual_check", role, "GET")]
        assert own in seen.body, f"{role} should see the shared draft's findings"


def test_the_kim_lead_comments_on_the_shared_draft(matrix):
    """The other side of the matrix's empty POST (refused on the form): a real comment is taken."""
    world = matrix.world
    data = {"section": "background", "text": "The fieldwork ended on 9 March, not 8 March."}
    seen = observe_post(world, "lead_a", "assessments:factual_check", data)
    assert seen.status == 302, seen.error or seen.body[:500]
    assert "assessments_factualcomment" in seen.writes
    refused = observe_post(world, "lead_b", "assessments:factual_check", data)
    assert refused.status == 404 and not refused.writes


@pytest.mark.parametrize("role", ["lead_a", "contributor_a", "administrator"])
def test_a_reissue_is_refused_to_other_roles_whatever_they_type(matrix, role):
    seen = observe_post(matrix.world, role, "reports:report_reissue", {"reason": "x" * 2001})
    assert seen.status == 403
    assert not seen.writes


def test_a_departments_unsubmitted_self_assessment_never_reaches_tna(matrix):
    world, observed = matrix.world, matrix.observed
    draft = world.a.draft
    texts = [
        draft_marker(world.a.department.short_name),
        draft_marker(world.b.department.short_name),
        f"/assessments/{draft.pk}/",
    ]
    # The admin site shows administrators every row (see ADMIN_SAMPLES "@draft"): a decision for the lead.
    rows = leaks(observed, {"assessor", "administrator"}, texts, skip=lambda key: key.startswith("admin:"))
    assert not rows, failure_table(rows, ("URL", "role", "method", "status", "found"))
    assert any(texts[0] in seen.body for (_, role, _), seen in observed.items() if role == "lead_a")


def test_a_lead_cannot_start_a_self_assessment_for_another_department(matrix):
    """The URL is open to every KIM lead; the department comes from the body. B's is refused."""
    world = matrix.world
    seen = observe_post(world, "lead_a", "assessments:self_assessment_start", {"department": world.b.department.pk})
    # Refused on the page: "Select a department" when A may start one, else the page says why A cannot.
    assert seen.status == 200 and ("Select" in seen.body or "already has a self-assessment" in seen.body)
    assert "assessments_assessment" not in seen.writes


# What an anonymous visitor may read: the public site, signing in (and resetting a password), help, health.
ANONYMOUS_MAY_READ = (
    "/public/",
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/reset/",
    "/help/",
    "/healthz",
)
# An app's help pages (e.g. /action-plans/help/overdue-and-rag/) are help pages too.
HELP_SEGMENT = "/help/"
# A stylesheet of the rating colours (dashboards:level_styles), served to every page like a static file.
ANONYMOUS_ASSETS = {"dashboards:level_styles"}


def test_nothing_outside_the_public_site_answers_an_anonymous_visitor(matrix):
    world, observed = matrix.world, matrix.observed
    answered = {
        key: url_for(key, world)
        for (key, role, method), seen in observed.items()
        if role == "anonymous" and method == "GET" and seen.status == 200 and base_key(key) not in ANONYMOUS_ASSETS
    }
    outside = sorted(
        f"{key}: {url}"
        for key, url in answered.items()
        if not url.startswith(ANONYMOUS_MAY_READ) and HELP_SEGMENT not in url
    )
    assert not outside, "anonymous visitors are answered outside /public/:\n" + "\n".join(outside)
    public = {key for key in EXPECTED if key.startswith("public:")}
    assert public and all(EXPECTED[key].profile["anonymous"] in (OK, 404) for key in public)
    assert {key for key in answered if key.startswith("public:")} == {
        key for key in public if EXPECTED[key].profile["anonymous"] == OK
    }


def test_the_matrix_covers_every_role_and_method(matrix):
    observed = matrix.observed
    assert {role for _, role, _ in observed} == set(ROLES)
    assert {method for _, _, method in observed} == set(METHODS)
