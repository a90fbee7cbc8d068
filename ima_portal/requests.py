def posted(request, files=False):
    """The submitted data on a POST (even an empty one: a confirm button sends no fields), else None.

    Forms bound to an empty POST are validated, so a bare "Save" shows the error summary.
    """
    if request.method != "POST":
        return None
    return request.FILES if files else request.POST
