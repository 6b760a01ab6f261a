from django.core.management.base import BaseCommand, CommandError

from network_pages.intranet.versions import missing_versions, sync_versions


class Command(BaseCommand):
    help = (
        "Give every live intranet page its version in the other language (a synced translation), "
        "as publishing does: run once on data published before versions were made. With --check, "
        "only list the pages that lack one and exit non-zero if any does."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="List what is missing, change nothing."
        )

    def handle(self, *args, check=False, **options):
        missing = missing_versions()
        if check:
            for page in missing:
                self.stdout.write(f"{page.url_path} ({page.locale.language_code}): no version")
            if missing:
                raise CommandError(f"{len(missing)} intranet page(s) lack a version.")
            self.stdout.write("Every intranet page has its version in each language.")
            return
        written = sum(len(sync_versions(page)) for page in missing)
        if options["verbosity"]:
            self.stdout.write(f"{written} version(s) written for {len(missing)} page(s).")
