from hypothesis import given
from hypothesis import strategies as st

from rasd.text.normalise import NormalizedText, normalize, strip_diacritics, to_ascii_digits


def test_folds_letters_diacritics_and_tatweel() -> None:
    assert normalize("إِسْرَائِيلـــيّة") == "اسراييليه"
    assert normalize("أبو ظبي") == normalize("ابو ظبى")
    assert normalize("مدرسةٌ") == "مدرسه"


def test_digits_and_thousands_separators() -> None:
    assert normalize("١٢٬٥٠٠") == "12500"
    assert normalize("12،500") == "12500"
    assert normalize("12,500") == "12500"
    assert normalize("۱۲۳") == "123"
    assert normalize("3٫5") == "3.5"
    # A comma after a number is punctuation, not a separator.
    assert normalize("قتل 12، وأصيب 40") == "قتل 12، واصيب 40"
    assert normalize("1,5000") == "1,5000"


def test_invisible_characters_and_spaces() -> None:
    assert normalize("بوتين\u200f\u200b") == "بوتين"
    assert normalize("عبد\u00a0الله") == "عبد الله"
    assert normalize("\ufeffThe Guardian") == "the guardian"


def test_offsets_map_back_to_original() -> None:
    original = "قُتِلَ ١٢٬٥٠٠ مقاتلـــاً"
    folded = NormalizedText(original)
    start = folded.text.index("12500")
    a, b = folded.to_original(start, start + 5)
    assert original[a:b] == "١٢٬٥٠٠"
    start = folded.text.index("مقاتلا")
    a, b = folded.to_original(start, start + len("مقاتلا"))
    assert original[a:b] == "مقاتلـــاً"[: b - a] and original[a:b].startswith("مقاتل")


def test_helpers() -> None:
    assert strip_diacritics("مُحَمَّد") == "محمد"
    assert to_ascii_digits("٢٠١٨") == "2018"


@given(st.text())
def test_offsets_are_monotonic_and_in_range(text: str) -> None:
    folded = NormalizedText(text)
    assert len(folded.offsets) == len(folded.text) + 1
    assert all(0 <= o <= len(text) for o in folded.offsets)
    assert list(folded.offsets) == sorted(folded.offsets)
    assert normalize(text) == folded.text
