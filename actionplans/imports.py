"""Reading a plan drafted offline in the exported XLSX layout. Everything is checked before anything is saved."""

import re
from dataclasses import dataclass
from datetime import date, datetime

from common.names import listed, normalise_name, shorten
from common.spreadsheets import SpreadsheetRefused, workbook_opened

from .choices import ActionStatus, Priority
from .exports import HEADERS

MAX_ROWS = 1000
NOT_XLSX = "The selected file must be a spreadsheet saved as .xlsx"
WRONG_HEADINGS = (
    "Row 1: the headings must be {headings}, in that order. Download the plan as a spreadsheet to get the layout"
)
TOO_MANY_ROWS = f"The spreadsheet must have no more than {MAX_ROWS} rows"
NO_ACTIONS = "The spreadsheet has no actions. Add one row per action below the headings"
ROW_NO_RECOMMENDATION = "Row {row}: enter the recommendation the action answers, like R1"
ROW_UNKNOWN_RECOMMENDATION = "Row {row}: {value} is not a recommendation of this assessment. Use one of {labels}"
ROW_CLOSED_RECOMMENDATION = "Row {row}: {label} is closed, so it cannot have new actions. Remove the row"
ROW_NO_ACTION = "Row {row}: enter the action"
ROW_ACTION_TOO_LONG = "Row {row}: the action must be 5000 characters or fewer"
ROW_PRIORITY = "Row {row}: enter a priority of High, Medium or Low"
ROW_NO_OWNER = "Row {row}: enter an owner, a person or a role like Departmental Records Officer"
ROW_OWNER_TOO_LONG = "Row {row}: the owner must be 200 characters or fewer"
ROW_NO_DUE_DATE = "Row {row}: enter the date the action is due for completion"
ROW_DUE_DATE = "Row {row}: enter the due date as a real date, like 31/03/2027"
ROW_STATUS = "Row {row}: enter a status of Not started, Underway, Complete or Not applicable, or leave it empty"
MORE_PROBLEMS = "And {count} more problem{s}"

RECOMMENDATION_NUMBER = re.compile(r"^\s*R?\s*(\d+)\b", re.IGNORECASE)
# "1A: ", "1A. ", "1A – " or "1A " before the description, as exported.
ACTION_LABEL = re.compile(r"^\s*\d+[A-Z]{1,3}(?:\s*[:.)\-–]\s*|\s+)")
OWNER_WITH_PERSON = re.compile(r"^(?P<owner>.+?)\s*\((?P<person>[^()]+)\)\s*$")
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%m-%Y", "%d.%m.%Y")


@dataclass
class ImportedAction:
    row: int
    recommendation: object
    description: str
    priority: str
    owner_text: str
    owner_user: object
    due_date: date
    status: str


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _choice(value, choices):
    wanted = normalise_name(_text(value).replace("_", " "))
    for key, label in choices:
        if wanted in (normalise_name(label), normalise_name(key.replace("_", " "))):
            return key
    return None


def _due_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


class PlanWorkbookReader:
    def __init__(self, *, recommendations, members):
        """`recommendations`: the assessment's; `members`: users of the department (owners may link to them)."""
        self.recommendations = {r.number: r for r in recommendations}
        self.people = {}
        for user in members:
            self.people[normalise_name(user.full_name)] = user
            self.people[normalise_name(user.email)] = user
        self.errors = []
        self.actions = []

    def read(self, file):
        """Returns (actions, errors); actions are meaningful only when errors is empty."""
        try:
            with workbook_opened(file, unreadable=NOT_XLSX) as workbook:
                return self._read(workbook)
        except SpreadsheetRefused as refused:
            return [], [refused.message]

    def _read(self, workbook):
        rows = workbook.rows(workbook.worksheets[0]) if workbook.worksheets else iter(())
        header = next(rows, None)
        if header is None or [normalise_name(_text(v)) for v in list(header)[: len(HEADERS)]] != [
            normalise_name(h) for h in HEADERS
        ]:
            return [], [WRONG_HEADINGS.format(headings=", ".join(HEADERS))]
        current = None
        for number, values in enumerate(rows, start=2):
            if number > MAX_ROWS + 1:
                return [], [TOO_MANY_ROWS]
            values = (list(values) + [None] * len(HEADERS))[: len(HEADERS)]
            if all(_text(v) == "" for v in values):
                continue
            current = self._row(number, values, current)
        if not self.errors and not self.actions:
            self.errors.append(NO_ACTIONS)
        return self.actions, self.errors

    def _recommendation(self, number, cell, current):
        text = _text(cell)
        if not text:
            if current is None:
                self.errors.append(ROW_NO_RECOMMENDATION.format(row=number))
            return current
        match = RECOMMENDATION_NUMBER.match(text)
        recommendation = self.recommendations.get(int(match.group(1))) if match else None
        if recommendation is None:
            labels = listed((r.label for r in self.recommendations.values()), limit=20) or "none"
            self.errors.append(ROW_UNKNOWN_RECOMMENDATION.format(row=number, value=shorten(text, 20), labels=labels))
            return False  # rows below that leave it empty are not reported twice
        return recommendation

    def _owner(self, number, cell):
        text = _text(cell)
        if not text:
            self.errors.append(ROW_NO_OWNER.format(row=number))
            return "", None
        person = self.people.get(normalise_name(text))
        match = OWNER_WITH_PERSON.match(text)
        if person is None and match:
            person = self.people.get(normalise_name(match.group("person")))
            if person is not None:
                text = match.group("owner")
        if len(text) > 200:
            self.errors.append(ROW_OWNER_TOO_LONG.format(row=number))
        return text, person

    def _row(self, number, values, current):
        recommendation_cell, action_cell, priority_cell, owner_cell, due_cell, status_cell, _commentary = values
        recommendation = self._recommendation(number, recommendation_cell, current)
        description = ACTION_LABEL.sub("", _text(action_cell), count=1).strip()
        if not description and all(_text(v) == "" for v in values[2:6]):
            return recommendation  # a recommendation listed without actions
        if not recommendation:
            return recommendation
        errors_before = len(self.errors)
        if recommendation.status == "closed":
            self.errors.append(ROW_CLOSED_RECOMMENDATION.format(row=number, label=recommendation.label))
        if not description:
            self.errors.append(ROW_NO_ACTION.format(row=number))
        elif len(description) > 5000:
            self.errors.append(ROW_ACTION_TOO_LONG.format(row=number))
        priority = _choice(priority_cell, Priority.choices)
        if priority is None:
            self.errors.append(ROW_PRIORITY.format(row=number))
        owner_text, owner_user = self._owner(number, owner_cell)
        due_date = _due_date(due_cell)
        if due_date is None:
            self.errors.append((ROW_DUE_DATE if _text(due_cell) else ROW_NO_DUE_DATE).format(row=number))
        status = _choice(status_cell, ActionStatus.choices) if _text(status_cell) else ActionStatus.NOT_STARTED
        if status is None:
            self.errors.append(ROW_STATUS.format(row=number))
        if len(self.errors) == errors_before:
            self.actions.append(
                ImportedAction(number, recommendation, description, priority, owner_text, owner_user, due_date, status)
            )
        return recommendation
