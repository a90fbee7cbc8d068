"""What a dashboard table holds: the same cells feed the page, the CSV and the XLSX.

A cell's `text` is what the page shows and what the CSV holds. `value` (a number or a date) is
what the XLSX holds, with a number format that displays it as the same text.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.dateformat import format as date_format

DATE_FORMAT = "j F Y"
XLSX_DATE_FORMAT = "d mmmm yyyy"
NOT_RATED = "Not rated"


@dataclass(slots=True)
class Cell:
    text: str
    value: object = None
    number_format: str = ""
    numeric: bool = False
    url: str = ""
    # A rating: the page shows `short` (its abbreviation) on the level's colour; `text` (its name) is read out.
    short: str = ""
    level_id: int | None = None
    on_dark: bool = False
    # A GOV.UK tag colour (e.g. "red"): the words are shown in a tag of that colour.
    tag: str = ""
    # Spans columns on the page; the files repeat it as empty cells after the text.
    span: int = 1

    @property
    def export_value(self):
        return self.text if self.value is None else self.value

    def __str__(self):
        return self.text


@dataclass
class Table:
    key: str
    caption: str
    headers: list
    rows: list = field(default_factory=list)
    numeric_columns: frozenset = frozenset()
    # The column that names the row (a <th scope="row">).
    row_header: int = 0
    # Smaller text and padding, for tables with many columns.
    compact: bool = False
    # (label, number of columns) over the headers, e.g. themes over their areas; not exported.
    header_groups: list = field(default_factory=list)
    # In a heatmap, the columns of ratings (their headers are set on end to fit).
    heat_columns: frozenset = frozenset()

    @property
    def header_cells(self):
        return [(header, index in self.numeric_columns) for index, header in enumerate(self.headers)]

    @property
    def export_headers(self):
        return [str(header) for header in self.headers]

    def export_rows(self):
        return [[value for cell in row for value in (cell.text, *[""] * (cell.span - 1))] for row in self.rows]


def text(value, *, url=""):
    return Cell(text="" if value is None else str(value), url=url)


def number(value, *, url=""):
    return Cell(text=str(value), value=value, number_format="0", numeric=True, url=url)


def two_places(value):
    """An exact score (a Fraction) to two decimal places, halves rounded up, as a Decimal."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def decimal2(value):
    """A score to two decimal places: the same rounding on the page and in the files."""
    if value is None:
        return Cell(text="")
    rounded = two_places(value)
    return Cell(text=f"{rounded:.2f}", value=float(rounded), number_format="0.00", numeric=True)


def day(value: date | None):
    if value is None:
        return Cell(text="")
    return Cell(text=date_format(value, DATE_FORMAT), value=value, number_format=XLSX_DATE_FORMAT)


def rating(level, *, url=""):
    """A rating cell; `level` is a LevelInfo (or None when the area has no rating)."""
    if level is None:
        return Cell(text=NOT_RATED, short="–", url=url)
    return Cell(text=level.name, short=level.abbreviation, level_id=level.pk, on_dark=level.on_dark, url=url)
