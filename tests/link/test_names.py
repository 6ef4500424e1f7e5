"""Name keys: titles, clitics, spelling variants, partial names (invented examples)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.link import names


def test_titles_and_roles_are_stripped() -> None:
    assert names.strip_titles("المشير خليفة حفتر") == names.name_key("خليفة حفتر")
    assert names.strip_titles("اللواء أحمد المسماري") == names.name_key("أحمد المسماري")
    assert names.strip_titles("العميد سالم الزوي") == names.name_key("سالم الزوي")
    assert names.strip_titles("وزير الخارجية الفرنسي جان إيف لودريان") == names.name_key("جان إيف لودريان")
    assert names.strip_titles("رئيس المجلس الرئاسي فايز السراج") == names.name_key("فايز السراج")


def test_a_bare_title_is_not_emptied() -> None:
    assert names.strip_titles("الرئيس") == names.name_key("الرئيس")


def test_spelling_variants_share_a_key() -> None:
    assert names.name_key("درنة") == names.name_key("درنه")
    assert names.name_key("أبو ظبي") == names.name_key("أبوظبي")
    assert names.name_key("عبد ربه منصور هادي") == names.name_key("عبدربه منصور هادي")
    assert names.skeleton_key("فلاديمير بوتين") == names.skeleton_key("فلاديمر بوتين")
    assert names.name_key("#مطار_الحديدة") == names.name_key("مطار الحديدة")


def test_clitic_variants_keep_the_literal_form_first() -> None:
    assert names.clitic_variants("لحزب الله")[1] == names.name_key("حزب الله")
    assert names.name_key("المملكة المتحدة") in names.clitic_variants("والمملكة المتحدة")
    assert names.name_key("الجيش") in names.clitic_variants("للجيش")
    assert names.clitic_variants("بنغازي")[0] == names.name_key("بنغازي")


def test_partial_names() -> None:
    assert names.is_partial_name("الدبيبة", "عبد الحميد الدبيبة")
    assert names.is_partial_name("حفتر", "خليفة حفتر")
    assert names.is_partial_name("خليفة حفتر", "خليفة بلقاسم حفتر")
    # A shared first name is not a partial name.
    assert not names.is_partial_name("محمد", "محمد علي الحوثي")
    assert not names.is_partial_name("خليفة حفتر", "خليفة حفتر")


def test_romanize_gives_a_latin_guess() -> None:
    out = names.romanize("خليفة حفتر")
    assert out and out.isascii() and "aftar" in out.lower()
    assert names.romanize("The Guardian") == "The Guardian"
    assert names.romanize("") is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_key_functions_never_crash(text: str) -> None:
    for fn in (names.name_key, names.skeleton_key, names.strip_titles, names.clean):
        assert isinstance(fn(text), str)
    assert all(isinstance(v, str) for v in names.clitic_variants(text))
    assert isinstance(names.is_partial_name(text, "خليفة حفتر"), bool)
    assert names.name_key(names.name_key(text)) == names.name_key(text)
