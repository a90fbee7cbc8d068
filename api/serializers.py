"""What the API shows of each object: the fields its pages show, read through the pages' selectors.

TNA's work on an assessment (assessor ratings, commentary, theme narratives) is in an answer only where the
person's page shows it (assessments.rules.sees_assessor_work, i.e. accounts.access.sees_tna_work).
"""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Department
from actionplans.models import Action, ActionPlan, ProgressUpdate, Recommendation
from actionplans.rules import rag_status
from assessments.models import Assessment, FrameworkVersion, PerformanceArea, RatingLevel, Theme
from assessments.rules import sees_assessor_work
from network.models import AgendaItem, DiscussionItem, Meeting


class ReadOnlyModelSerializer(serializers.ModelSerializer):
    """Every field read only: no validators in the schema (their ranges differ between SQLite and PostgreSQL)."""

    def get_extra_kwargs(self):
        extra = super().get_extra_kwargs()
        for name in self.Meta.fields:
            extra[name] = {**extra.get(name, {}), "read_only": True}
        return extra


class DepartmentSerializer(ReadOnlyModelSerializer):
    lead_count = serializers.IntegerField(read_only=True)
    contributor_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Department
        fields = ["slug", "name", "short_name", "department_type", "lead_count", "contributor_count", "updated_at"]
        extra_kwargs = {"short_name": {"help_text": "The department's abbreviation"}}


class AreaSerializer(ReadOnlyModelSerializer):
    class Meta:
        model = PerformanceArea
        fields = ["key", "number", "name", "description"]


class ThemeSerializer(ReadOnlyModelSerializer):
    areas = AreaSerializer(many=True, read_only=True)

    class Meta:
        model = Theme
        fields = ["number", "name", "alternative_name", "areas"]


class LevelSerializer(ReadOnlyModelSerializer):
    class Meta:
        model = RatingLevel
        fields = ["position", "name", "abbreviation", "descriptor"]


class FrameworkSerializer(ReadOnlyModelSerializer):
    themes = ThemeSerializer(many=True, read_only=True)
    levels = LevelSerializer(many=True, read_only=True)

    class Meta:
        model = FrameworkVersion
        fields = ["slug", "name", "description", "in_use_from", "in_use_to", "is_current", "themes", "levels"]


class AssessmentSerializer(ReadOnlyModelSerializer):
    department = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    department_name = serializers.CharField(source="department.name", read_only=True)
    framework = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    state = serializers.CharField(source="status", read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "department",
            "department_name",
            "framework",
            "assessment_type",
            "year",
            "state",
            "assessed_on",
            "published_on",
            "submitted_at",
            "published_at",
            "updated_at",
        ]


def _level(level):
    return level.name if level is not None else None


class RatingSerializer(serializers.Serializer):
    """One area's ratings; assessor fields are null where the person's page does not show TNA's work."""

    theme = serializers.IntegerField()
    area = serializers.CharField(help_text="The performance area's key")
    area_name = serializers.CharField()
    self_rating = serializers.CharField(allow_null=True)
    narrative = serializers.CharField()
    is_complete = serializers.BooleanField()
    assessor_rating = serializers.CharField(allow_null=True)
    assessor_commentary = serializers.CharField(allow_null=True)
    baseline_rating = serializers.CharField(allow_null=True)


class ThemeNarrativeSerializer(serializers.Serializer):
    theme = serializers.IntegerField()
    theme_name = serializers.CharField()
    situation_at_time = serializers.CharField()
    progress_narrative = serializers.CharField()


class AssessmentDetailSerializer(AssessmentSerializer):
    ratings = serializers.SerializerMethodField()
    theme_narratives = serializers.SerializerMethodField()

    class Meta(AssessmentSerializer.Meta):
        fields = [*AssessmentSerializer.Meta.fields, "ratings", "theme_narratives"]

    def _shows_tna_work(self, assessment):
        return sees_assessor_work(self.context["request"].user, assessment)

    @extend_schema_field(RatingSerializer(many=True))
    def get_ratings(self, assessment):
        tna = self._shows_tna_work(assessment)
        rows = []
        for group in self.context["detail"].themes:
            for row in group.rows:
                rating = row.rating
                rows.append(
                    {
                        "theme": group.theme.number,
                        "area": rating.area.key,
                        "area_name": rating.area.name,
                        "self_rating": _level(rating.self_rating),
                        "narrative": rating.narrative,
                        "is_complete": rating.is_complete,
                        "assessor_rating": _level(rating.assessor_rating) if tna else None,
                        "assessor_commentary": rating.assessor_commentary if tna else None,
                        "baseline_rating": _level(rating.baseline_rating),
                    }
                )
        return rows

    @extend_schema_field(ThemeNarrativeSerializer(many=True))
    def get_theme_narratives(self, assessment):
        if not self._shows_tna_work(assessment):
            return []
        return [
            {
                "theme": group.theme.number,
                "theme_name": group.theme.name,
                "situation_at_time": group.summary.situation_at_time,
                "progress_narrative": group.summary.progress_narrative,
            }
            for group in self.context["detail"].themes
            if group.summary is not None
        ]


class RecommendationSerializer(ReadOnlyModelSerializer):
    assessment = serializers.PrimaryKeyRelatedField(read_only=True)
    department = serializers.CharField(source="assessment.department.slug", read_only=True)
    theme = serializers.IntegerField(source="theme.number", read_only=True, allow_null=True)
    area = serializers.CharField(source="area.key", read_only=True, allow_null=True)
    state = serializers.CharField(source="status", read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "assessment",
            "department",
            "number",
            "theme",
            "area",
            "text",
            "priority",
            "state",
            "closed_at",
            "updated_at",
        ]


class ActionPlanSerializer(ReadOnlyModelSerializer):
    assessment = serializers.PrimaryKeyRelatedField(read_only=True)
    department = serializers.CharField(source="assessment.department.slug", read_only=True)
    year = serializers.IntegerField(source="assessment.year", read_only=True)
    state = serializers.CharField(source="status", read_only=True)

    class Meta:
        model = ActionPlan
        fields = [
            "id",
            "assessment",
            "department",
            "year",
            "state",
            "changed_since_accepted",
            "submitted_at",
            "accepted_at",
            "closed_at",
            "updated_at",
        ]


class ProgressSerializer(ReadOnlyModelSerializer):
    author = serializers.CharField(source="author.full_name", read_only=True, allow_null=True)

    class Meta:
        model = ProgressUpdate
        fields = ["date", "author", "commentary", "status_from", "status_to", "created_at"]


class ActionSerializer(ReadOnlyModelSerializer):
    plan = serializers.PrimaryKeyRelatedField(read_only=True)
    department = serializers.CharField(source="plan.assessment.department.slug", read_only=True)
    recommendation = serializers.IntegerField(source="recommendation.number", read_only=True)
    owner = serializers.SerializerMethodField()
    state = serializers.CharField(source="status", read_only=True)
    rag = serializers.SerializerMethodField()
    progress = ProgressSerializer(source="progress_updates", many=True, read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "plan",
            "department",
            "recommendation",
            "sequence",
            "description",
            "owner",
            "priority",
            "due_date",
            "state",
            "completion_date",
            "rag",
            "updated_at",
            "progress",
        ]

    def get_owner(self, action) -> str:
        return action.owner_user.full_name if action.owner_user_id else action.owner_text

    def get_rag(self, action) -> str:
        return rag_status(due_date=action.due_date, status=action.status, today=timezone.localdate())


class AgendaItemSerializer(ReadOnlyModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["order", "title"]


class DiscussionItemSerializer(ReadOnlyModelSerializer):
    class Meta:
        model = DiscussionItem
        fields = ["order", "title", "summary"]


class MeetingSerializer(ReadOnlyModelSerializer):
    state = serializers.CharField(source="status", read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "title", "date", "start_time", "end_time", "state", "location", "updated_at"]


class MeetingDetailSerializer(MeetingSerializer):
    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)
    items_discussed = DiscussionItemSerializer(source="discussion_items", many=True, read_only=True)

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "agenda", "items_discussed"]
