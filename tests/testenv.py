"""Loaded with `-p tests.testenv` (see pytest.ini) so that it runs before
pytest-django imports the settings: tests never touch the developer's var/.
The SQLite file, the Whoosh index and static files go to a throwaway folder.
ARCHIVE_TEST_DATABASE_URL runs the tests on another database (test_postgresql.py
uses it for a throwaway PostgreSQL server)."""

import os
import tempfile
from pathlib import Path

_VAR = tempfile.mkdtemp(prefix="archive-test-")
os.environ["ARCHIVE_VAR_DIR"] = _VAR
os.environ["WHOOSH_PATH"] = str(Path(_VAR) / "whoosh_index")
os.environ.pop("DATABASE_URL", None)
if os.environ.get("ARCHIVE_TEST_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["ARCHIVE_TEST_DATABASE_URL"]
