"""Loading a framework version from a data file (idempotent: safe on every start)."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from assessments.models import FrameworkVersion, PerformanceArea, RatingLevel, Theme

DEFAULT_FRAMEWORK_FILE = Path(__file__).resolve().parent.parent / "data" / "framework_ima_2013.json"


@dataclass
class LoadResult:
    framework: FrameworkVersion
    created: int
    updated: int


def _sync(model, lookup, values, *, overwrite):
    """Create the row if missing; change an existing one only when asked, so admin edits survive."""
    obj, created = model.objects.get_or_create(**lookup, defaults=values)
    if created:
        return obj, 1, 0
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if overwrite and changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save(update_fields=changed)
        return obj, 0, 1
    return obj, 0, 0


@transaction.atomic
def framework_load(*, data, overwrite=False):
    created = updated = 0
    no_current_yet = not FrameworkVersion.objects.filter(is_current=True).exists()
    framework, c, u = _sync(
        FrameworkVersion,
        {"slug": data["slug"]},
        {
            "name": data["name"],
            "description": data.get("description", ""),
            "in_use_from": data.get("in_use_from"),
            "in_use_to": data.get("in_use_to"),
            "is_current": bool(data.get("is_current")) and no_current_yet,
        },
        overwrite=False,
    )
    created, updated = created + c, updated + u
    for level in data["levels"]:
        _, c, u = _sync(
            RatingLevel,
            {"framework": framework, "position": level["position"]},
            {k: level[k] for k in ("name", "abbreviation", "descriptor", "colour") if k in level},
            overwrite=overwrite,
        )
        created, updated = created + c, updated + u
    for theme_data in data["themes"]:
        theme, c, u = _sync(
            Theme,
            {"framework": framework, "number": theme_data["number"]},
            {"name": theme_data["name"], "alternative_name": theme_data.get("alternative_name", "")},
            overwrite=overwrite,
        )
        created, updated = created + c, updated + u
        for number, area in enumerate(theme_data["areas"], start=1):
            _, c, u = _sync(
                PerformanceArea,
                {"theme": theme, "key": area["key"]},
                {"number": number, "name": area["name"], "description": area.get("description", "")},
                overwrite=overwrite,
            )
            created, updated = created + c, updated + u
    return LoadResult(framework=framework, created=created, updated=updated)


def framework_load_file(*, path=DEFAULT_FRAMEWORK_FILE, overwrite=False):
    with open(path, encoding="utf-8") as handle:
        return framework_load(data=json.load(handle), overwrite=overwrite)
