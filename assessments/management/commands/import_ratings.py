from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from assessments.services.imports import RatingsImportError, ratings_import
from common.errors import NotAllowed

NO_SUCH_FILE = "{path} does not exist or is not a file."
NO_SUCH_USER = "No user has the email address {email}."
NOTHING_IMPORTED = "Nothing was imported: {count} row{s} of the file need{verb} fixing."


class Command(BaseCommand):
    help = (
        "Import historic ratings from a CSV or XLSX file (columns: department, assessment_type, year, "
        "performance_area, rating; optional comment, framework). Nothing is imported if any row is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .csv (UTF-8) or .xlsx file.")
        parser.add_argument("--by", metavar="EMAIL", help="The assessor recorded as publishing the assessments.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(NO_SUCH_FILE.format(path=path))
        by = None
        if options["by"]:
            by = User.objects.filter(email__iexact=options["by"]).first()
            if by is None:
                raise CommandError(NO_SUCH_USER.format(email=options["by"]))
        try:
            result = ratings_import(content=path.read_bytes(), filename=path.name, by=by)
        except NotAllowed as error:
            raise CommandError(error.message) from None
        except RatingsImportError as error:
            for row_error in error.errors:
                self.stderr.write(str(row_error))
            count = len(error.errors)
            raise CommandError(
                NOTHING_IMPORTED.format(count=count, s="" if count == 1 else "s", verb="s" if count == 1 else ""),
                returncode=1,
            ) from None
        for item in result.assessments:
            self.stdout.write(
                f"assessment {item.id} {item.department} {item.assessment_type} {item.year} "
                f"({item.action}, {item.ratings} rating{'s' if item.ratings != 1 else ''})"
            )
        self.stdout.write(result.summary)
