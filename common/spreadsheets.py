"""What every CSV and XLSX export shares."""

import re

# A cell starting with one of these would run as a formula in a spreadsheet (CSV injection).
FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def spreadsheet_safe(value):
    """Text that a spreadsheet shows as typed: a leading apostrophe stops it being read as a formula."""
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value
    return value
