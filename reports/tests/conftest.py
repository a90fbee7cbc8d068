import io
import re

import pytest
from pypdf import PdfReader

from reports.tests.factories import review_scenario


@pytest.fixture
def review(department_a, framework):
    """DfE progress review 2015 (published) against the IMA 2013, with two open IMA recommendations."""
    return review_scenario(department_a, framework)


def pdf_text(data):
    """The PDF's text in reading order, whitespace folded (a wrapped cell reads as one line)."""
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
