import io

import pytest
from pypdf import PdfReader

from assessments.models import Assessment
from reports.fetcher import AssetOnlyFetcher, assets_dir
from reports.rendering import render_pdf
from reports.snapshot import snapshot_build
from reports.tests.conftest import pdf_text
from reports.tests.factories import action_plan_for, progress_review, published_ima, recommendations_for

pytestmark = pytest.mark.django_db


def _pdf(assessment, kind="progress_review", **options):
    return render_pdf(snapshot_build(assessment=assessment, kind=kind, **options))


def test_progress_review_has_its_sections_in_order(review):
    text = pdf_text(_pdf(review))
    position = 0
    for heading in (
        "Information Management Assessment: progress review Department for Education",
        "Published: September 2015",
        "Background",
        "Progress to address recommendations and risk areas",
        "1. The value of information",
        "Situation at the time of the IMA",
        "Progress since the IMA",
        "4. Records, review and transfer",
        "Next steps TNA will continue",
    ):
        position = text.index(heading, position)


def test_background_names_the_ima_dates_and_the_review(review):
    text = pdf_text(_pdf(review))
    assert "Information Management Assessment (IMA) of the Department for Education (DfE), with interviews" in text
    assert "interviews held 14 to 16 May 2013" in text
    assert "formally assessed through interviews held 2 to 3 June 2015" in text


def test_the_assessors_background_replaces_the_generated_one(review):
    Assessment.objects.filter(pk=review.pk).update(background_text="The department has since moved building.")
    review.refresh_from_db()
    text = pdf_text(_pdf(review))
    assert "Background The department has since moved building." in text
    assert "interviews held 14 to 16 May 2013" not in text


def test_theme_tables_have_the_years_in_the_header_and_rows_read_area_then_both_ratings(review):
    text = pdf_text(_pdf(review))
    assert text.count("Performance rating IMA 2013 Review 2015") == 4
    assert "Communicating and realising value Development area Progressing towards satisfactory" in text
    assert "Managing information as an asset Progressing towards satisfactory Satisfactory" in text
    assert "Measuring impact Progressing towards satisfactory Satisfactory" in text


def test_a_reassessment_baseline_is_named_reassessment_and_year(department_a, framework):
    reassessment = published_ima(department_a, framework, year=2017)
    Assessment.objects.filter(pk=reassessment.pk).update(assessment_type=Assessment.Type.REASSESSMENT)
    reassessment.refresh_from_db()
    review = progress_review(department_a, framework, baseline=reassessment, year=2019)
    text = pdf_text(_pdf(review))
    assert "Performance rating Reassessment 2017 Review 2019" in text
    assert "Situation at the time of the reassessment" in text


def test_next_steps_prints_the_lead_then_the_items_as_written(review):
    text = pdf_text(_pdf(review))
    next_steps = text[text.rindex("Next steps") :]
    assert next_steps.startswith("Next steps TNA will continue to monitor progress against the action plan.")
    # The suggested wording already names its recommendation; a reworded item is led by it; a free one is not.
    assert "IMA 2013 R1: Review the information management policy" in next_steps
    assert "IMA 2013 R1: IMA 2013 R1" not in next_steps
    assert "IMA 2013 R2: Complete the asset register by March 2016" in next_steps
    assert "Agree a date for the next transfer of selected records." in next_steps


def test_every_page_after_the_title_has_page_x_of_y_and_the_department(review):
    reader = PdfReader(io.BytesIO(_pdf(review)))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages[1:], start=2):
        text = page.extract_text()
        assert f"Page {number} of {total}" in text
        assert "Department for Education" in text


def test_protective_marking_is_printed_on_every_page(review):
    reader = PdfReader(io.BytesIO(_pdf(review, protective_marking="OFFICIAL-SENSITIVE")))
    assert all(page.extract_text().count("OFFICIAL-SENSITIVE") == 2 for page in reader.pages)


def test_pdf_is_tagged_with_title_language_and_heading_bookmarks(review):
    reader = PdfReader(io.BytesIO(_pdf(review)))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title == (
        "Department for Education: Information Management Assessment: progress review, September 2015"
    )
    titles = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(reader.outline)
    assert {"Background", "Progress to address recommendations and risk areas", "Next steps"} <= set(titles)
    assert "1. The value of information" in titles


def test_table_header_cells_are_tagged_as_headers(review):
    reader = PdfReader(io.BytesIO(_pdf(review)))
    structure_types = set()

    def walk(node, depth=0):
        node = node.get_object()
        if depth > 60:
            return
        if isinstance(node, dict) and "/S" in node:
            structure_types.add(node["/S"])
        kids = node.get("/K") if isinstance(node, dict) else None
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
                walk(kid, depth + 1)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert {"/Table", "/TH", "/TD", "/H1", "/H2", "/H3"} <= structure_types


def test_every_font_is_embedded(review):
    reader = PdfReader(io.BytesIO(_pdf(review)))
    fonts = {}
    for page in reader.pages:
        for name, font in page["/Resources"]["/Font"].items():
            fonts[name] = font.get_object()
    assert fonts
    for font in fonts.values():
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)[
            "/FontDescriptor"
        ]
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), font["/BaseFont"]


def test_hostile_text_is_printed_as_text_and_never_fetched(review):
    hostile = '<img src="file:///etc/passwd"> <script>alert("x")</script> <link rel="stylesheet" href="http://example.com/x.css">'
    Assessment.objects.filter(pk=review.pk).update(background_text=hostile, next_steps_text=hostile)
    review.refresh_from_db()
    fetcher = AssetOnlyFetcher()
    text = pdf_text(render_pdf(snapshot_build(assessment=review, kind="progress_review"), fetcher=fetcher))
    assert '<img src="file:///etc/passwd">' in text
    assert '<script>alert("x")</script>' in text
    assert fetcher.requested  # the stylesheet and fonts
    root = assets_dir().as_uri()
    assert all(url.startswith(root + "/") for url in fetcher.requested), fetcher.requested


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1/report.css",
        "https://example.com/font.ttf",
        "data:text/css,body{}",
        "file://otherhost/static/reports/pdf/report.css",
        "ROOT/../../../ima_portal/settings.py",
        "ROOT/fonts/../../../../manage.py",
        "ROOT/does-not-exist.css",
        "ROOT/report.css?x=1",
    ],
)
def test_fetcher_refuses_anything_outside_the_assets_folder(url):
    fetcher = AssetOnlyFetcher()
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(url.replace("ROOT", assets_dir().as_uri()))


def test_fetcher_serves_the_report_stylesheet_from_disk():
    response = AssetOnlyFetcher().fetch(assets_dir().as_uri() + "/report.css")
    assert response.content_type == "text/css"
    assert b"@font-face" in response.read()


def test_ima_report_has_key_findings_highlights_recommendations_and_themes(department_a, framework):
    ima = published_ima(department_a, framework, levels=[1, 2, 2, 1, 5, 2, 1, 2, 3, 2])
    recommendations_for(ima)
    text = pdf_text(_pdf(ima, kind="ima_report"))
    for heading in ("IMA background", "Key findings of the assessment", "Highlights"):
        assert heading in text
    assert "Statement of commitment" not in text  # none was recorded: the section is left out
    assert "1.1 Communicating and realising value Development area" in text
    assert "Recognising information risk Good practice Findings for Recognising information risk." in text
    assert (
        "Other recommendations Reference Recommendation Priority R1 Review the information management policy High"
        in text
    )
    assert "3. Information risk, governance and oversight" in text


def test_action_plan_is_landscape_with_the_published_columns(review):
    plan_assessment = review.baseline
    action_plan_for(plan_assessment, list(plan_assessment.recommendations.all()))
    data = _pdf(plan_assessment, kind="action_plan")
    page = PdfReader(io.BytesIO(data)).pages[1]
    assert page.mediabox.width > page.mediabox.height
    text = pdf_text(data)
    assert (
        "Recommendation Actions to address recommendations and reduce risk Priority Owner Due for completion "
        "Status Additional commentary"
    ) in text
    assert "R1: Review the information management policy 1A: Act on review the information management policy" in text
