"""The one shape of a form view:

form = SomeForm(posted(request))
if form.is_valid():
    result, ok = run_service(form, some_service, by=request.user, **form.cleaned_data)
    if ok:
        return redirect(...)
return render(request, "...", {"form": form})
"""

from .errors import NotAllowed, ServiceError, StaleVersion


def posted(request, files=False):
    """The submitted data on a POST (even an empty one: a confirm button sends no fields), else None.

    Forms bound to an empty POST are validated, so a bare "Save" shows the error summary.
    """
    if request.method != "POST":
        return None
    return request.FILES if files else request.POST


def run_service(form, service, /, **kwargs):
    """Call a service; a refusal becomes an error on `form` (what was typed is kept). Returns (result, ok).

    NotAllowed is re-raised: it is a PermissionDenied, and Django answers with the 403 page.
    A stale save is shown through the form's `show_conflict` when it has one (see common.forms).
    """
    try:
        return service(**kwargs), True
    except NotAllowed:
        raise
    except StaleVersion as error:
        if hasattr(form, "show_conflict"):
            form.show_conflict(error)
        else:
            form.add_error(None, error.message)
    except ServiceError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
    return None, False
