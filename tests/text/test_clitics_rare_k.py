"""ك is split off only with strong evidence: it starts many names."""

from rasd.text.clitics import split_clitics


def test_names_starting_with_kaf_stay_whole() -> None:
    assert split_clitics("كمون") == ((), "كمون", ())


def test_kaf_before_common_nouns_is_still_a_clitic() -> None:
    assert split_clitics("كالجيش") == (("ك", "ال"), "جيش", ())
    assert split_clitics("كوزير")[1] == "وزير"
