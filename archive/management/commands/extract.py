import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.extraction import extract
from archive.extraction.scoring import prediction_record
from archive.formats import split_front_matter
from archive.importing import BadRecord, read_text


def iter_documents(paths):
    """(id, body) for each .txt file (id = file name, front matter stripped)
    and each line of a .jsonl file (id = its `id`), or a BadRecord saying why
    a file or line cannot be read. Folders give the files inside, sorted."""
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl")) if path.is_dir() else [path]
        for file in files:
            try:
                text = read_text(file)
                if file.suffix == ".jsonl":
                    yield from jsonl_documents(file, text)
                else:
                    yield file.name, split_front_matter(text)[1]
            except (ValueError, OSError) as exc:  # BadRecord, or a malformed metadata block
                yield BadRecord(f"{file}: {exc}")


def jsonl_documents(file, text):
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            yield str(record["id"]), str(record["text"])
        except (json.JSONDecodeError, KeyError, TypeError):
            yield BadRecord(f"{file}:{n}: not a JSON object with 'id' and 'text'")


def output_record(doc_id, result):
    """The record the scorer reads."""
    return prediction_record(doc_id, result)


class Command(BaseCommand):
    help = (
        "Print the quotations, people, organisations and places found in .txt files (front matter "
        "stripped) or .jsonl files (one {id, text} per line), one JSON object per "
        "article. Touches no database."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help=".txt or .jsonl files, or folders of them")

    def handle(self, *args, **options):
        failures = 0
        for item in iter_documents(options["paths"]):
            if isinstance(item, BadRecord):
                failures += 1
                self.stderr.write(f"failed: {item}")
                continue
            doc_id, body = item
            self.stdout.write(json.dumps(output_record(doc_id, extract(body)), ensure_ascii=False))
        if failures:
            raise CommandError(f"{failures} document(s) could not be read", returncode=1)
