import pytest

from actionplans.models import NextStep, Recommendation
from assessments.models import AreaRating, Assessment, ThemeSummary
from reports.importing import ReportImportError, report_import

from .files import example, json_bytes


def history_rows():
    """How many history records the import's models have: any write adds one."""
    return sum(model.history.count() for model in (Assessment, AreaRating, ThemeSummary, Recommendation, NextStep))


@pytest.fixture
def setting(framework, department_a, department_b, assessor):
    """The 2013 framework, DfE and the Home Office, and an assessor to import as."""
    return {"framework": framework, "education": department_a, "home_office": department_b, "by": assessor}


@pytest.fixture
def data():
    return example()


@pytest.fixture
def run(setting):
    """Import a report file (data or bytes) as the assessor."""

    def _run(content, filename="reports.json"):
        if not isinstance(content, bytes):
            content = json_bytes(content)
        return report_import(content=content, filename=filename, by=setting["by"])

    return _run


@pytest.fixture
def refused(setting):
    """The problems of a refused file, as 'place: message' strings."""

    def _refused(content, filename="reports.json"):
        if not isinstance(content, bytes):
            content = json_bytes(content)
        before = history_rows()
        with pytest.raises(ReportImportError) as caught:
            report_import(content=content, filename=filename, by=setting["by"])
        assert history_rows() == before, "a refused file wrote something"
        return [str(problem) for problem in caught.value.problems]

    return _refused
