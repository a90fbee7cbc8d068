import pytest

from assessments.models import AreaRating, Assessment
from assessments.services import import_validation as validation
from assessments.services.creation import assessment_create
from assessments.services.import_reading import ERROR_MISSING_COLUMNS, ERROR_NOT_UTF8, ERROR_OLD_EXCEL
from assessments.services.imports import ERROR_NOT_ASSESSOR, RatingsImportError, ratings_import
from common.errors import NotAllowed

from .import_files import HEADER, csv_bytes, ima_rows, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(framework, department_a, department_b, assessor):
    return {"framework": framework, "education": department_a, "home_office": department_b, "by": assessor}


def level(framework, name):
    return framework.levels.get(name=name)


def rating_of(assessment, area_name):
    return AreaRating.objects.select_related("assessor_rating", "baseline_rating").get(
        assessment=assessment, area__name=area_name
    )


def refused(content, filename="ratings.csv"):
    with pytest.raises(RatingsImportError) as caught:
        ratings_import(content=content, filename=filename)
    return caught.value.errors


def test_good_file_creates_one_published_assessment_with_all_ratings(setting):
    result = ratings_import(content=csv_bytes(ima_rows()), filename="dfe.csv", by=setting["by"])
    assessment = Assessment.objects.get()
    assert assessment.department == setting["education"]
    assert (assessment.assessment_type, assessment.year, assessment.status) == ("ima", 2014, "published")
    assert assessment.published_by == setting["by"]
    assert str(assessment.published_on) == "2014-07-01"
    assert assessment.ratings.count() == 10
    assert assessment.ratings.filter(assessor_rating__name="Satisfactory").count() == 10
    assert rating_of(assessment, "Measuring impact").assessor_commentary == "Commentary on Measuring impact"
    assert [
        (item.id, item.department, item.assessment_type, item.year, item.created) for item in result.assessments
    ] == [(assessment.pk, "Department for Education", "ima", 2014, True)]
    assert result.rows == 10


def test_messy_capitalisation_and_whitespace_match(setting):
    rows = [
        ["  department   for EDUCATION ", " IMA ", " 2014 ", "  measuring   IMPACT ", "Development Area", ""],
        ["dfe", "Progress Review", "2016", "Measuring Impact", "progressing towards  Good practice", ""],
    ]
    header = ["Department", "Assessment type", "YEAR", " Performance area ", "Rating", "Comment"]
    ratings_import(content=csv_bytes(rows, header=header))
    ima = Assessment.objects.get(assessment_type="ima")
    review = Assessment.objects.get(assessment_type="progress_review")
    assert rating_of(ima, "Measuring impact").assessor_rating.name == "Development area"
    assert rating_of(review, "Measuring impact").assessor_rating.name == "Progressing towards good practice"


def test_columns_may_come_in_any_order_and_without_comment(setting):
    header = ["rating", "performance_area", "year", "department", "assessment_type"]
    ratings_import(content=csv_bytes([["Good practice", "Providing guidance", 2015, "HO", "ima"]], header=header))
    rating = rating_of(Assessment.objects.get(), "Providing guidance")
    assert rating.assessor_rating.name == "Good practice"
    assert rating.assessor_commentary == ""


def test_csv_with_byte_order_mark_is_read(setting):
    ratings_import(content=csv_bytes(ima_rows(), bom=True), filename="excel-export.csv")
    assert Assessment.objects.get().ratings.exclude(assessor_rating=None).count() == 10


def test_xlsx_file_is_read_like_csv(setting):
    rows = ima_rows(rating="Progressing towards satisfactory")
    result = ratings_import(content=xlsx_bytes(rows), filename="dfe.xlsx")
    assert result.rows == 10
    assessment = Assessment.objects.get()
    assert assessment.ratings.filter(assessor_rating__name="Progressing towards satisfactory").count() == 10


def test_xlsx_is_recognised_by_content_whatever_its_name(setting):
    ratings_import(content=xlsx_bytes(ima_rows()), filename="ratings.csv")
    assert Assessment.objects.count() == 1


def test_every_bad_row_is_reported_and_nothing_is_imported(setting):
    rows = [
        *ima_rows(),
        ["Department for Education", "ima", 2014, "Measuring joy", "Satisfactory", ""],
        ["Ministry of Magic", "ima", 2014, "Measuring impact", "Satisfactory", ""],
        ["Home Office", "ima", 2014, "Measuring impact", "Excellent", ""],
        ["Home Office", "audit", 2014, "Providing guidance", "Satisfactory", ""],
        ["Home Office", "ima", 1999, "Establishing control", "Satisfactory", ""],
        ["Home Office", "ima", "twenty", "Establishing control", "Satisfactory", ""],
    ]
    errors = refused(csv_bytes(rows))
    assert [error.row for error in errors] == [12, 13, 14, 15, 16, 17]
    messages = [error.message for error in errors]
    assert messages[0] == validation.ERROR_AREA_UNKNOWN.format(
        value="Measuring joy", framework=setting["framework"].name
    )
    assert messages[1] == validation.ERROR_DEPARTMENT_UNKNOWN.format(value="Ministry of Magic")
    assert messages[2].startswith('Rating "Excellent" is not on the rating scale')
    assert messages[3] == validation.ERROR_TYPE_UNKNOWN.format(value="audit")
    assert messages[4].startswith('Year "1999" is not valid')
    assert messages[5].startswith('Year "twenty" is not valid')
    assert Assessment.objects.count() == 0


def test_row_with_several_problems_is_one_error_naming_each(setting):
    errors = refused(csv_bytes([["Nowhere", "ima", 2014, "Measuring joy", "Top", ""]]))
    assert len(errors) == 1
    assert "Nowhere" in errors[0].message and "Measuring joy" in errors[0].message and "Top" in errors[0].message


def test_blank_required_cell_is_reported(setting):
    errors = refused(csv_bytes([["Home Office", "ima", 2014, "Measuring impact", "", ""]]))
    assert [str(error) for error in errors] == ["Row 2: Enter the rating"]


def test_duplicate_rows_in_one_file_are_an_error(setting):
    rows = [
        ["Home Office", "ima", 2014, "Measuring impact", "Satisfactory", ""],
        ["HO", "IMA", 2014, "measuring impact", "Good practice", ""],
    ]
    errors = refused(csv_bytes(rows))
    assert [str(error) for error in errors] == [f"Row 3: {validation.ERROR_DUPLICATE_ROW.format(other=2)}"]


def test_missing_required_columns_are_reported_on_the_header_row(setting):
    errors = refused(csv_bytes([["Home Office", "ima", 2014]], header=["department", "assessment_type", "year"]))
    assert errors[0].row == 1
    assert errors[0].message == ERROR_MISSING_COLUMNS.format(columns="performance_area or rating", s="s")


def test_unknown_column_is_reported_rather_than_ignored(setting):
    errors = refused(
        csv_bytes(
            [["Home Office", "ima", 2014, "Measuring impact", "Satisfactory", "x"]],
            header=[
                *HEADER[:5],
                "coment",
            ],
        )
    )
    assert errors[0].row == 1
    assert "coment" in errors[0].message


def test_file_that_is_not_utf8_is_refused(setting):
    content = "department,assessment_type,year,performance_area,rating\nCafé,ima,2014,x,y\n".encode("latin-1")
    assert [error.message for error in refused(content)] == [ERROR_NOT_UTF8]


def test_old_excel_file_is_refused_with_advice(setting):
    assert [error.message for error in refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.xls")] == [
        ERROR_OLD_EXCEL
    ]


def test_corrupt_xlsx_is_refused(setting):
    errors = refused(b"PK\x03\x04 not really a workbook", "broken.xlsx")
    assert len(errors) == 1 and errors[0].row is None


def test_reimport_is_idempotent(setting):
    content = csv_bytes(ima_rows() + ima_rows(department="Home Office", assessment_type="progress_review", year=2016))
    first = ratings_import(content=content, filename="a.csv")
    snapshot = list(AreaRating.objects.order_by("pk").values())
    history = AreaRating.history.count()
    second = ratings_import(content=content, filename="a.csv")
    assert [item.id for item in second.assessments] == [item.id for item in first.assessments]
    assert [item.created for item in second.assessments] == [False, False]
    assert Assessment.objects.count() == 2
    assert list(AreaRating.objects.order_by("pk").values()) == snapshot
    assert AreaRating.history.count() == history  # nothing changed, so nothing new in the History tab


def test_reimport_with_a_corrected_rating_updates_it_and_records_history(setting):
    ratings_import(content=csv_bytes(ima_rows()))
    rows = ima_rows()
    rows[7][4] = "Development area"
    rows[7][5] = "Corrected from the published report"
    ratings_import(content=csv_bytes(rows), by=setting["by"])
    rating = rating_of(Assessment.objects.get(), "Measuring impact")
    assert rating.assessor_rating.name == "Development area"
    assert rating.assessor_commentary == "Corrected from the published report"
    assert rating.version == 3
    latest = rating.history.first()
    assert latest.history_user == setting["by"]
    assert latest.history_change_reason.startswith("Imported")


def test_progress_review_gets_the_latest_earlier_ima_or_reassessment_as_baseline(setting):
    rows = (
        ima_rows(year=2010, rating="Development area")
        + ima_rows(assessment_type="reassessment", year=2014, rating="Satisfactory")
        + ima_rows(assessment_type="progress_review", year=2016, rating="Good practice")
        + ima_rows(assessment_type="reassessment", year=2018, rating="Good practice")
    )
    ratings_import(content=csv_bytes(list(reversed(rows))))
    by_year = {a.year: a for a in Assessment.objects.all()}
    assert by_year[2010].baseline is None
    assert by_year[2014].baseline == by_year[2010]
    assert by_year[2016].baseline == by_year[2014]
    assert by_year[2018].baseline == by_year[2014]
    review_rating = rating_of(by_year[2016], "Measuring impact")
    assert review_rating.baseline_rating.name == "Satisfactory"
    assert AreaRating.objects.filter(assessment=by_year[2016], baseline_rating__name="Satisfactory").count() == 10


def test_baseline_may_be_an_assessment_already_in_the_service(setting):
    ratings_import(content=csv_bytes(ima_rows(year=2013, rating="Development area")))
    ratings_import(content=csv_bytes(ima_rows(assessment_type="progress_review", year=2015)))
    review = Assessment.objects.get(assessment_type="progress_review")
    assert review.baseline == Assessment.objects.get(assessment_type="ima")
    assert rating_of(review, "Providing guidance").baseline_rating.name == "Development area"


def test_an_unpublished_earlier_ima_is_not_taken_as_baseline(setting):
    ratings_import(content=csv_bytes(ima_rows(year=2012, rating="Development area")))
    assessment_create(department=setting["education"], framework=setting["framework"], assessment_type="ima", year=2014)
    ratings_import(content=csv_bytes(ima_rows(assessment_type="progress_review", year=2015)))
    review = Assessment.objects.get(assessment_type="progress_review")
    assert review.baseline == Assessment.objects.get(assessment_type="ima", year=2012)


def test_reimported_baseline_rating_shows_beside_its_reviews(setting):
    ratings_import(content=csv_bytes(ima_rows(year=2013, rating="Development area")))
    ratings_import(content=csv_bytes(ima_rows(assessment_type="progress_review", year=2015)))
    ratings_import(content=csv_bytes(ima_rows(year=2013, rating="Satisfactory")))
    review = Assessment.objects.get(assessment_type="progress_review")
    assert rating_of(review, "Providing guidance").baseline_rating.name == "Satisfactory"


def test_import_refuses_to_overwrite_an_assessment_in_progress(setting):
    assessment_create(
        department=setting["home_office"], framework=setting["framework"], assessment_type="ima", year=2015
    )
    errors = refused(csv_bytes(ima_rows(department="Home Office", year=2015)))
    assert errors[0].row == 2
    assert errors[0].message == validation.ERROR_EXISTING_NOT_PUBLISHED.format(
        label="Home Office IMA 2015", status="draft"
    )
    assert not AreaRating.objects.exclude(assessor_rating=None).exists()


def test_framework_column_names_a_version_by_name_or_slug(setting):
    header = [*HEADER, "framework"]
    rows = [
        ["Home Office", "ima", 2014, "Measuring impact", "Satisfactory", "", "ima-2013"],
        ["Home Office", "ima", 2014, "Providing guidance", "Satisfactory", "", "IMA performance framework 2013"],
        ["Home Office", "ima", 2014, "Establishing control", "Satisfactory", "", ""],
    ]
    ratings_import(content=csv_bytes(rows, header=header))
    assert Assessment.objects.get().framework == setting["framework"]
    errors = refused(
        csv_bytes([["Home Office", "ima", 2015, "Measuring impact", "Satisfactory", "", "ima-1999"]], header=header)
    )
    assert errors[0].message == validation.ERROR_FRAMEWORK_UNKNOWN.format(value="ima-1999")


def test_only_assessors_may_import(setting, lead_a):
    with pytest.raises(NotAllowed) as caught:
        ratings_import(content=csv_bytes(ima_rows()), by=lead_a)
    assert caught.value.message == ERROR_NOT_ASSESSOR
    assert Assessment.objects.count() == 0


def test_semicolon_separated_csv_and_blank_rows_are_accepted(setting):
    content = (
        b"\r\n"
        b"department;assessment_type;year;performance_area;rating\r\n"
        b"Home Office;ima;2014;Measuring impact;Satisfactory\r\n"
        b";;;;\r\n"
        b"Home Office;ima;2014;Providing guidance;Good practice\r\n"
    )
    result = ratings_import(content=content)
    assert result.rows == 2


def test_row_numbers_count_blank_rows_as_a_spreadsheet_does(setting):
    rows = [
        ["Home Office", "ima", 2014, "Measuring impact", "Satisfactory", ""],
        ["", "", "", "", "", ""],
        ["Home Office", "ima", 2014, "Providing guidance", "Great", ""],
    ]
    assert [error.row for error in refused(xlsx_bytes(rows), "ratings.xlsx")] == [4]


def test_header_without_ratings_is_refused(setting):
    errors = refused(csv_bytes([]))
    assert errors[0].row is None
    assert "no ratings" in errors[0].message
