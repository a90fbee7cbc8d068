from django.apps import AppConfig

from assessments.signals import publication_gaps  # plain Signal: safe to import while apps load


class ActionplansConfig(AppConfig):
    name = "actionplans"
    verbose_name = "Action plans"

    def ready(self):
        # A progress review's Next steps live here: publishing asks this app whether they are written.
        from .services.next_steps import next_steps_gaps

        publication_gaps.connect(next_steps_gaps, dispatch_uid="actionplans.next_steps_gaps")
