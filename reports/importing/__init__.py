"""Whole-report import for TNA's back catalogue: published IMA reports, progress reviews and reassessments
from a JSON file (or an Excel workbook with the same parts as sheets). docs/report-import.md describes
the file; `python manage.py import_report FILE` and the assessors' page /reports/import/ run it.

reading.py turns the file into one shape, validation.py checks all of it (every problem with its place)
and service.py writes it in one transaction.
"""

from .problems import Problem, ReportImportError
from .service import ImportedAssessment, ImportResult, report_import

__all__ = ["ImportResult", "ImportedAssessment", "Problem", "ReportImportError", "report_import"]
