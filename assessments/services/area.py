"""Saving one area's page: the department's rating and narrative, and any evidence added with it."""

from django.db import transaction

from .evidence import evidence_add_file, evidence_add_link
from .ratings import area_rating_save_self


@transaction.atomic
def area_self_assessment_save(
    *, rating, by, version, self_rating, narrative, complete, upload=None, upload_title="", link_url="", link_title=""
):
    """All or nothing: a refused upload leaves the rating as it was, so the page can simply be resubmitted."""
    rating = area_rating_save_self(
        rating=rating, by=by, version=version, self_rating=self_rating, narrative=narrative, complete=complete
    )
    if upload:
        evidence_add_file(rating=rating, by=by, upload=upload, title=upload_title)
    if link_url:
        evidence_add_link(rating=rating, by=by, url=link_url, title=link_title)
    return rating
