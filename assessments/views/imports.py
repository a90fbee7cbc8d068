"""The upload page for importing historic ratings (assessors only)."""

from pathlib import Path

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access
from assessments.services.imports import RatingsImportError, ratings_import
from common.downloads import download_response

TEMPLATE_FILE = Path(__file__).resolve().parent.parent / "data" / "import_template.csv"
MAX_IMPORT_BYTES = 5 * 1024 * 1024

CHOOSE_FILE = "Select a CSV or Excel file of ratings"
WRONG_EXTENSION = "The selected file must be a CSV file or an Excel workbook (.xlsx)"
TOO_LARGE = "The selected file must be smaller than 5 MB"
FILE_EMPTY = "The selected file is empty"
ROWS_NEED_FIXING = (
    "The selected file has problems in {count} row{s}. Nothing was imported. "
    "Fix the rows listed and upload the file again"
)


class RatingsImportForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text="A CSV file (UTF-8) or an Excel workbook (.xlsx), smaller than 5 MB.",
        error_messages={"required": CHOOSE_FILE, "empty": FILE_EMPTY, "invalid": CHOOSE_FILE},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(Field("file", label_size=Size.MEDIUM), Submit("import", "Import ratings"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(WRONG_EXTENSION)
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return upload


def _require_assessor(user):
    # Same rule as the other assessor-only pages (opening an assessment): other roles get the 403 page.
    # There is no department object here whose existence a 404 would need to hide.
    if not access.is_assessor(user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def import_ratings(request):
    _require_assessor(request.user)
    form = RatingsImportForm(request.POST, request.FILES) if request.method == "POST" else RatingsImportForm()
    import_errors = []
    if form.is_bound and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = ratings_import(content=upload.read(), filename=upload.name, by=request.user)
        except RatingsImportError as error:
            if len(error.errors) == 1 and error.errors[0].row is None:  # the file as a whole, not a row
                form.add_error("file", error.errors[0].message)
            else:
                import_errors = error.errors
                count = len(import_errors)
                form.add_error("file", ROWS_NEED_FIXING.format(count=count, s="" if count == 1 else "s"))
        else:
            return render(request, "assessments/import_ratings_done.html", {"result": result, "filename": upload.name})
    return render(request, "assessments/import_ratings.html", {"form": form, "import_errors": import_errors})


@login_required
@require_GET
def import_ratings_template(request):
    _require_assessor(request.user)
    return download_response(
        TEMPLATE_FILE.open("rb"), filename="ratings-import-template.csv", content_type="text/csv; charset=utf-8"
    )
