"""Who hears about what, and the absolute links that emails carry: shared by every app's notifications."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.selectors import active_kim_leads


def assessor_emails():
    return list(get_user_model().objects.filter(is_assessor=True, is_active=True).values_list("email", flat=True))


def kim_lead_emails(department):
    return list(active_kim_leads(departments=[department]).values_list("user__email", flat=True))


def absolute_url(name, *args):
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)
