import factory

from accounts.models import Department


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Department of Testing {n}")
    short_name = factory.Sequence(lambda n: f"DT{n}")
    slug = factory.Sequence(lambda n: f"department-of-testing-{n}")
    department_type = Department.Type.MINISTERIAL
