from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from common.errors import NotAllowed
from reports.importing import ReportImportError, report_import
from reports.importing.problems import MAX_LISTED, MORE_PROBLEMS

NO_SUCH_FILE = "{path} does not exist or is not a file."
NO_SUCH_USER = "No user has the email address {email}."
NO_ASSESSOR = "There is no active assessor to record as publishing the reports: name one with --by EMAIL."
NOTHING_IMPORTED = "Nothing was imported: the file has {count} problem{s} to fix."


class Command(BaseCommand):
    help = (
        "Import published IMA reports, progress reviews and reassessments from a JSON file (or an Excel "
        "workbook with the same parts as sheets; see docs/report-import.md). The whole file is checked first: "
        "nothing is imported if any part is wrong. Prints one line per assessment: "
        "assessment <id> <department> <type> <year>."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .json or .xlsx file.")
        parser.add_argument(
            "--by", metavar="EMAIL", help="The assessor recorded as publishing them (default: the first active one)."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(NO_SUCH_FILE.format(path=path))
        if options["by"]:
            by = User.objects.filter(email__iexact=options["by"]).first()
            if by is None:
                raise CommandError(NO_SUCH_USER.format(email=options["by"]))
        else:
            by = User.objects.filter(is_assessor=True, is_active=True).order_by("pk").first()
            if by is None:
                raise CommandError(NO_ASSESSOR)
        try:
            result = report_import(content=path.read_bytes(), filename=path.name, by=by)
        except NotAllowed as error:
            raise CommandError(error.message) from None
        except ReportImportError as error:
            for problem in error.problems[:MAX_LISTED]:
                self.stderr.write(str(problem))
            count = len(error.problems)
            if count > MAX_LISTED:
                self.stderr.write(
                    MORE_PROBLEMS.format(count=count - MAX_LISTED, s="" if count - MAX_LISTED == 1 else "s")
                )
            raise CommandError(
                NOTHING_IMPORTED.format(count=count, s="" if count == 1 else "s"), returncode=1
            ) from None
        for item in result.assessments:
            self.stdout.write(item.line)
