import factory

from accounts.models import Membership, User
from assessments.tests.factories import DepartmentFactory

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.gov.uk")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AssessorFactory(UserFactory):
    is_assessor = True


class AdministratorFactory(UserFactory):
    is_staff = True
    is_superuser = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory)
    role = Membership.Role.KIM_LEAD


def kim_lead_of(department, **kwargs):
    return MembershipFactory(department=department, role=Membership.Role.KIM_LEAD, **kwargs).user


def contributor_of(department, **kwargs):
    return MembershipFactory(department=department, role=Membership.Role.CONTRIBUTOR, **kwargs).user
