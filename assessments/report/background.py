"""The Background of a report, generated from its dates (the assessor may rewrite it; what is stored wins).

Paragraphs are separated by a blank line, as every narrative of the service is.
"""

from django.utils.dateformat import format as format_date

from assessments.models import Assessment

Type = Assessment.Type


def with_article(name):
    """ "the Home Office", "the Department for Education", but "HM Treasury"."""
    if not name or name.startswith(("HM ", "His Majesty", "Her Majesty", "The ", "the ")):
        return name
    return f"the {name}"


def date_range(start, end):
    """GOV.UK style: "14 to 16 May 2013", "30 April to 2 May 2013", or one day."""
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return format_date(start or end, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {format_date(end, 'j F Y')}"
    if start.year == end.year:
        return f"{format_date(start, 'j F')} to {format_date(end, 'j F Y')}"
    return f"{format_date(start, 'j F Y')} to {format_date(end, 'j F Y')}"


def month_year(value):
    return format_date(value, "F Y") if value else ""


def assessment_word(assessment):
    """How a report names an earlier assessment: "IMA" or "reassessment"."""
    return "reassessment" if assessment and assessment.assessment_type == Type.REASSESSMENT else "IMA"


def _fieldwork(assessment):
    if not assessment.interviews_from and not assessment.interviews_to:
        return ""
    place = f" at {assessment.fieldwork_place}" if assessment.fieldwork_place else ""
    return f"{date_range(assessment.interviews_from, assessment.interviews_to)}{place}"


def missing_dates(assessment):
    """What the generated background needs and does not have (empty when it can be generated)."""
    missing = []
    if assessment.assessment_type == Type.PROGRESS_REVIEW:
        baseline = assessment.baseline
        if baseline is None or not (baseline.interviews_from or baseline.interviews_to):
            missing.append(f"the fieldwork dates of the {assessment_word(baseline)}")
        if not (assessment.interviews_from or assessment.interviews_to or assessment.assessed_on):
            missing.append("when progress was assessed (the review's fieldwork dates or month)")
    elif not (assessment.interviews_from or assessment.interviews_to):
        missing.append("the fieldwork dates")
    return missing


def generated_background(assessment):
    """The background paragraphs TNA writes, from the dates; "" while a date it needs is missing."""
    if missing_dates(assessment):
        return ""
    department = assessment.department
    name = f"{with_article(department.name)} ({department.short_name})"
    if assessment.assessment_type != Type.PROGRESS_REVIEW:
        kind = (
            "an Information Management Assessment (IMA)" if assessment.assessment_type == Type.IMA else "a reassessment"
        )
        return (
            f"The National Archives (TNA) carried out {kind} of {name}. "
            f"The fieldwork, including interviews with senior staff, specialists and practitioners, took place "
            f"{_fieldwork(assessment)}.\n\n"
            "This report sets out what the assessment found in each performance area and what the department "
            "should do to address the risks it found."
        )
    baseline = assessment.baseline
    word = assessment_word(baseline)
    kind = "an Information Management Assessment (IMA)" if word == "IMA" else "a reassessment"
    published = (
        f" The {word} report was published in {month_year(baseline.published_on)}." if baseline.published_on else ""
    )
    if assessment.interviews_from or assessment.interviews_to:
        assessed = f"through interviews held {_fieldwork(assessment)}"
    else:
        assessed = f"in {month_year(assessment.assessed_on)}"
    return (
        f"The National Archives (TNA) carried out {kind} of {name}, with interviews held {_fieldwork(baseline)}."
        f"{published}\n\n"
        f"{department.short_name} produced an action plan to address the recommendations of the {word} report. "
        f"Progress against that plan was formally assessed {assessed}.\n\n"
        f"The {word} report and the department’s action plan are published on TNA’s website.\n\n"
        f"This progress review summarises developments since the {word}. Areas that need further attention are "
        "set out in the Next steps section."
    )


def background_for(assessment):
    """What the report prints as its Background: the assessor's text, else the generated text."""
    return assessment.background_text.strip() or generated_background(assessment)
