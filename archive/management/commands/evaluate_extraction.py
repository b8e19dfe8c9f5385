import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.extraction import extract
from archive.extraction.scoring import format_report, load_documents, prediction_record, score


class Command(BaseCommand):
    help = (
        "Score extraction against hand annotations: quotation precision, recall and F1, "
        "speaker accuracy and people recall. With no options, scores the seed articles."
    )

    def add_arguments(self, parser):
        seeds = Path(settings.BASE_DIR) / "seeds"
        parser.add_argument("--gold", default=str(seeds / "gold.json"), help="gold annotations (JSON)")
        parser.add_argument("--corpus", nargs="+", default=[str(seeds / "articles")],
                            help=".txt/.jsonl files or folders holding the annotated articles")
        parser.add_argument("--predictions", help="saved output of `manage.py extract` to score instead")

    def handle(self, *args, **options):
        try:
            gold = json.loads(Path(options["gold"]).read_text(encoding="utf-8"))
            bodies = load_documents(options["corpus"])
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        missing = [doc_id for doc_id in gold["articles"] if doc_id not in bodies]
        if missing:
            raise CommandError("annotated articles not in the corpus: " + ", ".join(missing))
        if options["predictions"]:
            predictions = read_predictions(options["predictions"])
        else:
            predictions = {i: prediction_record(i, extract(bodies[i])) for i in gold["articles"]}
        result = score(bodies, gold, predictions)
        self.stdout.write(format_report(result, verbose=options["verbosity"] > 1))


def read_predictions(path):
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    records = (json.loads(line) for line in lines if line.strip())
    return {record["id"]: record for record in records}
