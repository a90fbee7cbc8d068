"""The checks of an entry's parts: its texts, ratings, themes, recommendations and next steps."""

from collections import defaultdict

from actionplans.choices import Priority
from actionplans.models import Action, NextStep, Recommendation
from actionplans.services.next_steps import MAX_TEXT as MAX_NEXT_STEP
from assessments.models import Assessment
from common.names import normalise_name

from ..problems import shown
from .messages import (
    COMMITMENT_PARTS,
    ERROR_AREA_OR_THEME_UNKNOWN,
    ERROR_AREA_REPEATED,
    ERROR_AREA_UNKNOWN,
    ERROR_FULL_REPORT_ONLY,
    ERROR_NUMBER_INVALID,
    ERROR_NUMBER_REPEATED,
    ERROR_PRIORITY_UNKNOWN,
    ERROR_RATING_UNKNOWN,
    ERROR_RECOMMENDATION_HAS_ACTIONS,
    ERROR_RECOMMENDATION_LINKED,
    ERROR_REFERENCE_AMBIGUOUS,
    ERROR_REFERENCE_INVALID,
    ERROR_REFERENCE_UNKNOWN,
    ERROR_REVIEW_ONLY,
    ERROR_SITUATION_NOT_REVIEW,
    ERROR_THEME_REPEATED,
    ERROR_THEME_UNKNOWN,
    MAX_SHORT_TEXT,
    NEXT_STEP_PARTS,
    NEXT_STEPS_PARTS,
    NUMBER,
    RATING_PARTS,
    RECOMMENDATION_PARTS,
    REFERENCE,
    THEME_PARTS,
    TYPE_WORDS,
    Type,
)
from .plan import Owner, RecommendationRef, RecommendationRow, label_of, short_label


class PartsChecks:
    """Mixed into the checker: each method checks one part of an entry and records its problems."""

    def _texts(self, path, entry, identity, plan):
        fields = plan.fields
        full_report = identity.assessment_type in Assessment.FULL_REPORT_TYPES
        if entry.get("background") is not None:
            text = self.text((*path, "background"), entry["background"])
            if text is not None:
                fields["background_text"] = text
        if entry.get("key_findings") is not None:
            if identity.assessment_type and not full_report:
                self.problem((*path, "key_findings"), ERROR_FULL_REPORT_ONLY.format(what="key findings"))
            elif (text := self.text((*path, "key_findings"), entry["key_findings"])) is not None:
                fields["key_findings"] = text
        if entry.get("commitment") is not None:
            where = (*path, "commitment")
            if identity.assessment_type and not full_report:
                self.problem(where, ERROR_FULL_REPORT_ONLY.format(what="a statement of commitment"))
            elif (commitment := self.object(where, entry["commitment"], COMMITMENT_PARTS, "a commitment")) is not None:
                text = None if commitment.get("text") is None else self.text((*where, "text"), commitment["text"])
                if text is not None:
                    fields["commitment_text"] = text
                if commitment.get("signed_by") is not None:
                    signed_by = self.text(
                        (*where, "signed_by"), commitment["signed_by"], limit=MAX_SHORT_TEXT, narrative=False
                    )
                    if signed_by is not None:
                        fields["commitment_signed_by"] = signed_by
                signed_on = commitment.get("signed_on")
                signed_on = None if signed_on is None else self.date((*where, "signed_on"), signed_on)
                if signed_on is not None:
                    fields["commitment_signed_on"] = signed_on

    # --- ratings and themes ---------------------------------------------------------------------

    def _ratings(self, path, entry, framework, plan):
        if entry.get("ratings") is None:
            return
        ratings = {}
        seen = {}
        areas = self.lookups.areas[framework.pk]
        levels = self.lookups.levels[framework.pk]
        for number, item in enumerate(self.list((*path, "ratings"), entry["ratings"])):
            where = (*path, "ratings", number)
            if self.object(where, item, RATING_PARTS, "a rating") is None:
                continue
            area = level = None
            if (value := self.required(where, item, "area", "performance area")) is not None:
                area = areas.get(normalise_name(value)) if isinstance(value, str) else None
                if area is None:
                    message = ERROR_AREA_UNKNOWN.format(value=shown(value), framework=framework.name)
                    self.problem((*where, "area"), message)
                elif area.pk in seen:
                    other = self.document.place(seen[area.pk])
                    self.problem((*where, "area"), ERROR_AREA_REPEATED.format(value=shown(value), other=other))
                    area = None
                else:
                    seen[area.pk] = where
            if (value := self.required(where, item, "rating", "rating")) is not None:
                level = levels.get(normalise_name(value)) if isinstance(value, str) else None
                if level is None:
                    names = ", ".join(level.name for level in framework.levels.all())
                    message = ERROR_RATING_UNKNOWN.format(value=shown(value), framework=framework.name, levels=names)
                    self.problem((*where, "rating"), message)
            if area is not None and level is not None:
                ratings[area.pk] = level.pk
        plan.ratings = ratings

    def _themes(self, path, entry, framework, identity, plan):
        if entry.get("themes") is None:
            return
        themes = {}
        seen = {}
        by_name = self.lookups.themes[framework.pk]
        is_review = identity.assessment_type == Type.PROGRESS_REVIEW
        for number, item in enumerate(self.list((*path, "themes"), entry["themes"])):
            where = (*path, "themes", number)
            if self.object(where, item, THEME_PARTS, "a theme") is None:
                continue
            theme = None
            if (value := self.required(where, item, "theme", "theme number, like 1")) is not None:
                theme = by_name.get(normalise_name(str(value))) if not isinstance(value, (bool, dict, list)) else None
                if theme is None:
                    last = len(self.lookups.theme_ids[framework.pk])
                    message = ERROR_THEME_UNKNOWN.format(value=shown(value), framework=framework.name, last=last)
                    self.problem((*where, "theme"), message)
                elif theme.pk in seen:
                    other = self.document.place(seen[theme.pk])
                    self.problem((*where, "theme"), ERROR_THEME_REPEATED.format(number=theme.number, other=other))
                    theme = None
                else:
                    seen[theme.pk] = where
            situation = progress = ""
            if item.get("situation") is not None:
                if identity.assessment_type and not is_review:
                    self.problem((*where, "situation"), ERROR_SITUATION_NOT_REVIEW)
                else:
                    situation = self.text((*where, "situation"), item["situation"])
            if item.get("progress") is not None:
                progress = self.text((*where, "progress"), item["progress"])
            if theme is not None and situation is not None and progress is not None:
                themes[theme.pk] = (situation, progress)
        plan.themes = themes

    # --- recommendations and next steps ---------------------------------------------------------

    def _recommendations(self, path, entry, framework, plan):
        if entry.get("recommendations") is None:
            return
        rows = []
        seen = {}  # number → where
        areas = self.lookups.areas[framework.pk]
        themes = self.lookups.themes[framework.pk]
        for index, item in enumerate(self.list((*path, "recommendations"), entry["recommendations"])):
            where = (*path, "recommendations", index)
            if self.object(where, item, RECOMMENDATION_PARTS, "a recommendation") is None:
                continue
            number = theme_id = area_id = text = priority = None
            if (value := self.required(where, item, "number", "recommendation number, like 3")) is not None:
                number = self._number((*where, "number"), value)
                if number is not None and number in seen:
                    other = self.document.place(seen[number])
                    self.problem((*where, "number"), ERROR_NUMBER_REPEATED.format(number=number, other=other))
                    number = None
                elif number is not None:
                    seen[number] = where
            if (value := self.required(where, item, "area", "performance area (or theme)")) is not None:
                name = normalise_name(value) if isinstance(value, str) else None
                if name in areas:
                    area_id, theme_id = areas[name].pk, areas[name].theme_id
                elif name in themes and not name.isdigit():
                    theme_id = themes[name].pk
                else:
                    message = ERROR_AREA_OR_THEME_UNKNOWN.format(value=shown(value), framework=framework.name)
                    self.problem((*where, "area"), message)
            value = item.get("text")
            text = self.text((*where, "text"), "" if value is None else value, what="text of the recommendation")
            if (value := self.required(where, item, "priority", "priority (High, Medium or Low)")) is not None:
                priority = normalise_name(value) if isinstance(value, str) else None
                if priority not in Priority.values:
                    self.problem((*where, "priority"), ERROR_PRIORITY_UNKNOWN.format(value=shown(value)))
                    priority = None
            if None not in (number, text, priority) and (theme_id or area_id):
                rows.append(RecommendationRow(number, theme_id, area_id, text, priority))
        plan.recommendations = rows
        self.recommendation_numbers[plan.index] = set(seen)

    def _number(self, path, value):
        text = str(value).strip().casefold() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
        match = NUMBER.fullmatch(text)
        if match is None or int(match.group(1)) < 1:
            self.problem(path, ERROR_NUMBER_INVALID.format(value=shown(value)))
            return None
        return int(match.group(1))

    def _stored_numbers(self, assessment_or_id):
        if assessment_or_id is None:
            return set()
        pk = getattr(assessment_or_id, "pk", assessment_or_id)
        if pk not in self.stored_numbers:
            self.stored_numbers[pk] = set(
                Recommendation.objects.filter(assessment_id=pk).values_list("number", flat=True)
            )
        return self.stored_numbers[pk]

    def _next_steps(self, path, entry, identity, plan, *, quiet=False):
        if entry.get("next_steps") is None:
            return
        where = (*path, "next_steps")
        if identity.assessment_type and identity.assessment_type != Type.PROGRESS_REVIEW:
            self.problem(where, ERROR_REVIEW_ONLY.format(word=TYPE_WORDS[identity.assessment_type]))
            return
        next_steps = self.object(where, entry["next_steps"], NEXT_STEPS_PARTS, "next steps")
        if next_steps is None:
            return
        lead = None if next_steps.get("lead") is None else self.text((*where, "lead"), next_steps["lead"])
        if lead is not None:
            plan.fields["next_steps_text"] = lead
        if next_steps.get("items") is None:
            return
        sources = self._reference_sources(identity, plan)
        items = []
        for index, item in enumerate(self.list((*where, "items"), next_steps["items"])):
            here = (*where, "items", index)
            reference = None
            if isinstance(item, dict):
                self.object(here, item, NEXT_STEP_PARTS, "a next step")
                value = item.get("text")
                text = self.text(
                    (*here, "text"), "" if value is None else value, what="text of the next step", limit=MAX_NEXT_STEP
                )
                if item.get("recommendation") not in (None, ""):
                    reference = self._reference((*here, "recommendation"), item["recommendation"], sources, quiet)
                    if reference is None:
                        text = None
            else:
                text = self.text(here, item, what="text of the next step", limit=MAX_NEXT_STEP)
            if text is not None:
                items.append((text, reference))
        plan.next_steps = items

    def _reference_sources(self, identity, plan):
        """[(label, numbers, owner)]: this assessment's recommendations, then its baseline's."""
        if identity.key is None:
            return []
        sources = [
            (
                short_label(identity.assessment_type, identity.year),
                self.recommendation_numbers.get(plan.index, set()),
                Owner(entry=plan.index),
            )
        ]
        baseline = plan.baseline
        if baseline is not None and baseline.entry is not None:
            numbers = self.recommendation_numbers.get(baseline.entry, set())
            kind, year = self._entry_type(baseline.entry), self._entry_year(baseline.entry)
            sources.append((short_label(kind, year), numbers, baseline))
        elif baseline is not None:
            stored = self.stored_by_pk.get(baseline.assessment_id) or Assessment.objects.get(pk=baseline.assessment_id)
            sources.append((stored.column_label, self._stored_numbers(stored), baseline))
        return sources

    def _reference(self, path, value, sources, quiet=False):
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"R{value}"
        match = REFERENCE.fullmatch(normalise_name(value)) if isinstance(value, str) else None
        if match is None:
            self.problem(path, ERROR_REFERENCE_INVALID.format(value=shown(value)))
            return None
        label, number = match.group(1), int(match.group(2))
        if label:
            sources = [source for source in sources if normalise_name(source[0]) == label]
        found = [source for source in sources if number in source[1]]
        if not found:
            if quiet and self.problems:  # never quiet alone: the file is refused for the problem already listed
                return None
            where = " or ".join(source[0] for source in sources) or "the file"
            self.problem(path, ERROR_REFERENCE_UNKNOWN.format(value=shown(value), where=where))
            return None
        if len(found) > 1:
            first, second = (f"{source[0]} R{number}" for source in found[:2])
            self.problem(path, ERROR_REFERENCE_AMBIGUOUS.format(value=shown(value), first=first, second=second))
            return None
        return RecommendationRef(owner=found[0][2], number=number)

    def _check_removed_recommendations(self):
        """A stored recommendation the file leaves out is removed, unless the action plan or another report uses it."""
        replacing = {
            plan.existing.pk for plan in self.planned.values() if plan.existing and plan.next_steps is not None
        }
        for plan in self.planned.values():
            if plan.existing is None or plan.recommendations is None:
                continue
            keep = {row.number for row in plan.recommendations}
            removed = list(
                Recommendation.objects.filter(assessment=plan.existing).exclude(number__in=keep).order_by("number")
            )
            if not removed:
                continue
            path = ("assessments", plan.index, "recommendations")
            with_actions = set(
                Action.objects.filter(recommendation__in=removed).values_list("recommendation_id", flat=True)
            )
            links = defaultdict(list)
            for step in (
                NextStep.objects.filter(recommendation__in=removed)
                .exclude(assessment__in=replacing)
                .select_related("assessment__department")
            ):
                links[step.recommendation_id].append(step.assessment)
            for recommendation in removed:
                if recommendation.pk in with_actions:
                    message = ERROR_RECOMMENDATION_HAS_ACTIONS.format(label=plan.label, number=recommendation.number)
                    self.problem(path, message)
                for assessment in links.get(recommendation.pk, [])[:1]:
                    other = label_of(assessment.department, assessment.assessment_type, assessment.year)
                    message = ERROR_RECOMMENDATION_LINKED.format(
                        label=plan.label, number=recommendation.number, other=other
                    )
                    self.problem(path, message)
