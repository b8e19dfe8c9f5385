"""Every search page answers with what it could do in its budget: too many
words, too broad a prefix or too long a search each give a page (200) with
a plain message, never a 500 nor a request that runs on."""

import pytest
from whoosh.spelling import ReaderCorrector

from archive.search import budget, segments
from archive.search.query import MAX_PHRASE_WORDS, MAX_WORDS, parse_query


def text(response):
    return response.content.decode()


def results_of(response):
    return [item.get("quote") or item.get("article") for item in response.context["items"]]


def test_sixty_unknown_words_are_refused_with_a_message(get):
    words = " ".join(f"zqx{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(60))
    response = get(q=words, type="articles")
    assert "Your search has 60 words: at most 32 are searched at once" in text(response)
    assert not response.context["searched"]


def test_a_long_phrase_is_searched_by_its_first_words(get, cast):
    phrase = (
        "Birmingham needs a mayor to help shift power away from London, and the new system should be "
        "introduced without a referendum, according to senior Conservative peer Lord Heseltine"
    )
    response = get(q=f'"{phrase}"', type="articles")
    assert f"A long phrase is searched by its first {MAX_PHRASE_WORDS} words" in text(response)
    assert results_of(response) == [cast["articles"]["heseltine"]]


def test_a_long_phrase_counts_as_its_searched_words():
    parsed = parse_query('"' + " ".join(["mayor"] * 80) + '"')
    assert (parsed.too_long, parsed.shortened, parsed.query) == (0, True, '("' + " ".join(["mayor"] * 16) + '")')
    assert parse_query(" ".join(["mayor"] * (MAX_WORDS + 1))).too_long == MAX_WORDS + 1


def test_two_letter_prefixes_are_read_as_words_with_a_message(get):
    response = get(q="an* be* co* de* ex* fo*", type="articles")
    assert "a * goes at the end of a word of three letters or more" in text(response)


def test_a_prefix_beginning_too_many_words_is_refused(get, monkeypatch):
    monkeypatch.setattr(segments, "MAX_EXPANSION", 1)
    response = get(q="cou*", type="quotes")  # council, councillor, coventry...
    assert "“cou*” is too broad: it begins too many different words" in text(response)
    assert not response.context.get("items")


def test_a_download_of_too_broad_a_prefix_is_a_400_with_the_reason(client, cast, db, monkeypatch):
    monkeypatch.setattr(segments, "MAX_EXPANSION", 1)
    response = client.get("/search/", {"q": "cou*", "format": "csv"})
    assert response.status_code == 400
    assert "cou* begins more than 1 different words" in response.content.decode()


def test_a_search_out_of_time_shows_what_it_found_with_a_note(get, monkeypatch):
    monkeypatch.setattr(budget, "SEARCH_TIME_LIMIT", 0)
    monkeypatch.setattr(segments.BudgetCollector, "CHECK_EVERY", 1)
    monkeypatch.setattr(segments, "CHECK_EVERY", 1)
    response = get(q="council OR budget", type="quotes")
    assert response.context["partial"] and response.context["estimated"]
    assert "This search took too long to finish" in text(response)
    assert "About " in text(response)
    assert len(response.context["items"]) == 1


def test_the_same_search_in_time_is_whole_and_counted(get):
    response = get(q="council OR budget", type="quotes")
    assert not response.context["partial"] and not response.context["estimated"]
    assert "took too long" not in text(response) and "About " not in text(response)
    assert len(response.context["items"]) == 20


@pytest.mark.parametrize("count", [6, 12])
def test_spelling_suggestions_look_up_a_few_words_at_most(get, monkeypatch, count):
    asked = []
    suggest = ReaderCorrector.suggest
    monkeypatch.setattr(
        ReaderCorrector, "suggest", lambda self, word, **kw: asked.append(word) or suggest(self, word, **kw)
    )
    get(q=" ".join(f"referndum{'x' * i}" for i in range(count)), type="articles")
    assert 0 < len(asked) <= 4
