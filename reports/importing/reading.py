"""Reading a report file into one shape: {"assessments": [...]}, from JSON or from an Excel workbook.

A workbook has the same parts as sheets: `assessments` (one row per assessment; an object's parts are
flattened into columns such as `baseline_type` or `fieldwork_from`), and `ratings`, `themes`,
`next_steps` and `recommendations`, whose rows name their assessment by department, type and year.
Every value keeps its place (sheet, row, column) so a problem is reported where the person can fix it.
"""

import datetime
import json
from dataclasses import dataclass, field

from assessments.services.import_reading import column_key
from common.errors import ServiceError
from common.names import normalise_name, shorten
from common.spreadsheets import SpreadsheetRefused, workbook_opened

from .problems import Problem, ReportImportError, json_place, shown, shown_list

MAX_ROWS = 20_000

ERROR_EMPTY = "The file is empty"
ERROR_NOT_UTF8 = "The file must be saved as UTF-8"
ERROR_NOT_JSON = "The file is not valid JSON: {problem} at line {line}, column {column}"
ERROR_JSON_TOO_DEEP = "The file is not valid JSON: it is nested too deeply"
ERROR_JSON_CONSTANT = "The file is not valid JSON: {value} is not a JSON number"
ERROR_NOT_A_REPORT_FILE = "The file must be a JSON file or an Excel workbook (.xlsx)"
ERROR_OLD_EXCEL = "The file is an old-style Excel workbook (.xls): save it as .xlsx and import it again"
ERROR_NO_ASSESSMENTS_SHEET = 'The workbook has no "assessments" sheet: add one, with a row for each assessment'
ERROR_UNKNOWN_SHEET = "The workbook has a sheet the import does not know: the sheets are " + (
    "assessments, ratings, themes, next_steps and recommendations"
)
ERROR_REPEATED_SHEET = "The workbook has this sheet more than once"
ERROR_NO_HEADER = "The sheet is empty: its first row names the columns"
ERROR_MISSING_COLUMNS = "The header row has no {columns} column{s}"
ERROR_UNKNOWN_COLUMNS = "The header row has a column the import does not know ({columns}): the columns are {known}"
ERROR_REPEATED_COLUMN = "The header row has the {column} column more than once"
ERROR_TOO_MANY_ROWS = f"The sheet has more than {MAX_ROWS:,} rows: split the file"
ERROR_ROW_NEEDS_ASSESSMENT = "Enter the department, type and year of the assessment this row belongs to"
ERROR_ROW_NO_ASSESSMENT = (
    "{department} {type} {year} is not in the assessments sheet: add a row for it there, or correct this row"
)

ZIP_SIGNATURE = b"PK\x03\x04"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

KEY_COLUMNS = ("department", "type", "year")
# An object's parts in the JSON, as columns of the assessments sheet.
FLATTENED = {
    "baseline_type": ("baseline", "type"),
    "baseline_year": ("baseline", "year"),
    "fieldwork_from": ("fieldwork", "from"),
    "fieldwork_to": ("fieldwork", "to"),
    "fieldwork_place": ("fieldwork", "place"),
    "commitment_text": ("commitment", "text"),
    "commitment_signed_by": ("commitment", "signed_by"),
    "commitment_signed_on": ("commitment", "signed_on"),
    "next_steps_lead": ("next_steps", "lead"),
}
# sheet: (required columns, optional columns)
SHEETS = {
    "assessments": (
        (*KEY_COLUMNS, "published_on"),
        ("framework", "assessed", "background", "key_findings", *FLATTENED),
    ),
    "ratings": ((*KEY_COLUMNS, "area", "rating"), ()),
    "themes": ((*KEY_COLUMNS, "theme"), ("situation", "progress")),
    "next_steps": ((*KEY_COLUMNS, "text"), ("recommendation",)),
    "recommendations": ((*KEY_COLUMNS, "number", "area", "text", "priority"), ()),
}


class FileUnreadable(ServiceError):
    """The file cannot be read at all (not JSON, not a workbook): one problem about the whole file."""


@dataclass
class Document:
    data: object
    source: str  # "json" or "xlsx"
    problems: list = field(default_factory=list)  # found while reading (a workbook row naming no assessment)
    origins: dict = field(default_factory=dict)  # workbook: path prefix → (sheet, row)

    def place(self, path):
        """Where `path` is in the file, as the person sees it."""
        path = tuple(path)
        for cut in range(len(path), 0, -1):
            origin = self.origins.get(path[:cut])
            if origin:
                sheet, row = origin
                column = "_".join(str(part) for part in path[cut:])
                text = f"Sheet {sheet}, row {row}"
                return f"{text}, column {column}" if column and _is_column(sheet, column) else text
        return json_place(path)


def _is_column(sheet, column):
    required, optional = SHEETS[sheet]
    return column in required or column in optional


class KeyedDict(dict):
    """A JSON object that remembers the keys it was given more than once (the last one wins in `dict`)."""

    repeated = ()


def read_document(*, content, filename="", key_of=None):
    """The file as {"assessments": [...]}, sniffed by content; a file that cannot be read raises ReportImportError.

    `key_of(department, type, year)` says which assessment a workbook row belongs to (names match as the
    import matches them); by default the three values compared as text.
    """
    try:
        if not content.strip():
            raise FileUnreadable(ERROR_EMPTY)
        if content.startswith(ZIP_SIGNATURE):
            return _read_workbook(content, key_of or _text_key)
        if content.startswith(OLE2_SIGNATURE):
            raise FileUnreadable(ERROR_OLD_EXCEL)
        if filename.lower().endswith((".xlsx", ".xlsm")) or b"\x00" in content[:4096]:
            raise FileUnreadable(ERROR_NOT_A_REPORT_FILE)
        return Document(data=_read_json(content), source="json")
    except FileUnreadable as error:
        raise ReportImportError([Problem("", error.message)]) from None


# --- JSON ---------------------------------------------------------------------------------------


def _keyed(pairs):
    result = KeyedDict()
    repeated = []
    for key, value in pairs:
        if key in result and key not in repeated:
            repeated.append(key)
        result[key] = value
    result.repeated = tuple(repeated)
    return result


def _no_constants(value):
    raise FileUnreadable(ERROR_JSON_CONSTANT.format(value=value))


def _read_json(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileUnreadable(ERROR_NOT_UTF8) from None
    try:
        return json.loads(text, object_pairs_hook=_keyed, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise FileUnreadable(ERROR_NOT_JSON.format(problem=error.msg, line=error.lineno, column=error.colno)) from None
    except RecursionError:
        raise FileUnreadable(ERROR_JSON_TOO_DEEP) from None


# --- workbook -----------------------------------------------------------------------------------


def _text_key(department, assessment_type, year):
    return (normalise_name(str(department)), normalise_name(str(assessment_type)), normalise_name(str(year)))


def _read_workbook(content, key_of):
    try:
        with workbook_opened(content, unreadable=ERROR_NOT_A_REPORT_FILE) as workbook:
            return _workbook_document(workbook, key_of)
    except SpreadsheetRefused as refused:
        raise FileUnreadable(refused.message) from None


def _workbook_document(workbook, key_of):
    problems = []
    sheets = {}
    for sheet in workbook.worksheets:
        name = column_key(sheet.title)
        if name not in SHEETS:
            problems.append(Problem(f"Sheet {shorten(sheet.title)}", ERROR_UNKNOWN_SHEET))
        elif name in sheets:
            problems.append(Problem(f"Sheet {shorten(sheet.title)}", ERROR_REPEATED_SHEET))
        else:
            sheets[name] = sheet
    if "assessments" not in sheets:
        problems.insert(0, Problem("", ERROR_NO_ASSESSMENTS_SHEET))
        raise ReportImportError(problems)
    tables = {}
    for name, sheet in sheets.items():
        rows = _sheet_rows(name, workbook.rows(sheet, values_only=False), problems)
        if rows is not None:
            tables[name] = rows
    if problems:  # a header that cannot be read: its rows cannot be either
        raise ReportImportError(problems)

    document = Document(data={"assessments": []}, source="xlsx", problems=problems)
    entries = document.data["assessments"]
    index_of = {}
    for number, values in tables["assessments"]:
        entry = {}
        for column, value in values.items():
            if column in FLATTENED:
                part, key = FLATTENED[column]
                entry.setdefault(part, {})[key] = value
            else:
                entry[column] = value
        index = len(entries)
        entries.append(entry)
        document.origins[("assessments", index)] = ("assessments", number)
        key = _row_key(values, key_of)
        if key is not None:
            index_of.setdefault(key, index)
    for name in ("ratings", "themes", "recommendations", "next_steps"):
        for number, values in tables.get(name, []):
            _attach(document, name, number, values, index_of, key_of)
    return document


def _row_key(values, key_of):
    if any(values.get(column) in (None, "") for column in KEY_COLUMNS):
        return None
    return key_of(values["department"], values["type"], values["year"])


def _attach(document, sheet, number, values, index_of, key_of):
    key = _row_key(values, key_of)
    if key is None:
        document.problems.append(Problem(f"Sheet {sheet}, row {number}", ERROR_ROW_NEEDS_ASSESSMENT))
        return
    index = index_of.get(key)
    if index is None:
        message = ERROR_ROW_NO_ASSESSMENT.format(
            department=shown(values["department"]), type=shown(values["type"]), year=shown(values["year"])
        )
        document.problems.append(Problem(f"Sheet {sheet}, row {number}", message))
        return
    entry = document.data["assessments"][index]
    item = {column: value for column, value in values.items() if column not in KEY_COLUMNS}
    if sheet == "next_steps":
        items = entry.setdefault("next_steps", {}).setdefault("items", [])
        path = ("assessments", index, "next_steps", "items", len(items))
    else:
        items = entry.setdefault(sheet, [])
        path = ("assessments", index, sheet, len(items))
    items.append(item)
    document.origins[path] = (sheet, number)


def _sheet_rows(name, sheet_rows, problems):
    """[(row number, {column: value})] of the non-blank rows under the header, or None when the header is wrong."""
    records = ((number, cells) for number, cells in enumerate(sheet_rows, start=1))
    header_number, header = None, None
    for number, cells in records:
        if any(_value(cell) is not None for cell in cells):
            header_number, header = number, cells
            break
    if header is None:
        problems.append(Problem(f"Sheet {name}", ERROR_NO_HEADER))
        return None
    columns = _columns(name, header, header_number, problems)
    if columns is None:
        return None
    rows = []
    for number, cells in records:
        if number > MAX_ROWS + header_number:
            problems.append(Problem(f"Sheet {name}", ERROR_TOO_MANY_ROWS))
            return None
        values = {}
        for index, column in columns.items():
            value = _value(cells[index]) if index < len(cells) else None
            if value is not None:
                values[column] = value
        if values:  # spreadsheets keep blank rows around
            rows.append((number, values))
    return rows


def _columns(name, header, number, problems):
    required, optional = SHEETS[name]
    columns = {}
    unknown = []
    found = []
    for index, cell in enumerate(header):
        heading = _value(cell)
        key = column_key(str(heading)) if heading is not None else ""
        if not key:
            continue
        if key not in required and key not in optional:
            unknown.append(str(heading).strip())
        elif key in columns.values():
            found.append(ERROR_REPEATED_COLUMN.format(column=key))
        else:
            columns[index] = key
    missing = [column for column in required if column not in columns.values()]
    if missing:
        names = " or ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
        found.insert(0, ERROR_MISSING_COLUMNS.format(columns=names, s="s" if len(missing) > 1 else ""))
    if unknown:
        known = ", ".join((*required, *optional))
        found.append(ERROR_UNKNOWN_COLUMNS.format(columns=shown_list(unknown), known=known))
    for message in found:
        problems.append(Problem(f"Sheet {name}, row {number}", message))
    return None if found else columns


def _value(cell):
    """A cell as the JSON would have it: text, a whole number, or a date as YYYY-MM-DD (YYYY-MM when the
    cell shows only a month); blank is None."""
    value = getattr(cell, "value", None)
    if value is None:
        return None
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n")
        return text if text.strip() else None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        shows_day = "d" in (getattr(cell, "number_format", "") or "").lower()
        return value.strftime("%Y-%m-%d" if shows_day else "%Y-%m")
    if isinstance(value, datetime.time):
        return value.isoformat()
    return value
