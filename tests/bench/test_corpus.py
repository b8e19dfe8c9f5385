"""The bench corpus: reproducible, readable by the importer, attributed, and
long-tailed like news rather than uniform."""

import json
import os
from collections import Counter
from itertools import islice

import pytest

from archive.importing import Record, parse_json_record
from bench import corpus
from tests.search.helpers import temporary_index


@pytest.fixture(scope="module")
def records():
    return list(corpus.articles(400, seed=7))


def test_the_same_seed_gives_the_same_corpus(records):
    assert list(corpus.articles(400, seed=7))[:50] == records[:50]


def test_another_seed_gives_another_corpus(records):
    assert list(islice(corpus.articles(400, seed=8), 50)) != records[:50]


def test_every_record_is_one_the_importer_reads(records):
    for n, record in enumerate(records):
        assert isinstance(parse_json_record(json.dumps(record), f"line {n}"), Record)


def test_each_planted_quotation_is_where_the_extraction_says(records):
    for record in records:
        body = record["body"]
        for quote in record["extraction"]["quotes"]:
            assert body[quote["start"] : quote["end"]] == quote["text"]
            assert quote["speaker"] in body


def test_speakers_and_places_are_long_tailed(records):
    speakers = Counter(q["speaker"] for r in records for q in r["extraction"]["quotes"]).most_common()
    places = Counter(p["name"] for r in records for p in r["extraction"]["places"]).most_common()
    assert speakers[0][1] > 20 * speakers[len(speakers) // 2][1]
    assert places[0][1] > 10 * places[len(places) // 2][1]


def test_some_words_are_in_most_articles_and_others_in_few(records):
    def share(word):
        return sum(word in r["body"].lower().split() for r in records) / len(records)

    assert share("said") > 0.5
    assert share("frostbite") < 0.05


def test_dates_span_25_years_oldest_first(records):
    dates = [r["published"] for r in records]
    assert dates == sorted(dates)
    assert dates[0] < "2003" and dates[-1] > "2023"


def test_written_corpus_keeps_the_wikinews_attribution(tmp_path):
    files = corpus.write(tmp_path, 12, seed=7)
    assert "CC BY 2.5" in (tmp_path / "ATTRIBUTION.txt").read_text()
    lines = [json.loads(line) for f in files for line in f.read_text().splitlines()]
    assert len(lines) == 12
    assert all(r["license"] == "CC BY 2.5" for r in lines)
    assert all(url.startswith("https://en.wikinews.org/") for r in lines for url in r["derived_from"])


@pytest.mark.django_db
def test_import_articles_reads_a_written_corpus_file(tmp_path):
    from django.core.management import call_command

    from archive.models import Article

    [path] = corpus.write(tmp_path / "corpus", 5, seed=7)
    with temporary_index(tmp_path / "index"), open(os.devnull, "w") as quiet:
        call_command("import_articles", str(path), stdout=quiet)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    saved = Article.objects.order_by("published", "pk")
    assert [a.headline for a in saved] == [r["headline"] for r in records]
    assert [a.outlet for a in saved] == [r["outlet"] for r in records]
