"""Truth at publication: a report is published only when every section it prints has its words,
and its dates make sense. Each gap is a GOV.UK message naming the section to complete."""

from dataclasses import dataclass

from assessments.models import Assessment, FactualComment
from assessments.signals import publication_gaps

from . import sections
from .background import assessment_word, generated_background, missing_dates, month_year

Type = Assessment.Type
Precision = Assessment.DatePrecision

PUBLISHED_IN_FUTURE = "The date of publication must be today or in the past"
PUBLISHED_BEFORE_FIELDWORK = "The date of publication must be on or after the end of the fieldwork ({date})"
FIELDWORK_ORDER = "The date the fieldwork ended must be the same as or after the date it started"

GAP_BACKGROUND = "Background: enter {missing}, or write the background"
GAP_SITUATION = "{theme}: write the situation at the time of the {word}"
GAP_PROGRESS = "{theme}: write the progress since the {word}"
GAP_FINDINGS = "{theme}: write the findings"
GAP_KEY_FINDINGS = "Key findings: write the key findings of the assessment"
GAP_COMMITMENT = "Statement of commitment: enter the statement, who signed it and the date it was signed"
GAP_NEXT_STEPS_LEAD = "Next steps: write the lead paragraph (what The National Archives will do)"
GAP_COMMENTS = "Factual accuracy check: resolve the department's {count} open comment{plural}"
FACTUAL_CHECK = "factual-check"


@dataclass(frozen=True)
class Gap:
    """Something the report would print empty: the section (a key of sections.py) and what to do."""

    section: str
    message: str


def fieldwork_problems(interviews_from, interviews_to):
    if interviews_from and interviews_to and interviews_to < interviews_from:
        return [FIELDWORK_ORDER]
    return []


def publication_date_problems(assessment, published_on, *, today, precision=Precision.DAY):
    """Published today or earlier, and not before the fieldwork ended (by month when only the month is known)."""
    problems = []
    by_month = precision == Precision.MONTH

    def key(value):
        return (value.year, value.month) if by_month else value

    if key(published_on) > key(today):
        problems.append(PUBLISHED_IN_FUTURE)
    ended = assessment.interviews_to or assessment.interviews_from
    if ended and key(published_on) < key(ended):
        shown = month_year(ended) if by_month else ended.strftime("%-d %B %Y")
        problems.append(PUBLISHED_BEFORE_FIELDWORK.format(date=shown))
    return problems


def _theme_gaps(assessment, themes, summaries):
    word = assessment_word(assessment.baseline)
    gaps = []
    for theme in themes:
        summary = summaries.get(theme.pk)
        label, key = f"{theme.number}. {theme.name}", sections.theme_key(theme)
        situation = (summary.situation_at_time if summary else "").strip()
        narrative = (summary.progress_narrative if summary else "").strip()
        if assessment.assessment_type == Type.PROGRESS_REVIEW:
            if not situation:
                gaps.append(Gap(key, GAP_SITUATION.format(theme=label, word=word)))
            if not narrative:
                gaps.append(Gap(key, GAP_PROGRESS.format(theme=label, word=word)))
        elif not narrative:
            gaps.append(Gap(key, GAP_FINDINGS.format(theme=label)))
    return gaps


def content_gaps(assessment, *, themes, summaries):
    """What the report of a TNA-led assessment would print empty (nothing for a self-assessment), as Gaps."""
    if not assessment.is_tna_led:
        return []
    full_report = assessment.assessment_type in Assessment.FULL_REPORT_TYPES
    gaps = []
    commitment = (assessment.commitment_text.strip(), assessment.commitment_signed_by.strip())
    if full_report and not (all(commitment) and assessment.commitment_signed_on):
        gaps.append(Gap(sections.COMMITMENT, GAP_COMMITMENT))
    if not assessment.background_text.strip() and not generated_background(assessment):
        gaps.append(Gap(sections.BACKGROUND, GAP_BACKGROUND.format(missing=" and ".join(missing_dates(assessment)))))
    if full_report and not assessment.key_findings.strip():
        gaps.append(Gap(sections.KEY_FINDINGS, GAP_KEY_FINDINGS))
    gaps += _theme_gaps(assessment, themes, summaries)
    if assessment.assessment_type == Type.PROGRESS_REVIEW and not assessment.next_steps_text.strip():
        gaps.append(Gap(sections.NEXT_STEPS, GAP_NEXT_STEPS_LEAD))
    for _receiver, found in publication_gaps.send(sender=Assessment, assessment=assessment):
        gaps += list(found or [])
    open_comments = FactualComment.objects.filter(assessment=assessment, resolved_at__isnull=True).count()
    if open_comments:
        plural = "" if open_comments == 1 else "s"
        gaps.append(Gap(FACTUAL_CHECK, GAP_COMMENTS.format(count=open_comments, plural=plural)))
    return gaps
