"""What the import checks against, and the words of every problem it reports (tests assert them)."""

import re

from assessments.models import Assessment

Type = Assessment.Type
Status = Assessment.Status
Precision = Assessment.DatePrecision

FIRST_YEAR = 2000  # the database refuses earlier years (assessments began in 2008)
MAX_TEXT = 50_000
MAX_SHORT_TEXT = 200  # fieldwork place, who signed the statement of commitment

IMPORT_TYPES = (Type.IMA, Type.PROGRESS_REVIEW, Type.REASSESSMENT)
TYPE_WORDS = {Type.IMA: "IMA", Type.PROGRESS_REVIEW: "progress review", Type.REASSESSMENT: "reassessment"}

FILE_PARTS = ("assessments",)
ASSESSMENT_PARTS = (
    "department",
    "type",
    "year",
    "framework",
    "baseline",
    "fieldwork",
    "assessed",
    "published_on",
    "ratings",
    "themes",
    "background",
    "key_findings",
    "commitment",
    "next_steps",
    "recommendations",
)
BASELINE_PARTS = ("type", "year")
FIELDWORK_PARTS = ("from", "to", "place")
COMMITMENT_PARTS = ("text", "signed_by", "signed_on")
NEXT_STEPS_PARTS = ("lead", "items")
RATING_PARTS = ("area", "rating")
THEME_PARTS = ("theme", "situation", "progress")
NEXT_STEP_PARTS = ("text", "recommendation")
RECOMMENDATION_PARTS = ("number", "area", "text", "priority")

# Messages (GOV.UK style: what is wrong and how to put it right). Each is shown after its place. Tests assert them.
ERROR_TOP_LEVEL = 'The file must hold an object with a list of assessments, like {"assessments": [ ]}'
ERROR_NO_ASSESSMENTS = "The list of assessments is empty: add at least one assessment"
ERROR_NOT_OBJECT = "Enter an object in braces {{ }}, not {kind}"
ERROR_NOT_LIST = "Enter a list in square brackets [ ], not {kind}"
ERROR_NOT_TEXT = "Enter text in double quotes, not {kind}"
ERROR_UNKNOWN_PART = "{key} is not a part of {what}: use {parts}"
ERROR_REPEATED_PART = "{key} is given more than once: give it once"
ERROR_REQUIRED = "Enter the {what}"
ERROR_TOO_LONG = "The text must be {limit:,} characters or fewer"
ERROR_DEPARTMENT_UNKNOWN = "{value} is not a department in the service: use a department's name or short name"
ERROR_TYPE_UNKNOWN = "{value} is not a type of assessment the import knows: use ima, progress_review or reassessment"
ERROR_YEAR_INVALID = "{value} is not a valid year: enter a year from 2000 to {last}, like 2013"
ERROR_DUPLICATE = "{label} is already in the file at {other}: list each assessment once"
ERROR_EXISTING_SEVERAL = "{label} exists more than once in the service: correct it there first"
ERROR_EXISTING_NOT_PUBLISHED = (
    "{label} exists in the service and is {status}: an import only updates published assessments"
)
ERROR_FRAMEWORK_UNKNOWN = (
    "{value} is not a framework version: use a version's name or identifier, or leave it out for the current one"
)
ERROR_NO_CURRENT_FRAMEWORK = "No framework version is marked as current: name the framework of this assessment"
ERROR_FRAMEWORK_CHANGED = (
    "{label} is published against {framework}: an import cannot change the framework of an assessment"
)
ERROR_DATE_INVALID = "{value} is not a date: enter it as YYYY-MM-DD, like 2013-05-14"
ERROR_MONTH_INVALID = "{value} is not a month: enter it as YYYY-MM, like 2013-06"
ERROR_PUBLISHED_INVALID = (
    "{value} is not a date of publication: enter YYYY-MM-DD, or YYYY-MM when only the month is known"
)
ERROR_ASSESSED_AFTER_PUBLICATION = "The month assessed must be the same as or before the month of publication ({month})"
ERROR_BASELINE_FOR_IMA = "An IMA is not measured against a baseline: remove the baseline"
ERROR_BASELINE_TYPE = "{value} cannot be a baseline: use ima or reassessment"
ERROR_BASELINE_NOT_FOUND = (
    "{label} is neither earlier in the file nor published in the service: add it to the file before this entry"
)
ERROR_BASELINE_LATER = "{label} is later in the file, at {other}: list a baseline before what is measured against it"
ERROR_BASELINE_NOT_PUBLISHED = "{label} is {status} in the service: a baseline must be published"
ERROR_BASELINE_AFTER = "A baseline must be from {year} or earlier: {label} is after this {word}"
ERROR_BASELINE_ITSELF = "An assessment cannot be its own baseline: name the IMA or reassessment it is measured against"
ERROR_BASELINE_MISSING = (
    "{department} has no published IMA or reassessment from {year} or earlier, in the file before this entry "
    "or in the service: add the IMA to the file before this progress review"
)
ERROR_AREA_UNKNOWN = "{value} is not a performance area of {framework}"
ERROR_AREA_REPEATED = "{value} is already rated at {other}: rate each area once"
ERROR_RATING_UNKNOWN = "{value} is not a rating of {framework}: use one of {levels}"
ERROR_THEME_UNKNOWN = "{value} is not a theme of {framework}: use a theme number from 1 to {last}"
ERROR_THEME_REPEATED = "Theme {number} is already at {other}: write each theme once"
ERROR_SITUATION_NOT_REVIEW = (
    "Only a progress review has a situation at the time of the IMA: put the theme's findings in progress"
)
ERROR_FULL_REPORT_ONLY = "Only an IMA or reassessment report has {what}: remove it from this progress review"
ERROR_REVIEW_ONLY = "Only a progress review report has next steps: remove them from this {word}"
ERROR_NUMBER_INVALID = "{value} is not a recommendation number: enter a whole number from 1, like 3 or R3"
ERROR_NUMBER_REPEATED = "R{number} is already at {other}: number each recommendation once"
ERROR_AREA_OR_THEME_UNKNOWN = "{value} is not a performance area or theme of {framework}"
ERROR_PRIORITY_UNKNOWN = "{value} is not a priority: use High, Medium or Low"
ERROR_REFERENCE_INVALID = "{value} is not a recommendation: use its number, like R3, or IMA 2013 R3 for the baseline's"
ERROR_REFERENCE_UNKNOWN = "There is no recommendation {value} in {where}"
ERROR_REFERENCE_AMBIGUOUS = "{value} could be {first} or {second}: write {first} or {second}"
ERROR_RECOMMENDATION_HAS_ACTIONS = (
    "{label} R{number} is not in the file, but the department's action plan has actions for it: keep it in the file"
)
ERROR_RECOMMENDATION_LINKED = (
    "{label} R{number} is not in the file, but the next steps of {other} link to it: keep it in the file"
)

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH = re.compile(r"\d{4}-\d{2}")
NUMBER = re.compile(r"r?\s*(\d{1,4})")
REFERENCE = re.compile(r"(?:(.*?)\s+)?r\s*(\d{1,4})")
