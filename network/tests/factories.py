import datetime

import factory
from django.utils import timezone

from assessments.models import AreaRating
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


# Performance areas the library tests rate, by key.
GUIDANCE = "providing-guidance"
CONTROL = "establishing-control"
DISPOSAL = "implementing-disposal-decisions"


def rating_for(assessment, key):
    return AreaRating.objects.select_related("area").get(assessment=assessment, area__key=key)


def approved_excerpt(rating, by, text="They brief every new starter on keeping information of value."):
    return GoodPracticeExcerpt.objects.create(
        rating=rating, excerpt=text, written_by=by, approved_by=by, approved_at=timezone.now()
    )
