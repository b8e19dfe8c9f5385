"""Places and their parents."""

from archive.extraction.places import covering
from tests.extraction.helpers import places


def test_cities_know_their_country_and_regions_their_parent():
    found = places("Protests spread from Manchester to Glasgow and across West Yorkshire.")
    assert found["Manchester"]["kind"] == "city"
    assert found["Manchester"]["country"] == "United Kingdom"
    assert found["West Yorkshire"]["kind"] == "region"
    assert found["West Yorkshire"]["parent"] == "England"


def test_a_us_city_has_its_state_as_parent():
    assert places("Flooding hit Houston overnight.")["Houston"]["parent"] == "Texas"


def test_common_words_that_are_also_towns_need_a_place_context():
    found = places("Reading the report in March, she found Nice ideas. Later she moved to Reading.")
    assert set(found) == {"Reading"}
    assert found["Reading"]["mentions"] == 1


def test_a_position_is_covered_by_any_span_around_it_even_among_overlapping_ones():
    spans = [(5, 6), (0, 10), (2, 4), (12, 14)]
    covers = covering(spans)
    assert [pos for pos in range(16) if covers(pos)] == [
        pos for pos in range(16) if any(s <= pos < e for s, e in spans)
    ]
    assert covers(7) and not covers(10) and not covering([])(0)
