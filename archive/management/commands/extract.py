import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.extraction import extract
from archive.scoring import load_documents, prediction_record


class Command(BaseCommand):
    help = (
        "Print the quotations, people and places found in .txt files (front matter "
        "stripped) or .jsonl files (one {id, text} per line), one JSON object per "
        "article. Touches no database."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help=".txt or .jsonl files, or folders of them")

    def handle(self, *args, **options):
        paths = options["paths"]
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            raise CommandError("not found: " + ", ".join(missing))
        for doc_id, body in load_documents(paths).items():
            record = prediction_record(doc_id, extract(body))
            self.stdout.write(json.dumps(record, ensure_ascii=False))
