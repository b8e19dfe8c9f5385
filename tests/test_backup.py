"""export_archive writes every archive row as JSON lines; import_archive
restores them into an empty database exactly, or refuses and writes nothing."""

import json
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from haystack.query import SearchQuerySet

from archive.models import Article, Person, Place, Quote, Report
from tests.search.helpers import make_cast, temporary_index

pytestmark = pytest.mark.django_db(transaction=True)

# All but the search index's outbox: the index is rebuilt after a restore, not backed up.
LEFT_OUT = {"archive.IndexChange", "archive.ArchiveVersion"}  # the outbox; the pages' version number
ARCHIVE_MODELS = [m for m in apps.get_app_config("archive").get_models() if m._meta.label not in LEFT_OUT]


@pytest.fixture
def index(tmp_path):
    with temporary_index(tmp_path / "whoosh_index") as path:
        yield path


@pytest.fixture
def cast(index):
    """The shared cast, plus what it lacks: an organisation, coordinates, an
    editor's correction and text with the Unicode line separator in it.
    One transaction, so that the index is written once rather than per row."""
    with transaction.atomic():
        cast = make_cast()
        _add_what_the_cast_lacks(cast)
    return cast


def _add_what_the_cast_lacks(cast):
    police = Person.objects.create(name="West Midlands Police", kind=Person.ORGANISATION, aliases=["the police"])
    place = cast["places"]["birmingham"]
    place.latitude, place.longitude = 52.48142, -1.89983
    place.save()
    quote = cast["quotes"]["route"]
    quote.text, quote.by_editor, quote.person = "A corrected\u2028quotation, “curly”.", True, police
    quote.save()
    Report.objects.create(
        quote=quote, note="Not Roger Lawrence's words", suggested_speaker="the police", new_speaker=police
    )
    cast["quotes"]["blame"].reassign(cast["people"]["heseltine"])


def rows(model):
    return list(model._base_manager.order_by("pk").values())


def snapshot():
    return {model._meta.label: rows(model) for model in ARCHIVE_MODELS}


def export(tmp_path):
    path = tmp_path / "archive.jsonl"
    call_command("export_archive", str(path), stdout=open(tmp_path / "out.txt", "w"))
    return path


def restore(path):
    call_command("import_archive", str(path), stdout=open(path.parent / "import-out.txt", "w"))


def test_export_flush_import_gives_back_every_row_field_by_field(cast, tmp_path):
    before = snapshot()
    empty = [label for label, found in before.items() if not found]
    assert not empty, f"every archive model needs rows for the comparison to mean anything: {empty}"
    path = export(tmp_path)
    call_command("flush", "--noinput")
    assert not any(snapshot().values())
    restore(path)
    after = snapshot()
    for label, expected in before.items():
        assert after[label] == expected, label


def test_the_backup_is_one_serialized_row_per_line(cast, tmp_path):
    lines = export(tmp_path).read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    objects = [json.loads(line) for line in lines[:-1]]
    assert len(objects) == sum(model.objects.count() for model in ARCHIVE_MODELS)
    assert {o["model"] for o in objects} == {m._meta.label_lower for m in ARCHIVE_MODELS}
    heseltine = next(o for o in objects if o["model"] == "archive.person" and o["fields"]["name"] == "Lord Heseltine")
    assert heseltine["fields"]["aliases"] == ["Michael Heseltine"]


def test_timestamps_keep_their_microseconds(cast, tmp_path):
    article = cast["articles"]["budget"]
    Article.objects.filter(pk=article.pk).update(created=article.created.replace(microsecond=123456))
    path = export(tmp_path)
    call_command("flush", "--noinput")
    restore(path)
    assert Article.objects.get(pk=article.pk).created.microsecond == 123456


def test_the_restored_archive_can_be_rebuilt_into_the_search_index(cast, tmp_path):
    path = export(tmp_path)
    call_command("flush", "--noinput")
    restore(path)
    call_command("rebuild_search_index", stdout=open(tmp_path / "rebuild.txt", "w"))
    found = SearchQuerySet().models(Quote).filter(content="referendums")
    assert [r.pk for r in found] == [str(cast["quotes"]["referendums"].pk)]


def test_new_rows_after_a_restore_get_fresh_ids(cast, tmp_path):
    path = export(tmp_path)
    call_command("flush", "--noinput")
    restore(path)
    top = Article.objects.order_by("-pk").first().pk
    new = Article.objects.create(headline="After the restore", body="New text.", published=date(2024, 1, 2))
    assert new.pk > top


def test_a_database_with_archive_rows_is_refused(cast, tmp_path):
    path = export(tmp_path)
    before = snapshot()
    with pytest.raises(CommandError, match=r"already holds part of an archive \(5 places, 8 people"):
        restore(path)
    assert snapshot() == before


def bad_backup(tmp_path, cast, line_number, bad_line):
    """A real backup with line `line_number` replaced, restored into an emptied database."""
    lines = export(tmp_path).read_bytes().split(b"\n")
    lines[line_number - 1] = bad_line
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(lines))
    call_command("flush", "--noinput")
    with pytest.raises(CommandError) as error:
        restore(path)
    assert not any(snapshot().values()), "nothing may be written"
    message = str(error.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    "bad_line, reason",
    [
        (b'{"model": "archive.place", "pk": 99, "fields": ', "malformed JSON"),
        (b'{"model": "archive.place", "pk": 99, "fields": {"name": "Caf\xe9"}}', "not UTF-8"),
        (b"[" * 10_000 + b"]" * 10_000, "nested too deeply"),
        (b'{"model": "auth.user", "pk": 99, "fields": {"username": "intruder"}}', "auth.User is not an archive model"),
        (b'{"model": "archive.article", "pk": 99, "fields": {"published": "not a date"}}', "archive.article"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_restored(cast, tmp_path, bad_line, reason):
    message = bad_backup(tmp_path, cast, 7, bad_line)
    assert "bad.jsonl: line 7: " in message
    assert reason in message
    assert message.endswith("nothing was restored")


def test_a_row_pointing_at_a_missing_row_is_refused(cast, tmp_path):
    dangling = json.dumps(
        {
            "model": "archive.quote",
            "pk": 999,
            "fields": {
                "article": 12345,
                "person": None,
                "text": "Orphan",
                "kind": "direct",
                "position": 0,
                "role": "",
                "by_editor": False,
                "created": "2024-01-01T00:00:00+00:00",
                "updated": "2024-01-01T00:00:00+00:00",
            },
        }
    )
    message = bad_backup(tmp_path, cast, 3, dangling.encode())
    assert "12345" in message
    assert Place.objects.count() == 0


def test_a_missing_file_is_a_one_line_error(tmp_path):
    with pytest.raises(CommandError, match=r"nowhere\.jsonl: cannot read \(No such file or directory\)"):
        restore(tmp_path / "nowhere.jsonl")
