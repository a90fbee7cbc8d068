from django.core.management.base import BaseCommand

from network.services.record import RECORD_FILE, network_record_load, record_read


class Command(BaseCommand):
    help = "Load the KIM Leaders' Network's published record (meetings 2014–2016, presentations). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", default=str(RECORD_FILE), help="The record as JSON (default: the one in the repo)."
        )

    def handle(self, *args, **options):
        created = network_record_load(record=record_read(options["file"]))
        self.stdout.write(f"network record loaded ({created} rows created)")
