from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.importing import BadRecord, find_files, read_file
from archive.ingest import save_record


class Command(BaseCommand):
    help = (
        "Import articles from .txt (optional '---' metadata header), .json and .jsonl "
        "files or folders of them. Importing the same text twice creates nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders")

    def handle(self, *args, **options):
        paths = options["paths"]
        files = list(find_files(paths))
        if not files:
            raise CommandError("no article files found in " + ", ".join(paths))
        created = unchanged = 0
        failures = []
        progress = tqdm(files, unit="file", disable=len(files) < 10 or options["verbosity"] == 0)
        for path in progress:
            try:
                for item in read_file(path):
                    if isinstance(item, BadRecord):
                        failures.append(str(item))
                        continue
                    try:
                        _, is_new = save_record(item)
                    except Exception as exc:
                        failures.append(f"{item.source}: not saved ({type(exc).__name__}: {exc})")
                        continue
                    created += is_new
                    unchanged += not is_new
            except Exception as exc:  # a reader's oversight must not end the run: later files still go
                failures.append(f"{path}: cannot be read ({type(exc).__name__}: {exc})"[:500])
        for reason in failures:
            self.stderr.write(f"failed: {reason}")
        self.stdout.write(f"{created} created, {unchanged} unchanged, {len(failures)} failed")
        if failures:
            raise CommandError(f"{len(failures)} article(s) could not be imported", returncode=1)
