"""Links for thousands of table cells without a `reverse()` each: reverse once, then substitute."""

from django.urls import reverse

_PK = 987654321
_SLUG = "zz-slug-placeholder-zz"


def pk_url(name):
    """A function pk → URL of the named route (taking `pk`)."""
    pattern = reverse(name, kwargs={"pk": _PK})
    return lambda pk: pattern.replace(str(_PK), str(pk))


def slug_url(name):
    """A function slug → URL of the named route (taking `slug`)."""
    pattern = reverse(name, kwargs={"slug": _SLUG})
    return lambda slug: pattern.replace(_SLUG, slug)


def assessment_url():
    return pk_url("assessments:assessment_detail")


def department_dashboard_url():
    return slug_url("dashboards:department")


def action_url():
    return pk_url("actionplans:action_detail")
