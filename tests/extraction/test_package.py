"""archive.extraction is pure Python: text in, plain data out, no Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter where any import of django fails, imports every
# module of the package, runs the entry point and scores its output.
NO_DJANGO = """
import importlib, pkgutil, sys

class NoDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError("archive.extraction imported " + name)

sys.meta_path.insert(0, NoDjango())
import archive.extraction as package
from archive.extraction import extract, scoring

modules = [info.name for info in pkgutil.iter_modules(package.__path__)]
for name in modules:
    importlib.import_module("archive.extraction." + name)
result = extract('Roger Lawrence, leader of the council, said: "We need the money." The army said it was ready.')
scoring.prediction_record("doc", result)
print(len(modules), result["quotes"][0]["speaker"])
"""


def run_without_django(code):
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_no_module_of_the_extraction_package_imports_django():
    run = run_without_django(NO_DJANGO)
    assert run.returncode == 0, run.stderr
    count, speaker = run.stdout.split(maxsplit=1)
    assert int(count) >= 15  # every module was imported, not an empty package
    assert speaker.strip() == "Roger Lawrence"


def test_the_check_does_catch_an_import_of_django():
    run = run_without_django(
        NO_DJANGO.replace(
            "import archive.extraction as package", "import django.db\nimport archive.extraction as package"
        )
    )
    assert run.returncode != 0
    assert "archive.extraction imported django" in run.stderr
