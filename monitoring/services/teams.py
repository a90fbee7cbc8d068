"""Teams: added one by one or imported from a CSV or XLSX file; never deleted once they have answers."""

import csv
import io

from django.db import IntegrityError, transaction

from accounts.models import User
from common.errors import ServiceError
from common.names import first_messages, normalise_name, shorten
from common.spreadsheets import bounded_rows, workbook_opened
from monitoring.models import Team

from . import require_manager

NAME_TAKEN = "Your department already has a team called {name}"
CONTACT_NOT_MEMBER = "The team contact must be someone in your department who uses IMA Portal"
FILE_UNREADABLE = "The selected file could not be read. Save it as CSV or XLSX and upload it again"
NO_NAME_COLUMN = "The file must have a header row with a column called Team"
NO_ROWS = "The file has no teams in it"
ROW_PROBLEMS = "The file was not imported: fix these rows and upload it again"
IMPORT_HEADERS = ("Team", "Directorate", "Director name", "Director email", "Contact email")


def department_member(department, email):
    """The user with this address who belongs to the department, or None."""
    if not email:
        return None
    return User.objects.filter(email__iexact=email.strip(), is_active=True, memberships__department=department).first()


def _contact(department, email):
    contact = department_member(department, email)
    if email and contact is None:
        raise ServiceError(CONTACT_NOT_MEMBER, field="contact_email")
    return contact


@transaction.atomic
def team_save(
    *,
    department,
    by,
    team=None,
    name,
    directorate="",
    director_name="",
    director_email="",
    contact_email="",
    is_active=True,
):
    """Add a team, or change one; the contact is given by email and must be someone in the department."""
    require_manager(by, department)
    contact = _contact(department, contact_email)
    team = team or Team(department=department)
    team.name, team.directorate = name.strip(), directorate.strip()
    team.director_name, team.director_email = director_name.strip(), director_email.strip()
    team.contact, team.is_active = contact, is_active
    try:
        with transaction.atomic():
            team.save()
    except IntegrityError:
        raise ServiceError(NAME_TAKEN.format(name=shorten(name, 60)), field="name") from None
    return team


def _read_rows(upload):
    name = upload.name.lower()
    if name.endswith(".csv"):
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ServiceError(FILE_UNREADABLE, field="file") from None
        return list(bounded_rows(csv.reader(io.StringIO(text))))
    with workbook_opened(upload, unreadable=FILE_UNREADABLE) as workbook:
        sheet = workbook.worksheets[0]
        return [["" if value is None else str(value) for value in row] for row in workbook.rows(sheet)]


def _columns(header):
    wanted = {normalise_name(title): index for index, title in enumerate(IMPORT_HEADERS)}
    columns = {}
    for position, title in enumerate(header):
        index = wanted.get(normalise_name(str(title or "")))
        if index is not None:
            columns[IMPORT_HEADERS[index]] = position
    if "Team" not in columns:
        raise ServiceError(NO_NAME_COLUMN, field="file")
    return columns


@transaction.atomic
def teams_import(*, department, by, upload):
    """Add the file's teams and update those already known by name (matched whatever the capitalisation).

    All or nothing: a file with a problem row imports nothing. Returns (added, updated).
    """
    require_manager(by, department)
    rows = [row for row in _read_rows(upload) if any(str(cell or "").strip() for cell in row)]
    if not rows:
        raise ServiceError(NO_ROWS, field="file")
    columns = _columns(rows[0])
    known = {normalise_name(team.name): team for team in Team.objects.filter(department=department)}
    members = {
        user.email.lower(): user for user in User.objects.filter(memberships__department=department, is_active=True)
    }

    def cell(row, title):
        position = columns.get(title)
        return str(row[position]).strip() if position is not None and position < len(row) and row[position] else ""

    problems, seen, plan = [], set(), []
    for number, row in enumerate(rows[1:], start=2):
        name = cell(row, "Team")
        if not name:
            problems.append(f"Row {number}: enter the team's name")
            continue
        if normalise_name(name) in seen:
            problems.append(f"Row {number}: {shorten(name, 60)} appears twice in the file")
            continue
        seen.add(normalise_name(name))
        contact_email = cell(row, "Contact email").lower()
        if contact_email and contact_email not in members:
            problems.append(f"Row {number}: {shorten(contact_email, 60)} is not someone in your department")
            continue
        plan.append((name, row, members.get(contact_email)))
    if not plan and not problems:
        raise ServiceError(NO_ROWS, field="file")
    if problems:
        raise ServiceError(ROW_PROBLEMS + ": " + "; ".join(first_messages(problems, 20)), field="file")
    added = updated = 0
    for name, row, contact in plan:
        team = known.get(normalise_name(name)) or Team(department=department, name=name[:200])
        updated += bool(team.pk)
        added += not team.pk
        team.directorate = cell(row, "Directorate")[:200]
        team.director_name = cell(row, "Director name")[:200]
        team.director_email = cell(row, "Director email")[:254]
        if contact is not None or "Contact email" in columns:
            team.contact = contact
        team.is_active = True
        team.save()
    return added, updated
