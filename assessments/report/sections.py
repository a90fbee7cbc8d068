"""The sections a report prints, by type: the keys factual-accuracy comments and publication checks name."""

from dataclasses import dataclass

from assessments.models import Assessment

Type = Assessment.Type

COMMITMENT = "commitment"
BACKGROUND = "background"
KEY_FINDINGS = "key-findings"
RECOMMENDATIONS = "recommendations"
NEXT_STEPS = "next-steps"


@dataclass(frozen=True)
class Section:
    key: str
    title: str


def theme_key(theme):
    return f"theme-{theme.number}"


def report_sections(assessment, themes):
    """Sections in the order the report prints them (`themes` of the assessment's framework, in order)."""
    theme_sections = [Section(theme_key(theme), f"{theme.number}. {theme.name}") for theme in themes]
    if assessment.assessment_type == Type.PROGRESS_REVIEW:
        return [Section(BACKGROUND, "Background"), *theme_sections, Section(NEXT_STEPS, "Next steps")]
    if assessment.assessment_type in Assessment.FULL_REPORT_TYPES:
        return [
            Section(COMMITMENT, "Statement of commitment"),
            Section(BACKGROUND, "Background"),
            Section(KEY_FINDINGS, "Key findings"),
            Section(RECOMMENDATIONS, "Recommendations"),
            *theme_sections,
        ]
    return []


def section_title(assessment, themes, key):
    return next((section.title for section in report_sections(assessment, themes) if section.key == key), None)
