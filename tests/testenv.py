"""Loaded with `-p tests.testenv` (see pytest.ini) so that it runs before
pytest-django imports the settings: tests never touch the developer's var/.
The SQLite file, the Whoosh index and static files go to a throwaway folder.
ARCHIVE_TEST_DATABASE_URL runs the tests on another database (test_postgresql.py
uses it for a throwaway PostgreSQL server). ARCHIVE_TEST_SEARCH_ENGINE and
ARCHIVE_TEST_SEARCH_URL run them on another haystack backend, e.g. an
Elasticsearch server, in throwaway indexes named archive-test-*
(tests/search/helpers.py). The deployment's own DATABASE_URL and SEARCH_*
never reach the tests: they empty the databases and indexes they use."""

import os
import tempfile
from pathlib import Path

_VAR = tempfile.mkdtemp(prefix="archive-test-")
os.environ["ARCHIVE_VAR_DIR"] = _VAR
os.environ["WHOOSH_PATH"] = str(Path(_VAR) / "whoosh_index")
os.environ.pop("DATABASE_URL", None)
if os.environ.get("ARCHIVE_TEST_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["ARCHIVE_TEST_DATABASE_URL"]
for _name in ("SEARCH_ENGINE", "SEARCH_URL", "SEARCH_INDEX_NAME"):
    os.environ.pop(_name, None)
if os.environ.get("ARCHIVE_TEST_SEARCH_ENGINE"):
    os.environ["SEARCH_ENGINE"] = os.environ["ARCHIVE_TEST_SEARCH_ENGINE"]
    os.environ["SEARCH_URL"] = os.environ.get("ARCHIVE_TEST_SEARCH_URL", "")
    os.environ["SEARCH_INDEX_NAME"] = "archive-test"
