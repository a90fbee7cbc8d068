"""The public site: only released reports, from their release date, never withdrawn ones; what it shows; its caches."""

import csv
import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Assessment
from assessments.tests.factories import stored_assessment
from reports.models import PublicRelease
from reports.publication import public_release_withdraw
from reports.tests.factories import progress_review

from .conftest import PDF_BYTES, issue_with_pdf, release

pytestmark = pytest.mark.django_db


def test_the_catalogue_lists_the_report_and_its_action_plan(client, released):
    page = client.get("/public/reports/").content.decode()
    assert f'href="/public/reports/{released.pk}/"' in page
    assert f'href="/public/reports/{released.pk}/action-plan/"' in page
    assert "2 publications" in page


def test_the_catalogue_filters_by_kind_department_year_and_words(client, released, department_a, framework, assessor):
    review = progress_review(department_a, framework, baseline=released.assessment, year=2016)
    issue_with_pdf(review, assessor)
    release(review, assessor, released_on=datetime.date(2017, 1, 9))
    assert "3 publications" in client.get("/public/reports/").content.decode()
    only_reviews = client.get("/public/reports/", {"kind": "progress_review"}).content.decode()
    assert "1 publication match" in only_reviews and "progress review 2016" in only_reviews
    assert "2 publications match" in client.get("/public/reports/", {"year": "2014"}).content.decode()
    assert "0 publications" in client.get("/public/reports/", {"q": "home office"}).content.decode()
    assert "1 publication match" in client.get("/public/reports/", {"q": "action plan"}).content.decode()
    # A value that is not a choice (an old link) drops its own filter only.
    assert client.get("/public/reports/", {"year": "1999", "department": "x"}).status_code == 200


def test_the_report_page_shows_its_rating_tables(client, released):
    page = client.get(f"/public/reports/{released.pk}/").content.decode()
    assert page.count('<table class="govuk-table app-public-ratings">') == 4
    assert "Performance ratings: 1. The value of information" in page
    assert '<th scope="row" class="govuk-table__header">4.2 Implementing disposal decisions</th>' in page
    assert 'href="#key_findings"' in page and 'id="key_findings"' in page
    assert f'href="/public/reports/{released.pk}/report.pdf"' in page


def test_the_issued_pdf_downloads_as_issued(client, released):
    response = client.get(f"/public/reports/{released.pk}/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Cache-Control"] == "public, max-age=300"


def test_a_withdrawn_report_shows_only_its_notice(client, released, assessor):
    public_release_withdraw(release=released, by=assessor, notice="Withdrawn: replaced by a corrected version.")
    page = client.get(f"/public/reports/{released.pk}/").content.decode()
    assert "Withdrawn: replaced by a corrected version." in page
    assert "Performance ratings" not in page and "Key findings" not in page
    assert "Withdrawn: replaced" in client.get(f"/public/reports/{released.pk}/action-plan/").content.decode()
    assert client.get(f"/public/reports/{released.pk}/report.pdf").status_code == 404
    assert "0 publications" in client.get("/public/reports/").content.decode()
    assert client.get("/public/data/ratings.json").json()["ratings"] == []


@pytest.mark.parametrize(
    "state",
    [
        {"status": Assessment.Status.DRAFT, "assessment_type": Assessment.Type.SELF_ASSESSMENT},
        {"status": Assessment.Status.SUBMITTED, "assessment_type": Assessment.Type.SELF_ASSESSMENT},
        {"status": Assessment.Status.IN_REVIEW, "assessment_type": Assessment.Type.IMA},
    ],
)
def test_a_draft_or_self_assessment_answers_404_whatever_the_url(client, released, department_a, state):
    """Even a release row forced onto it (the service never makes one) shows nothing."""
    other = stored_assessment(department_a, status=state["status"], assessment_type=state["assessment_type"], year=2016)
    forced = PublicRelease.objects.create(
        assessment=other,
        issued_report=released.issued_report,
        released_on=released.released_on,
        consent_given_by="x",
        consent_given_on=released.consent_given_on,
        consent_how="x",
    )
    for suffix in ("", "action-plan/", "report.pdf"):
        assert client.get(f"/public/reports/{forced.pk}/{suffix}").status_code == 404
    assert client.get(f"/public/reports/{released.pk + 1000}/").status_code == 404
    assert "2 publications" in client.get("/public/reports/").content.decode()


def test_a_release_dated_later_is_not_shown_yet(client, ima, assessor):
    issue_with_pdf(ima, assessor)
    later = release(ima, assessor, released_on=datetime.date.today() + datetime.timedelta(days=3))
    assert client.get(f"/public/reports/{later.pk}/").status_code == 404
    assert "0 publications" in client.get("/public/reports/").content.decode()


def test_withheld_sections_are_not_shown_and_the_pdf_is_not_offered(client, ima, assessor):
    issue_with_pdf(ima, assessor)
    withheld = release(ima, assessor, withheld_sections=["recommendations", "theme-2"])
    page = client.get(f"/public/reports/{withheld.pk}/").content.decode()
    assert 'id="recommendations"' not in page and 'id="theme-2"' not in page
    assert "Performance ratings: 2." not in page and "Performance ratings: 3." in page
    assert "Not published on this site: Recommendations to address risk areas, 2. " in page
    assert client.get(f"/public/reports/{withheld.pk}/report.pdf").status_code == 404
    themes = {row["theme_number"] for row in client.get("/public/data/ratings.json").json()["ratings"]}
    assert themes == {1, 3, 4}


def _table_ratings(page):
    """(area, rating) of every row of the rating tables of the report's page."""
    rows = re.findall(
        r'<th scope="row" class="govuk-table__header">(\d\.\d) [^<]*</th>\s*<td class="govuk-table__cell">([^<]*)</td>',
        page,
    )
    return sorted(rows)


def test_the_open_data_are_the_numbers_the_report_pages_show(client, released, department_a, framework, assessor):
    review = progress_review(department_a, framework, baseline=released.assessment, year=2016)
    issue_with_pdf(review, assessor)
    second = release(review, assessor)
    shown = []
    for pk in (released.pk, second.pk):
        page = client.get(f"/public/reports/{pk}/").content.decode().split('id="key_findings"')[-1]
        page = page.split('id="theme-1"')[0] if pk == released.pk else page
        shown += [(pk, area, rating) for area, rating in _table_ratings(page)]
    data = client.get("/public/data/ratings.json").json()["ratings"]
    in_json = [
        (int(row["url"].split("/")[3]), row["area_reference"], row["earlier_rating"] or row["rating"]) for row in data
    ]
    response = client.get("/public/data/ratings.csv")
    # common.downloads' one download response, then the public site's own caching rule for anonymous visitors
    assert response["Content-Disposition"] == 'attachment; filename="ratings.csv"'
    assert response["Cache-Control"] == "public, max-age=300"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == len(data) == 20
    assert [row["rating"] for row in rows] == [row["rating"] for row in data]
    assert {(pk, area) for pk, area, _ in in_json} == {(pk, area) for pk, area, _ in shown}
    by_area = {(row["url"], row["area_reference"]): row["rating"] for row in data}
    assert by_area[(f"/public/reports/{released.pk}/", "1.1")] == "Development area"


def test_the_feed_lists_new_publications(client, released):
    response = client.get("/public/reports/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert body.count("<entry>") == 2
    assert f"/public/reports/{released.pk}/" in body and "Department for Education" in body


def test_public_pages_are_cacheable_until_a_release_changes(client, released, assessor):
    first = client.get("/public/reports/")
    assert first["Cache-Control"] == "public, max-age=300"
    etag = first["ETag"]
    assert client.get("/public/reports/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    public_release_withdraw(release=released, by=assessor, notice="Withdrawn.")
    again = client.get("/public/reports/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again["ETag"] != etag


def test_a_head_request_gets_the_headers_a_cache_needs(client, released):
    """Caches and link checkers ask with HEAD before GET: the same status and headers, no body."""
    for path in ("/public/reports/", f"/public/reports/{released.pk}/", "/public/kim-leaders-network/"):
        response = client.head(path)
        assert (response.status_code, response["Cache-Control"], response.content) == (200, "public, max-age=300", b"")
        assert response["ETag"] == client.get(path)["ETag"]


def test_a_signed_in_visitor_gets_a_private_uncached_page(client, released, lead_a):
    client.force_login(lead_a)
    response = client.get("/public/reports/")
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_the_network_page_shows_the_published_record(client):
    call_command("load_network_record")
    call_command("load_network_record")  # idempotent
    page = client.get("/public/kim-leaders-network/").content.decode()
    assert "Next meeting: 11 January 2017" in page
    assert "20 July 2015 (rearranged from 9 July 2015)" in page
    assert "14 November 2016" in page and "3 October 2014" in page
    assert page.count('<h3 class="govuk-heading-s') == 10
    assert "January 2015</strong>: Government wide KIM update" in page
    assert "Standardisation of email deletion policies" in page
    assert "Attendance" not in page and "Actions arising" not in page


def test_the_catalogue_reads_a_fixed_number_of_queries_and_no_snapshot(
    client, released, department_a, framework, assessor
):
    def catalogue_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/public/reports/").status_code == 200
        return [query["sql"] for query in queries.captured_queries]

    few = catalogue_queries()
    for year in (2016, 2018):
        review = progress_review(department_a, framework, baseline=released.assessment, year=year)
        issue_with_pdf(review, assessor)
        release(review, assessor)
    many = catalogue_queries()
    assert len(many) == len(few)
    assert not any('"snapshot"' in sql for sql in many if "reports_issuedreport" in sql.split("FROM")[0])


def test_feed_entries_have_stable_absolute_ids(client, released):
    body = client.get("/public/reports/feed.atom").content.decode()
    assert f"<id>tag:nationalarchives.gov.uk,2014:ima-portal/publications/{released.pk}/ima_report</id>" in body
    assert f"<id>tag:nationalarchives.gov.uk,2014:ima-portal/publications/{released.pk}/action_plan</id>" in body
