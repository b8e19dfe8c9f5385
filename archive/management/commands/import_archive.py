import sys

from django.core.management.base import BaseCommand, CommandError

from archive.backup import BadBackup, import_archive
from archive.management.commands.export_archive import summary


class Command(BaseCommand):
    help = (
        "Restore a backup written by export_archive into an empty database, all or nothing. "
        "FILE '-' reads standard input. Rebuild the search index afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a backup written by export_archive, or - for standard input")

    def handle(self, *args, **options):
        name = options["file"]
        try:
            if name == "-":
                counts = import_archive(sys.stdin.buffer)
            else:
                with open(name, "rb") as stream:
                    counts = import_archive(stream)
        except OSError as exc:
            raise CommandError(f"{name}: cannot read ({exc.strerror})") from None
        except BadBackup as exc:
            raise CommandError(f"{name}: {exc}; nothing was restored") from None
        self.stdout.write(f"{summary(counts)} restored from {name}")
        self.stdout.write("Now rebuild the search index: manage.py rebuild_search_index")
