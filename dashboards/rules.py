"""The dashboards' own rules: a department's score, when it is due for reassessment, and the benchmark.

None of these is The National Archives' (TNA publishes a rating per performance area, not scores,
averages or a reassessment formula): each is IMA Portal's own rule, a setting of the installation
(ima_portal/settings.py, .env.example), read when it is applied, and stated with its current value on
every page that applies it (`ServiceRule`, shown by templates/includes/service_rule.html). Pure
functions (no queries), tested at their boundaries.

Score (setting DASHBOARD_SCORE: on or off)
    The mean position of the department's latest published assessor ratings on the rating scale
    (1 = Development area … 6 = Best practice), over the performance areas shown that have a
    rating. Departments with equal scores share a rank and are listed by name. Off: the dashboards
    show the ratings only (no score column, no sorting by score, no league table).

Due for reassessment (setting DASHBOARD_REASSESSMENT_INTERVALS, "3:3,1:4,0:5")
    TNA reassesses each department three to five years after its last IMA or reassessment,
    sooner where the risk is higher; how much sooner is the service's rule. The risk is the number
    of performance areas at the lowest level of the scale (Development area) in the department's
    latest published ratings; each "<at least this many areas>:<years>" pair is tried in order and
    the first that matches gives the interval (by default: three or more → 3 years; one or two → 4;
    none → 5). "Due" in the year the interval ends; "overdue" after it; "due next year" the year before.

Benchmark (setting DASHBOARD_BENCHMARK_MINIMUM, 5)
    An area rated by fewer departments than this is not compared on a department's dashboard.
"""

from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from actionplans import rules as action_rules

OWN_RULE = "This is IMA Portal's own rule, not The National Archives':"
OWN_RULES_HEADING = (
    "IMA Portal's own rules, not The National Archives' (The National Archives publishes a rating for each "
    "performance area, not scores or averages):"
)

SCORE_RULE = (
    "Score: the mean of the latest published ratings over the performance areas shown, counting Development area "
    "as 1, Progressing towards satisfactory as 2, and so on up to Best practice as 6. Areas without a rating are "
    "left out. Departments with equal scores share a rank and are listed by name. Movement compares the score "
    "with the department's previous published assessment in the same framework version, over the same areas."
)
SCORE_OFF = (
    "IMA Portal's own score (the mean of a department's ratings) is switched off: the dashboard shows The National "
    "Archives' ratings only, with no score, no sorting by score and no league table."
)
QUARTILE_RULE = (
    "Quartiles use the nearest-rank method, so each is a level on the scale: the lower quartile is the rating "
    "a quarter of the way up the departments' ratings in order, the median halfway, the upper quartile three quarters."
)

SCORE_SETTING = "DASHBOARD_SCORE"
REASSESSMENT_SETTING = "DASHBOARD_REASSESSMENT_INTERVALS"
BENCHMARK_SETTING = "DASHBOARD_BENCHMARK_MINIMUM"
INTERVALS_FORMAT = (
    f'{REASSESSMENT_SETTING} must be pairs "<Development areas at least>:<years>" separated by commas, with the '
    'numbers of areas going down and the last pair starting 0, for example "3:3,1:4,0:5"'
)
BENCHMARK_FORMAT = f"{BENCHMARK_SETTING} must be a whole number of departments, 1 or more"


@dataclass(frozen=True)
class ServiceRule:
    """A rule of IMA Portal's own, in words, with the setting that decides it and that setting's current value."""

    key: str
    text: str
    setting: str = ""
    value: str = ""

    @property
    def sentence(self):
        return f"{OWN_RULE} {self.text}"

    @property
    def setting_sentence(self):
        if not self.setting:
            return ""
        return f"It is a setting of this installation: {self.setting}, now {self.value}."


# ------------------------------------------------------------------------------
# Score


def score_shown():
    """Whether the dashboards compute and show the service's score (setting DASHBOARD_SCORE)."""
    return bool(getattr(settings, SCORE_SETTING, True))


def score_rule():
    if score_shown():
        text = (
            f"{SCORE_RULE} The National Archives publishes ratings, not scores: each department's ratings are shown "
            "beside its score."
        )
        return ServiceRule(key="score", text=text, setting=SCORE_SETTING, value="on")
    return ServiceRule(key="score", text=SCORE_OFF, setting=SCORE_SETTING, value="off")


def department_score(positions):
    """Mean level position as an exact Fraction (so equal scores compare equal), or None with no ratings."""
    positions = [position for position in positions if position is not None]
    if not positions:
        return None
    return Fraction(sum(positions), len(positions))


# ------------------------------------------------------------------------------
# Due for reassessment


class ReassessmentStatus:
    OVERDUE = "Overdue"
    DUE = "Due this year"
    DUE_NEXT_YEAR = "Due next year"
    NOT_DUE = "Not due"
    NEVER_ASSESSED = "No IMA yet"


def parse_intervals(value):
    """((minimum Development areas, years), ...) from "3:3,1:4,0:5" (or from such pairs already split)."""
    if isinstance(value, str):
        try:
            pairs = [tuple(int(part) for part in pair.split(":")) for pair in value.replace(" ", "").split(",")]
        except ValueError:
            raise ImproperlyConfigured(INTERVALS_FORMAT) from None
    else:
        pairs = [tuple(pair) for pair in value]
    minimums = [pair[0] for pair in pairs if len(pair) == 2]
    valid = (
        pairs
        and all(len(pair) == 2 and pair[0] >= 0 and pair[1] >= 1 for pair in pairs)
        and minimums == sorted(set(minimums), reverse=True)
        and minimums[-1] == 0
    )
    if not valid:
        raise ImproperlyConfigured(INTERVALS_FORMAT)
    return tuple(pairs)


def reassessment_intervals():
    """The intervals in force (setting DASHBOARD_REASSESSMENT_INTERVALS)."""
    return parse_intervals(getattr(settings, REASSESSMENT_SETTING, "3:3,1:4,0:5"))


def reassessment_interval(development_areas, intervals=None):
    """Years between the last IMA or reassessment and the next, by the number of Development area ratings."""
    if development_areas < 0:
        raise ValueError("development_areas must not be negative")
    for minimum, years in intervals or reassessment_intervals():
        if development_areas >= minimum:
            return years
    raise ValueError("no interval matches")  # parse_intervals guarantees a pair starting 0


def reassessment_due_year(*, last_year, development_areas, intervals=None):
    return last_year + reassessment_interval(development_areas, intervals)


def reassessment_status(*, last_year, development_areas, this_year, intervals=None):
    if last_year is None:
        return ReassessmentStatus.NEVER_ASSESSED
    due_year = reassessment_due_year(last_year=last_year, development_areas=development_areas, intervals=intervals)
    if this_year > due_year:
        return ReassessmentStatus.OVERDUE
    if this_year == due_year:
        return ReassessmentStatus.DUE
    if this_year == due_year - 1:
        return ReassessmentStatus.DUE_NEXT_YEAR
    return ReassessmentStatus.NOT_DUE


def _years(years):
    return f"{years} year{'s' if years != 1 else ''}"


def _or_list(items):
    items = [str(item) for item in items]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def _areas(low, high):
    """Words for "from low to high Development areas" (high None: no upper limit)."""
    if high is None:
        return "any number of areas" if low == 0 else f"{low} or more areas"
    if low == high:
        return "none" if low == 0 else f"{low} area{'s' if low != 1 else ''}"
    if low == 0:
        return f"up to {high} area{'s' if high != 1 else ''}"
    if high == low + 1:
        return f"{low} or {high} areas"
    return f"{low} to {high} areas"


def reassessment_rule_text(intervals):
    counted = "Years are counted from the year of the IMA or reassessment."
    if len(intervals) == 1:
        return (
            f"A department is due for reassessment {_years(intervals[0][1])} after its last IMA or reassessment, "
            f"whatever its ratings. {counted}"
        )
    distinct = list(dict.fromkeys(years for _, years in intervals))
    clauses = []
    for index, (minimum, years) in enumerate(intervals):
        high = None if index == 0 else intervals[index - 1][0] - 1
        clauses.append(f"{_areas(minimum, high)}, {'due after' if index == 0 else 'after'} {_years(years)}")
    return (
        f"A department is due for reassessment {_or_list(distinct)} years after its last IMA or reassessment, "
        "depending on how many performance areas are rated Development area in its latest published assessment: "
        f"{'; '.join(clauses)}. {counted}"
    )


def reassessment_rule(intervals=None):
    intervals = intervals or reassessment_intervals()
    value = ",".join(f"{minimum}:{years}" for minimum, years in intervals)
    return ServiceRule(
        key="reassessment",
        text=(
            f"{reassessment_rule_text(intervals)} The National Archives reassesses each department every three to "
            "five years, depending on risk: the numbers of areas and of years here are IMA Portal's."
        ),
        setting=REASSESSMENT_SETTING,
        value=value,
    )


# ------------------------------------------------------------------------------
# Benchmark


def benchmark_minimum():
    """Fewest departments with a rating for an area before it is compared (setting DASHBOARD_BENCHMARK_MINIMUM)."""
    value = getattr(settings, BENCHMARK_SETTING, 5)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ImproperlyConfigured(BENCHMARK_FORMAT)
    return value


def suppressed_text(minimum=None):
    return f"Not shown: fewer than {minimum or benchmark_minimum()} departments have a rating"


def benchmark_rule(minimum=None):
    minimum = minimum or benchmark_minimum()
    text = (
        f"Where fewer than {minimum} department{'s' if minimum != 1 else ''} have a rating for an area, the "
        f"comparison is not shown: with so few, you could work out which rating is whose. {QUARTILE_RULE}"
    )
    return ServiceRule(key="benchmark", text=text, setting=BENCHMARK_SETTING, value=str(minimum))


# ------------------------------------------------------------------------------
# RAG: applied by actionplans.rules (the one rule for an action's derived state); the dashboards only state it.


def rag_rule():
    red, warning = action_rules.red_after_days_overdue(), action_rules.warning_days()
    text = (
        f"An action's RAG status is red when it is overdue by {red} days or more; amber when it is overdue by less, "
        f"or due within {warning} days and not started; otherwise green."
    )
    return ServiceRule(key="rag", text=text)


# ------------------------------------------------------------------------------
# Quartiles (a method of statistics, stated with the benchmark)


def nearest_rank(counts, fraction):
    """The value at the nearest rank (ceil(fraction × n)) of a distribution given as {value: count}."""
    total = sum(counts.values())
    if total == 0:
        return None
    rank = max(1, -(-fraction.numerator * total // fraction.denominator))  # ceil without floats
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= rank:
            return value
    return None


def quartiles(counts):
    """(lower quartile, median, upper quartile) of {position: count}, by nearest rank."""
    return tuple(nearest_rank(counts, Fraction(numerator, 4)) for numerator in (1, 2, 3))


def check_settings():
    """The settings above, read once (for the system check): ImproperlyConfigured names what is wrong."""
    reassessment_intervals()
    benchmark_minimum()
