"""Charts are accessible server-rendered SVG; pages obey the CSP (no inline styles) and print cleanly."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from assessments.models import RatingLevel
from assessments.tests.factories import published_assessment
from dashboards.charts import stacked_bars, trend_chart
from dashboards.selectors.common import level_info
from dashboards.tests.support import departments

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(assessor_client, framework, department_a):
    for department in [department_a, *departments(5)]:
        published_assessment(department, framework, year=2014, ratings=2)
        published_assessment(department, framework, year=2016, ratings=3, assessment_type="progress_review")
    return [
        assessor_client.get(reverse("dashboards:index")).content.decode(),
        assessor_client.get(reverse("dashboards:department", kwargs={"slug": "education"})).content.decode(),
    ]


def test_pages_have_no_inline_styles_or_scripts(pages):
    for content in pages:
        assert not re.search(r"\sstyle\s*=", content)
        assert "<style" not in content
        assert not re.search(r"<script(?![^>]*\bsrc=)", content)


def test_every_chart_is_an_image_with_a_title_and_description(pages):
    for content in pages:
        charts = re.findall(r"<svg class=\"app-chart\"[^>]*>", content)
        assert charts
        for tag in charts:
            assert 'role="img"' in tag
            chart_id = re.search(r'aria-labelledby="([^ ]+)-title \1-desc"', tag).group(1)
            assert f'<title id="{chart_id}-title">' in content
            assert f'<desc id="{chart_id}-desc">' in content


def test_each_page_has_one_h1_and_links_the_dashboard_stylesheets(pages):
    for content in pages:
        assert content.count("<h1") == 1
        assert "/static/css/dashboards.css" in content
        assert reverse("dashboards:level_styles") in content


def test_chart_colours_are_attributes_from_the_framework_data(framework, pages):
    satisfactory = RatingLevel.objects.get(framework=framework, position=3)  # every latest rating
    assert f'fill="{satisfactory.colour.lower()}"' in pages[0]


def test_level_stylesheet_gives_every_level_its_colour_and_a_readable_text_colour(client, framework):
    response = client.get(reverse("dashboards:level_styles"))
    assert response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    development = RatingLevel.objects.get(framework=framework, position=1)
    satisfactory = RatingLevel.objects.get(framework=framework, position=3)
    assert f".app-level-{development.pk} {{ background-color: #d4351c; color: #ffffff; }}" in css
    assert f".app-level-{satisfactory.pk} {{ background-color: #ffdd00; color: #0b0c0c; }}" in css


def test_a_colour_that_is_not_a_hex_colour_never_reaches_css_or_svg(client, framework):
    RatingLevel.objects.filter(framework=framework, position=1).update(colour="};a{b:c")
    css = client.get(reverse("dashboards:level_styles")).content.decode()
    assert "a{b" not in css


def test_segments_too_narrow_for_words_leave_the_numbers_to_the_table(framework):
    levels = [level_info(level) for level in RatingLevel.objects.filter(framework=framework)]
    chart = stacked_bars(chart_id="c", title="t", description="d", rows=[("Area", {1: 1, 3: 60})], levels=levels)
    narrow, wide = chart.bars[0].segments
    assert narrow.label == ""
    assert wide.label == "S 60"
    assert narrow.tooltip == "Area: Development area, 1 department"


def test_a_trend_line_breaks_at_a_point_that_is_not_rated(framework):
    levels = [level_info(level) for level in RatingLevel.objects.filter(framework=framework)]
    chart = trend_chart(
        chart_id="t",
        title="Area",
        levels=levels,
        points=[
            ("IMA", "2013", "rated", levels[0], ""),
            ("Review", "2015", "rated", levels[1], ""),
            ("Reassessment", "2018", "not_rated", None, ""),
            ("Review", "2019", "rated", levels[2], ""),
        ],
    )
    assert len(chart.runs) == 1
    assert "Reassessment 2018, not rated" in chart.description


def test_the_print_stylesheet_hides_filters_and_keeps_colours():
    css = (Path(settings.BASE_DIR) / "static/css/dashboards.css").read_text()
    assert "@media print" in css
    assert "print-color-adjust: exact" in css
