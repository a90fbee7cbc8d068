import datetime

import factory
from django.utils import timezone

from assessments.models import AreaRating
from assessments.tests import factories
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


def published_assessment(department, framework, *, year=2015, share=True, **options):
    """Alias of `assessments.tests.factories.published_assessment` for callers not yet moved: a 2015 IMA whose
    department shares its good practice (`share`); `ratings` maps area key → level name."""
    return factories.published_assessment(department, framework, year=year, share_good_practice=share, **options)


def rating_for(assessment, key):
    return AreaRating.objects.select_related("area").get(assessment=assessment, area__key=key)


def approved_excerpt(rating, by, text="They brief every new starter on keeping information of value."):
    return GoodPracticeExcerpt.objects.create(
        rating=rating, excerpt=text, written_by=by, approved_by=by, approved_at=timezone.now()
    )
