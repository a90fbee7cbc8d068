"""Departments and demo sign-ins. Real department names; invented people; no real ratings."""

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from accounts.models import Department, Membership, User

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
    slugs = [row[2] for row in rows]
    existing = set(Department.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    Department.objects.bulk_create(
        [
            Department(name=name, short_name=short_name, slug=slug, department_type=department_type)
            for name, short_name, slug, department_type in rows
            if slug not in existing
        ]
    )
    by_slug = Department.objects.in_bulk(slugs, field_name="slug")
    return [by_slug[slug] for slug in slugs]


def _users(wanted, hashed_password):
    """Create the missing users of `wanted` ({email: (full name, flags)}); return every one by email."""
    existing = set(User.objects.filter(email__in=wanted).values_list("email", flat=True))
    User.objects.bulk_create(
        [
            User(email=email, full_name=full_name, password=hashed_password, **flags)
            for email, (full_name, flags) in wanted.items()
            if email not in existing
        ]
    )
    return User.objects.in_bulk(list(wanted), field_name="email")


def seed_people(departments, password=None):
    # One hash for every demo sign-in: hashing per user (PBKDF2) would take minutes for
    # --departments 200, and these accounts share one well-known password anyway.
    hashed_password = make_password(password or settings.DEMO_PASSWORD)
    wanted = {
        ASSESSOR_EMAIL: ("Priya Shah", {"is_assessor": True}),
        "assessor.two@example.gov.uk": ("Tom Whitfield", {"is_assessor": True}),
        ADMIN_EMAIL: ("Sam Okafor", {"is_staff": True, "is_superuser": True}),
    }
    for index, department in enumerate(departments):
        wanted[lead_email(department)] = (_person(index), {})
        wanted[dro_email(department)] = (_person(index + 5), {})
    users = _users(wanted, hashed_password)
    existing = set(Membership.objects.filter(department__in=departments).values_list("user__email", "department_id"))
    memberships = []
    for department in departments:
        for email, role, job_title in (
            (lead_email(department), Membership.Role.KIM_LEAD, "Head of Knowledge and Information Management"),
            (dro_email(department), Membership.Role.CONTRIBUTOR, "Departmental Records Officer"),
        ):
            if (email, department.pk) not in existing:
                memberships.append(Membership(user=users[email], department=department, role=role, job_title=job_title))
    Membership.objects.bulk_create(memberships)
    return {
        "assessor": users[ASSESSOR_EMAIL],
        "second_assessor": users["assessor.two@example.gov.uk"],
        "admin": users[ADMIN_EMAIL],
    }
