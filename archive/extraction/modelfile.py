"""Reading a trained model's JSON file, shared by the three models."""

import json
from pathlib import Path


def read(path):
    """The JSON object in `path`, or None when there is no such file (the
    rules then decide alone)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def text(about, trained_on, weights):
    """The JSON of a model file: the same model always gives the same bytes."""
    data = {"about": about, "trained_on": trained_on, **weights}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
