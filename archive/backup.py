"""The whole archive as JSON lines, and back (`export_archive`, `import_archive`).

Every model of the `archive` app goes through Django's serializers, so a model
or field added later is in the backup without a change here. User accounts and
the search index are not: accounts are made again, the index is rebuilt (so
its outbox of pending changes, IndexChange, is left out too), and the
pages' version number, ArchiveVersion, is the new database's own."""

import datetime
import json
from collections import Counter

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction

CHUNK = 2000


class BadBackup(ValueError):
    """A backup that cannot be restored, or a database it may not go into."""


class ExactEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder drops the microseconds after the milliseconds; a
    restore must give back the very same timestamps."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            return o.isoformat()
        return super().default(o)


def archive_models():
    left_out = {"archive.IndexChange", "archive.ArchiveVersion"}
    return [m for m in apps.get_app_config("archive").get_models() if m._meta.label not in left_out]


def export_archive(stream):
    """Write every row of every archive model to the text `stream`, one JSON
    object a line, from one consistent snapshot. Returns the count by model."""
    counts = Counter()

    def counted(rows, label):
        for row in rows:
            counts[label] += 1
            yield row

    first_in_transaction = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and first_in_transaction:
            # Read committed would let each model's query see a different moment.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        for model in archive_models():
            rows = model._base_manager.order_by("pk").iterator(chunk_size=CHUNK)
            serializers.serialize("jsonl", counted(rows, model._meta.label), stream=stream, cls=ExactEncoder)
    return counts


def import_archive(lines):
    """Restore the rows in `lines` (bytes, one JSON object each) into an empty
    archive in one transaction: a bad line raises BadBackup naming it, and then
    nothing is written. Returns the count by model."""
    models = archive_models()
    counts = Counter()
    with transaction.atomic():
        refuse_unless_empty(models)
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            item = deserialize_line(line, number, models)
            try:
                with transaction.atomic():
                    item.save()
            except DatabaseError as exc:
                raise BadBackup(f"line {number}: not saved ({one_line(exc)})") from None
            counts[item.object._meta.label] += 1
        try:
            # Foreign keys are checked at commit; checking now names the row.
            connection.check_constraints(table_names=[m._meta.db_table for m in models])
        except DatabaseError as exc:
            raise BadBackup(one_line(exc)) from None
        reset_sequences(models)
    return counts


def refuse_unless_empty(models):
    present = {m._meta.verbose_name_plural: m._base_manager.count() for m in models}
    present = {name: n for name, n in present.items() if n}
    if present:
        listed = ", ".join(f"{n} {name}" for name, n in present.items())
        raise BadBackup(
            f"the database already holds part of an archive ({listed}): a backup is restored into an "
            "empty database only (a new DATABASE_URL, or `manage.py flush` to empty this one)"
        )


def deserialize_line(line, number, models):
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadBackup(f"line {number}: not UTF-8 (byte {exc.start})") from None
    try:
        # A list of one line: given a string, Django's reader would also split
        # at the Unicode line separators that text fields may hold.
        items = list(serializers.deserialize("jsonl", [text]))
    except DeserializationError as exc:
        raise BadBackup(f"line {number}: {why_not_a_row(exc)}") from None
    if len(items) != 1:
        raise BadBackup(f"line {number}: expected one serialized row")
    if type(items[0].object) not in models:
        raise BadBackup(f"line {number}: {items[0].object._meta.label} is not an archive model")
    return items[0]


def why_not_a_row(exc):
    cause = exc.__cause__
    if isinstance(cause, json.JSONDecodeError):
        return f"malformed JSON ({cause.msg})"
    if isinstance(cause, RecursionError):
        return "nested too deeply to be a serialized row"
    return one_line(exc) or one_line(cause) or "not a serialized row"


def reset_sequences(models):
    """Rows came with their ids; PostgreSQL's id sequences must move past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def one_line(exc):
    return " ".join(str(exc).split())[:300]
