from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.bulk import BATCH, default_jobs, import_records, index_generation, merge_index
from archive.importing import BadRecord, find_files, read_file


class Command(BaseCommand):
    help = (
        "Import articles from .txt (optional '---' metadata header), .json and .jsonl "
        "files or folders of them. Importing the same text twice creates nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument(
            "--jobs",
            type=int,
            default=default_jobs(),
            help="processes extracting quotations while this one writes (default: one per CPU; 1: none)",
        )
        parser.add_argument("--batch", type=int, default=BATCH, help=f"articles per transaction (default {BATCH})")

    def handle(self, *args, **options):
        paths = options["paths"]
        if options["jobs"] < 1 or options["batch"] < 1:
            raise CommandError("--jobs and --batch must be at least 1")
        files = list(find_files(paths))
        if not files:
            raise CommandError("no article files found in " + ", ".join(paths))
        counts = {"created": 0, "unchanged": 0, "failed": 0}
        failures = []
        progress = tqdm(unit="article", disable=True if options["verbosity"] == 0 else None)
        generation = index_generation()
        for status, item in import_records(records(files), options["jobs"], options["batch"]):
            counts[status] += 1
            if status == "failed":
                failures.append(item)
            progress.update()
        progress.close()
        self.merge(generation)
        for reason in failures:
            self.stderr.write(f"failed: {reason}")
        self.stdout.write(f"{counts['created']} created, {counts['unchanged']} unchanged, {len(failures)} failed")
        if failures:
            raise CommandError(f"{len(failures)} article(s) could not be imported", returncode=1)

    def merge(self, generation):
        try:
            merged = merge_index(generation)
        except Exception as exc:  # the articles are saved, and an unmerged index answers all the same
            self.stderr.write(f"the search index was not merged ({type(exc).__name__}: {exc})")
            return
        if merged:
            self.stdout.write("merged the search index: {} segments -> {} in {:.1f} s".format(*merged))


def records(files):
    """Every Record and BadRecord of the files, in order."""
    for path in files:
        try:
            yield from read_file(path)
        except Exception as exc:  # a reader's oversight must not end the run: later files still go
            yield BadRecord(f"{path}: cannot be read ({type(exc).__name__}: {exc})"[:500])
