"""Dashboards: read-only pages and their exports. Every view is scoped through accounts.access.

Who sees what:
- assessors and administrators: the cross-government dashboard (at the index) and every department's dashboard;
- KIM leads: the dashboards of the departments they lead (a lead of several chooses one at the index);
- everyone else (contributors included): 404, as for anything outside a person's scope.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from accounts import access
from assessments.models import RatingLevel, Theme
from common.colours import BLACK, WHITE, needs_white_text, safe_colour
from common.pagination import paginate

from . import rules
from .exports import export_response
from .forms import DashboardFilterForm
from .presenters import crossgov, department
from .selectors.common import frameworks_all

FORMATS = ("csv", "xlsx")
# Rows of each department-per-row table on one page of the cross-government dashboard; exports hold them all.
ROWS_PER_PAGE = 25
PAGE_PARAMETERS = {section: f"{section}_page" for section in crossgov.PAGED_SECTIONS}


def _filter_form(request):
    frameworks = frameworks_all()
    themes = {}
    for theme in Theme.objects.order_by("framework_id", "number"):
        themes.setdefault(theme.framework_id, []).append(theme)
    current = next(
        (framework for framework in frameworks if framework.is_current), frameworks[0] if frameworks else None
    )
    return DashboardFilterForm(
        request.GET or None, frameworks=frameworks, themes_by_framework=themes, current=current
    ), themes


@login_required
@require_GET
def index(request):
    user = request.user
    if access.may_see_cross_government_dashboard(user):
        return _cross_government(request)
    departments = list(access.dashboard_departments(user).order_by("name"))
    if not departments:
        raise Http404("No dashboard")
    if len(departments) == 1:
        return redirect("dashboards:department", slug=departments[0].slug)
    return render(request, "dashboards/choose.html", {"departments": departments})


def _cross_government(request):
    form, themes = _filter_form(request)
    if form.current is None:
        return render(request, "dashboards/no_framework.html")
    filters = form.filters()
    page = crossgov.crossgov_page(filters, today=timezone.localdate(), page_of=_page_of(request))
    return render(
        request,
        "dashboards/cross_government.html",
        {
            "form": form,
            "page": page,
            "filters": filters,
            "filter_lines": filters.describe(themes.get(filters.framework.pk, [])),
            "exports": _export_links(request, crossgov.sections()),
            "sections": crossgov.sections(),
            # IMA Portal's own rules (settings), each stated where it is applied.
            "score_rule": rules.score_rule(),
            "reassessment_rule": rules.reassessment_rule(),
            "rag_rule": rules.rag_rule(),
            "this_year": timezone.localdate().year,
        },
    )


def _page_of(request):
    def page_of(section, rows):
        return paginate(
            request,
            rows,
            per_page=ROWS_PER_PAGE,
            parameter=PAGE_PARAMETERS[section],
            fragment=section,
            label=f"{crossgov.SECTIONS[section]}: pages",
        )

    return page_of


def _export_links(request, sections, **kwargs):
    """{section: {"csv": url, "xlsx": url}} with the page's filters; not its page numbers: a file holds every row."""
    query = request.GET.copy()
    for parameter in PAGE_PARAMETERS.values():
        query.pop(parameter, None)
    query = query.urlencode()
    name = "dashboards:department_export" if kwargs else "dashboards:export"
    links = {}
    for section in sections:
        links[section] = {
            fmt: reverse(name, kwargs={**kwargs, "section": section, "fmt": fmt}) + (f"?{query}" if query else "")
            for fmt in FORMATS
        }
    return links


@login_required
@require_GET
def cross_government_export(request, section, fmt):
    if not access.may_see_cross_government_dashboard(request.user):
        raise Http404("No dashboard")
    if section not in crossgov.sections() or fmt not in FORMATS:
        raise Http404("No such export")
    form, themes = _filter_form(request)
    if form.current is None:
        raise Http404("No framework")
    if form.is_bound and not form.is_valid():
        # The page explains what is wrong with the filters; an export never guesses.
        return redirect(f"{reverse('dashboards:index')}?{request.GET.urlencode()}")
    filters = form.filters()
    table = crossgov.crossgov_section(filters, today=timezone.localdate(), section=section)
    about = [
        f"{crossgov.SECTIONS[section]}, IMA Portal, {timezone.localdate():%d %B %Y}",
        *filters.describe(themes.get(filters.framework.pk, [])),
        *_rule_lines([rules.score_rule(), rules.reassessment_rule(), rules.rag_rule()]),
    ]
    return export_response(table, fmt=fmt, filename=f"ima-{section}-{timezone.localdate():%Y-%m-%d}", about=about)


def _rule_lines(service_rules):
    """An export's About lines for IMA Portal's own rules: a heading, then each rule and its setting."""
    lines = [rules.OWN_RULES_HEADING]
    for rule in service_rules:
        lines.append(rule.text)
        if rule.setting:
            lines.append(rule.setting_sentence)
    return lines


@login_required
@require_GET
def department_dashboard(request, slug):
    chosen = access.get_dashboard_department_or_404(request.user, slug)
    page = department.department_page(chosen, today=timezone.localdate())
    return render(
        request,
        "dashboards/department.html",
        {
            "page": page,
            "department": chosen,
            "benchmark_rule": page.benchmark_rule,
            "rag_rule": rules.rag_rule(),
            "sees_every_department": access.sees_every_department(request.user),
            "exports": _export_links(request, department.SECTIONS, slug=chosen.slug),
            "plans_url": f"{reverse('actionplans:plan_list')}?department={chosen.slug}",
        },
    )


@login_required
@require_GET
def department_export(request, slug, section, fmt):
    chosen = access.get_dashboard_department_or_404(request.user, slug)
    if section not in department.SECTIONS or fmt not in FORMATS:
        raise Http404("No such export")
    page = department.department_page(chosen, today=timezone.localdate())
    about = [f"{chosen.name}: {department.SECTIONS[section]}, IMA Portal, {timezone.localdate():%d %B %Y}"]
    if section == "benchmark":
        about.extend(_rule_lines([page.benchmark_rule]))
    elif section == "actions":
        about.extend(_rule_lines([rules.rag_rule()]))
    return export_response(
        page.table(section),
        fmt=fmt,
        filename=f"ima-{chosen.slug}-{section}-{timezone.localdate():%Y-%m-%d}",
        about=about,
    )


@require_GET
@cache_control(max_age=300)
def level_styles(request):
    """Each rating level's colour as a class, from the framework data (the CSP allows no inline styles)."""
    lines = ["/* Rating colours from the framework versions' data; text colour chosen for contrast. */"]
    for level in RatingLevel.objects.order_by("pk"):
        colour = safe_colour(level.colour)
        text_colour = WHITE if needs_white_text(colour) else BLACK
        lines.append(f".app-level-{level.pk} {{ background-color: {colour}; color: {text_colour}; }}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/css; charset=utf-8")
