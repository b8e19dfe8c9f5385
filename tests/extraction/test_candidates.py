"""Who may have said a quotation: the candidates the model chooses among."""

from tests.extraction.helpers import candidates_of, names


def test_nobody_is_always_the_first_candidate():
    text = 'Ann Lee said: "We will win the cup this year."\n\n"It was always going to be hard," a fan said.'
    for _, candidates, _ in candidates_of(text):
        assert candidates[0].entity is None
        assert "nobody" in candidates[0].sources


def test_the_speaker_and_everyone_named_near_the_quotation_are_candidates():
    text = (
        "Bob Hart watched from the stands.\n\n"
        '"We will win the cup this year," Ann Lee told reporters.\n\n'
        "Cy Oak, the coach, disagreed."
    )
    [(_, candidates, _)] = candidates_of(text)
    assert names(candidates)[0] is None
    assert set(names(candidates)[1:]) == {"Bob Hart", "Ann Lee", "Cy Oak"}
    ann = next(c for c in candidates if c.entity and c.entity.name == "Ann Lee")
    assert {"rules", "window"} <= ann.sources
    assert ann.after is not None and ann.before is None


def test_a_name_paragraphs_away_is_not_a_candidate():
    filler = "\n\n".join(f"The harbour handled {n} ships that week." for n in range(3, 9))
    text = (
        f"Bob Hart opened the new pier.\n\n{filler}\n\n"
        'Ann Lee thanked the crew. Ann Lee said: "We will win the cup this year."'
    )
    [(_, candidates, _)] = candidates_of(text)
    assert "Bob Hart" not in names(candidates)
    assert "Ann Lee" in names(candidates)


def test_the_previous_speaker_and_a_pronoun_referent_are_candidates_from_afar():
    filler = "\n\n".join(f"The harbour handled {n} ships that week." for n in range(3, 9))
    text = f'"The pier is open," Ann Lee said.\n\n{filler}\n\n"We expect more ships next year," she said.'
    _, second = candidates_of(text)
    ann = next(c for c in second[1] if c.entity and c.entity.name == "Ann Lee")
    assert {"previous", "pronoun"} <= ann.sources
    assert ann.before is None and ann.after is None  # not named near the second quotation
