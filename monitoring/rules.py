"""The scoring and traffic-light rule: IMA Portal's own, not TNA's, and stated on the league table page.

- Each answer has a light: Yes is green, Partly amber, No (or no answer) red.
- A team's score counts only answers the KIM team has verified: Yes 2 points, Partly 1, No 0, as a percentage of
  2 points per criterion in the round. Answers awaiting a check, and challenged ones, score nothing yet.
- A team's light: green at MONITORING_GREEN_AT per cent or more, amber at MONITORING_AMBER_AT or more, red below.
"""

from django.conf import settings

GREEN, AMBER, RED = "green", "amber", "red"
LIGHT_LABELS = {GREEN: "Green", AMBER: "Amber", RED: "Red"}
POINTS = {"yes": 2, "partly": 1, "no": 0}
MAX_POINTS = 2
CHOICE_LIGHT = {"yes": GREEN, "partly": AMBER, "no": RED}


def green_at():
    return settings.MONITORING_GREEN_AT


def amber_at():
    return settings.MONITORING_AMBER_AT


def answer_light(choice):
    return CHOICE_LIGHT.get(choice, RED)


def counts_towards_score(status):
    return status == "verified"


def score_percent(points, criteria_count):
    """A whole percentage, or None when the round has no criteria."""
    if not criteria_count:
        return None
    return round(100 * points / (MAX_POINTS * criteria_count))


def team_light(percent):
    if percent is None:
        return RED
    if percent >= green_at():
        return GREEN
    if percent >= amber_at():
        return AMBER
    return RED


def rule_statement():
    return (
        f"IMA Portal's own rule, not The National Archives': each answer is green for Yes, amber for Partly and red "
        f"for No or no answer. A team scores 2 points for each verified Yes and 1 for each verified Partly, out of 2 "
        f"for every criterion; answers awaiting a check or challenged score nothing yet. A team is green at "
        f"{green_at()}% or more, amber at {amber_at()}% or more and red below {amber_at()}%."
    )


def settings_problem():
    """Why MONITORING_GREEN_AT / MONITORING_AMBER_AT make no sense, or None."""
    if not 0 <= amber_at() <= green_at() <= 100:
        return (
            f"MONITORING_AMBER_AT ({amber_at()}) and MONITORING_GREEN_AT ({green_at()}) must be percentages "
            "with amber at or below green"
        )
    return None
