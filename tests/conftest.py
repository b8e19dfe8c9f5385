from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "articles"


@pytest.fixture
def seeds_dir():
    return SEEDS
