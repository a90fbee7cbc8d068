"""The one download response: evidence, meeting papers, report PDFs, exports, calendars and templates.

Always an attachment (never shown inline, so an uploaded file cannot run in the service's origin),
with the content type we decided rather than the browser's guess (nosniff), a file name stripped of
anything a header or a file system could misread, and never kept by browsers or shared caches.
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header

from common.uploads import safe_filename

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MISSING_FILE = "The file is missing from storage"


def download_response(content, *, filename, content_type, fallback="download"):
    """`content` is bytes, text or an open binary file (streamed, then closed by Django)."""
    name = safe_filename(filename, fallback=fallback)
    if hasattr(content, "read"):
        response = FileResponse(content, as_attachment=True, filename=name, content_type=content_type)
    else:
        response = HttpResponse(content, content_type=content_type)
        response.headers["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def stored_file_response(file_or_name, *, filename, content_type, fallback="download"):
    """A file kept in storage (a FieldFile or a storage name); a file gone from storage is a 404."""
    try:
        is_name = isinstance(file_or_name, str)
        handle = default_storage.open(file_or_name, "rb") if is_name else file_or_name.open("rb")
    except (FileNotFoundError, OSError, ValueError) as error:
        raise Http404(MISSING_FILE) from error
    return download_response(handle, filename=filename, content_type=content_type, fallback=fallback)
