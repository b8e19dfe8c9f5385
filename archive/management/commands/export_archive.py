import os
import sys
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.backup import export_archive


class Command(BaseCommand):
    help = (
        "Write the whole archive (every row of every archive model) to FILE as JSON lines, "
        "for import_archive to restore. FILE '-' writes to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup file to write, or - for standard output")

    def handle(self, *args, **options):
        if options["file"] == "-":
            counts = export_archive(sys.stdout)
            self.stderr.write(summary(counts))
            return
        target = Path(options["file"])
        if not target.parent.is_dir():
            raise CommandError(f"{target.parent} is not a folder")
        # Written aside and renamed: a failed export never leaves a partial file under FILE.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                counts = export_archive(stream)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
        self.stdout.write(f"{summary(counts)} written to {target}")


def summary(counts):
    return f"{sum(counts.values())} rows (" + ", ".join(f"{n} {label}" for label, n in counts.items()) + ")"
