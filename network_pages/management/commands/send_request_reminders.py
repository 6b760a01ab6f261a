from django.core.management.base import BaseCommand, CommandError

from network_pages.information_requests.follow_up import reminder_days, send_due_reminders


class Command(BaseCommand):
    help = (
        "Remind the states that have not submitted their response to an open request, "
        "REQUEST_REMINDER_DAYS before its deadline (run it daily from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            help="Comma-separated days before the deadline, instead of REQUEST_REMINDER_DAYS.",
        )

    def handle(self, *args, **options):
        days = reminder_days()
        if options["days"]:
            try:
                days = reminder_days(n for n in options["days"].split(",") if n.strip())
            except ValueError as error:
                raise CommandError("--days takes whole numbers, such as 7,1") from error
        sent = send_due_reminders(days=days)
        for request, states in sent.items():
            codes = ", ".join(state.code for state in states)
            self.stdout.write(f"{request.title}: reminded {codes}")
        self.stdout.write(f"{sum(len(states) for states in sent.values())} reminder(s) sent")
