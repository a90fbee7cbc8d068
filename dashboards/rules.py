"""The dashboards' two documented rules: a department's score, and when it is due for reassessment.

Pure functions (no queries), shown in words on the pages that use them (see RULE_TEXT below) and
tested at their boundaries.

Score
    The mean position of the department's latest published assessor ratings on the rating scale
    (1 = Development area … 6 = Best practice), over the performance areas shown that have a
    rating. Departments with equal scores share a rank and are listed by name.

Due for reassessment
    TNA reassesses each department three to five years after its last IMA or reassessment,
    sooner where the risk is higher. The risk is the number of performance areas at the lowest
    level of the scale (Development area) in the department's latest published ratings:
    three or more → due 3 years after; one or two → 4 years; none → 5 years.
    "Due" in the year the interval ends; "overdue" after it; "due next year" the year before.
"""

from fractions import Fraction

SCORE_RULE = (
    "Score: the mean of the latest published ratings over the performance areas shown, counting Development area "
    "as 1, Progressing towards satisfactory as 2, and so on up to Best practice as 6. Areas without a rating are "
    "left out. Departments with equal scores share a rank and are listed by name. Movement compares the score "
    "with the department's previous published assessment in the same framework version, over the same areas."
)
REASSESSMENT_RULE = (
    "A department is due for reassessment 3, 4 or 5 years after its last IMA or reassessment, depending on how "
    "many performance areas are rated Development area in its latest published assessment: 3 or more areas, "
    "due after 3 years; 1 or 2 areas, after 4 years; none, after 5 years. Years are counted from the year of the "
    "IMA or reassessment."
)

# (minimum number of Development area ratings, years until due): first match wins.
REASSESSMENT_INTERVALS = ((3, 3), (1, 4), (0, 5))


class ReassessmentStatus:
    OVERDUE = "Overdue"
    DUE = "Due this year"
    DUE_NEXT_YEAR = "Due next year"
    NOT_DUE = "Not due"
    NEVER_ASSESSED = "No IMA yet"


def department_score(positions):
    """Mean level position as an exact Fraction (so equal scores compare equal), or None with no ratings."""
    positions = [position for position in positions if position is not None]
    if not positions:
        return None
    return Fraction(sum(positions), len(positions))


def reassessment_interval(development_areas):
    """Years between the last IMA or reassessment and the next, by the number of Development area ratings."""
    for minimum, years in REASSESSMENT_INTERVALS:
        if development_areas >= minimum:
            return years
    raise ValueError("development_areas must not be negative")


def reassessment_due_year(*, last_year, development_areas):
    return last_year + reassessment_interval(development_areas)


def reassessment_status(*, last_year, development_areas, this_year):
    if last_year is None:
        return ReassessmentStatus.NEVER_ASSESSED
    due_year = reassessment_due_year(last_year=last_year, development_areas=development_areas)
    if this_year > due_year:
        return ReassessmentStatus.OVERDUE
    if this_year == due_year:
        return ReassessmentStatus.DUE
    if this_year == due_year - 1:
        return ReassessmentStatus.DUE_NEXT_YEAR
    return ReassessmentStatus.NOT_DUE


QUARTILE_RULE = (
    "Quartiles use the nearest-rank method, so each is a level on the scale: the lower quartile is the rating "
    "a quarter of the way up the departments' ratings in order, the median halfway, the upper quartile three quarters."
)
# Fewer departments than this with a rating for an area and the benchmark is not shown: with so few,
# a department could work out which rating is whose.
BENCHMARK_MINIMUM = 5


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
