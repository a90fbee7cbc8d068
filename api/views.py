"""The read-only API (/api/v1/): each list and object is read through the selectors its pages use, so a token
sees exactly what its person sees in the browser. Outside a person's scope an object answers 404."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from actionplans.models import ProgressUpdate
from actionplans.selectors.lists import plans_listed_for, recommendations_visible_to
from actionplans.selectors.plans import actions_visible_to
from assessments.models import FrameworkVersion, Theme
from assessments.selectors.assessments import assessments_listed_for
from assessments.selectors.departments import department_list_for
from assessments.selectors.detail import assessment_detail
from network.selectors.meetings import meeting_detail, meetings_listed

from . import filters, serializers
from .conditional import ETagMixin


class ReadOnlyViewSet(ETagMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[0-9]+"


@extend_schema_view(
    list=extend_schema(summary="Departments you may see"), retrieve=extend_schema(summary="One department")
)
class DepartmentViewSet(ReadOnlyViewSet):
    serializer_class = serializers.DepartmentSerializer
    filterset_class = filters.DepartmentFilter
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return department_list_for(self.request.user).order_by("name", "pk")


@extend_schema_view(
    list=extend_schema(summary="Framework versions with their themes, performance areas and rating scale"),
    retrieve=extend_schema(summary="One framework version"),
)
class FrameworkViewSet(ReadOnlyViewSet):
    serializer_class = serializers.FrameworkSerializer
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        themes = Theme.objects.order_by("number").prefetch_related("areas")
        return FrameworkVersion.objects.prefetch_related(Prefetch("themes", queryset=themes), "levels").order_by(
            "-in_use_from", "pk"
        )


@extend_schema_view(
    list=extend_schema(summary="Assessments you may see"),
    retrieve=extend_schema(summary="One assessment with its ratings and theme narratives"),
)
class AssessmentViewSet(ReadOnlyViewSet):
    filterset_class = filters.AssessmentFilter

    def get_queryset(self):
        return assessments_listed_for(self.request.user)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.AssessmentDetailSerializer
        return serializers.AssessmentSerializer

    def retrieve(self, request, *args, **kwargs):
        assessment = self.get_object()
        context = {**self.get_serializer_context(), "detail": assessment_detail(assessment)}
        return Response(serializers.AssessmentDetailSerializer(assessment, context=context).data)


@extend_schema_view(
    list=extend_schema(summary="Recommendations you may see"), retrieve=extend_schema(summary="One recommendation")
)
class RecommendationViewSet(ReadOnlyViewSet):
    serializer_class = serializers.RecommendationSerializer
    filterset_class = filters.RecommendationFilter

    def get_queryset(self):
        return recommendations_visible_to(self.request.user)


@extend_schema_view(
    list=extend_schema(summary="Action plans you may see"), retrieve=extend_schema(summary="One action plan")
)
class ActionPlanViewSet(ReadOnlyViewSet):
    serializer_class = serializers.ActionPlanSerializer
    filterset_class = filters.ActionPlanFilter

    def get_queryset(self):
        return plans_listed_for(self.request.user)


@extend_schema_view(
    list=extend_schema(summary="Actions (with their progress updates) you may see"),
    retrieve=extend_schema(summary="One action with its progress updates"),
)
class ActionViewSet(ReadOnlyViewSet):
    serializer_class = serializers.ActionSerializer
    filterset_class = filters.ActionFilter

    def get_queryset(self):
        progress = ProgressUpdate.objects.select_related("author").order_by("date", "created_at", "pk")
        return (
            actions_visible_to(self.request.user)
            .prefetch_related(Prefetch("progress_updates", queryset=progress))
            .order_by(
                "plan__assessment__department__name",
                "-plan__assessment__year",
                "plan_id",
                "recommendation__number",
                "sequence",
                "pk",
            )
        )


@extend_schema_view(
    list=extend_schema(summary="Meetings of the KIM Leaders' Network"),
    retrieve=extend_schema(summary="One meeting with its agenda and items discussed"),
)
class MeetingViewSet(ReadOnlyViewSet):
    filterset_class = filters.MeetingFilter

    def get_queryset(self):
        return meetings_listed()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.MeetingDetailSerializer
        return serializers.MeetingSerializer

    def retrieve(self, request, *args, **kwargs):
        return Response(serializers.MeetingDetailSerializer(meeting_detail(kwargs["pk"])).data)
