"""What the public site shows, built only from released reports (reports.public) and the network's published record.

A publication is one entry of the catalogue: a released report, or the action plan released with it.
The open data (ratings) are the rows of the same rating tables the publications' pages show.
"""

import hashlib
from dataclasses import dataclass, field

from django.urls import reverse

from assessments.models import Assessment
from network.selectors.public import public_record_version
from reports.public import public_releases, public_site_version
from reports.rules import ISSUED_KIND
from reports.snapshot import REASSESSMENT_TITLE, TITLES

KIND_LABELS = {
    "ima_report": "IMA report",
    "action_plan": "Action plan",
    "progress_review": "Progress review",
    "reassessment": "Reassessment",
}
MAIN_KIND = {
    Assessment.Type.IMA: "ima_report",
    Assessment.Type.REASSESSMENT: "reassessment",
    Assessment.Type.PROGRESS_REVIEW: "progress_review",
}


@dataclass
class Publication:
    release: object
    kind: str
    title: str
    department: str
    department_slug: str
    year: int
    published_on: object
    url: str
    has_pdf: bool = False
    words: str = field(default="", repr=False)

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


def release_kind(release):
    return MAIN_KIND[release.assessment.assessment_type]


def has_public_pdf(release):
    """The issued PDF is offered only when nothing is withheld (the PDF holds every section) and it exists."""
    return not release.withheld_sections and bool(release.issued_report.pdf)


def report_title(assessment):
    """The issued report's title (reports.snapshot), without reading the snapshot."""
    if assessment.assessment_type == Assessment.Type.REASSESSMENT:
        return REASSESSMENT_TITLE
    return TITLES[ISSUED_KIND[assessment.assessment_type]]


def _publications_of(release):
    assessment = release.assessment
    department = assessment.department
    common = {
        "release": release,
        "department": department.name,
        "department_slug": department.slug,
        "year": assessment.year,
        "published_on": release.released_on,
    }
    kind = release_kind(release)
    title = f"{department.name}: {report_title(assessment)} {assessment.year}"
    yield Publication(
        kind=kind,
        title=title,
        url=reverse("public:report", args=[release.pk]),
        has_pdf=has_public_pdf(release),
        words=f"{title} {KIND_LABELS[kind]} {department.short_name}".lower(),
        **common,
    )
    if release.has_action_plan:
        plan_title = f"{department.name}: Information Management Assessment action plan {assessment.year}"
        yield Publication(
            kind="action_plan",
            title=plan_title,
            url=reverse("public:action_plan", args=[release.pk]),
            words=f"{plan_title} action plan {department.short_name}".lower(),
            **common,
        )


def publications(today=None):
    """Every publication on the public site, newest first."""
    releases = public_releases(today, with_snapshots=False)
    return [publication for release in releases for publication in _publications_of(release)]


def filter_choices(entries):
    departments = sorted({(entry.department_slug, entry.department) for entry in entries}, key=lambda row: row[1])
    years = sorted({entry.year for entry in entries}, reverse=True)
    return departments, years


def publications_filtered(entries, *, q="", department="", year=None, kind=""):
    words = q.lower().split()
    return [
        entry
        for entry in entries
        if (not department or entry.department_slug == department)
        and (not year or entry.year == int(year))
        and (not kind or entry.kind == kind)
        and all(word in entry.words for word in words)
    ]


def shown_themes(release):
    """The themes of the released report whose section is not withheld."""
    withheld = set(release.withheld_sections)
    return [theme for theme in release.issued_report.snapshot["themes"] if f"theme-{theme['number']}" not in withheld]


RATING_COLUMNS = [
    "department",
    "department_short_name",
    "publication",
    "assessment_year",
    "assessed",
    "published_on_public_site",
    "theme_number",
    "theme",
    "area_reference",
    "area",
    "rating",
    "rating_position",
    "earlier_assessment",
    "earlier_rating",
    "url",
]


def rating_rows(today=None):
    """One row per performance area rating shown by a publication on the public site, oldest assessment first."""
    rows = []
    for release in sorted(
        public_releases(today), key=lambda r: (r.assessment.department.name, r.assessment.year, r.pk)
    ):
        snapshot = release.issued_report.snapshot
        baseline = snapshot.get("baseline") or {}
        for theme in shown_themes(release):
            for row in theme["rows"]:
                rating, earlier = row.get("rating") or {}, row.get("baseline_rating") or {}
                rows.append(
                    {
                        "department": snapshot["department"]["name"],
                        "department_short_name": snapshot["department"]["short_name"],
                        "publication": KIND_LABELS[release_kind(release)],
                        "assessment_year": snapshot["assessment"]["year"],
                        "assessed": snapshot["assessment"].get("assessed_on") or "",
                        "published_on_public_site": release.released_on.isoformat(),
                        "theme_number": theme["number"],
                        "theme": theme["name"],
                        "area_reference": row["reference"],
                        "area": row["area"],
                        "rating": rating.get("name", ""),
                        "rating_position": rating.get("position", ""),
                        "earlier_assessment": baseline.get("label", "") if earlier else "",
                        "earlier_rating": earlier.get("name", ""),
                        "url": reverse("public:report", args=[release.pk]),
                    }
                )
    return rows


def public_version(today=None):
    """The ETag of every public page: it changes on a release, a withdrawal, a new day or a change to the record."""
    text = f"{public_site_version(today)}|{public_record_version()}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]
