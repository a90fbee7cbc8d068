import pytest
from django.core.management import call_command
from django.db.models import ProtectedError

from assessments.models import Assessment, FrameworkVersion, PerformanceArea, RatingLevel, Theme

pytestmark = pytest.mark.django_db

AREAS = [
    ("The value of information", ["Communicating and realising value", "Managing information as an asset"]),
    (
        "Digital information and supporting technology",
        ["Supporting information through technology", "Digital continuity and IT change"],
    ),
    (
        "Information risk, governance and oversight",
        ["Recognising information risk", "Establishing control", "Providing guidance", "Measuring impact"],
    ),
    ("Records, review and transfer", ["Oversight of records and selection", "Implementing disposal decisions"]),
]
LEVELS = [
    "Development area",
    "Progressing towards satisfactory",
    "Satisfactory",
    "Progressing towards good practice",
    "Good practice",
    "Best practice",
]


def snapshot():
    return (
        list(FrameworkVersion.objects.values_list("slug", "name", "is_current")),
        list(Theme.objects.values_list("number", "name")),
        list(PerformanceArea.objects.values_list("theme__number", "number", "key", "name")),
        list(RatingLevel.objects.values_list("position", "name", "descriptor")),
    )


def test_load_framework_twice_gives_the_same_rows():
    call_command("load_framework")
    first = snapshot()
    call_command("load_framework")
    assert snapshot() == first


def test_framework_has_the_published_themes_areas_and_scale_in_order():
    call_command("load_framework")
    framework = FrameworkVersion.objects.get(slug="ima-2013")
    assert framework.is_current
    themes = [
        (theme.name, [area.name for area in theme.areas.order_by("number")])
        for theme in framework.themes.order_by("number")
    ]
    assert themes == AREAS
    assert list(framework.levels.values_list("name", flat=True)) == LEVELS
    measuring = PerformanceArea.objects.get(name="Measuring impact")
    assert measuring.reference == "3.4"


def test_descriptors_edited_by_an_administrator_survive_a_reload():
    call_command("load_framework")
    RatingLevel.objects.filter(position=3).update(descriptor="Edited by admin")
    call_command("load_framework")
    assert RatingLevel.objects.get(position=3).descriptor == "Edited by admin"


def test_a_second_framework_version_loads_from_data_without_code(tmp_path):
    call_command("load_framework")
    data = tmp_path / "v2.json"
    data.write_text(
        '{"slug": "ima-2016", "name": "IMA 2016", "is_current": true,'
        ' "levels": [{"position": 1, "name": "Development area", "abbreviation": "DA"}],'
        ' "themes": [{"number": 1, "name": "Policy, guidance and oversight",'
        ' "areas": [{"key": "policy", "name": "Policy"}]}]}'
    )
    call_command("load_framework", str(data))
    assert FrameworkVersion.objects.count() == 2
    # Only one version can be current; the earlier one stays current until an administrator switches.
    assert FrameworkVersion.objects.get(is_current=True).slug == "ima-2013"


def test_a_framework_version_in_use_cannot_be_deleted(framework, department_a):
    Assessment.objects.create(department=department_a, framework=framework, assessment_type="ima", year=2014)
    with pytest.raises(ProtectedError):
        framework.delete()


def test_admin_offers_no_delete_for_a_framework_in_use(client, administrator, framework, department_a):
    Assessment.objects.create(department=department_a, framework=framework, assessment_type="ima", year=2014)
    client.force_login(administrator)
    response = client.get(f"/admin/assessments/frameworkversion/{framework.pk}/delete/")
    assert response.status_code == 403
