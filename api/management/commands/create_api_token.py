from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from api.services import DEFAULT_DAYS, token_create
from common.errors import ServiceError


class Command(BaseCommand):
    help = "Create a personal API token for a person; prints the token alone on the last line."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", required=True, help="What the token is for")
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS, help="Days until it expires")

    def handle(self, *args, email, name, days, **options):
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise CommandError(f"No active person with the email address {email}")
        try:
            token, secret = token_create(user=user, name=name, days=days)
        except ServiceError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Token ‘{token.name}’ for {user.email}, expires {token.expires_at:%Y-%m-%d}:")
        self.stdout.write(secret)
