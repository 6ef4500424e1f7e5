from rasd.model import Document
from rasd.text.clitics import split_clitics
from rasd.text.stage import TextStage


def analyses(text: str) -> dict[str, tuple[tuple[str, ...], str, tuple[str, ...], str]]:
    doc = TextStage()(Document(id="c", text=text))
    result = {}
    for tok in doc.tokens:
        if tok.clitics:
            c = tok.clitics
            result[tok.text] = (c.prefixes, c.stem, c.suffixes, text[c.stem_start : c.stem_end])
    return result


def test_prefixes_and_article() -> None:
    got = analyses("وصل الوفد لحزب الله وفرنسا والمملكة المتحدة")
    assert got["لحزب"][:2] == (("ل",), "حزب")
    assert got["وفرنسا"][:2] == (("و",), "فرنسا")
    assert got["والمملكة"][0] == ("و", "ال") and got["والمملكة"][3] == "مملكة"


def test_stem_offsets_skip_diacritics() -> None:
    got = analyses("وَفَرَنْسَا")
    prefixes, stem, _, surface = got["وَفَرَنْسَا"]
    assert prefixes == ("و",) and stem == "فرنسا"
    assert surface.startswith("فَ") and surface.endswith("ا")


def test_letters_that_belong_to_the_word_are_kept() -> None:
    # The و of وزير and the ب of بغداد are part of the word.
    assert split_clitics("وزير") == ((), "وزير", ())
    assert split_clitics("بغداد") == ((), "بغداد", ())


def test_lam_lam_is_preposition_plus_article() -> None:
    got = analyses("أرسلت الحكومة تعزيزات للجيش")
    prefixes, stem, _, surface = got["للجيش"]
    assert prefixes == ("ل", "ال") and stem == "جيش" and surface == "جيش"
