from hypothesis import given
from hypothesis import strategies as st

from rasd.model import Document
from rasd.text.stage import TextStage
from rasd.text.tokenize import tokenize


def sentences(text: str) -> list[str]:
    doc = TextStage()(Document(id="t", text=text))
    return [text[s.start : s.end] for s in doc.sentences]


def test_tokens_split_punctuation_and_keep_numbers_whole() -> None:
    toks = tokenize('قال: "وصل 12،500 جندي" (أ.ف.ب) The Guardian، ١٢٬٥٠٠ و3.5%')
    texts = [t.text for t in toks]
    assert "12،500" in texts and "١٢٬٥٠٠" in texts and "3.5" in texts
    assert ":" in texts and '"' in texts and "%" in texts
    assert "The" in texts and "Guardian" in texts
    kinds = {t.text: t.kind for t in toks}
    assert kinds["12،500"] == "number" and kinds["The"] == "latin" and kinds["قال"] == "word"


def test_comma_does_not_split_and_stop_does() -> None:
    text = "وصل الوفد إلى طرابلس، والتقى المسؤولين. ثم غادر مساء."
    assert sentences(text) == ["وصل الوفد إلى طرابلس، والتقى المسؤولين.", "ثم غادر مساء."]


def test_quotation_ending_a_sentence_stays_whole() -> None:
    text = 'قال الوزير: "نحن هنا. ولن نغادر!" وأكد ذلك مرة أخرى.'
    assert sentences(text) == ['قال الوزير: "نحن هنا. ولن نغادر!"', "وأكد ذلك مرة أخرى."]
    guillemets = "وقال «انتهى الأمر. لا عودة.» ثم انصرف."
    assert sentences(guillemets) == ["وقال «انتهى الأمر. لا عودة.»", "ثم انصرف."]


def test_abbreviations_and_decimal_numbers() -> None:
    text = "التقى د. أحمد بممثل وكالة أ.ف.ب في الساعة 3.5 مساء. وانتهى اللقاء."
    assert sentences(text) == ["التقى د. أحمد بممثل وكالة أ.ف.ب في الساعة 3.5 مساء.", "وانتهى اللقاء."]


def test_question_marks_and_paragraphs() -> None:
    text = "هل انتهت الحرب؟ لا أحد يعرف\nفقرة ثانية بلا نقطة"
    assert sentences(text) == ["هل انتهت الحرب؟", "لا أحد يعرف", "فقرة ثانية بلا نقطة"]


@given(st.text(alphabet=st.sampled_from(list('ابت ثج.،؟"«»\n12 AB')), max_size=200))
def test_segmentation_covers_tokens_in_order(text: str) -> None:
    doc = TextStage()(Document(id="t", text=text or "ا"))
    covered = [i for s in doc.sentences for i in range(s.token_start, s.token_end)]
    assert covered == list(range(len(doc.tokens)))
    for s in doc.sentences:
        assert s.start < s.end and doc.text[s.start : s.end].strip() == doc.text[s.start : s.end]
    for tok in doc.tokens:
        assert doc.text[tok.start : tok.end] == tok.text
