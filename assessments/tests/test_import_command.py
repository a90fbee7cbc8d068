import io
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from django.db import connections

from assessments.models import Assessment

from .import_files import csv_bytes, ima_rows, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def ratings_file(tmp_path, framework, department_a, department_b):
    path = tmp_path / "ratings.csv"
    path.write_bytes(csv_bytes(ima_rows() + ima_rows(department="HO", assessment_type="progress_review", year=2016)))
    return path


@pytest.fixture
def run(monkeypatch):
    """Run the command as `manage.py` does, returning (exit status, stdout, stderr)."""
    # manage.py closes every connection on the way out, which would close the test database.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    return _run


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    status = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            ManagementUtility(["manage.py", "import_ratings", *map(str, args)]).execute()
        except SystemExit as exit_:
            status = exit_.code
    return status, out.getvalue(), err.getvalue()


def test_command_prints_one_line_per_assessment_then_a_summary(ratings_file, capsys):
    call_command("import_ratings", str(ratings_file))
    lines = capsys.readouterr().out.splitlines()
    ima = Assessment.objects.get(assessment_type="ima")
    review = Assessment.objects.get(assessment_type="progress_review")
    assert lines[0].startswith(f"assessment {ima.pk} Department for Education ima 2014")
    assert lines[1].startswith(f"assessment {review.pk} Home Office progress_review 2016")
    assert lines[2] == "Imported 20 ratings: 2 assessments created, 0 updated"
    assert len(lines) == 3


def test_command_output_lines_match_the_documented_format(ratings_file, capsys):
    call_command("import_ratings", str(ratings_file))
    call_command("import_ratings", str(ratings_file))
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "Imported 20 ratings: 0 assessments created, 2 updated"
    pattern = re.compile(r"^assessment \d+ (Department for Education ima 2014|Home Office progress_review 2016)\b")
    assert all(pattern.match(line) for line in lines if not line.startswith("Imported"))


def test_command_records_the_assessor_given_by_email(ratings_file, assessor):
    call_command("import_ratings", str(ratings_file), "--by", "ASSESSOR@example.gov.uk")
    assert {a.published_by for a in Assessment.objects.all()} == {assessor}


def test_command_refuses_a_user_who_is_not_an_assessor(ratings_file, lead_a):
    with pytest.raises(CommandError, match="Only assessors"):
        call_command("import_ratings", str(ratings_file), "--by", lead_a.email)
    assert Assessment.objects.count() == 0


def test_command_reads_xlsx(run, tmp_path, framework, department_a):
    path = tmp_path / "ratings.xlsx"
    path.write_bytes(xlsx_bytes(ima_rows()))
    status, out, _ = run(path)
    assert status == 0
    assert out.splitlines()[0].startswith("assessment ")
    assert Assessment.objects.get().ratings.exclude(assessor_rating=None).count() == 10


def test_bad_file_prints_each_bad_row_on_stderr_and_exits_with_status_1(run, tmp_path, framework, department_a):
    path = tmp_path / "bad.csv"
    rows = [
        *ima_rows(),
        ["Department for Education", "ima", 2014, "Measuring joy", "Satisfactory", ""],
        ["Ministry of Magic", "ima", 2014, "Measuring impact", "Satisfactory", ""],
    ]
    path.write_bytes(csv_bytes(rows))
    status, out, err = run(path)
    assert status == 1
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith('Row 12: Performance area "Measuring joy"')
    assert lines[1].startswith('Row 13: Department "Ministry of Magic"')
    assert "Nothing was imported" in lines[2]
    assert Assessment.objects.count() == 0


def test_missing_file_exits_with_status_1(run, tmp_path, db):
    status, _, err = run(tmp_path / "nowhere.csv")
    assert status == 1
    assert "does not exist" in err


def test_real_process_exit_status_is_1_on_error(tmp_path):
    manage = Path(__file__).resolve().parents[2] / "manage.py"
    completed = subprocess.run(
        [sys.executable, str(manage), "import_ratings", str(tmp_path / "nowhere.csv")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1
    assert "does not exist" in completed.stderr
