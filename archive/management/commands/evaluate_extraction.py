import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.extraction import extract, training
from archive.extraction.scoring import format_report, load_documents, prediction_record, score
from archive.management.commands.train_attribution import load_gold_sets


class Command(BaseCommand):
    help = (
        "Score extraction against hand annotations: quotation precision, recall and F1, "
        "speaker accuracy and people recall and precision. With no options, scores the seed articles. "
        "--cross-validate trains the speaker model on every gold set under --seeds but one, scores the one "
        "left out, for each in turn, and prints each set's figures (rules alone and with the model); "
        "-v 2 adds the model's speaker errors by category."
    )

    def add_arguments(self, parser):
        seeds = Path(settings.BASE_DIR) / "seeds"
        parser.add_argument("--gold", default=str(seeds / "gold.json"), help="gold annotations (JSON)")
        parser.add_argument(
            "--corpus",
            nargs="+",
            default=[str(seeds / "articles")],
            help=".txt/.jsonl files or folders holding the annotated articles",
        )
        parser.add_argument("--predictions", help="saved output of `manage.py extract` to score instead")
        parser.add_argument(
            "--cross-validate",
            action="store_true",
            help="leave-one-set-out cross-validation of the speaker model over --seeds",
        )
        parser.add_argument("--seeds", default=str(seeds), help="folder of gold sets laid out like seeds/")

    def handle(self, *args, **options):
        if options["cross_validate"]:
            gold_sets = load_gold_sets(options["seeds"])
            if len(gold_sets) < 2:
                raise CommandError("cross-validation needs at least two gold sets")
            try:
                folds = training.cross_validate(gold_sets)
            except (RuntimeError, ValueError) as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(training.format_folds(folds, verbose=options["verbosity"] > 1))
            return
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
