"""The lists' filters: department (slug), year, type, state, updated since (an ISO 8601 date or time)."""

from django_filters import rest_framework as filters

from accounts.models import Department
from actionplans.models import Action, ActionPlan, Recommendation
from assessments.models import Assessment
from network.models import Meeting


class UpdatedSince(filters.IsoDateTimeFilter):
    def __init__(self, field_name="updated_at", **kwargs):
        super().__init__(field_name=field_name, lookup_expr="gte", label="Updated at or after (ISO 8601)", **kwargs)


class AssessmentFilter(filters.FilterSet):
    department = filters.CharFilter(field_name="department__slug", label="Department (slug)")
    year = filters.NumberFilter(field_name="year")
    type = filters.ChoiceFilter(field_name="assessment_type", choices=Assessment.Type.choices)
    state = filters.ChoiceFilter(field_name="status", choices=Assessment.Status.choices)
    updated_since = UpdatedSince()

    class Meta:
        model = Assessment
        fields = []


class RecommendationFilter(filters.FilterSet):
    department = filters.CharFilter(field_name="assessment__department__slug", label="Department (slug)")
    assessment = filters.NumberFilter(field_name="assessment_id")
    year = filters.NumberFilter(field_name="assessment__year")
    type = filters.ChoiceFilter(field_name="assessment__assessment_type", choices=Assessment.Type.choices)
    state = filters.ChoiceFilter(field_name="status", choices=Recommendation._meta.get_field("status").choices)
    updated_since = UpdatedSince()

    class Meta:
        model = Recommendation
        fields = []


class ActionPlanFilter(filters.FilterSet):
    department = filters.CharFilter(field_name="assessment__department__slug", label="Department (slug)")
    year = filters.NumberFilter(field_name="assessment__year")
    type = filters.ChoiceFilter(field_name="assessment__assessment_type", choices=Assessment.Type.choices)
    state = filters.ChoiceFilter(field_name="status", choices=ActionPlan._meta.get_field("status").choices)
    updated_since = UpdatedSince()

    class Meta:
        model = ActionPlan
        fields = []


class ActionFilter(filters.FilterSet):
    department = filters.CharFilter(field_name="plan__assessment__department__slug", label="Department (slug)")
    plan = filters.NumberFilter(field_name="plan_id")
    year = filters.NumberFilter(field_name="plan__assessment__year")
    type = filters.ChoiceFilter(field_name="plan__assessment__assessment_type", choices=Assessment.Type.choices)
    state = filters.ChoiceFilter(field_name="status", choices=Action._meta.get_field("status").choices)
    updated_since = UpdatedSince()

    class Meta:
        model = Action
        fields = []


class MeetingFilter(filters.FilterSet):
    year = filters.NumberFilter(field_name="date__year")
    state = filters.ChoiceFilter(field_name="status", choices=Meeting.Status.choices)
    updated_since = UpdatedSince()

    class Meta:
        model = Meeting
        fields = []


class DepartmentFilter(filters.FilterSet):
    type = filters.ChoiceFilter(field_name="department_type", choices=Department.Type.choices)
    updated_since = UpdatedSince()

    class Meta:
        model = Department
        fields = []
