"""The starter set a department chooses its criteria from (the practice the Cabinet Office progress review praised).

Keys are stable: a department's criterion remembers the starter it came from.
"""

STARTER_CRITERIA = {
    "naming-convention": (
        "Naming convention used",
        "Does the team name its files and folders by the department's naming convention?",
        "A screenshot or link to a team folder showing names that follow the convention.",
    ),
    "information-of-value-saved": (
        "Information of value saved in the corporate system",
        "Does the team save information of value in the corporate system, not in email or personal drives?",
        "A link to the team's area in the corporate system with current work in it, or a note of where it is kept.",
    ),
    "retention-applied": (
        "Retention applied",
        "Does the team apply the department's retention schedule to what it holds?",
        "A record of the last review or disposal, or the retention labels applied in the corporate system.",
    ),
    "asset-register-current": (
        "Information asset register current",
        "Are the team's information assets on the register, with an owner, reviewed in the last 12 months?",
        "A link to or extract of the team's entries in the information asset register.",
    ),
    "training-completed": (
        "Training completed",
        "Has everyone in the team completed the department's information management training this year?",
        "The completion figures from the learning system for the team.",
    ),
    "shared-drive-tidied": (
        "Shared drives and inboxes tidied",
        "Has the team moved information of value out of shared drives and shared inboxes and deleted the rest?",
        "A before-and-after summary or a note from the team's information management champion.",
    ),
    "champion-in-place": (
        "Information management champion in place",
        "Does the team have a named information management champion who attends the KIM network?",
        "The champion's name and the dates of the meetings they attended.",
    ),
}


def starter_choices():
    return [(key, title) for key, (title, _question, _guidance) in STARTER_CRITERIA.items()]
