from django.core.management.base import BaseCommand

from assessments.services.framework import DEFAULT_FRAMEWORK_FILE, framework_load_file


class Command(BaseCommand):
    help = "Load a framework version (themes, performance areas, rating scale) from a JSON data file."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_FRAMEWORK_FILE))
        parser.add_argument(
            "--overwrite", action="store_true", help="Replace names and descriptors edited since the last load."
        )

    def handle(self, *args, **options):
        result = framework_load_file(path=options["file"], overwrite=options["overwrite"])
        self.stdout.write(f"framework {result.framework.slug}: {result.created} rows created, {result.updated} updated")
