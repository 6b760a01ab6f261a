from django.core.management.base import BaseCommand, CommandError

from network_pages.sessions.convocations import plenary_schedule_problem, plenary_year


class Command(BaseCommand):
    help = (
        "Exit non-zero when no plenary session is planned for the year that needs one "
        "(this year until 30 September, the next from 1 October): for monitoring."
    )

    def handle(self, *args, **options):
        problem = plenary_schedule_problem()
        if problem:
            raise CommandError(problem)
        self.stdout.write(f"A plenary session is planned for {plenary_year()}.")
