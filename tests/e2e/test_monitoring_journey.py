"""Departmental KIM monitoring end to end in a browser: the KIM lead sets teams (imported) and criteria and opens
a round, the team contact answers with evidence, the KIM lead verifies and challenges, reads the league table
with its traffic lights, filters it by directorate and downloads a director's letter, rendered by a real worker.
"""

import datetime
from pathlib import Path

import pytest

from monitoring.models import DirectorLetter
from tests.support.waiting import wait_until

from .journeys import Journey, heading, minimal_pdf

pytestmark = pytest.mark.django_db(transaction=True)


def _date(page, name, day):
    page.fill(f"#id_{name}_0", str(day.day))
    page.fill(f"#id_{name}_1", str(day.month))
    page.fill(f"#id_{name}_2", str(day.year))


def test_kim_lead_runs_a_monitoring_round_end_to_end(
    page, screenshot, department_a, lead_a, contributor_a, celery_worker, capsys
):
    journey = Journey(page, screenshot, "journey-monitoring")
    journey.sign_in(lead_a, "lead")
    journey.click_link("Team monitoring", "index", exact=True)
    assert heading(page) == "Team monitoring"

    # Teams, imported from a CSV file
    journey.click_link("Teams of", "teams")
    journey.click_link("Import teams from a file", "import")
    teams_csv = (
        "Team,Directorate,Director name,Director email,Contact email\n"
        f"Finance,Corporate services,Fay Director,fay@example.gov.uk,{contributor_a.email}\n"
        "Estates,Corporate services,Fay Director,fay@example.gov.uk,\n"
        "Casework,Operations,Olu Director,olu@example.gov.uk,\n"
    )
    page.set_input_files(
        "#id_file", files=[{"name": "teams.csv", "mimeType": "text/csv", "buffer": teams_csv.encode()}]
    )
    journey.press("Import teams", "teams-imported")
    assert "3 teams added" in page.locator(".govuk-notification-banner").inner_text()

    # Criteria from the starter set
    page.goto("/monitoring/")
    journey.check("index-again", shot=False)
    journey.click_link("Criteria of", "criteria")
    for title in ("Naming convention used", "Retention applied"):
        journey.click_link("Add from the starter set", f"add-{title[:6].lower()}")
        page.get_by_label(title, exact=True).check()
        journey.press("Add criterion", f"added-{title[:6].lower()}")

    # Open the round
    page.goto("/monitoring/")
    journey.check("index-before-round", shot=False)
    journey.click_link("Open a round", "round-form")
    page.fill("#id_name", "Quarter 1")
    today = datetime.date.today()
    _date(page, "opens_on", today)
    _date(page, "closes_on", today + datetime.timedelta(days=30))
    journey.press("Open the round", "round-opened")
    assert heading(page) == "Quarter 1"
    round_url = page.url
    journey.sign_out()

    # The team contact answers with evidence
    journey.sign_in(contributor_a, "contact")
    journey.click_link("Team monitoring", "contact-index", exact=True)
    journey.click_link("Quarter 1", "contact-round", exact=True)
    journey.click_link("Finance", "contact-team", exact=True)
    journey.click_link("Answer Naming convention used", "answer-form")
    page.get_by_label("Yes", exact=True).check()
    page.set_input_files(
        "#id_evidence_file", files=[{"name": "names.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf()}]
    )
    journey.press("Save answer", "answered-naming")
    journey.click_link("Answer Retention applied", "answer-form-2")
    page.get_by_label("Partly", exact=True).check()
    journey.press("Save answer", "answer-without-evidence")
    assert "Upload a file or give a link" in page.locator(".govuk-error-summary").inner_text()
    page.fill("#id_evidence_link", "https://intranet.example.gov.uk/finance/retention")
    journey.press("Save answer", "answered-retention")
    journey.sign_out()

    # The KIM lead verifies one answer and challenges the other
    journey.sign_in(lead_a, "lead-again")
    page.goto(round_url)
    journey.check("round-before-checks", shot=False)
    journey.click_link("Finance", "lead-team", exact=True)
    journey.click_link("Check Naming convention used", "check-form")
    page.get_by_label("Yes, verify the answer").check()
    journey.press("Save check", "verified")
    journey.click_link("Check Retention applied", "check-form-2")
    page.get_by_label("No, challenge the answer").check()
    page.fill("#id_comment", "Show the disposal record for this quarter")
    journey.press("Save check", "challenged")

    # League table, traffic lights and the directorate filter
    page.goto(round_url)
    journey.check("league-table")
    first_row = page.locator("tbody tr").first
    assert "Finance" in first_row.inner_text() and "50%" in first_row.inner_text()
    assert "Amber" in first_row.inner_text()
    page.select_option("#id_directorate", "Operations")
    journey.press("Filter", "filtered")
    assert page.locator("tbody tr").count() == 1 and "Casework" in page.locator("tbody").inner_text()

    # Letters to directors, rendered by the worker
    journey.click_link("Letters to directors", "letters")
    journey.press("Prepare letters to directors", "letters-queued")
    wait_until(
        lambda: DirectorLetter.objects.filter(status=DirectorLetter.Status.DONE).count() == 2,
        timeout=60,
        message="the worker did not render both letters",
    )
    page.reload()
    journey.check("letters-ready")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the letter to Fay Director (PDF)").click()
    assert Path(download_info.value.path()).read_bytes().startswith(b"%PDF")

    # At 375px the page does not scroll sideways: the league table scrolls inside its own region
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(round_url)
    journey.check("league-table-375px")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    journey.finish(capsys)
