import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook

from conftest import client_for
from monitoring.models import Criterion, CriterionVersion, Round, Team

from . import factories

pytestmark = pytest.mark.django_db


def _xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_kim_lead_imports_teams_from_xlsx(client, lead_a, department_a):
    upload = SimpleUploadedFile(
        "teams.xlsx", _xlsx([["Team", "Directorate", "Director name"], ["Finance", "Corporate", "Fay Director"]])
    )
    response = client_for(client, lead_a).post(
        reverse("monitoring:team_import", args=[department_a.slug]), {"file": upload}
    )
    assert response.status_code == 302
    assert Team.objects.get(department=department_a).director_name == "Fay Director"


def test_a_file_without_a_team_column_shows_the_error(client, lead_a, department_a):
    upload = SimpleUploadedFile("teams.csv", b"Name,Directorate\nFinance,Corporate\n")
    response = client_for(client, lead_a).post(
        reverse("monitoring:team_import", args=[department_a.slug]), {"file": upload}
    )
    assert response.status_code == 200 and "a column called Team" in response.content.decode()


def test_adding_a_team_with_a_contact_outside_the_department_is_refused(client, lead_a, lead_b, department_a):
    response = client_for(client, lead_a).post(
        reverse("monitoring:team_add", args=[department_a.slug]), {"name": "Finance", "contact_email": lead_b.email}
    )
    assert response.status_code == 200 and "must be someone in your department" in response.content.decode()
    assert not Team.objects.exists()


def test_a_team_name_is_unique_in_the_department(client, lead_a, department_a):
    Team.objects.create(department=department_a, name="Finance")
    response = client_for(client, lead_a).post(
        reverse("monitoring:team_add", args=[department_a.slug]), {"name": "Finance", "is_active": "on"}
    )
    assert "already has a team called Finance" in response.content.decode()


def test_changing_a_criterion_on_its_page_makes_a_new_version(client, lead_a, department_a):
    criterion = factories.criteria(department_a, lead_a, keys=["training-completed"])[0]
    response = client_for(client, lead_a).post(
        reverse("monitoring:criterion_edit", args=[department_a.slug, criterion.pk]),
        {"title": "Training done", "question": "Trained?", "evidence_guidance": "Figures", "is_active": "on"},
    )
    assert response.status_code == 302
    assert list(CriterionVersion.objects.filter(criterion=criterion).values_list("number", flat=True)) == [2, 1]
    assert Criterion.objects.get(pk=criterion.pk).title == "Training done"


def test_choosing_the_same_starter_criterion_twice_is_refused(client, lead_a, department_a):
    factories.criteria(department_a, lead_a, keys=["naming-convention"])
    response = client_for(client, lead_a).post(
        reverse("monitoring:criterion_add", args=[department_a.slug]), {"key": "naming-convention"}
    )
    assert "already uses the criterion Naming convention used" in response.content.decode()


def test_opening_a_round_closing_before_it_opens_is_refused(client, lead_a, department_a):
    factories.teams(department_a, 1)
    factories.criteria(department_a, lead_a)
    data = {"name": "Q1", "opens_on_0": "10", "opens_on_1": "4", "opens_on_2": "2027"}
    data.update({"closes_on_0": "1", "closes_on_1": "4", "closes_on_2": "2027"})
    response = client_for(client, lead_a).post(reverse("monitoring:round_add", args=[department_a.slug]), data)
    assert "closing date must be the same as or after" in response.content.decode()
    assert not Round.objects.exists()


def test_the_reminders_command_reports_what_it_sent(monitored, broker, capsys):
    call_command("send_monitoring_reminders", "--today", monitored.closes_on.isoformat())
    assert "1 reminders for 1 rounds" in capsys.readouterr().out
