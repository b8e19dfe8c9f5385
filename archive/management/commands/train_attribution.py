from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.extraction import kind_training, kinds, model, quote_kinds, quote_training, training


class Command(BaseCommand):
    help = (
        "Train the quotation filter, then the speaker model (on the quotations the filter keeps) and the kind "
        "model (person, organisation or neither), on every gold set under seeds/ (seeds/gold.json over "
        "seeds/articles, and each folder's gold*.json over its .jsonl corpus) and write "
        "archive/extraction/quote_model.json, attribution_model.json and kind_model.json. "
        "The same data always gives the same file. Needs scikit-learn (requirements-dev.txt)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds", default=str(Path(settings.BASE_DIR) / "seeds"), help="folder of gold sets laid out like seeds/"
        )
        parser.add_argument("--output", default=str(model.MODEL_PATH), help="where to write the speaker model file")
        parser.add_argument(
            "--quote-output", help="where to write the quotation filter (by default quote_model.json beside --output)"
        )
        parser.add_argument(
            "--kind-output",
            help=f"where to write the kind model file (by default "
            f"{kinds.MODEL_PATH.name} beside the speaker model file)",
        )

    def handle(self, *args, **options):
        gold_sets = load_gold_sets(options["seeds"])
        output = Path(options["output"])
        quote_output = Path(options["quote_output"] or output.with_name(quote_kinds.MODEL_PATH.name))
        try:
            # The filter first: the speaker model learns from the quotations it keeps.
            quote_model = quote_training.train(gold_sets)
            for gold_set in gold_sets:
                training.record(gold_set, partial(quote_kinds.select_quotes, quote_model=quote_model))
            speaker_model, trained_on = training.train(gold_sets)
            kind_model = kind_training.train(gold_sets)
        except (RuntimeError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        quote_output.write_text(quote_training.model_file_text(quote_model, trained_on), encoding="utf-8")
        quote_kinds.load.cache_clear()
        output.write_text(training.model_file_text(speaker_model, trained_on), encoding="utf-8")
        model.load.cache_clear()
        kind_output = Path(options["kind_output"] or output.with_name(kinds.MODEL_PATH.name))
        kind_output.write_text(kind_training.model_file_text(kind_model, trained_on), encoding="utf-8")
        kinds.load.cache_clear()
        self.stdout.write(
            f"trained on {sum(trained_on.values())} articles in {len(trained_on)} gold sets; "
            f"{len(speaker_model.weights)} weights written to {output}, "
            f"{len(quote_model.weights)} to {quote_output}; the kind model to {kind_output}"
        )


def load_gold_sets(seeds):
    """Every gold set under `seeds`, read and run through the rules, or a
    CommandError saying what is wrong."""
    seeds = Path(seeds)
    try:
        found = training.discover(seeds)
        if not found:
            raise ValueError(f"no gold sets under {seeds}")
        # A set is named by its path under the seeds folder: "gold", "wikinews/gold_dev".
        return [
            training.record(training.load_set(gold, corpus, gold.relative_to(seeds).with_suffix("").as_posix()))
            for gold, corpus in found
        ]
    except (OSError, ValueError, KeyError) as exc:
        raise CommandError(str(exc)) from exc
