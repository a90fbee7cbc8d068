import datetime

import factory

from assessments.models import AreaRating, Assessment, RatingLevel
from assessments.services.creation import assessment_create
from common.names import normalise_name
from network.models import DiscussionItem, GoodPracticeExcerpt, Meeting


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = "KIM Leaders' Network meeting"
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=90 * n))
    status = Meeting.Status.HELD


class DiscussionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiscussionItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n}")


def level(framework, name):
    return next(
        lv for lv in RatingLevel.objects.filter(framework=framework) if normalise_name(lv.name) == normalise_name(name)
    )


def published_assessment(department, framework, *, year=2015, share=True, ratings=None, published_on=None):
    """A published IMA; `ratings` maps area key → level name for the assessor's ratings."""
    assessment = assessment_create(
        department=department,
        framework=framework,
        assessment_type=Assessment.Type.IMA,
        year=year,
        status=Assessment.Status.PUBLISHED,
        share_good_practice=share,
        published_on=published_on or datetime.date(year, 6, 1),
    )
    for key, name in (ratings or {}).items():
        AreaRating.objects.filter(assessment=assessment, area__key=key).update(assessor_rating=level(framework, name))
    return assessment


def rating_for(assessment, key):
    return AreaRating.objects.select_related("area").get(assessment=assessment, area__key=key)


def approved_excerpt(rating, by, text="They brief every new starter on keeping information of value."):
    from django.utils import timezone

    return GoodPracticeExcerpt.objects.create(
        rating=rating, excerpt=text, written_by=by, approved_by=by, approved_at=timezone.now()
    )
