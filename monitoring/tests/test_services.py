import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from common.errors import NotAllowed, ServiceError
from monitoring.models import Answer, CriterionVersion, Round, Team
from monitoring.services import answers, criteria, rounds, teams
from monitoring.services.reminders import reminders_send
from tests.support.documents import pdf_bytes

from . import factories

pytestmark = pytest.mark.django_db


def _first_answer(round_):
    return Answer.objects.filter(round=round_).select_related("team", "round__department", "criterion_version").first()


def test_opening_a_round_creates_one_answer_per_team_and_criterion(monitored):
    assert Answer.objects.filter(round=monitored).count() == 9
    assert set(Answer.objects.filter(round=monitored).values_list("status", flat=True)) == {"not_answered"}


def test_a_round_needs_teams_and_criteria(department_a, lead_a):
    with pytest.raises(ServiceError, match=rounds.NO_TEAMS):
        factories.opened_round(department_a, lead_a)
    factories.teams(department_a, 1)
    with pytest.raises(ServiceError, match=rounds.NO_CRITERIA):
        factories.opened_round(department_a, lead_a)


def test_only_the_kim_lead_opens_a_round(department_a, contributor_a, lead_a):
    factories.teams(department_a, 1)
    factories.criteria(department_a, lead_a)
    with pytest.raises(NotAllowed):
        factories.opened_round(department_a, contributor_a)


def test_rewording_a_criterion_keeps_the_version_a_round_answered(monitored, lead_a, department_a):
    answer = _first_answer(monitored)
    criterion = answer.criterion_version.criterion
    criteria.criterion_revise(
        criterion=criterion,
        by=lead_a,
        title=criterion.title,
        question="New question?",
        evidence_guidance="New guidance",
        is_active=True,
    )
    answer.refresh_from_db()
    assert answer.criterion_version.number == 1
    assert CriterionVersion.objects.filter(criterion=criterion).count() == 2
    later = factories.opened_round(department_a, lead_a, name="Quarter 2")
    assert (
        Answer.objects.filter(round=later, criterion_version__criterion=criterion).first().criterion_version.number == 2
    )


def test_the_contact_answers_with_evidence_and_the_lead_verifies(monitored, contributor_a, lead_a, broker):
    answer = _first_answer(monitored)
    upload = SimpleUploadedFile("naming.pdf", pdf_bytes(), content_type="application/pdf")
    saved = answers.answer_submit(answer=answer, by=contributor_a, choice="yes", upload=upload)
    assert saved.status == Answer.Status.SUBMITTED and saved.evidence_extension == "pdf"
    reviewed = answers.answer_review(answer=saved, by=lead_a, decision=answers.VERIFY)
    assert reviewed.status == Answer.Status.VERIFIED
    with pytest.raises(ServiceError, match=answers.ALREADY_VERIFIED):
        answers.answer_submit(answer=reviewed, by=contributor_a, choice="no")


def test_a_yes_needs_evidence(monitored, contributor_a):
    with pytest.raises(ServiceError, match=answers.EVIDENCE_NEEDED):
        answers.answer_submit(answer=_first_answer(monitored), by=contributor_a, choice="yes")


def test_only_the_team_contact_answers(monitored, lead_a):
    with pytest.raises(NotAllowed):
        answers.answer_submit(answer=_first_answer(monitored), by=lead_a, choice="no")


def test_a_challenge_needs_a_comment_and_emails_the_contact(monitored, contributor_a, lead_a, broker):
    answer = answers.answer_submit(
        answer=_first_answer(monitored), by=contributor_a, choice="partly", evidence_link="https://intranet.example/x"
    )
    with pytest.raises(ServiceError, match=answers.CHALLENGE_NEEDS_COMMENT):
        answers.answer_review(answer=answer, by=lead_a, decision=answers.CHALLENGE)
    with broker.after_commit():
        answers.answer_review(answer=answer, by=lead_a, decision=answers.CHALLENGE, comment="Show the folder")
    assert [email.to for email in broker.emails] == [[contributor_a.email]]
    assert "Show the folder" in broker.emails[0].body


def test_a_closed_round_takes_no_answers(monitored, contributor_a, lead_a):
    rounds.round_close(round_=monitored, by=lead_a)
    with pytest.raises(ServiceError, match=answers.ROUND_CLOSED):
        answers.answer_submit(answer=_first_answer(monitored), by=contributor_a, choice="no")
    assert Round.objects.get(pk=monitored.pk).status == "closed"


def test_teams_import_adds_and_updates_by_name(department_a, lead_a, contributor_a):
    Team.objects.create(department=department_a, name="Finance")
    content = (
        "Team,Directorate,Director name,Director email,Contact email\n"
        f"finance,Corporate,Fay Director,fay@example.gov.uk,{contributor_a.email}\n"
        "Estates,Operations,Ola Director,ola@example.gov.uk,\n"
    ).encode()
    added, updated = teams.teams_import(
        department=department_a, by=lead_a, upload=SimpleUploadedFile("teams.csv", content)
    )
    assert (added, updated) == (1, 1)
    finance = Team.objects.get(department=department_a, name="Finance")
    assert (finance.director_name, finance.contact) == ("Fay Director", contributor_a)


def test_teams_import_refuses_a_contact_from_another_department(department_a, lead_a, lead_b):
    content = f"Team,Contact email\nFinance,{lead_b.email}\n".encode()
    with pytest.raises(ServiceError, match="not someone in your department"):
        teams.teams_import(department=department_a, by=lead_a, upload=SimpleUploadedFile("teams.csv", content))
    assert not Team.objects.filter(department=department_a).exists()


def test_reminders_go_once_to_contacts_with_answers_to_give(monitored, contributor_a, broker, settings):
    today = monitored.closes_on - datetime.timedelta(days=settings.MONITORING_REMIND_DAYS_BEFORE)
    with broker.after_commit():
        run = reminders_send(today=today)
    assert run.rounds == 1 and len(broker.emails) == 1  # three teams, one contact: one email per address
    with broker.after_commit():
        assert reminders_send(today=today).rounds == 0


def test_deleting_a_department_removes_its_monitoring(monitored, department_a):
    department_a.delete()
    assert not Answer.objects.exists() and not Team.objects.exists()


def test_beat_runs_the_reminders_daily(settings):
    from monitoring.tasks import send_round_reminders

    assert settings.CELERY_BEAT_SCHEDULE["monitoring-send-round-reminders"]["task"] == send_round_reminders.name
