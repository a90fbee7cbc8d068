"""The assessors' page for importing whole published reports (the back catalogue): /reports/import/."""

from crispy_forms_gds.layout import Field, Size, Submit
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from accounts import access
from common.forms import ImportFileForm, form_helper
from common.requests import posted, run_service

from .importing import report_import

CHOOSE_FILE = "Select a JSON file or an Excel workbook of reports"
WRONG_EXTENSION = "The selected file must be a JSON file (.json) or an Excel workbook (.xlsx)"


class ReportImportForm(ImportFileForm):
    """The file of reports. What is in it is checked by the import service, which names every problem's place."""

    extensions = (".json", ".xlsx")
    help_text = "A JSON file or an Excel workbook (.xlsx), smaller than 5 MB."
    choose_message = CHOOSE_FILE
    wrong_extension_message = WRONG_EXTENSION

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("file", label_size=Size.MEDIUM), Submit("import", "Import reports"))


@login_required
@require_http_methods(["GET", "POST"])
def import_report(request):
    # Assessors only, like the ratings import: other roles get the 403 page (no department here to hide).
    if not access.is_assessor(request.user):
        raise PermissionDenied
    files = posted(request, files=True)
    form = ReportImportForm(posted(request), files)
    chosen = files["file"].name if files and "file" in files else ""  # named again when the file is refused
    if form.is_valid():
        upload = form.cleaned_data["file"]
        # A refused file is shown on the form: its one problem, or every problem with its place.
        result, ok = run_service(form, report_import, content=upload.read(), filename=upload.name, by=request.user)
        if ok:
            return render(request, "reports/import_report_done.html", {"result": result, "filename": upload.name})
    return render(request, "reports/import_report.html", {"form": form, "chosen": chosen})
