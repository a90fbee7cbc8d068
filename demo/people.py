"""Departments and demo sign-ins. Real department names; invented people; no real ratings."""

from django.conf import settings
from django.utils.text import slugify

from accounts.models import Membership, User
from assessments.models import Department

T = Department.Type
CENTRAL_GOVERNMENT = [
    ("Attorney General's Office", "AGO", "attorney-generals-office", T.MINISTERIAL),
    ("Cabinet Office", "CO", "cabinet-office", T.MINISTERIAL),
    ("Department for Business and Trade", "DBT", "business-and-trade", T.MINISTERIAL),
    ("Department for Culture, Media and Sport", "DCMS", "culture-media-sport", T.MINISTERIAL),
    ("Department for Education", "DfE", "education", T.MINISTERIAL),
    ("Department for Energy Security and Net Zero", "DESNZ", "energy-security-net-zero", T.MINISTERIAL),
    ("Department for Environment, Food and Rural Affairs", "Defra", "environment-food-rural-affairs", T.MINISTERIAL),
    ("Department for Science, Innovation and Technology", "DSIT", "science-innovation-technology", T.MINISTERIAL),
    ("Department for Transport", "DfT", "transport", T.MINISTERIAL),
    ("Department for Work and Pensions", "DWP", "work-and-pensions", T.MINISTERIAL),
    ("Department of Health and Social Care", "DHSC", "health-and-social-care", T.MINISTERIAL),
    ("Foreign, Commonwealth and Development Office", "FCDO", "foreign-commonwealth-development", T.MINISTERIAL),
    ("HM Treasury", "HMT", "treasury", T.MINISTERIAL),
    ("Home Office", "HO", "home-office", T.MINISTERIAL),
    ("Ministry of Defence", "MOD", "defence", T.MINISTERIAL),
    (
        "Ministry of Housing, Communities and Local Government",
        "MHCLG",
        "housing-communities-local-government",
        T.MINISTERIAL,
    ),
    ("Ministry of Justice", "MoJ", "justice", T.MINISTERIAL),
    ("Northern Ireland Office", "NIO", "northern-ireland-office", T.MINISTERIAL),
    ("HM Revenue and Customs", "HMRC", "revenue-and-customs", T.NON_MINISTERIAL),
    ("Crown Prosecution Service", "CPS", "crown-prosecution-service", T.NON_MINISTERIAL),
    ("Government Legal Department", "GLD", "government-legal-department", T.NON_MINISTERIAL),
    ("Companies House", "CH", "companies-house", T.AGENCY),
]

FIRST = ["Alex", "Bea", "Chris", "Dana", "Eli", "Fran", "Gus", "Hana", "Imran", "Jo", "Kit", "Lena", "Mo", "Nia"]
LAST = ["Adams", "Baker", "Clarke", "Dhillon", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones", "Khan"]

ASSESSOR_EMAIL = "assessor@example.gov.uk"
ADMIN_EMAIL = "admin@example.gov.uk"


def _person(index):
    return f"{FIRST[index % len(FIRST)]} {LAST[(index * 7) % len(LAST)]}"


def lead_email(department):
    return f"kim.lead@{department.slug}.example.gov.uk"


def dro_email(department):
    return f"dro@{department.slug}.example.gov.uk"


def seed_departments(count):
    """The real central government departments first, then numbered synthetic ones for scale."""
    rows = list(CENTRAL_GOVERNMENT[:count])
    for number in range(len(rows) + 1, count + 1):
        name = f"Synthetic Department {number:03d}"
        rows.append((name, f"SD{number:03d}", slugify(name), T.ARMS_LENGTH if number % 3 else T.AGENCY))
    departments = []
    for name, short_name, slug, department_type in rows:
        department, _ = Department.objects.get_or_create(
            slug=slug, defaults={"name": name, "short_name": short_name, "department_type": department_type}
        )
        departments.append(department)
    return departments


def _user(email, full_name, password, **flags):
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name, **flags})
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def seed_people(departments, password=None):
    password = password or settings.DEMO_PASSWORD
    people = {
        "assessor": _user(ASSESSOR_EMAIL, "Priya Shah", password, is_assessor=True),
        "second_assessor": _user("assessor.two@example.gov.uk", "Tom Whitfield", password, is_assessor=True),
        "admin": _user(ADMIN_EMAIL, "Sam Okafor", password, is_staff=True, is_superuser=True),
    }
    for index, department in enumerate(departments):
        lead = _user(lead_email(department), _person(index), password)
        Membership.objects.get_or_create(
            user=lead,
            department=department,
            defaults={"role": Membership.Role.KIM_LEAD, "job_title": "Head of Knowledge and Information Management"},
        )
        dro = _user(dro_email(department), _person(index + 5), password)
        Membership.objects.get_or_create(
            user=dro,
            department=department,
            defaults={"role": Membership.Role.CONTRIBUTOR, "job_title": "Departmental Records Officer"},
        )
    return people
