import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from archive.formats import split_front_matter
from archive.importing import BadRecord, parse_date, read_file
from archive.models import Article

pytestmark = pytest.mark.django_db

GOOD_TXT = """---
headline: Council approves new bridge
outlet: The Example Gazette
url: https://example.org/news/bridge
published: 2021-03-04
---
The council approved a new bridge on Tuesday.

"We will build it," said Jane Example.
"""


def run_import(*paths):
    """Run the command; return (exit code, stdout, stderr)."""
    import io

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *map(str, paths), stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code = exc.returncode
        err.write(str(exc))
    return code, out.getvalue(), err.getvalue()


def test_it_imports_the_seeds_with_their_metadata(seeds_dir):
    code, out, _ = run_import(seeds_dir)
    assert code == 0
    assert "3 created, 0 unchanged, 0 failed" in out
    assert Article.objects.count() == 3
    thinktank = Article.objects.get(headline="Mayor move key, says thinktank")
    assert thinktank.outlet == "Birmingham Post"
    assert thinktank.published == date(2006, 7, 1)
    assert thinktank.precision == "month"
    assert thinktank.date_display() == "July 2006"
    assert thinktank.url.startswith("https://www.birminghampost.co.uk/")


def test_it_keeps_the_seed_body_exactly(seeds_dir):
    run_import(seeds_dir)
    path = seeds_dir / "002_8fa313c8b985e53e.txt"
    _, body = split_front_matter(path.read_text(encoding="utf-8"))
    article = Article.objects.get(outlet="The MJ")
    assert article.body == body
    assert "‘take the blame'" in article.body


def test_importing_the_seeds_twice_leaves_three_articles(seeds_dir):
    run_import(seeds_dir)
    code, out, _ = run_import(seeds_dir)
    assert code == 0
    assert "0 created, 3 unchanged, 0 failed" in out
    assert Article.objects.count() == 3


def test_the_same_text_rewrapped_is_not_imported_again(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_TXT, encoding="utf-8")
    (tmp_path / "b.json").write_text(
        json.dumps(
            {
                "title": "Another headline",
                "text": 'The council   approved a new bridge on Tuesday.\n\n"We will build it," said Jane Example.',
                "published": "2021-03-04",
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run_import(tmp_path)
    assert code == 0
    assert "1 created, 1 unchanged" in out
    assert Article.objects.count() == 1


def test_one_good_and_three_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 society reopens.".encode("latin-1"))
    (tmp_path / "empty.json").write_text(json.dumps({"title": "Nothing", "body": "  "}))
    (tmp_path / "broken.json").write_text('{"title": "Broken", "body": "text"')
    code, out, err = run_import(tmp_path)
    assert code == 1
    assert "1 created, 0 unchanged, 3 failed" in out
    assert "latin1.txt: not UTF-8" in err
    assert "empty.json: empty body" in err
    assert "broken.json: malformed JSON" in err
    assert list(Article.objects.values_list("headline", flat=True)) == ["Council approves new bridge"]


def test_an_impossible_date_is_refused(tmp_path):
    (tmp_path / "feb30.json").write_text(json.dumps({"title": "T", "body": "Some text.", "published": "2019-02-30"}))
    code, _, err = run_import(tmp_path)
    assert code == 1
    assert "impossible" in err
    assert Article.objects.count() == 0


def test_jsonl_lines_are_articles_and_a_bad_line_is_reported_by_number(tmp_path):
    lines = [
        {"headline": "First", "body": "One body.", "published": "2020-01-02", "outlet": "X"},
        {"headline": "Second", "body": "", "published": "2020-01-03"},
        {"title": "Third", "text": "Three body.", "date": "2020-05", "url": "https://ex.org/3"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
    code, out, err = run_import(path)
    assert code == 1
    assert "2 created, 0 unchanged, 2 failed" in out
    assert "batch.jsonl:2: empty body" in err
    assert "batch.jsonl:4: malformed JSON" in err
    third = Article.objects.get(headline="Third")
    assert third.precision == "month"
    assert third.url == "https://ex.org/3"


def test_a_failure_while_saving_leaves_nothing_half_written(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD_TXT, encoding="utf-8")

    def explode(article, *args, **kwargs):
        from django.db import DatabaseError

        article.quotes.create(text="half", position=0)
        raise DatabaseError("disk full")

    monkeypatch.setattr("archive.ingest.write_extraction", explode)
    code, _, err = run_import(tmp_path)
    assert code == 1
    assert "disk full" in err
    assert Article.objects.count() == 0
    from archive.models import Quote

    assert Quote.objects.count() == 0


def test_a_missing_headline_is_derived_from_the_text(tmp_path):
    (tmp_path / "plain.txt").write_text(
        "---\npublished: 2018\n---\nFlood defences held overnight in the town. Residents returned.",
        encoding="utf-8",
    )
    code, _, _ = run_import(tmp_path)
    assert code == 0
    article = Article.objects.get()
    assert article.headline == "Flood defences held overnight in the town."
    assert article.precision == "year"
    assert article.date_display() == "2018"


def test_a_txt_without_a_date_is_refused(tmp_path):
    (tmp_path / "nodate.txt").write_text("Just a body.", encoding="utf-8")
    code, _, err = run_import(tmp_path)
    assert code == 1
    assert "no publication date" in err


def test_an_unknown_file_type_and_a_missing_path_are_reported(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    code, _, err = run_import(tmp_path / "notes.csv", tmp_path / "nowhere.txt")
    assert code == 1
    assert "notes.csv: not a .txt, .json or .jsonl file" in err
    assert "nowhere.txt: cannot read" in err


def test_an_empty_folder_is_an_error(tmp_path):
    code, _, err = run_import(tmp_path)
    assert code == 1
    assert "no article files" in err


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2014-06", (date(2014, 6, 1), "month")),
        ("2014", (date(2014, 1, 1), "year")),
        ("2014-06-23", (date(2014, 6, 23), "day")),
        ("2014-06-23T10:00:00Z", (date(2014, 6, 23), "day")),
        (2014, (date(2014, 1, 1), "year")),
    ],
)
def test_dates_keep_only_the_precision_they_have(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2014-13", "2014-02-30", "June 2014", "", None, "0000-01-01"])
def test_bad_dates_are_refused(value):
    with pytest.raises(BadRecord):
        parse_date(value)


def test_a_precision_finer_than_the_date_is_refused():
    with pytest.raises(BadRecord, match="finer"):
        parse_date("2014-06", "day")
    assert parse_date("2014-06-23", "month") == (date(2014, 6, 23), "month")


def test_an_unclosed_metadata_block_is_a_clear_error(tmp_path):
    path = tmp_path / "open.txt"
    path.write_text("---\nheadline: x\nurl: https://example.org/x\n", encoding="utf-8")
    (item,) = read_file(path)
    assert isinstance(item, BadRecord)
    assert "never closed" in str(item)


def good_line(headline, **extra):
    return json.dumps({"headline": headline, "body": f"{headline} happened.", "published": "2020-01-02", **extra})


def test_a_json_file_nested_10000_deep_is_one_failure_and_later_files_still_import(tmp_path):
    (tmp_path / "a_deep.json").write_text("[" * 10_000 + "]" * 10_000)
    (tmp_path / "b_good.txt").write_text(GOOD_TXT, encoding="utf-8")
    code, out, err = run_import(tmp_path)
    assert code == 1
    assert "1 created, 0 unchanged, 1 failed" in out
    assert "a_deep.json: JSON nested more than 20 deep" in err
    assert "Traceback" not in err and "RecursionError" not in err


def test_a_jsonl_line_nested_10000_deep_is_skipped_and_the_other_lines_import(tmp_path):
    path = tmp_path / "batch.jsonl"
    deep = '{"headline": "Deep", "body": ' + "[" * 10_000 + "]" * 10_000 + "}"
    path.write_text("\n".join([good_line("First"), deep, good_line("Third")]) + "\n", encoding="utf-8")
    code, out, err = run_import(path)
    assert code == 1
    assert "2 created, 0 unchanged, 1 failed" in out
    assert f"{path}:2: JSON nested more than 20 deep" in err
    assert set(Article.objects.values_list("headline", flat=True)) == {"First", "Third"}


def test_one_line_of_bad_utf8_fails_alone(tmp_path):
    path = tmp_path / "batch.jsonl"
    latin1 = '{"headline": "Caf\xe9", "body": "Caf\xe9 society.", "published": "2020-01-02"}'.encode("latin-1")
    path.write_bytes(b"\n".join([good_line("First").encode(), latin1, good_line("Third").encode()]) + b"\n")
    code, out, err = run_import(path)
    assert code == 1
    assert "2 created, 0 unchanged, 1 failed" in out
    assert f"{path}:2: not UTF-8 (byte 17)" in err
    assert set(Article.objects.values_list("headline", flat=True)) == {"First", "Third"}


def test_an_oversized_body_is_refused_in_every_kind_of_file(tmp_path, settings):
    settings.IMPORT_MAX_BODY_BYTES = 1000
    big = "Word " * 201  # 1,005 bytes
    (tmp_path / "big.json").write_text(json.dumps({"title": "Big", "body": big, "published": "2020"}))
    (tmp_path / "big.txt").write_text("---\npublished: 2020\n---\n" + big)
    (tmp_path / "batch.jsonl").write_text(
        "\n".join([good_line("Small"), json.dumps({"title": "Big", "body": big, "published": "2020"})]) + "\n"
    )
    code, out, err = run_import(tmp_path)
    assert code == 1
    assert "1 created, 0 unchanged, 3 failed" in out
    assert "big.json: body is larger than 1,000 bytes" in err
    assert "big.txt: body is larger than 1,000 bytes" in err
    assert "batch.jsonl:2: body is larger than 1,000 bytes" in err
    assert list(Article.objects.values_list("headline", flat=True)) == ["Small"]


def test_a_body_at_the_limit_in_multibyte_text_is_measured_in_bytes(tmp_path, settings):
    settings.IMPORT_MAX_BODY_BYTES = 1000
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"title": "Fits", "body": "é" * 500, "published": "2020"}),
                json.dumps({"title": "Too big", "body": "é" * 501, "published": "2020"}),
            ]
        ),
        encoding="utf-8",
    )
    code, _, err = run_import(path)
    assert code == 1
    assert f"{path}:2: body is larger than 1,000 bytes" in err
    assert list(Article.objects.values_list("headline", flat=True)) == ["Fits"]


def test_a_line_far_too_long_is_skipped_unread_and_the_next_line_imports(tmp_path, settings):
    settings.IMPORT_MAX_BODY_BYTES = 1000
    path = tmp_path / "batch.jsonl"
    path.write_text("x" * 200_000 + "\n" + good_line("After") + "\n")
    code, _, err = run_import(path)
    assert code == 1
    assert f"{path}:1: line larger than 71,536 bytes" in err
    assert list(Article.objects.values_list("headline", flat=True)) == ["After"]


def test_an_oversized_txt_file_is_refused_unread(tmp_path, settings):
    settings.IMPORT_MAX_BODY_BYTES = 1000
    (tmp_path / "huge.txt").write_text("---\npublished: 2020\n---\n" + "Word " * 20_000)
    code, _, err = run_import(tmp_path)
    assert code == 1
    assert "huge.txt: larger than 1,000 bytes" in err


def test_nesting_up_to_the_limit_is_accepted(tmp_path, settings):
    settings.IMPORT_MAX_JSON_DEPTH = 3
    path = tmp_path / "batch.jsonl"
    path.write_text(good_line("Three deep", tags=[[1]]) + "\n" + good_line("Four deep", tags=[[[1]]]) + "\n")
    code, _, err = run_import(path)
    assert code == 1
    assert f"{path}:2: JSON nested more than 3 deep" in err
    assert list(Article.objects.values_list("headline", flat=True)) == ["Three deep"]


def test_a_line_separator_inside_a_jsonl_body_is_text_not_a_line_break(tmp_path):
    path = tmp_path / "batch.jsonl"
    record = {"headline": "Separated", "body": "One\u2028two\u0085three.", "published": "2020-01-02"}
    path.write_text("\ufeff" + json.dumps(record, ensure_ascii=False) + "\r\n", encoding="utf-8")
    code, out, err = run_import(path)
    assert (code, err) == (0, "")
    assert "1 created" in out
    assert Article.objects.get().body == "One\u2028two\u0085three."


@pytest.mark.parametrize(
    "published, reason",
    [("1e400", "is impossible"), ("-5", "is impossible"), ("9" * 5000, "malformed JSON (Exceeds the limit")],
)
def test_absurd_numbers_are_a_one_line_error(tmp_path, published, reason):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"headline": "N", "body": "Text.", "published": ' + published + "}\n")
    code, _, err = run_import(path)
    assert code == 1
    assert f"{path}:1: " in err
    assert reason in err
    assert len(err.strip().splitlines()) == 2  # the reason, then the total


def test_a_file_whose_reader_fails_does_not_stop_the_run(tmp_path, monkeypatch):
    from archive.management.commands import import_articles

    (tmp_path / "a.txt").write_text(GOOD_TXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD_TXT.replace("new bridge", "new tunnel"), encoding="utf-8")
    real = import_articles.read_file

    def failing_for_a(path):
        if path.name == "a.txt":
            raise MemoryError("no room")
        return real(path)

    monkeypatch.setattr(import_articles, "read_file", failing_for_a)
    code, out, err = run_import(tmp_path)
    assert code == 1
    assert "1 created, 0 unchanged, 1 failed" in out
    assert "a.txt: cannot be read (MemoryError: no room)" in err
