import pytest
from django.urls import reverse

from conftest import client_for
from monitoring.models import Answer, DirectorLetter, Round, Team
from monitoring.services import answers as answer_services
from reports.tests.conftest import pdf_text
from tests.support.queries import page_queries

from . import factories

pytestmark = pytest.mark.django_db


def test_the_league_table_states_the_rule_and_shows_lights(client, lead_a, monitored):
    response = client_for(client, lead_a).get(reverse("monitoring:round_detail", args=[monitored.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "IMA Portal&#x27;s own rule" in body and "green at 80% or more" in body
    assert body.count('govuk-tag--red">Red') == 3 * 3 + 3  # every answer and every team red before answers


def test_the_directorate_filter_keeps_only_its_teams(client, lead_a, monitored):
    url = reverse("monitoring:round_detail", args=[monitored.pk]) + "?directorate=Operations"
    body = client_for(client, lead_a).get(url).content.decode()
    assert "Team 0001" in body and "Team 0000" not in body


def test_the_csv_export_has_what_the_page_shows(client, lead_a, contributor_a, monitored):
    answer = Answer.objects.filter(round=monitored).select_related("team", "round__department").first()
    answer_services.answer_submit(answer=answer, by=contributor_a, choice="partly", evidence_link="https://x.example/a")
    answer_services.answer_review(answer=answer, by=lead_a, decision=answer_services.VERIFY)
    response = client_for(client, lead_a).get(reverse("monitoring:round_export", args=[monitored.pk, "csv"]))
    rows = response.content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Position,Team,Directorate,Director,Score (%),Traffic light,Naming convention used")
    assert rows[1].startswith(f"1,{answer.team.name},") and ',17,Red,"Partly (verified, amber)"' in rows[1]
    assert len(rows) == 4


def test_the_xlsx_export_is_a_spreadsheet(client, lead_a, monitored):
    response = client_for(client, lead_a).get(reverse("monitoring:round_export", args=[monitored.pk, "xlsx"]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


def test_the_contact_answers_through_the_page(client, contributor_a, monitored):
    answer = Answer.objects.filter(round=monitored).first()
    response = client_for(client, contributor_a).post(
        reverse("monitoring:answer_edit", args=[answer.pk]), {"choice": "no", "explanation": "Not yet"}
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert (answer.choice, answer.status) == ("no", "submitted")


def test_a_yes_without_evidence_shows_the_error_and_keeps_what_was_typed(client, contributor_a, monitored):
    answer = Answer.objects.filter(round=monitored).first()
    response = client_for(client, contributor_a).post(
        reverse("monitoring:answer_edit", args=[answer.pk]), {"choice": "yes", "explanation": "We do"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body and "We do" in body


def test_preparing_letters_queues_one_per_director(client, lead_a, monitored, broker):
    with broker.after_commit():
        response = client_for(client, lead_a).post(reverse("monitoring:round_letters", args=[monitored.pk]))
    assert response.status_code == 302
    assert DirectorLetter.objects.filter(round=monitored).count() == 3
    assert len(broker.sent("monitoring.tasks.render_director_letter")) == 3


def test_a_letter_renders_to_a_pdf(lead_a, monitored, broker):
    from monitoring.letters import letter_execute
    from monitoring.services.letters import letters_prepare

    Team.objects.filter(name="Team 0000").update(name="<script>alert(1)</script> Team")
    ids = letters_prepare(round_=monitored, by=lead_a)
    letter = letter_execute(DirectorLetter.objects.get(pk__in=ids, director_email="director0@example.gov.uk").pk)
    letter.refresh_from_db()
    data = letter.pdf.read()
    assert letter.status == "done" and data[:5] == b"%PDF-"
    text = pdf_text(data)
    assert "<script>alert(1)</script> Team: what to improve" in text and "Naming convention used" in text


def test_tna_sees_a_round_only_once_shared(client, assessor, lead_a, monitored):
    url = reverse("monitoring:round_detail", args=[monitored.pk])
    assert client_for(client, assessor).get(url).status_code == 404
    Round.objects.filter(pk=monitored.pk).update(shared_with_tna=True)
    assert client.get(url).status_code == 200


def test_another_department_never_sees_the_round(client, lead_b, monitored):
    assert client_for(client, lead_b).get(reverse("monitoring:round_detail", args=[monitored.pk])).status_code == 404


def test_the_league_table_runs_as_many_queries_for_500_teams_as_for_5(
    client, lead_a, department_a, department_b, lead_b
):
    factories.teams(department_a, 5)
    factories.criteria(department_a, lead_a, keys=factories.STARTER_KEYS)
    small = factories.opened_round(department_a, lead_a, name="Small")
    factories.teams(department_b, 500)
    factories.criteria(department_b, lead_b, keys=factories.STARTER_KEYS)
    factories.opened_round(department_b, lead_b, name="Before")
    large = factories.opened_round(
        department_b, lead_b, name="Large", opens_on=Round.objects.get(name="Before").opens_on.replace(year=2099)
    )
    factories.opened_round(department_a, lead_a, name="Small before", opens_on=small.opens_on.replace(year=2000))
    small_count = page_queries(client_for(client, lead_a), reverse("monitoring:round_detail", args=[small.pk]))
    large_count = page_queries(client_for(client, lead_b), reverse("monitoring:round_detail", args=[large.pk]))
    assert large_count == small_count


def test_the_team_list_and_the_export_run_as_many_queries_for_500_teams_as_for_5(
    client, lead_a, lead_b, department_a, department_b, contributor_a
):
    for department, lead, count in ((department_a, lead_a, 5), (department_b, lead_b, 500)):
        factories.teams(department, count, contact=lead)
        factories.criteria(department, lead)
        factories.opened_round(department, lead, name="Round")
    counts = {}
    for department, lead in ((department_a, lead_a), (department_b, lead_b)):
        round_ = Round.objects.get(department=department)
        client_for(client, lead)
        counts[department.slug] = (
            page_queries(client, reverse("monitoring:team_list", args=[department.slug])),
            page_queries(client, reverse("monitoring:round_export", args=[round_.pk, "xlsx"])),
        )
    assert counts[department_a.slug] == counts[department_b.slug]


def test_a_teams_page_shows_its_score_in_every_round(client, lead_a, contributor_a, department_a, monitored):
    answer = Answer.objects.filter(round=monitored).select_related("team", "round__department").first()
    answer_services.answer_submit(answer=answer, by=contributor_a, choice="yes", evidence_link="https://x.example/a")
    answer_services.answer_review(answer=answer, by=lead_a, decision=answer_services.VERIFY)
    later = factories.opened_round(
        department_a, lead_a, name="Quarter 2", opens_on=monitored.opens_on.replace(year=2099)
    )
    body = client_for(client, lead_a).get(reverse("monitoring:team_answers", args=[later.pk, answer.team_id])).content
    trend = body.decode().split("over the rounds</caption>")[1].split("</table>")[0]
    assert "Quarter 1" in trend and "33%" in trend and "Quarter 2" in trend and "0%" in trend


def test_a_bad_traffic_light_setting_stops_the_system_check(settings):
    from monitoring.checks import monitoring_rule_settings

    settings.MONITORING_AMBER_AT, settings.MONITORING_GREEN_AT = 90, 80
    assert [error.id for error in monitoring_rule_settings(None)] == ["monitoring.E001"]


def test_a_shared_round_becomes_evidence_of_a_draft_self_assessment(client, lead_a, department_a, framework, monitored):
    from assessments.models import Assessment, Evidence
    from assessments.tests.factories import stored_assessment

    draft = stored_assessment(
        department_a, status="draft", assessment_type=Assessment.Type.SELF_ASSESSMENT, year=2027, by=lead_a
    )
    rating = draft.ratings.order_by("area__theme__number", "area__number").first()
    url = reverse("monitoring:round_cite", args=[monitored.pk])
    client_for(client, lead_a)
    refused = client.post(url, {"rating": rating.pk})
    assert "Share the round with The National Archives first" in refused.content.decode()
    Round.objects.filter(pk=monitored.pk).update(shared_with_tna=True)
    assert client.post(url, {"rating": rating.pk}).status_code == 302
    evidence = Evidence.objects.get(rating=rating)
    assert evidence.title == "Team monitoring: Quarter 1 league table"
    assert evidence.url.endswith(reverse("monitoring:round_detail", args=[monitored.pk]))


def test_the_sweeper_sends_again_a_letter_the_broker_never_took_and_requeues_one_whose_worker_died(
    lead_a, monitored, broker, monkeypatch
):
    import datetime as dt

    from django.utils import timezone

    from common import broker as common_broker
    from monitoring.letters import letters_sweep
    from monitoring.services.letters import letters_prepare

    broker.refuse(OSError("broker down"))
    with broker.after_commit():
        ids = letters_prepare(round_=monitored, by=lead_a)
    broker.accept()
    monkeypatch.setattr(common_broker, "QUIET_AFTER_FAILURE_SECONDS", 0)  # the quiet seconds are over
    long_ago = timezone.now() - dt.timedelta(hours=1)
    DirectorLetter.objects.filter(pk=ids[0]).update(status=DirectorLetter.Status.RUNNING, started_at=long_ago)
    result = letters_sweep()
    assert result["requeued"] == 1 and sorted(result["resent"]) == sorted(ids)
    assert len(broker.sent("monitoring.tasks.render_director_letter")) == 3
