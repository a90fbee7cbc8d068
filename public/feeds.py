"""An Atom feed of new publications on the public site (the catalogue's newest entries)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from .selectors import publications

FEED_SIZE = 50


class PublicationsFeed(Feed):
    feed_type = Atom1Feed
    title = "Information Management Assessment reports – The National Archives"
    subtitle = "New IMA reports, action plans, progress reviews and reassessments published by The National Archives."

    def link(self):
        return reverse("public:catalogue")

    def items(self):
        return publications()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.kind_label}, {item.department}, {item.year}. Published {item.published_on:%-d %B %Y}."

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        # Atom ids are absolute IRIs that never change: a tag URI (RFC 4151) per release and kind.
        return f"tag:nationalarchives.gov.uk,2014:ima-portal/publications/{item.release.pk}/{item.kind}"

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.published_on, datetime.time(9)))

    def item_updateddate(self, item):
        return item.release.updated_at

    def item_categories(self, item):
        return [item.kind_label, item.department]
