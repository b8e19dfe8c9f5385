import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from archive.importing import BadRecord, parse_date, read_file, split_front_matter
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
                "text": "The council   approved a new bridge on Tuesday.\n\n"
                '"We will build it," said Jane Example.',
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
    (tmp_path / "feb30.json").write_text(
        json.dumps({"title": "T", "body": "Some text.", "published": "2019-02-30"})
    )
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

    def explode(article, result=None):
        from django.db import DatabaseError

        article.quotes.create(text="half", position=0)
        raise DatabaseError("disk full")

    monkeypatch.setattr("archive.ingest.apply_extraction", explode)
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
