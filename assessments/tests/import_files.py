"""Building ratings files for the import tests, as CSV bytes or XLSX bytes."""

import csv
import io

from openpyxl import Workbook

HEADER = ["department", "assessment_type", "year", "performance_area", "rating", "comment"]


def csv_bytes(rows, header=HEADER, bom=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ima_rows(department="Department for Education", year=2014, assessment_type="ima", rating="Satisfactory"):
    """One row per performance area of the 2013 framework."""
    areas = [
        "Communicating and realising value",
        "Managing information as an asset",
        "Supporting information through technology",
        "Digital continuity and IT change",
        "Recognising information risk",
        "Establishing control",
        "Providing guidance",
        "Measuring impact",
        "Oversight of records and selection",
        "Implementing disposal decisions",
    ]
    return [[department, assessment_type, year, area, rating, f"Commentary on {area}"] for area in areas]
