"""Plausibility flags: prompts for the assessor to look harder at a department's self-rating.

The rules (also in assessments/README.md):
- HIGH_WITHOUT_EVIDENCE: the self-rating is "Good practice" or above and the area has no evidence.
  "Good practice" is found by name in the assessment's framework (case- and space-insensitive);
  a framework without such a level uses its second-highest level.
- BIG_CHANGE: the self-rating is two or more levels away from the rating of the same area in the
  department's previous published assessment (the assessor's rating there).
- SHORT_NARRATIVE: the area is rated but its narrative is "shorter than a sentence": fewer than
  five words, or no sentence-ending full stop, question mark or exclamation mark.
Flags judge the department's self-rating; areas without one raise no flags.
"""

import re
from dataclasses import dataclass

from common.names import normalise_name

GOOD_PRACTICE = "good practice"
MINIMUM_WORDS = 5
BIG_CHANGE_LEVELS = 2
SENTENCE_END = re.compile(r"[.!?]")

HIGH_WITHOUT_EVIDENCE = "high_without_evidence"
BIG_CHANGE = "big_change"
SHORT_NARRATIVE = "short_narrative"


@dataclass(frozen=True)
class Flag:
    code: str
    message: str


def good_practice_position(levels):
    """The lowest position that counts as good practice or above for a framework's levels."""
    for level in levels:
        if normalise_name(level.name) == GOOD_PRACTICE:
            return level.position
    positions = sorted(level.position for level in levels)
    return positions[-2] if len(positions) >= 2 else (positions[-1] if positions else None)


def is_shorter_than_a_sentence(text):
    text = (text or "").strip()
    return len(text.split()) < MINIMUM_WORDS or not SENTENCE_END.search(text)


def flags_for(*, rating, evidence_count, previous_level, previous_label, good_practice_from):
    level = rating.self_rating
    if level is None:
        return []
    flags = []
    if good_practice_from is not None and level.position >= good_practice_from and evidence_count == 0:
        flags.append(Flag(HIGH_WITHOUT_EVIDENCE, f"Rated {level.name} with no evidence"))
    if previous_level is not None:
        change = level.position - previous_level.position
        if abs(change) >= BIG_CHANGE_LEVELS:
            direction = "up" if change > 0 else "down"
            flags.append(
                Flag(
                    BIG_CHANGE,
                    f"{abs(change)} levels {direction} since {previous_label} ({previous_level.name})",
                )
            )
    if is_shorter_than_a_sentence(rating.narrative):
        flags.append(Flag(SHORT_NARRATIVE, "Narrative is shorter than a sentence"))
    return flags
