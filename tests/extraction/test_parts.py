"""A long text is extracted a part at a time (archive.extraction.parts)."""

from archive.extraction import extract
from archive.extraction.parts import extract_text, parts

PARAGRAPH = '"The harbour wall will be rebuilt by {n}," said Maria Okafor, the harbour master.\n\n'


def test_a_text_shorter_than_a_part_is_extracted_as_extract_does():
    text = PARAGRAPH.format(n=2030) + "The council agreed in Leeds."
    assert extract_text(text) == extract(text)


def test_parts_cover_the_text_cut_after_line_ends_and_no_longer_than_asked():
    text = "".join(PARAGRAPH.format(n=n) for n in range(2000, 2040))
    spans = list(parts(text, 500))
    assert [s for s, _ in spans][1:] == [e for _, e in spans][:-1]
    assert (spans[0][0], spans[-1][1]) == (0, len(text))
    assert all(end - start <= 500 for start, end in spans)
    assert all(text[end - 1] == "\n" for _, end in spans[:-1])


def test_a_line_longer_than_a_part_is_cut_where_the_part_ends():
    assert list(parts("x" * 25, 10)) == [(0, 10), (10, 20), (20, 25)]


def test_quotations_of_every_part_are_found_at_their_place_in_the_whole_text():
    text = "".join(PARAGRAPH.format(n=n) for n in range(2000, 2040))
    result = extract_text(text, part_chars=1000)
    assert len(result["quotes"]) == 40
    for quote in result["quotes"]:
        assert quote["text"] in text[quote["start"] : quote["end"]]
    expected = [f"The harbour wall will be rebuilt by {n}," for n in range(2000, 2040)]
    assert sorted(q["text"] for q in result["quotes"]) == expected
    assert {q["speaker"] for q in result["quotes"]} == {"Maria Okafor"}
