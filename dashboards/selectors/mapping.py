"""Carrying a performance area across framework revisions, along administrators' AreaMapping rows.

A rating from another framework version counts towards a target area only when:
- exactly one area of that version maps (directly or through intermediate versions) to the target
  area — several areas merged into one would be joining unlike things; and
- its rating level has a level of the same name (case- and space-insensitive) on the target
  framework's scale — "Good practice" is comparable, a scale step with no counterpart is not.
Otherwise the point is "not comparable", and says why.
"""

from collections import defaultdict
from dataclasses import dataclass

from common.names import normalise_name

from ..models import AreaMapping

NOT_COMPARABLE = "Not comparable"
NO_MAPPING = "no mapping from this framework version"
SEVERAL_AREAS = "several areas of this framework version map to it"
SCALE_DIFFERS = "its rating scale has no level of that name"


@dataclass(frozen=True)
class Carried:
    """One area's rating in one assessment, as seen from a target area (and its framework's scale)."""

    level: object = None  # LevelInfo on the target scale, or None
    comparable: bool = True
    reason: str = ""
    source_area_id: int | None = None


def mapping_sources():
    """{to_area_id: {every area id that maps to it, directly or through other versions}} (one query)."""
    direct = defaultdict(set)
    for from_id, to_id in AreaMapping.objects.values_list("from_area_id", "to_area_id"):
        direct[to_id].add(from_id)
    closure = {}
    for target in direct:
        seen, stack = set(), list(direct[target])
        while stack:
            area_id = stack.pop()
            if area_id in seen or area_id == target:
                continue
            seen.add(area_id)
            stack.extend(direct.get(area_id, ()))
        closure[target] = seen
    return closure


def level_translator(levels_by_id, target_framework_id):
    """A function from any LevelInfo to the same-named level of the target framework (or None)."""
    target_by_name = {
        normalise_name(level.name): level
        for level in levels_by_id.values()
        if level.framework_id == target_framework_id
    }

    def translate(level):
        if level.framework_id == target_framework_id:
            return level
        return target_by_name.get(normalise_name(level.name))

    return translate


def carry(*, target_area_id, assessment_framework_id, target_framework_id, ratings, area_framework, sources, translate):
    """The target area's rating in one assessment.

    `ratings` is {area_id: LevelInfo | None} for that assessment; `area_framework` {area_id: framework_id}.
    """
    if assessment_framework_id == target_framework_id:
        return Carried(level=ratings.get(target_area_id), source_area_id=target_area_id)
    candidates = [
        area_id for area_id in sources.get(target_area_id, ()) if area_framework.get(area_id) == assessment_framework_id
    ]
    if not candidates:
        return Carried(comparable=False, reason=NO_MAPPING)
    if len(candidates) > 1:
        return Carried(comparable=False, reason=SEVERAL_AREAS)
    source = candidates[0]
    level = ratings.get(source)
    if level is None:
        return Carried(level=None, source_area_id=source)
    translated = translate(level)
    if translated is None:
        return Carried(comparable=False, reason=SCALE_DIFFERS, source_area_id=source)
    return Carried(level=translated, source_area_id=source)
