"""Country adjectives with glued clitics and the article (rasd.geo.demonyms)."""

import pytest

from rasd.geo.demonyms import demonym_country


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("فلسطيني", "PS"),  # starts with what looks like a glued ف + ل
        ("الفلسطينيين", "PS"),
        ("للفلسطينيين", "PS"),
        ("وللعراقية", "IQ"),
        ("للعراقيين", "IQ"),
        ("بالعراقية", "IQ"),
        ("فالسوريون", "SY"),
        ("فرنسي", "FR"),
        ("لبناني", "LB"),
    ],
)
def test_adjective_with_clitics(word: str, code: str) -> None:
    assert demonym_country(word) == code


@pytest.mark.parametrize("word", ["ليبيا", "مالي", "فلسفة", "الفلاحين"])
def test_names_and_common_words_are_not_adjectives(word: str) -> None:
    assert demonym_country(word) is None
