"""The checker of a whole file: its shape, each entry's identity, dates and baseline; the parts in parts.py."""

import datetime
from collections import defaultdict
from types import SimpleNamespace

from assessments.models import Assessment
from assessments.report.background import month_year
from assessments.report.publication import fieldwork_problems, publication_date_problems
from common.names import normalise_name

from ..problems import Problem, ReportImportError, shown
from .messages import (
    ASSESSMENT_PARTS,
    BASELINE_PARTS,
    DATE,
    ERROR_ASSESSED_AFTER_PUBLICATION,
    ERROR_BASELINE_AFTER,
    ERROR_BASELINE_FOR_IMA,
    ERROR_BASELINE_ITSELF,
    ERROR_BASELINE_LATER,
    ERROR_BASELINE_MISSING,
    ERROR_BASELINE_NOT_FOUND,
    ERROR_BASELINE_NOT_PUBLISHED,
    ERROR_BASELINE_TYPE,
    ERROR_DATE_INVALID,
    ERROR_DEPARTMENT_UNKNOWN,
    ERROR_DUPLICATE,
    ERROR_EXISTING_NOT_PUBLISHED,
    ERROR_EXISTING_SEVERAL,
    ERROR_FRAMEWORK_CHANGED,
    ERROR_FRAMEWORK_UNKNOWN,
    ERROR_MONTH_INVALID,
    ERROR_NO_ASSESSMENTS,
    ERROR_NO_CURRENT_FRAMEWORK,
    ERROR_NOT_LIST,
    ERROR_NOT_OBJECT,
    ERROR_NOT_TEXT,
    ERROR_PUBLISHED_INVALID,
    ERROR_REPEATED_PART,
    ERROR_REQUIRED,
    ERROR_TOO_LONG,
    ERROR_TOP_LEVEL,
    ERROR_TYPE_UNKNOWN,
    ERROR_UNKNOWN_PART,
    ERROR_YEAR_INVALID,
    FIELDWORK_PARTS,
    FILE_PARTS,
    FIRST_YEAR,
    MAX_SHORT_TEXT,
    MAX_TEXT,
    MONTH,
    TYPE_WORDS,
    Precision,
    Status,
    Type,
)
from .parts import PartsChecks
from .plan import Owner, PlannedAssessment, _Identity, _kind, _narrative, _whole_number, label_of


class Checker(PartsChecks):
    def __init__(self, document, lookups, today):
        self.document = document
        self.lookups = lookups
        self.today = today
        self.problems = list(document.problems)
        self.orders = [-1] * len(self.problems)  # the entry each problem is about (-1: the file), to list them in order
        self.planned = {}
        self.unsure_numbers = set()  # entries whose recommendations had a problem: their numbers may be wrong
        self.unidentified = []
        self.recommendation_numbers = {}  # entry index → numbers the entry will have (its own or the stored ones)

    # --- reporting and shapes ------------------------------------------------------------------

    def problem(self, path, message):
        self.problems.append(Problem(self.document.place(path), message))
        self.orders.append(path[1] if len(path) > 1 and isinstance(path[1], int) else -1)

    def problems_in_file_order(self):
        order = sorted(range(len(self.problems)), key=lambda number: (self.orders[number], number))
        return [self.problems[number] for number in order]

    def object(self, path, value, parts, what):
        if not isinstance(value, dict):
            self.problem(path, ERROR_NOT_OBJECT.format(kind=_kind(value)))
            return None
        for key in getattr(value, "repeated", ()):
            self.problem(path, ERROR_REPEATED_PART.format(key=shown(key)))
        for key in value:
            if key not in parts:
                self.problem(path, ERROR_UNKNOWN_PART.format(key=shown(key), what=what, parts=", ".join(parts)))
        return value

    def list(self, path, value):
        if not isinstance(value, list):
            self.problem(path, ERROR_NOT_LIST.format(kind=_kind(value)))
            return []
        return value

    def text(self, path, value, *, what=None, limit=MAX_TEXT, narrative=True):
        """Text, tidied; None when it is not text, or when it is empty and `what` (required) is named."""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and self.document.source == "xlsx":
            value = str(value)  # a cell that holds only a number
        if not isinstance(value, str):
            self.problem(path, ERROR_NOT_TEXT.format(kind=_kind(value)))
            return None
        value = _narrative(value) if narrative else " ".join(value.split())
        if what and not value:
            self.problem(path, ERROR_REQUIRED.format(what=what))
            return None
        if len(value) > limit:
            self.problem(path, ERROR_TOO_LONG.format(limit=limit))
            return None
        return value

    def required(self, path, entry, key, what):
        value = entry.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            self.problem((*path, key), ERROR_REQUIRED.format(what=what))
            return None
        return value

    def date(self, path, value):
        if isinstance(value, str) and DATE.fullmatch(value.strip()):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.problem(path, ERROR_DATE_INVALID.format(value=shown(value)))
        return None

    def month(self, path, value):
        if isinstance(value, str) and MONTH.fullmatch(value.strip()):
            try:
                return datetime.date.fromisoformat(value.strip() + "-01")
            except ValueError:
                pass
        self.problem(path, ERROR_MONTH_INVALID.format(value=shown(value)))
        return None

    # --- the file -------------------------------------------------------------------------------

    def check(self):
        data = self.document.data
        if not isinstance(data, dict) or "assessments" not in data:
            self.problem((), ERROR_TOP_LEVEL)
            return []
        self.object((), data, FILE_PARTS, "the file")
        entries = self.list(("assessments",), data["assessments"])
        if not entries and isinstance(data["assessments"], list):
            self.problem(("assessments",), ERROR_NO_ASSESSMENTS)
        identities = [self._identity(index, entry) for index, entry in enumerate(entries)]
        # An entry whose identity is wrong cannot be anyone's baseline: say nothing more about those it would be.
        self.unidentified = [index for index, identity in enumerate(identities) if identity.key is None]
        self._load(identities)
        firsts = {}
        for index, (entry, identity) in enumerate(zip(entries, identities, strict=True)):
            if not isinstance(entry, dict):
                continue
            key = identity.key
            if key is not None and key in firsts:
                other = self.document.place(("assessments", firsts[key]))
                label = label_of(identity.department, identity.assessment_type, identity.year)
                self.problem(("assessments", index), ERROR_DUPLICATE.format(label=label, other=other))
                continue
            if key is not None:
                firsts[key] = index
            self._entry(index, entry, identity)
        self._check_removed_recommendations()
        return [self.planned[index] for index in sorted(self.planned)]

    def _identity(self, index, entry):
        path = ("assessments", index)
        identity = _Identity(None, None, None)
        if self.object(path, entry, ASSESSMENT_PARTS, "an assessment") is None:
            return identity
        value = self.required(path, entry, "department", "department (its name or short name)")
        if value is not None:
            identity.department = self.lookups.department(value)
            if identity.department is None:
                self.problem((*path, "department"), ERROR_DEPARTMENT_UNKNOWN.format(value=shown(value)))
        value = self.required(path, entry, "type", "type of assessment (ima, progress_review or reassessment)")
        if value is not None:
            identity.assessment_type = self.lookups.assessment_type(value)
            if identity.assessment_type is None:
                self.problem((*path, "type"), ERROR_TYPE_UNKNOWN.format(value=shown(value)))
        value = self.required(path, entry, "year", "year of the assessment, like 2013")
        if value is not None:
            identity.year = self._year((*path, "year"), value)
        return identity

    def _year(self, path, value):
        year = _whole_number(value)
        last = self.today.year
        if year is None or not FIRST_YEAR <= year <= last:
            self.problem(path, ERROR_YEAR_INVALID.format(value=shown(value), last=last))
            return None
        return year

    def _load(self, identities):
        """The stored assessments the file names, and every IMA and reassessment of its departments."""
        departments = {identity.department.pk for identity in identities if identity.department}
        years = {identity.year for identity in identities if identity.year}
        self.existing = defaultdict(list)
        for assessment in Assessment.objects.filter(department__in=departments, year__in=years).select_related(
            "framework", "department"
        ):
            self.existing[(assessment.department_id, assessment.assessment_type, assessment.year)].append(assessment)
        self.stored_baselines = defaultdict(list)
        self.stored_by_pk = {}
        for assessment in Assessment.objects.filter(
            department__in=departments, assessment_type__in=Assessment.BASELINE_TYPES
        ).select_related("department"):
            self.stored_baselines[assessment.department_id].append(assessment)
            self.stored_by_pk[assessment.pk] = assessment
        self.entry_keys = {}  # key → index of its first entry
        for index, identity in enumerate(identities):
            if identity.key is not None:
                self.entry_keys.setdefault(identity.key, index)
        self.stored_numbers = {}

    # --- one entry ------------------------------------------------------------------------------

    def _entry(self, index, entry, identity):
        path = ("assessments", index)
        existing = self._existing(path, identity)
        framework = self._framework(path, entry, existing, identity)
        plan = PlannedAssessment(
            index=index,
            department=identity.department,
            assessment_type=identity.assessment_type,
            year=identity.year,
            framework=framework,
            existing=existing,
            baseline=None,
        )
        self._dates(path, entry, existing, plan)
        if identity.key is not None:
            plan.baseline = self._baseline(path, entry, identity, existing, plan)
        self._texts(path, entry, identity, plan)
        if framework is not None:
            self._ratings(path, entry, framework, plan)
            self._themes(path, entry, framework, identity, plan)
            before = len(self.problems)
            self._recommendations(path, entry, framework, plan)
            if len(self.problems) > before:
                self.unsure_numbers.add(index)
        else:
            self.unsure_numbers.add(index)
        if index not in self.recommendation_numbers:
            self.recommendation_numbers[index] = self._stored_numbers(existing)
        # A reference to a recommendation that is missing because of a problem already listed is not one more.
        baseline_failed = plan.baseline is None and (
            identity.assessment_type == Type.PROGRESS_REVIEW or entry.get("baseline") is not None
        )
        quiet = (
            identity.key is None
            or index in self.unsure_numbers
            or baseline_failed
            or (plan.baseline is not None and plan.baseline.entry in self.unsure_numbers)
        )
        self._next_steps(path, entry, identity, plan, quiet=quiet)
        if identity.key is not None and framework is not None:
            self.planned[index] = plan

    def _existing(self, path, identity):
        if identity.key is None:
            return None
        found = self.existing.get(identity.key, [])
        label = label_of(identity.department, identity.assessment_type, identity.year)
        if len(found) > 1:
            self.problem(path, ERROR_EXISTING_SEVERAL.format(label=label))
            return None
        if found and found[0].status != Status.PUBLISHED:
            status = found[0].get_status_display().lower()
            self.problem(path, ERROR_EXISTING_NOT_PUBLISHED.format(label=label, status=status))
            return None
        return found[0] if found else None

    def _framework(self, path, entry, existing, identity):
        value = entry.get("framework")
        if value is None or (isinstance(value, str) and not value.strip()):
            if existing is not None:
                return existing.framework
            if self.lookups.current is None:
                self.problem(path, ERROR_NO_CURRENT_FRAMEWORK)
            return self.lookups.current
        framework = self.lookups.frameworks.get(normalise_name(value)) if isinstance(value, str) else None
        if framework is None:
            self.problem((*path, "framework"), ERROR_FRAMEWORK_UNKNOWN.format(value=shown(value)))
            return None
        if existing is not None and existing.framework_id != framework.pk:
            label = label_of(identity.department, identity.assessment_type, identity.year)
            message = ERROR_FRAMEWORK_CHANGED.format(label=label, framework=existing.framework.name)
            self.problem((*path, "framework"), message)
            return None
        return framework

    def _dates(self, path, entry, existing, plan):
        fields = plan.fields
        published, precision = None, None
        value = self.required(path, entry, "published_on", "date of publication (YYYY-MM-DD, or YYYY-MM)")
        if value is not None:
            text = value.strip() if isinstance(value, str) else ""
            if MONTH.fullmatch(text):
                published, precision = self._month_or_none(text), Precision.MONTH
            elif DATE.fullmatch(text):
                published, precision = self._date_or_none(text), Precision.DAY
            if published is None:
                self.problem((*path, "published_on"), ERROR_PUBLISHED_INVALID.format(value=shown(value)))
            else:
                fields.update(published_on=published, published_precision=precision)
        started = ended = None
        if entry.get("fieldwork") is not None:
            fieldwork = self.object((*path, "fieldwork"), entry["fieldwork"], FIELDWORK_PARTS, "the fieldwork")
            if fieldwork is not None:
                where = (*path, "fieldwork")
                if (value := self.required(where, fieldwork, "from", "date the fieldwork started")) is not None:
                    started = self.date((*where, "from"), value)
                if (value := self.required(where, fieldwork, "to", "date the fieldwork ended")) is not None:
                    ended = self.date((*where, "to"), value)
                for message in fieldwork_problems(started, ended):
                    self.problem((*where, "to"), message)
                    started = ended = None
                if started and ended:
                    fields.update(interviews_from=started, interviews_to=ended)
                    fields["assessed_on"] = ended.replace(day=1)
                if fieldwork.get("place") is not None:
                    place = self.text((*where, "place"), fieldwork["place"], limit=MAX_SHORT_TEXT, narrative=False)
                    if place is not None:
                        fields["fieldwork_place"] = place
        elif existing is not None:
            started, ended = existing.interviews_from, existing.interviews_to
        if entry.get("assessed") is not None:
            assessed = self.month((*path, "assessed"), entry["assessed"])
            if assessed is not None:
                fields["assessed_on"] = assessed
                if published and (assessed.year, assessed.month) > (published.year, published.month):
                    message = ERROR_ASSESSED_AFTER_PUBLICATION.format(month=month_year(published))
                    self.problem((*path, "assessed"), message)
        if published is not None:
            when = SimpleNamespace(interviews_from=started, interviews_to=ended)
            for message in publication_date_problems(when, published, today=self.today, precision=precision):
                self.problem((*path, "published_on"), message)

    @staticmethod
    def _month_or_none(text):
        try:
            return datetime.date.fromisoformat(text + "-01")
        except ValueError:
            return None

    @staticmethod
    def _date_or_none(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return None

    # --- the baseline ---------------------------------------------------------------------------

    def _baseline(self, path, entry, identity, existing, plan):
        value = entry.get("baseline")
        if identity.assessment_type not in Assessment.TYPES_WITH_BASELINE:
            if value is not None:
                self.problem((*path, "baseline"), ERROR_BASELINE_FOR_IMA)
            return None
        if value is not None:
            return self._named_baseline((*path, "baseline"), value, identity)
        if existing is not None and existing.baseline_id:
            return self._owner_of(path, existing.baseline, identity)
        return self._default_baseline(path, identity, plan)

    def _named_baseline(self, path, value, identity):
        if self.object(path, value, BASELINE_PARTS, "a baseline") is None:
            return None
        kind = year = None
        if (raw := self.required(path, value, "type", "type of the baseline (ima or reassessment)")) is not None:
            kind = self.lookups.assessment_type(raw)
            if kind not in Assessment.BASELINE_TYPES:
                self.problem((*path, "type"), ERROR_BASELINE_TYPE.format(value=shown(raw)))
                kind = None
        if (raw := self.required(path, value, "year", "year of the baseline")) is not None:
            year = self._year((*path, "year"), raw)
        if kind is None or year is None:
            return None
        label = label_of(identity.department, kind, year)
        if (kind, year) == (identity.assessment_type, identity.year):
            self.problem(path, ERROR_BASELINE_ITSELF)
            return None
        if year > identity.year:
            word = TYPE_WORDS[identity.assessment_type]
            self.problem(path, ERROR_BASELINE_AFTER.format(year=identity.year, label=label, word=word))
            return None
        index = self.entry_keys.get((identity.department.pk, kind, year))
        if index is not None:
            return self._entry_owner(path, index, label)
        stored = [
            assessment
            for assessment in self.stored_baselines[identity.department.pk]
            if (assessment.assessment_type, assessment.year) == (kind, year)
        ]
        if not stored:
            if not any(index < path[1] for index in self.unidentified):
                self.problem(path, ERROR_BASELINE_NOT_FOUND.format(label=label))
            return None
        published = [assessment for assessment in stored if assessment.status == Status.PUBLISHED]
        if not published:
            status = stored[0].get_status_display().lower()
            self.problem(path, ERROR_BASELINE_NOT_PUBLISHED.format(label=label, status=status))
            return None
        return Owner(assessment_id=published[0].pk)

    def _entry_owner(self, path, index, label):
        if index >= path[1]:
            other = self.document.place(("assessments", index))
            self.problem(path, ERROR_BASELINE_LATER.format(label=label, other=other))
            return None
        return Owner(entry=index)

    def _owner_of(self, path, assessment, identity):
        """The stored baseline of a stored review: the file's entry for it when the file has one."""
        index = self.entry_keys.get((assessment.department_id, assessment.assessment_type, assessment.year))
        if index is not None:
            label = label_of(identity.department, assessment.assessment_type, assessment.year)
            return self._entry_owner((*path, "baseline"), index, label)
        return Owner(assessment_id=assessment.pk)

    def _default_baseline(self, path, identity, plan):
        """The latest published IMA or reassessment of the department up to the year: the rule of the service."""
        department, year = identity.department, identity.year
        candidates = []  # (year, published_on, owner)
        own = (identity.assessment_type, year)
        for (department_id, kind, entry_year), index in self.entry_keys.items():
            if index == plan.index or department_id != department.pk:
                continue
            if kind in Assessment.BASELINE_TYPES and entry_year <= year:
                published = self.planned[index].fields.get("published_on") if index in self.planned else None
                candidates.append((entry_year, published or datetime.date.min, Owner(entry=index), index))
        in_file = {index for *_, index in candidates}
        for assessment in self.stored_baselines[department.pk]:
            index = self.entry_keys.get((department.pk, assessment.assessment_type, assessment.year))
            if index in in_file or assessment.status != Status.PUBLISHED or assessment.year > year:
                continue
            if (assessment.assessment_type, assessment.year) == own:
                continue
            candidates.append(
                (assessment.year, assessment.published_on or datetime.date.min, Owner(assessment_id=assessment.pk), -1)
            )
        if not candidates:
            if plan.assessment_type == Type.PROGRESS_REVIEW and not any(i < plan.index for i in self.unidentified):
                self.problem(path, ERROR_BASELINE_MISSING.format(department=department.name, year=year))
            return None
        *_, owner, index = max(candidates, key=lambda candidate: candidate[:2])
        if owner.entry is not None:
            label = label_of(department, self._entry_type(index), self._entry_year(index))
            return self._entry_owner((*path, "baseline"), index, label)
        return owner

    def _entry_type(self, index):
        return next(key[1] for key, found in self.entry_keys.items() if found == index)

    def _entry_year(self, index):
        return next(key[2] for key, found in self.entry_keys.items() if found == index)

    # --- texts ----------------------------------------------------------------------------------


def validate(document, *, lookups, today):
    """The plan of the import (one PlannedAssessment per entry, in file order), or every problem raised."""
    checker = Checker(document, lookups, today)
    plan = checker.check()
    if checker.problems:
        raise ReportImportError(checker.problems_in_file_order())
    return plan
