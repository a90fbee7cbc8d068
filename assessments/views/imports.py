"""The upload page for importing historic ratings (assessors only)."""

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access
from assessments.forms import RatingsImportForm
from assessments.services.imports import ratings_import
from common.downloads import download_response
from common.requests import posted, run_service

TEMPLATE_FILE = Path(__file__).resolve().parent.parent / "data" / "import_template.csv"


def _require_assessor(user):
    # Same rule as the other assessor-only pages (opening an assessment): other roles get the 403 page.
    # There is no department object here whose existence a 404 would need to hide.
    if not access.is_assessor(user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def import_ratings(request):
    _require_assessor(request.user)
    form = RatingsImportForm(posted(request), posted(request, files=True))
    if form.is_valid():
        upload = form.cleaned_data["file"]
        # A refused file is shown on the form: its one problem, or every bad row with its number.
        result, ok = run_service(form, ratings_import, content=upload.read(), filename=upload.name, by=request.user)
        if ok:
            return render(request, "assessments/import_ratings_done.html", {"result": result, "filename": upload.name})
    return render(request, "assessments/import_ratings.html", {"form": form})


@login_required
@require_GET
def import_ratings_template(request):
    _require_assessor(request.user)
    return download_response(
        TEMPLATE_FILE.open("rb"), filename="ratings-import-template.csv", content_type="text/csv; charset=utf-8"
    )
