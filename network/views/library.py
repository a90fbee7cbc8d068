from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access
from assessments.models import Assessment
from common.requests import posted, run_service
from network.forms.library import ConsentForm, ExcerptForm, LibraryFilterForm
from network.models import GoodPracticeExcerpt
from network.selectors import library as selectors
from network.services import library as services

from .common import network_manager_required, network_participant_required

PAGE_SIZE = 20


@network_participant_required
@require_GET
def library(request):
    form = LibraryFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {
            "text": form.cleaned_data["q"],
            "theme": form.cleaned_data["theme"],
            "area": form.cleaned_data["area"],
        }
    thresholds = selectors.level_thresholds()
    entries = selectors.library_entries(thresholds=thresholds, **filters)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "network/library.html",
        {
            "form": form,
            "page": page,
            "query_string": query.urlencode(),
            "filtered": any(filters.values()),
            "areas_to_improve": selectors.areas_to_improve(request.user, thresholds=thresholds),
            "is_lead": access.is_kim_lead(request.user),
            "can_manage": access.can_manage_network(request.user),
        },
    )


@network_manager_required
@require_GET
def excerpt_list(request):
    return render(request, "network/excerpt_list.html", {"ratings": selectors.excerpt_work_list()})


@network_manager_required
@require_http_methods(["GET", "POST"])
def excerpt_edit(request, rating_pk):
    # Only ratings the library may draw on can have an excerpt: anything else does not exist here.
    rating = get_object_or_404(
        selectors.shareable_ratings().select_related("area__theme", "assessor_rating", "assessment__department"),
        pk=rating_pk,
    )
    existing = GoodPracticeExcerpt.objects.filter(rating=rating).first()
    initial = (
        {"excerpt": existing.excerpt, "approve": existing.is_approved, "version": existing.version}
        if existing
        else {"excerpt": rating.assessor_commentary, "version": 0}
    )
    form = ExcerptForm(posted(request), initial=initial)
    if form.is_valid():
        record, ok = run_service(
            form,
            services.excerpt_save,
            rating=rating,
            by=request.user,
            version=form.cleaned_data["version"],
            excerpt=form.cleaned_data["excerpt"],
            approve=form.cleaned_data["approve"],
        )
        if ok:
            messages.success(
                request, "Excerpt approved for the library" if record.is_approved else "Excerpt saved, not yet approved"
            )
            return redirect("network:excerpt_list")
    return render(
        request,
        "network/excerpt_form.html",
        {"form": form, "rating": rating, "existing": existing, "heading": f"Excerpt: {rating.area.name}"},
    )


@login_required
@require_GET
def consent_list(request):
    if not access.is_kim_lead(request.user):
        raise PermissionDenied("Only a department's KIM lead decides whether to share its good practice.")
    assessments = (
        Assessment.objects.filter(department_id__in=access.led_department_ids(request.user))
        .select_related("department")
        .order_by("department__name", "-year", "-created_at")
    )
    return render(request, "network/consent_list.html", {"assessments": assessments})


@login_required
@require_http_methods(["GET", "POST"])
def consent_edit(request, assessment_pk):
    # Another department's assessment does not exist for this person (404); their own, without the lead role, 403.
    assessment = get_object_or_404(
        Assessment.objects.filter(department_id__in=access.member_department_ids(request.user)).select_related(
            "department"
        ),
        pk=assessment_pk,
    )
    if not access.is_kim_lead(request.user, assessment.department):
        raise PermissionDenied("Only a department's KIM lead decides whether to share its good practice.")
    initial = {
        "share": "yes" if assessment.share_good_practice else "no",
        "version": assessment.share_good_practice_version,
    }
    form = ConsentForm(posted(request), initial=initial)
    if form.is_valid():
        _, ok = run_service(
            form,
            services.good_practice_consent_set,
            assessment=assessment,
            by=request.user,
            version=form.cleaned_data["version"],
            share=form.share_value,
        )
        if ok:
            messages.success(
                request,
                f"Good practice from {assessment.short_label} will be shared"
                if form.share_value
                else f"Good practice from {assessment.short_label} will not be shared",
            )
            return redirect("network:consent_list")
    return render(request, "network/consent_form.html", {"form": form, "assessment": assessment})
