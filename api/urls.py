from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("departments", views.DepartmentViewSet, basename="department")
router.register("frameworks", views.FrameworkViewSet, basename="framework")
router.register("assessments", views.AssessmentViewSet, basename="assessment")
router.register("recommendations", views.RecommendationViewSet, basename="recommendation")
router.register("action-plans", views.ActionPlanViewSet, basename="actionplan")
router.register("actions", views.ActionViewSet, basename="action")
router.register("meetings", views.MeetingViewSet, basename="meeting")

app_name = "api"
urlpatterns = [
    path("v1/", include(router.urls)),
    # The schema needs a token or a signed-in session (401 otherwise); the docs page is for signed-in people
    # (sent to sign in like every page) and is served from the app's own static files (drf-spectacular-sidecar).
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", login_required(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
]
