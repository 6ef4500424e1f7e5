"""The quantity stage on invented news sentences: measures, not-counts, subject, holder, time."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.model import Document, Mention, Quote, Timex
from rasd.quantity.stage import QuantityStage


def run(text: str, **kw) -> Document:
    doc = Document(id="d", text=text, source="إذاعة المثال", published=dt.date(2016, 3, 9), **kw)
    return QuantityStage()(doc)


def only(text: str, **kw):
    doc = run(text, **kw)
    assert len(doc.quantities) == 1, [(q.text, q.measure) for q in doc.quantities]
    return doc.quantities[0]


@pytest.mark.parametrize(
    ("text", "measure", "unit"),
    [
        ("وصل 300 مقاتل إلى المدينة", "fighters", "مقاتل"),
        ("نشرت الوزارة 500 جندي على الحدود", "troops", "جندي"),
        ("خلف الهجوم 7 قتلى", "killed", "قتلى"),
        ("نقل 12 جريحا إلى المستشفى", "injured", "جريحا"),
        ("أفرج عن 40 معتقلا", "detained", "معتقلا"),
        ("عاد 900 نازح إلى قراهم", "displaced", "نازح"),
        ("شن الطيران 15 غارة", "strikes", "غارة"),
        ("تبعد القرية 40 كيلومترا عن العاصمة", "distance_km", "كيلومترا"),
        ("قدم البنك قرضا بقيمة 20 مليون دولار", "money", "دولار"),
        ("بلغت نسبة المشاركة 41 بالمئة", "percent", "بالمئة"),
        ("وزعت الجمعية 80 حقيبة مدرسية", "other", "حقيبة"),
    ],
)
def test_measure_from_counted_noun(text: str, measure: str, unit: str) -> None:
    q = only(text)
    assert (q.measure, q.unit) == (measure, unit)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("قتل 5 أشخاص في انفجار سيارة", "killed"),
        ("أسفر القصف عن مقتل 12", "killed"),
        ("أدى الحادث إلى إصابة 3 بجروح", "injured"),
        ("أعلنت الشرطة اعتقال 20 شخصا", "detained"),
        ("أجبرت المعارك 6 آلاف مواطن على النزوح وتسببت في نزوح 300 عائلة", "displaced"),
        ("قتل 9 جنود في الكمين", "killed"),  # a casualty verb wins over a troops noun
        ("خلفت الاشتباكات 60 قتيلا بينهم 15 طفلا", "killed"),  # enumeration inherits
    ],
)
def test_measure_from_verb_context(text: str, measure: str) -> None:
    doc = run(text)
    assert doc.quantities and doc.quantities[-1].measure == measure


@pytest.mark.parametrize(
    "text",
    [
        "صدر القرار رقم 14 أمس",
        "وقع الهجوم عام 2014",
        "ولد في 1969 بالقاهرة",
        "توفي الرجل البالغ من العمر 45 عاما",
        "اتصلوا على الرقم 0021671123456",
        "استمرت المعارك 4 أشهر",
        "وصل في 23 مارس",
        "وقعت الأحداث في 24 و25 آذار",
        "حسب الفصول 101 و202 و204 من المجلة",
    ],
)
def test_not_counts_are_dropped(text: str) -> None:
    assert run(text).quantities == []


def test_numbers_inside_timexes_are_dropped() -> None:
    text = "قتل 4 أشخاص يوم 12 ماي"
    timex = Timex(
        id="t0", start=text.index("12"), end=len(text), text="12 ماي", type="DATE", value="2016-05-12"
    )
    doc = run(text, timexes=[timex])
    assert [q.value for q in doc.quantities] == [4]
    assert doc.quantities[0].time == "2016-05-12"  # nearest date in the sentence


def test_time_defaults_to_publication() -> None:
    assert only("قتل 4 أشخاص").time == "2016-03-09"


def test_subject_after_noun() -> None:
    assert only("قتل 25 مقاتلا من تنظيم الدولة في الغارة").subject_text == "تنظيم الدولة"
    assert only("انسحب آلاف مقاتلي الحركة من البلدة").subject_text == "الحركة"
    assert only("وصل 5000 جندي أمريكي").subject_text == "أمريكي"
    assert only("فر 80 ألف مدني من الأحياء الشرقية").subject_text is None  # a place, not a group


def test_subject_prefers_ner_mention() -> None:
    text = "قتل 25 مقاتلا من تنظيم الدولة في الغارة"
    start = text.index("تنظيم")
    mention = Mention(id="m1", start=start, end=start + len("تنظيم الدولة"), text="تنظيم الدولة", type="ORG")
    q = only(text, mentions=[mention])
    assert (q.subject_mention_id, q.subject_text) == ("m1", "تنظيم الدولة")


def test_subject_of_deployed_troops() -> None:
    assert only("أرسلت فرنسا 500 جندي إلى المنطقة").subject_text == "فرنسا"


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("قال المرصد الوطني للرصد إن 25 مسلحا قتلوا", "المرصد الوطني للرصد"),
        ("أعلنت وزارة الداخلية في بيان مقتل 12 شرطيا", "وزارة الداخلية"),
        ("قتل 12 شخصا بحسب مصادر طبية", "مصادر طبية"),
        ("قتل 12 شخصا، وفقا لمنظمة الإغاثة الدولية", "منظمة الإغاثة الدولية"),
        ("ونقلت الوكالة عن مسؤول محلي أن 30 شخصا أصيبوا", "مسؤول محلي"),
        ("قتل 7 مدنيين حسبما أفادت مصادر محلية", "مصادر محلية"),
        ("قتل 7 مدنيين في القصف", "إذاعة المثال"),  # no source: the outlet
    ],
)
def test_holder(text: str, holder: str) -> None:
    q = only(text)
    assert q.holder_text == holder
    assert q.holder_mention_id is None


def test_holder_continues_across_sentences() -> None:
    doc = run("قال الناطق باسم الجيش إن الوضع مستقر. وأضاف أن 40 مسلحا قتلوا.")
    assert doc.quantities[0].holder_text == "الناطق باسم الجيش"


def test_holder_from_quote_speaker() -> None:
    text = "قال: لقد وصل 300 مقاتل"
    quote = Quote(
        id="qq",
        start=5,
        end=len(text),
        text=text[5:],
        direct=True,
        speaker_text="القائد",
        speaker_mention_id="m9",
    )
    q = only(text, quotes=[quote])
    assert (q.holder_text, q.holder_mention_id) == ("القائد", "m9")


def test_two_sources_in_one_sentence_each_keep_their_own() -> None:
    doc = run("قتل 83 شخصا بحسب الأمم المتحدة، في حين قال المرصد المحلي إن 87 شخصا قتلوا")
    assert [q.holder_text for q in doc.quantities] == ["الأمم المتحدة", "المرصد المحلي"]


def test_ids_sentences_and_unparsed_kept() -> None:
    doc = run("قتل 1e309 شخص. ووصل 20 جنديا.")
    a, b = doc.quantities
    assert (a.id, b.id) == ("d:q0", "d:q1")
    assert not a.parsed and a.unparsed_reason
    assert doc.text[b.sentence_start : b.sentence_end].startswith("ووصل")


def test_stage_uses_text_stage_sentences_when_present() -> None:
    text_stage = pytest.importorskip("rasd.text.stage")
    doc = Document(id="t", text="قتل 5 أشخاص. وقال المرصد إن 9 مدنيين قتلوا.", source="س")
    doc = QuantityStage()(text_stage.TextStage()(doc))
    assert [(q.value, q.holder_text) for q in doc.quantities] == [(5, "س"), (9, "المرصد")]
    assert doc.quantities[1].sentence_start == doc.sentences[1].start


def test_stage_never_changes_text_and_appends() -> None:
    text = "قتل 5 أشخاص"
    doc = run(text)
    doc = QuantityStage()(doc)
    assert doc.text == text and [q.id for q in doc.quantities] == ["d:q0", "d:q1"]


@pytest.mark.parametrize(
    "text",
    [
        "حلقت طائرة إف 35 فوق المدينة",
        "عرضت الطائرة جي-31 في المعرض",
        "احتفل بدورته الـ71",
        "وصل الملعب في 3 من جوان",
    ],
)
def test_model_names_ordinals_and_dates_are_not_counts(text: str) -> None:
    assert run(text).quantities == []


def test_partitive_and_shared_nouns() -> None:
    assert only("وأوضحت أن 5 من بين الإصابات خطيرة").measure == "injured"
    doc = run("تقع القريتان على بعد 6.5 و11 كيلومترا من الحدود")
    assert [q.measure for q in doc.quantities] == ["distance_km", "distance_km"]


def test_a_new_clause_stops_cues_and_enumerations() -> None:
    doc = run("أدت الفيضانات إلى سقوط 20 قتيلا في حين يوجد نحو 30 آخرين في عداد المفقودين")
    assert [q.measure for q in doc.quantities] == ["killed", "other"]


def test_enumeration_of_detainees() -> None:
    doc = run("بلغ عدد الموقوفين 23 شخصا موزعين كالتالي: 10 سنيغاليين و4 أفراد من غينيا وشخصان من مالي")
    assert [q.measure for q in doc.quantities] == ["detained"] * 4
    assert [q.subject_text for q in doc.quantities][2:] == ["غينيا", "مالي"]


def test_subjects_of_construct_and_partitive_groups() -> None:
    assert only("أعلن التحالف مقتل ستة من قادة التنظيم").subject_text == "التنظيم"
    assert run("قتل 39 من المعارضة المسلحة في المواجهات").quantities[0].subject_text == "المعارضة المسلحة"
    assert only("أزالت الفرق مئات الأطنان من الركام").subject_text is None  # tons have no "whose"


def test_holder_phrases() -> None:
    assert (
        only("أوقفت الوحدة 30 شخصا، حسب ما ذكره مصدر في وزارة الداخلية").holder_text
        == "مصدر في وزارة الداخلية"
    )
    # a trailing "according to" sources the figure before it, past an intervening clause
    assert only("ارتفعت الحصيلة إلى نحو 250 قتيلا، أغلبهم مدنيون، وفق ما أفاد المرصد المحلي").holder_text == (
        "المرصد المحلي"
    )
    # ... but not a figure separated from it by another figure
    doc = run("سيطر الجيش على 95 في المئة من المنطقة، وتسبب بمقتل 1600 مدني وفق المرصد المحلي")
    assert [q.holder_text for q in doc.quantities] == ["إذاعة المثال", "المرصد المحلي"]
