"""The public site: no sign-in. Only released reports and the network's published record."""

import csv
import io

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from common.downloads import download_response, stored_file_response
from common.pagination import paginate
from common.uploads import safe_filename
from network.selectors import public as network_public
from network.selectors.meetings import network_profile
from reports.public import public_release_get_or_404
from reports.publication import report_sections

from . import selectors
from .caching import public_page
from .forms import CatalogueFilterForm

KNOWLEDGE_PRINCIPLES = "https://www.gov.uk/government/publications/knowledge-principles-for-government"
INFORMATION_PRINCIPLES = "https://www.gov.uk/government/publications/information-principles-for-the-uk-public-sector"


@require_safe
@public_page
def index(request):
    return render(request, "public/index.html", {"latest": selectors.publications()[:5]})


@require_safe
@public_page
def catalogue(request):
    entries = selectors.publications()
    departments, years = selectors.filter_choices(entries)
    form = CatalogueFilterForm(request.GET or None, departments=departments, years=years)
    shown = selectors.publications_filtered(entries, **form.filters())
    return render(
        request,
        "public/catalogue.html",
        {
            "form": form,
            "page": paginate(request, shown, per_page=20),
            "total": len(entries),
            "filtered": form.filters(),
        },
    )


def _withdrawn(request, release):
    return render(request, "public/withdrawn.html", {"release": release, "kind": selectors.release_kind(release)})


@require_safe
@public_page
def report(request, pk):
    release = public_release_get_or_404(pk)
    if release.is_withdrawn:
        return _withdrawn(request, release)
    snapshot = release.issued_report.snapshot
    withheld = set(release.withheld_sections)
    sections = report_sections(snapshot)
    return render(
        request,
        "public/report.html",
        {
            "release": release,
            "snapshot": snapshot,
            "kind_label": selectors.KIND_LABELS[selectors.release_kind(release)],
            "contents": [(key, title) for key, title in sections if key not in withheld],
            "withheld": [title for key, title in sections if key in withheld],
            "show": {key: True for key, _ in sections if key not in withheld},
            "themes": selectors.shown_themes(release),
            "has_pdf": selectors.has_public_pdf(release),
        },
    )


@require_safe
@public_page
def action_plan(request, pk):
    release = public_release_get_or_404(pk)
    if release.is_withdrawn:
        return _withdrawn(request, release)
    if not release.action_plan_snapshot:
        raise Http404("No action plan was published with this report")
    return render(request, "public/action_plan.html", {"release": release, "plan": release.action_plan_snapshot})


@require_safe
@public_page
def report_pdf(request, pk):
    """The issued PDF itself (never rendered again); none while a section is withheld or once withdrawn."""
    release = public_release_get_or_404(pk)
    if release.is_withdrawn or not selectors.has_public_pdf(release):
        raise Http404("No PDF of this report is published")
    snapshot = release.issued_report.snapshot
    name = slugify(f"{snapshot['department']['short_name']} {snapshot['title']} {snapshot['assessment']['year']}")
    return stored_file_response(
        release.issued_report.pdf.name,
        filename=safe_filename(f"{name}.pdf", fallback="report.pdf"),
        content_type="application/pdf",
        fallback="report.pdf",
    )


@require_safe
@public_page
def network(request):
    return render(
        request,
        "public/network.html",
        {
            "profile": network_profile(),
            "next_meeting": network_public.published_next_meeting(),
            "meetings": network_public.published_meetings(),
            "presentations": network_public.published_presentations(),
            "departments": network_public.member_departments(),
            "knowledge_principles": KNOWLEDGE_PRINCIPLES,
            "information_principles": INFORMATION_PRINCIPLES,
        },
    )


@require_safe
@public_page
def data_index(request):
    return render(request, "public/data.html", {"columns": DATA_DICTIONARY, "count": len(selectors.rating_rows())})


@require_safe
@public_page
def ratings_csv(request):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=selectors.RATING_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(selectors.rating_rows())
    return download_response(buffer.getvalue(), filename="ratings.csv", content_type="text/csv; charset=utf-8")


@require_safe
@public_page
def ratings_json(request):
    return JsonResponse(
        {"columns": selectors.RATING_COLUMNS, "ratings": selectors.rating_rows()},
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


DATA_DICTIONARY = [
    ("department", "Text", "The department's name."),
    ("department_short_name", "Text", "Its short name, for example DfE."),
    ("publication", "Text", "IMA report, Reassessment or Progress review."),
    ("assessment_year", "Whole number", "The year of the assessment."),
    ("assessed", "Date (YYYY-MM-DD)", "The month of the assessment (its first day), empty when not recorded."),
    ("published_on_public_site", "Date (YYYY-MM-DD)", "When the report appeared on this site."),
    ("theme_number", "Whole number", "The theme's number in the framework."),
    ("theme", "Text", "The theme, for example The value of information."),
    ("area_reference", "Text", "The performance area's reference, for example 1.1."),
    ("area", "Text", "The performance area, for example Managing information as an asset."),
    ("rating", "Text", "The rating The National Archives gave, for example Satisfactory. Empty when not rated."),
    (
        "rating_position",
        "Whole number",
        "The rating's place on its framework's scale, lowest first (1 is Development area in the 2013–2017 "
        "framework). A position, not a score: The National Archives publishes ratings, never averages.",
    ),
    ("earlier_assessment", "Text", "For a progress review or reassessment, the assessment it is compared with."),
    ("earlier_rating", "Text", "The rating at that earlier assessment, as the report shows it."),
    ("url", "Path", "The report's page on this site."),
]
