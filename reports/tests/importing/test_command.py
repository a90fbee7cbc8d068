import io
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from django.db import connections

from accounts.tests.factories import AssessorFactory
from assessments.models import Assessment

from .files import EXAMPLE, first, json_bytes, workbook_bytes

pytestmark = pytest.mark.django_db

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"


@pytest.fixture
def run(monkeypatch):
    """Run the command as `manage.py` does, returning (exit status, stdout, stderr)."""
    # manage.py closes every connection on the way out, which would close the test database.
    monkeypatch.setattr(connections, "close_all", lambda: None)

    def _run(*args):
        out, err = io.StringIO(), io.StringIO()
        status = 0
        with redirect_stdout(out), redirect_stderr(err):
            try:
                ManagementUtility(["manage.py", "import_report", *map(str, args)]).execute()
            except SystemExit as exit_:
                status = exit_.code
        return status, out.getvalue(), err.getvalue()

    return _run


def test_prints_one_line_per_assessment(setting, capsys):
    call_command("import_report", str(EXAMPLE))
    ima = Assessment.objects.get(assessment_type="ima")
    review = Assessment.objects.get(assessment_type="progress_review")
    assert capsys.readouterr().out.splitlines() == [
        f"assessment {ima.pk} DfE ima 2013",
        f"assessment {review.pk} DfE progress_review 2015",
    ]


def test_the_same_lines_when_nothing_changes(setting, capsys):
    call_command("import_report", str(EXAMPLE))
    first_lines = capsys.readouterr().out
    call_command("import_report", str(EXAMPLE))
    assert capsys.readouterr().out == first_lines
    assert Assessment.objects.count() == 2


def test_publisher_is_the_first_active_assessor_by_default(setting, capsys):
    AssessorFactory(email="second@example.gov.uk")
    call_command("import_report", str(EXAMPLE))
    assert {assessment.published_by for assessment in Assessment.objects.all()} == {setting["by"]}


def test_publisher_may_be_named_by_email(setting, capsys):
    other = AssessorFactory(email="second@example.gov.uk")
    call_command("import_report", str(EXAMPLE), "--by", "SECOND@example.gov.uk")
    assert {assessment.published_by for assessment in Assessment.objects.all()} == {other}


def test_refuses_a_person_who_is_not_an_assessor(setting, lead_a):
    with pytest.raises(CommandError, match="Only assessors"):
        call_command("import_report", str(EXAMPLE), "--by", lead_a.email)
    with pytest.raises(CommandError, match=r"No user has the email address nobody@example\.gov\.uk"):
        call_command("import_report", str(EXAMPLE), "--by", "nobody@example.gov.uk")
    assert Assessment.objects.count() == 0


def test_without_any_assessor_it_asks_for_one(framework, department_a):
    with pytest.raises(CommandError, match="name one with --by EMAIL"):
        call_command("import_report", str(EXAMPLE))


def test_reads_a_workbook(run, setting, tmp_path, data):
    path = tmp_path / "reports.xlsx"
    path.write_bytes(workbook_bytes(data))
    status, out, err = run(path)
    assert (status, err) == (0, "")
    assert [line.split()[2:] for line in out.splitlines()] == [
        ["DfE", "ima", "2013"],
        ["DfE", "progress_review", "2015"],
    ]


def test_problems_go_to_stderr_with_their_places_and_exit_status_1(run, setting, tmp_path, data):
    first(data)["ratings"][7]["area"] = "Measuring impakt"
    first(data)["recommendations"][0]["priority"] = "Soon"
    path = tmp_path / "bad.json"
    path.write_bytes(json_bytes(data))
    status, out, err = run(path)
    assert status == 1
    assert out == ""
    assert err.splitlines() == [
        'assessments[0].ratings[7].area: "Measuring impakt" is not a performance area of '
        "IMA performance framework 2013",
        'assessments[0].recommendations[0].priority: "Soon" is not a priority: use High, Medium or Low',
        "CommandError: Nothing was imported: the file has 2 problems to fix.",
    ]
    assert Assessment.objects.count() == 0


def test_many_problems_are_cut_short_on_stderr(run, setting, tmp_path, data):
    first(data)["ratings"] = [{"area": f"Area {number}", "rating": "Satisfactory"} for number in range(55)]
    path = tmp_path / "bad.json"
    path.write_bytes(json_bytes(data))
    status, _, err = run(path)
    lines = err.splitlines()
    assert status == 1
    assert len(lines) == 52
    assert lines[-2:] == ["And 5 more problems", "CommandError: Nothing was imported: the file has 55 problems to fix."]


def test_a_real_process_exits_with_status_1_when_the_file_is_missing(tmp_path):
    completed = subprocess.run(
        [sys.executable, str(MANAGE), "import_report", str(tmp_path / "nowhere.json")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 1
    assert "does not exist or is not a file" in completed.stderr
