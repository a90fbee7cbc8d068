"""Moves of an assessor writing TNA's report in the browser (the "Write the …" task list), shared by the
journeys. Each move starts on the task list page (or says where it starts) and ends on a checked page.
"""

from .journeys import heading


def fill_date(page, name, value):
    """A GOV.UK date input (day, month, year) from a date, or from a (day, month, year) of strings."""
    day, month, year = (value.day, value.month, value.year) if hasattr(value, "year") else value
    page.fill(f"#id_{name}_0", str(day))
    page.fill(f"#id_{name}_1", str(month))
    page.fill(f"#id_{name}_2", str(year))


def date_typed(page, name):
    return tuple(page.input_value(f"#id_{name}_{part}") for part in range(3))


def task_status(page, key):
    """The status a task of the task list shows ("Completed", "Not started", "Incomplete")."""
    return page.locator(f"#task-{key}-status").inner_text().strip()


def open_assessment(journey, department, type_label, year, step):
    """From any page (through Assessments in the header): open one; lands on "Write the …" (TNA writes it)."""
    page = journey.page
    journey.click_link("Assessments", f"{step}-assessments", exact=True, shot=False)
    journey.click_link("Open an assessment", f"{step}-form", exact=True)
    page.select_option("#id_department", label=department.name)
    page.get_by_label(type_label, exact=True).check()
    page.fill("#id_year", str(year))
    journey.press("Open assessment", f"{step}-opened")
    assert department.name in page.locator(".govuk-notification-banner").inner_text()
    assert heading(page) == f"Write the {type_label.lower()} {year}"


def report_details(journey, *, started, ended, place, assessed=None, self_assessment=None, step):
    """The Report details task: fieldwork dates and place, optionally the month assessed and the self-assessment."""
    page = journey.page
    journey.click_link("Report details", f"{step}-form", exact=True, shot=False)
    fill_date(page, "interviews_from", started)
    fill_date(page, "interviews_to", ended)
    page.fill("#id_fieldwork_place", place)
    if assessed:
        page.select_option("#id_assessed_month", value=str(assessed.month))
        page.fill("#id_assessed_year", str(assessed.year))
    if self_assessment:
        page.select_option("#id_self_assessment", label=self_assessment)
    journey.shot(f"{step}-filled")
    journey.press("Save", f"{step}-saved")
    assert "Report details saved" in page.locator(".govuk-notification-banner").inner_text()


def rate_every_area(journey, areas, ratings, *, prefix, shots=(0,)):
    """From the task list: every area's rating and commentary, one page after another, back to the task list."""
    page = journey.page
    journey.click_link(f"{areas[0].reference} {areas[0].name}", f"{prefix}-area-{areas[0].reference}", shot=False)
    for index, area in enumerate(areas):
        assert heading(page) == f"{area.reference} {area.name}"
        page.get_by_label(ratings[index], exact=True).check()
        page.fill("#id_assessor_commentary", f"The assessor's finding on {area.name.lower()}.")
        if index in shots:
            journey.shot(f"{prefix}-area-{area.reference}-rated")
        if index == len(areas) - 1:
            journey.press("Save and return to the review", f"{prefix}-rated-all")
        else:
            step = f"{prefix}-area-{areas[index + 1].reference}"
            journey.press("Save and go to the next area", step, shot=False)


def write_text(journey, task, text, *, step, replace=True, saved=None):
    """A task whose page is one text (Background, Key findings, the lead paragraph of Next steps)."""
    page = journey.page
    journey.click_link(task, f"{step}-form", exact=True, shot=False)
    area = page.locator("#id_text")
    area.fill(text if replace else area.input_value().rstrip() + "\n\n" + text)
    journey.shot(f"{step}-filled")
    journey.press("Save", f"{step}-saved", shot=False)
    if saved:
        assert f"{saved} saved" in page.locator(".govuk-notification-banner").inner_text()


def write_theme(journey, theme, *, step, situation=None, progress=None, findings=None):
    """A theme's task: a review's situation at the time (None keeps the pre-filled text) and progress since;
    an IMA's findings."""
    page = journey.page
    journey.click_link(f"{theme.number}. {theme.name}", f"{step}-form", exact=True, shot=False)
    assert heading(page) == f"{theme.number}. {theme.name}"
    if situation is not None:
        page.fill("#id_situation_at_time", situation)
    if progress is not None:
        page.fill("#id_progress_narrative", progress)
    if findings is not None:
        page.get_by_label("Findings", exact=True).fill(findings)
    journey.shot(f"{step}-filled")
    journey.press("Save summary", f"{step}-saved", shot=False)
    assert f"Summary of {theme.name} saved" in page.locator(".govuk-notification-banner").inner_text()


def write_commitment(journey, text, signed_by, signed_on, *, step):
    page = journey.page
    journey.click_link("Statement of commitment", f"{step}-form", exact=True, shot=False)
    page.get_by_label("Statement of commitment", exact=True).fill(text)
    page.get_by_label("Signed by", exact=True).fill(signed_by)
    fill_date(page, "signed_on", signed_on)
    journey.shot(f"{step}-filled")
    journey.press("Save", f"{step}-saved", shot=False)
    assert "Statement of commitment saved" in page.locator(".govuk-notification-banner").inner_text()


def add_recommendations(journey, texts, *, step):
    """The Recommendations task: add each, then back to the task list."""
    page = journey.page
    journey.click_link("Recommendations", f"{step}-list", exact=True)
    for number, text in enumerate(texts, start=1):
        journey.click_link("Add a recommendation", f"{step}-{number}-form", exact=True, shot=False)
        page.get_by_label("Recommendation", exact=True).fill(text)
        page.get_by_label("High", exact=True).check()
        journey.press("Add recommendation", f"{step}-{number}-added", shot=number == len(texts))
    journey.click_link("Back to the review", f"{step}-back", exact=True, shot=False)


def share_for_factual_check(journey, *, step):
    page = journey.page
    journey.click_link("Share for a factual accuracy check", f"{step}-form")
    assert heading(page) == "Share the draft for a factual accuracy check"
    journey.press("Share the draft", f"{step}-shared")
    assert "for a factual accuracy check" in page.locator(".govuk-notification-banner").inner_text()
