"""The vocabulary of the expected table: profiles (who gets what), rules (a profile on one URL), expansion."""

from dataclasses import dataclass, field

from .runner import ADMIN_LOGIN, LOGIN
from .session import ROLES

OK = "ok"  # the URL's success code for the method (Rule.get / Rule.post)
# The API (/api/) answers a request without a token or session 401, before its method is looked at.
API_SIGN_IN = 401


def api_profile(page_profile):
    """A page's profile for the API: the same people, but anonymous requests get 401 (not sent to sign in)."""
    return {**page_profile, "anonymous": API_SIGN_IN}


def profile(*outcomes):
    """Outcomes in ROLES order: anonymous, lead_a, lead_b, contributor_a, assessor, administrator, no_role."""
    assert len(outcomes) == len(ROLES), outcomes
    return dict(zip(ROLES, outcomes, strict=True))


@dataclass(frozen=True)
class Rule:
    """A profile applied to one URL.

    get / post: the status a permitted person gets (200 a page or a form shown again with its errors,
    302 a redirect after a change or a refusal); None when the view does not accept the method, so
    everyone signed in gets 405 (anonymous people are sent to sign in first where the page needs it).
    overrides: {role: status} or {role: (get status, post status)} where one person differs from the profile
    (OK there is the method's success code).
    why: for overrides, the reason in words.
    """

    profile: dict
    get: int | None = 200
    post: int | None = None
    overrides: dict = field(default_factory=dict)
    why: str = ""


def expected_status(rule, role, method):
    outcome = rule.profile[role]
    success = rule.get if method == "GET" else rule.post
    if role in rule.overrides:
        override = rule.overrides[role]
        override = override if not isinstance(override, tuple) else override[0 if method == "GET" else 1]
        return success if override == OK else override
    if success is None:
        # Django's method decorators sit inside login_required: sign-in first, then 405.
        return outcome if outcome in (LOGIN, ADMIN_LOGIN, API_SIGN_IN) else 405
    return success if outcome == OK else outcome
