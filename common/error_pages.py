"""GOV.UK error pages for Django's handlers (ima_portal/urls.py) and the CSRF failure view."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def error_400(request, exception=None):
    # Django's own 400 page is plain text: a request too large or malformed still gets a GOV.UK page.
    return render(request, "errors/400.html", status=400)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: usually an old tab, not an attack. Say so, save nothing."""
    return render(request, "errors/csrf.html", status=403)


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    # No context processors can be trusted here: the failure may be in one of them.
    return HttpResponseServerError(loader.get_template("errors/500.html").render({"service_name": "IMA Portal"}))
