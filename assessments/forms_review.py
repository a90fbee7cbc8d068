"""Forms the assessor uses: a moderated rating per area, theme summaries, return with comments, publish."""

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.utils import timezone
from django.utils.html import escape

from common.fields import PAST, GovDateField
from common.forms import VersionedForm, form_helper
from common.widgets import Textarea

from .forms import LevelField


class AssessorRatingForm(VersionedForm):
    conflict_fields = {"Assessor's rating": "assessor_rating", "Commentary": "assessor_commentary"}

    assessor_commentary = forms.CharField(
        label="Assessor's commentary",
        widget=Textarea,
        required=False,
        max_length=10000,
        help_text="Findings for the report: what the department does well and what puts information at risk.",
        error_messages={"max_length": "The commentary must be 10,000 characters or fewer"},
    )

    def __init__(self, *args, levels, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessor_rating"] = LevelField(
            levels=levels,
            label=f"Your rating for {escape(area.name)}",
            error_messages={"required": f"Select your rating for {area.name}"},
        )
        self.order_fields(["version", "assessor_rating", "assessor_commentary"])
        self.helper = form_helper(
            "version",
            Field.radios("assessor_rating", legend_size=Size.MEDIUM, legend_tag="h2"),
            Field.textarea("assessor_commentary", label_size=Size.MEDIUM, label_tag="h2", rows=8),
            form_tag=False,
        )


class ThemeSummaryForm(VersionedForm):
    """A theme's narratives. A progress review: the situation at the time of the IMA (or reassessment) and
    the progress since; an IMA or reassessment report: the findings."""

    conflict_fields = {"Situation at the time of the IMA": "situation_at_time", "Progress since": "progress_narrative"}

    situation_at_time = forms.CharField(
        label="Situation at the time of the IMA",
        widget=Textarea,
        required=False,
        max_length=20000,
        help_text="Started from the IMA report's findings for this theme. Leave a blank line between paragraphs.",
        error_messages={"max_length": "The situation at the time must be 20,000 characters or fewer"},
    )
    progress_narrative = forms.CharField(
        label="Progress since",
        widget=Textarea,
        required=False,
        max_length=20000,
        help_text="What changed, what is still outstanding, and any recommendation repeated.",
        error_messages={"max_length": "The progress must be 20,000 characters or fewer"},
    )

    def __init__(self, *args, assessment=None, **kwargs):
        super().__init__(*args, **kwargs)
        review = assessment is None or assessment.assessment_type not in ("ima", "reassessment")
        if review:
            word = (
                "reassessment"
                if assessment and assessment.baseline and assessment.baseline.assessment_type == "reassessment"
                else "IMA"
            )
            self.fields["situation_at_time"].label = f"Situation at the time of the {word}"
            self.fields["progress_narrative"].label = f"Progress since the {word}"
            self.conflict_fields = {
                self.fields["situation_at_time"].label: "situation_at_time",
                self.fields["progress_narrative"].label: "progress_narrative",
            }
            layout = [
                Field.textarea("situation_at_time", label_size=Size.MEDIUM, label_tag="h2", rows=8),
                Field.textarea("progress_narrative", label_size=Size.MEDIUM, label_tag="h2", rows=8),
            ]
        else:
            del self.fields["situation_at_time"]
            field = self.fields["progress_narrative"]
            field.label = "Findings"
            field.help_text = "What the assessment found in this theme. Leave a blank line between paragraphs."
            field.error_messages["max_length"] = "The findings must be 20,000 characters or fewer"
            self.conflict_fields = {"Findings": "progress_narrative"}
            layout = [Field.textarea("progress_narrative", label_size=Size.MEDIUM, label_tag="h2", rows=12)]
        self.helper = form_helper("version", *layout, form_tag=False)


class ReturnForm(forms.Form):
    """An overall comment (required) and an optional comment for each performance area."""

    comment = forms.CharField(
        label="What should the department change?",
        widget=Textarea,
        max_length=10000,
        help_text="The KIM lead sees this at the top of their task list and in an email.",
        error_messages={
            "required": "Enter a comment telling the department what to change",
            "max_length": "The comment must be 10,000 characters or fewer",
        },
    )

    def __init__(self, *args, ratings, **kwargs):
        super().__init__(*args, **kwargs)
        self.ratings = list(ratings)
        area_fields = []
        for rating in self.ratings:
            name = self.area_field_name(rating)
            self.fields[name] = forms.CharField(
                label=f"{rating.area.reference} {escape(rating.area.name)} (optional)",
                widget=Textarea,
                required=False,
                initial=rating.return_comment,
                max_length=5000,
                error_messages={"max_length": f"The comment on {rating.area.name} must be 5,000 characters or fewer"},
            )
            area_fields.append(Field.textarea(name, rows=3))
        self.helper = form_helper(
            Field.textarea("comment", label_size=Size.MEDIUM, label_tag="h2", rows=5),
            Fieldset(*area_fields, legend="Comments on performance areas", legend_size=Size.MEDIUM),
            form_tag=False,
        )

    @staticmethod
    def area_field_name(rating):
        return f"area_{rating.pk}"

    def area_comments(self):
        return {rating.pk: self.cleaned_data.get(self.area_field_name(rating), "") for rating in self.ratings}


class PublishForm(forms.Form):
    published_on = GovDateField(
        required_message="Enter the date of publication",
        real_message="Date of publication must be a real date",
        part_message="Date of publication must include a {part}",
        year_message="Date of publication must be between 2000 and 2100",
        when=PAST,
        when_message="The date of publication must be today or in the past",
        label="Date of publication",
        help_text="The date the report is published. For example, 27 3 2025",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published_on"].initial = timezone.localdate()
        self.helper = form_helper(
            Field("published_on", context={"legend_size": Size.for_legend(Size.MEDIUM)}), form_tag=False
        )
