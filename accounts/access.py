"""The ONE place that decides what a signed-in person may see and do.

Views, selectors, exports, reports and dashboards all ask this module. Anything outside a
person's scope answers 404 (not 403), so nobody learns that another department's object exists.
"""

from django.db.models import Q
from django.http import Http404
from django.urls import reverse

from .models import Department, Membership

# Assessment type and statuses this module's rules name. accounts sits below assessments and imports
# none of it, so they are spelt out here; tests/test_architecture.py checks them against the model.
SELF_ASSESSMENT = "self_assessment"
DRAFT = "draft"
FACTUAL_CHECK = "factual_check"
PUBLISHED = "published"


def is_administrator(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def is_assessor(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_assessor)


def sees_every_department(user):
    """Assessors (TNA) and administrators see every department."""
    return is_assessor(user) or is_administrator(user)


def _memberships(user):
    if not (user and user.is_authenticated and user.is_active):
        return Membership.objects.none()
    # Cached on the user object: a page asks several times per request.
    cache = getattr(user, "_membership_cache", None)
    if cache is None:
        cache = list(Membership.objects.filter(user=user, department__is_active=True).select_related("department"))
        user._membership_cache = cache
    return cache


def led_department_ids(user):
    return {m.department_id for m in _memberships(user) if m.role == Membership.Role.KIM_LEAD}


def member_department_ids(user):
    return {m.department_id for m in _memberships(user)}


def is_kim_lead(user, department=None):
    ids = led_department_ids(user)
    return bool(ids) if department is None else department.pk in ids


def is_contributor(user, department=None):
    ids = {m.department_id for m in _memberships(user) if m.role == Membership.Role.CONTRIBUTOR}
    return bool(ids) if department is None else department.pk in ids


def is_member(user, department):
    return department.pk in member_department_ids(user)


def may_record_progress(user, *, department, owner_user_id):
    """Progress on an action is recorded by its owner (the person linked to it) or a KIM lead of its
    department: a contributor updates the actions they own, and a KIM lead answers for the whole plan."""
    if not is_member(user, department):
        return False
    return is_kim_lead(user, department) or (owner_user_id is not None and owner_user_id == user.pk)


def role_label(user):
    if is_administrator(user):
        return "Administrator"
    if is_assessor(user):
        return "Assessor"
    if is_kim_lead(user):
        return "KIM lead"
    if is_contributor(user):
        return "Department contributor"
    return "No role yet"


def visible_departments(user, queryset=None):
    queryset = Department.objects.all() if queryset is None else queryset
    if sees_every_department(user):
        return queryset
    return queryset.filter(pk__in=member_department_ids(user))


def department_scope_q(user, field="department"):
    """A Q object limiting rows to the departments the user may see (by a department FK path)."""
    if sees_every_department(user):
        return Q()
    return Q(**{f"{field}__in": member_department_ids(user)})


def get_visible_department_or_404(user, **lookup):
    department = visible_departments(user).filter(**lookup).first()
    if department is None:
        raise Http404("No such department")
    return department


def navigation_for(user, path):
    """Primary navigation items for the header, by role."""
    if not (user and user.is_authenticated):
        return []
    wanted = [("Home", "home")]
    if sees_every_department(user):
        wanted += [
            ("Assessments", "assessments:assessment_list"),
            ("Action plans", "actionplans:plan_list"),
            ("Dashboard", "dashboards:index"),
            ("Departments", "assessments:department_list"),
        ]
    elif is_kim_lead(user):
        wanted += [
            ("Assessments", "assessments:assessment_list"),
            ("Action plans", "actionplans:plan_list"),
            ("Dashboard", "dashboards:index"),
            ("My department", "assessments:department_list"),
        ]
    elif member_department_ids(user):
        wanted += [("My actions", "actionplans:my_actions"), ("My department", "assessments:department_list")]
    if member_department_ids(user) or sees_every_department(user):
        wanted.append(("KIM network", "network:index"))
    if is_administrator(user):
        wanted.append(("Admin", "admin:index"))
    items = [(label, reverse(name)) for label, name in wanted]
    home = reverse("home")
    return [
        {"label": label, "url": url, "active": path == url or (url != home and path.startswith(url))}
        for label, url in items
    ]


def assessment_scope_q(user, prefix=""):
    """A Q object limiting Assessment rows (or rows reached through `prefix`, e.g. "assessment__") to the user's scope.

    Members see every assessment of their own departments. Assessors and administrators see every
    department's, except a self-assessment that is still a draft: it is the department's working
    copy until its KIM lead submits it (after that it is never a draft again).
    """
    members_of = member_department_ids(user)
    if not sees_every_department(user):
        return Q(**{f"{prefix}department__in": members_of})
    unsubmitted_self_assessment = Q(**{f"{prefix}assessment_type": SELF_ASSESSMENT, f"{prefix}status": DRAFT})
    return ~unsubmitted_self_assessment | Q(**{f"{prefix}department__in": members_of})


def sees_tna_work(user, assessment):
    """TNA's work on an assessment already in the person's scope (assessment_scope_q): its assessor
    ratings and narratives, its recommendations.

    Assessors and administrators see it at once; the department once TNA shares the draft for a factual
    accuracy check, and from publication on.
    """
    return sees_every_department(user) or assessment.status in (FACTUAL_CHECK, PUBLISHED)


def tna_work_scope_q(user, prefix=""):
    """assessment_scope_q narrowed to the assessments whose TNA work (assessor ratings and narratives,
    recommendations) the person sees: the query form of sees_tna_work, for lists of such work."""
    scope = assessment_scope_q(user, prefix)
    if sees_every_department(user):
        return scope
    return scope & Q(**{f"{prefix}status__in": (FACTUAL_CHECK, PUBLISHED)})


def is_network_participant(user):
    """In the KIM Leaders' Network: a member of any department, or TNA (assessors, administrators)."""
    return sees_every_department(user) or bool(member_department_ids(user))


def can_manage_network(user):
    """Assessors and administrators record the network's meetings and approve shared good practice."""
    return sees_every_department(user)


def may_see_cross_government_dashboard(user):
    """Every department's ratings side by side, named: TNA only (assessors and administrators)."""
    return sees_every_department(user)


def dashboard_departments(user):
    """Departments whose dashboard the person may open: every active one for TNA, the ones they lead otherwise.

    Contributors have no dashboard: it benchmarks the department against all others, which is the KIM lead's view.
    """
    departments = Department.objects.filter(is_active=True)
    if sees_every_department(user):
        return departments
    return departments.filter(pk__in=led_department_ids(user))


def get_dashboard_department_or_404(user, slug):
    department = dashboard_departments(user).filter(slug=slug).first()
    if department is None:
        raise Http404("No such department")
    return department


# ----------------------------------------------------------------------------------------------
# Departmental KIM monitoring (monitoring/): a department's own league table of its teams.
# Department-only: another department never sees any of it, and TNA sees a round only once the department
# shares it (then the round's league table may feed the department's next assessment as evidence).


def monitoring_departments(user):
    """Departments whose monitoring (teams, criteria, rounds) a person may open: the ones they belong to."""
    return Department.objects.filter(is_active=True, pk__in=member_department_ids(user))


def get_monitoring_department_or_404(user, slug):
    department = monitoring_departments(user).filter(slug=slug).first()
    if department is None:
        raise Http404("No such department")
    return department


def may_manage_monitoring(user, department):
    """The department's KIM lead sets teams and criteria, runs rounds, verifies answers and sends letters."""
    return is_kim_lead(user, department)


def monitoring_round_scope_q(user, prefix=""):
    """Rounds (or rows reached through `prefix`, e.g. "round__") a person may see.

    Members see every round of their departments; assessors and administrators only rounds the department
    has shared with TNA.
    """
    own = Q(**{f"{prefix}department__in": member_department_ids(user)})
    if sees_every_department(user):
        return own | Q(**{f"{prefix}shared_with_tna": True})
    return own


def may_answer_for_team(user, team):
    """Only the team's contact answers for it (while they are a member of the team's department)."""
    return bool(user and user.is_authenticated and team.contact_id == user.pk and is_member(user, team.department))
