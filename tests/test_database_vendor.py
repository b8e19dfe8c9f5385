"""The tests run on the database they were asked to run on (see test_postgresql.py)."""

import os

from django.db import connection


def test_the_database_is_the_one_asked_for():
    expected = "postgresql" if os.environ.get("ARCHIVE_TEST_DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected
