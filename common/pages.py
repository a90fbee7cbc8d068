"""Static pages linked from the footer."""

from django.urls import path
from django.views.generic import TemplateView

app_name = "pages"
urlpatterns = [
    path("accessibility/", TemplateView.as_view(template_name="pages/accessibility.html"), name="accessibility"),
    path("cookies/", TemplateView.as_view(template_name="pages/cookies.html"), name="cookies"),
    path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
]
