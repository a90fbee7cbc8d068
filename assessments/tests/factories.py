"""Building blocks for every app's tests: departments, and assessments stored straight in a state.

`published_assessment` is THE way a test gets a published assessment without walking the services
(the way an import leaves one); `stored_assessment` is the same for any other state. Reaching a state
through the real services (to test the services) is `assessments.tests.support.to_state`.
"""

import datetime

import factory
from django.utils import timezone

from accounts.models import Department
from assessments.models import AreaRating, Assessment, RatingLevel
from assessments.services.creation import assessment_create
from assessments.services.framework import framework_load_file
from common.names import normalise_name


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Department of Testing {n}")
    short_name = factory.Sequence(lambda n: f"DT{n}")
    slug = factory.Sequence(lambda n: f"department-of-testing-{n}")
    department_type = Department.Type.MINISTERIAL


def _level(levels, wanted):
    """A RatingLevel from its position (1-6) or its name ("Good practice", any case or spacing)."""
    if isinstance(wanted, int):
        return levels[wanted]
    return next(level for level in levels.values() if normalise_name(level.name) == normalise_name(wanted))


def rate(assessment, ratings, *, by=None):
    """Set the assessor's rating of each area without the services.

    `ratings` is one level for every area, a list of levels in framework order (None leaves that area
    unrated), or a dict of area key → level; a level is a position (1-6) or a level name.
    """
    levels = {level.position: level for level in RatingLevel.objects.filter(framework=assessment.framework)}
    rows = list(
        AreaRating.objects.filter(assessment=assessment)
        .select_related("area")
        .order_by("area__theme__number", "area__number")
    )
    if isinstance(ratings, dict):
        wanted = {row.area.key: row for row in rows}
        unknown = set(ratings) - set(wanted)
        assert not unknown, f"no such areas in {assessment.framework}: {sorted(unknown)}"
        pairs = [(wanted[key], level) for key, level in ratings.items()]
    elif isinstance(ratings, (list, tuple)):
        pairs = list(zip(rows, ratings, strict=True))
    else:
        pairs = [(row, ratings) for row in rows]
    for row, level in pairs:
        row.assessor_rating = None if level is None else _level(levels, level)
        row.updated_by = by or row.updated_by
    AreaRating.objects.bulk_update([row for row, _ in pairs], ["assessor_rating", "updated_by"])
    return assessment


def stored_assessment(
    department,
    framework=None,
    *,
    status,
    year=2013,
    assessment_type=Assessment.Type.IMA,
    ratings=None,
    by=None,
    **fields,
):
    """An assessment stored straight in `status` (no services walked), with one row per area and theme.

    `framework` defaults to the current (2013) framework; `ratings` as for `rate`; `by` is who made it.
    Other keyword arguments are Assessment fields (baseline, share_good_practice, interviews_from, ...).
    """
    assessment = assessment_create(
        department=department,
        framework=framework or framework_load_file().framework,
        assessment_type=assessment_type,
        year=year,
        status=status,
        by=by,
        **fields,
    )
    if ratings is not None:
        rate(assessment, ratings, by=by)
    return assessment


def published_assessment(
    department,
    framework=None,
    *,
    year=2013,
    assessment_type=Assessment.Type.IMA,
    ratings=None,
    by=None,
    published_on=None,
    **fields,
):
    """THE published assessment of the tests, stored as an import leaves one (no services walked).

    Published on `published_on` (default 1 September of `year`) at noon, by `by` (an assessor, or
    nobody); unrated unless `ratings`: one level for every area, a list in framework order (None leaves
    an area unrated), or area key → level, where a level is a position (1-6) or its name. `framework`
    defaults to the current (2013) one. Other keyword arguments are Assessment fields (baseline,
    share_good_practice, interviews_from, ...).
    """
    published_on = published_on or datetime.date(year, 9, 1)
    return stored_assessment(
        department,
        framework,
        status=Assessment.Status.PUBLISHED,
        year=year,
        assessment_type=assessment_type,
        ratings=ratings,
        by=by,
        published_on=published_on,
        published_at=timezone.make_aware(datetime.datetime.combine(published_on, datetime.time(12))),
        published_by=by,
        **fields,
    )
