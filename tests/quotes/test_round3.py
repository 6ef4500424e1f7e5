"""Round 3 classes (recall and speakers): clause ends (participles, "إلا أن", "كما" + verb), unclosed
quotation marks, more verb forms, "وجاء في بيان X أن", "according to" after a stray stop or in
mid-sentence, abbreviations, and speakers (قد, adjuncts, المصدر نفسه, الأخيرة, untitled titles,
the subject of the sentence before). Invented sentences; mentions by hand."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.model import Document, Mention
from rasd.quotes import QuoteStage
from rasd.quotes.detect import quote_regions
from rasd.quotes.evaluate import speaker_right
from rasd.text.stage import TextStage


def _quotes(text: str, mentions: tuple[tuple[str, str], ...] = ()) -> Document:
    doc = TextStage()(Document(id="t", text=text))
    for n, (name, kind) in enumerate(mentions):
        start = text.index(name)
        doc.mentions.append(Mention(id=f"t:m{n}", start=start, end=start + len(name), text=name, type=kind))
    return QuoteStage()(doc)


def _pairs(doc: Document) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_text) for q in doc.quotes]


# --- where a clause ends ---------------------------------------------------------------------


def test_participle_without_comma_ends_the_clause_and_opens_its_own_quote() -> None:
    doc = _quotes(
        "وأشار سامي الورداني إلى أن الحكومة لن تصمد طويلا مؤكدا أنها عاجزة عن حل الأزمة.",
        (("سامي الورداني", "PER"),),
    )
    assert _pairs(doc) == [
        ("الحكومة لن تصمد طويلا", "سامي الورداني"),
        ("عاجزة عن حل الأزمة", "سامي الورداني"),
    ]


def test_new_participles_end_the_clause_after_a_comma() -> None:
    doc = _quotes(
        "واعتبر النائب كريم الساحلي أن هناك غموضا في تعامل الحكومة مع الملف، ملاحظا أن "
        "الإيقافات توقفت منذ أسابيع.",
        (("كريم الساحلي", "PER"),),
    )
    assert [q.text for q in doc.quotes] == [
        "هناك غموضا في تعامل الحكومة مع الملف",
        "الإيقافات توقفت منذ أسابيع",
    ]


def test_participle_that_is_also_a_noun_does_not_end_the_clause() -> None:
    doc = _quotes("وقال الوزير إن المنظمة أرسلت مذكرة احتجاج إلى السفارة.")
    assert [q.text for q in doc.quotes] == ["المنظمة أرسلت مذكرة احتجاج إلى السفارة"]


def test_however_ends_the_clause_but_an_exception_does_not() -> None:
    doc = _quotes("وتؤكد الحكومة أنها خفضت الضرائب على الشركات، إلا أنها لا تزال تفرض رسوما على الواردات.")
    assert [q.text for q in doc.quotes] == ["خفضت الضرائب على الشركات"]
    doc = _quotes("وقال الوزير إنه لا يملك إلا أن يرحب بالاتفاق الجديد.")
    assert [q.text for q in doc.quotes] == ["لا يملك إلا أن يرحب بالاتفاق الجديد"]


def test_as_well_with_a_reporting_verb_is_a_new_quote_of_the_same_speaker() -> None:
    doc = _quotes(
        "ولفتت الوزارة إلى أن العملية تمت وفق القانون، كما كشفت أن القضية أحيلت إلى التحقيق.",
    )
    assert [q.text for q in doc.quotes] == ["العملية تمت وفق القانون", "القضية أحيلت إلى التحقيق"]
    assert doc.quotes[0].speaker_text == doc.quotes[1].speaker_text


def test_as_well_verb_after_a_name_takes_the_sentence_subject() -> None:
    doc = _quotes(
        "أعلن وزير الداخلية، نبيل القاسمي، أن الشرطة تحركت في إطار القانون في قضية الصحفي مراد "
        "الهمامي، كما أوضح أنهم مارسوا ضبط النفس.",
        (("نبيل القاسمي", "PER"), ("مراد الهمامي", "PER")),
    )
    assert [q.speaker_text for q in doc.quotes] == ["نبيل القاسمي", "نبيل القاسمي"]


def test_writer_reference_after_wadhalika_stays_in_the_clause() -> None:
    doc = _quotes("قال الوزير إن مصر هي الضامن الأهم وذلك في إشارة إلى جهود القاهرة في الهدنة.")
    assert [q.text for q in doc.quotes] == ["مصر هي الضامن الأهم وذلك في إشارة إلى جهود القاهرة في الهدنة"]


def test_a_consequence_clause_is_not_the_verbs_complement() -> None:
    doc = _quotes("وغضب السكان الذين يعتبرون الحديقة ملكا لهم، ما دفعهم إلى اعتبار أن البلدية خانت وعدها.")
    assert doc.quotes == []


# --- quotation marks -------------------------------------------------------------------------


def test_unclosed_mark_ends_at_its_sentence_when_a_new_quotation_opens() -> None:
    text = (
        'وقال الوزير إنها بمثابة "ضغط متزايد على الدول المجاورة. وتحدثت تقارير عن خروقات جوية. '
        'وقالت الحكومة، إن "التجنيد يشمل الرجال والنساء".'
    )
    regions = quote_regions(text, TextStage()(Document(id="r", text=text)).paragraphs)
    assert [(text[r.start : r.end], r.closed) for r in regions] == [
        ("ضغط متزايد على الدول المجاورة", False),
        ("التجنيد يشمل الرجال والنساء", True),
    ]
    doc = _quotes(text)
    assert [q.text for q in doc.quotes] == [
        'بمثابة "ضغط متزايد على الدول المجاورة',
        "التجنيد يشمل الرجال والنساء",
    ]


def test_quotation_after_a_participle_is_not_taken_by_the_next_paragraphs_verb() -> None:
    text = (
        'وقال الوزير في مقابلته: "بلادنا لا تريد الحرب،" لافتا إلى أن "الانسحاب سيؤدي إلى الانهيار."\n'
        'وأضاف الوزير قائلا: "لم نتدخل منذ البداية."'
    )
    doc = _quotes(text)
    assert "الانسحاب سيؤدي إلى الانهيار." in [q.text for q in doc.quotes]


def test_quoted_name_after_a_naming_noun_is_not_a_quote() -> None:
    doc = _quotes('وأطلق الرسام على مشروعه اسم "إدراك الحقيقة الكاملة للأشياء"، وقال إنه أراد اختبار الناس.')
    assert [q.text for q in doc.quotes] == ["أراد اختبار الناس"]


def test_short_quoted_line_alone_is_a_subheading() -> None:
    text = (
        'ويضيف المؤذن: "الأقصى مسجد للعبادة قبل كل شيء".\n'
        '"نحن كالسمك في الماء إذا تركناه نموت"\n'
        "وفي عيون الشاب تبدو المدينة القديمة أجمل."
    )
    doc = _quotes(text)
    assert [q.text for q in doc.quotes] == ["الأقصى مسجد للعبادة قبل كل شيء"]


def test_full_stop_inside_an_abbreviation_keeps_the_verb_in_the_sentence() -> None:
    doc = _quotes(
        "قال الرئيس دونالد ترامب لموظفي وكالة المخابرات (سي.آي.إيه) في مقرها بولاية فيرجينيا مساء "
        'أمس السبت "نحن لم نستخدم كل الإمكانات التي نملكها".',
        (("دونالد ترامب", "PER"),),
    )
    assert _pairs(doc) == [("نحن لم نستخدم كل الإمكانات التي نملكها", "دونالد ترامب")]


# --- cues --------------------------------------------------------------------------------------


def test_dual_present_verb_in_a_relative_clause() -> None:
    doc = _quotes(
        "لا تشمل الملاحظة روسيا وإيران، اللتين تؤكدان أنهما موجودتان في البلاد بطلب من الحكومة.",
        (("روسيا", "GPE"), ("إيران", "GPE")),
    )
    assert [q.text for q in doc.quotes] == ["موجودتان في البلاد بطلب من الحكومة"]
    assert speaker_right(doc.quotes[0].speaker_text, ["روسيا"])


def test_complain_and_estimate_verbs_with_a_complementizer() -> None:
    doc = _quotes("ويشكو سكان في الجنوب من أن الحملات الأمنية تؤدي إلى هدم المنازل.")
    assert [q.text for q in doc.quotes] == ["الحملات الأمنية تؤدي إلى هدم المنازل"]
    doc = _quotes("وقدرت بلدية العاصمة أن مليون شخص حضروا الاحتفال في الساحة.")
    assert [q.text for q in doc.quotes] == ["مليون شخص حضروا الاحتفال في الساحة"]
    doc = _quotes("وقدرت البلدية الخسائر بمليون دينار.")
    assert doc.quotes == []


def test_came_in_a_statement_with_a_complementizer_is_the_issuers_quote() -> None:
    doc = _quotes(
        "وجاء في بيان منسوب للجماعة أن أربعة من عناصرها قتلوا في الهجوم.\n"
        "وأضاف البيان أن العملية استمرت ساعتين.",
    )
    assert _pairs(doc) == [
        ("أربعة من عناصرها قتلوا في الهجوم", "الجماعة"),
        ("العملية استمرت ساعتين", "الجماعة"),
    ]


def test_according_to_after_a_stray_full_stop_attributes_the_sentence_before() -> None:
    doc = _quotes(
        "أطلقت الشرطة الغاز على المحتجين قرب الحدود، مما أدى إلى إصابة 13 شخصا. وفقا لمسؤولي الصحة."
    )
    assert _pairs(doc) == [
        ("أطلقت الشرطة الغاز على المحتجين قرب الحدود، مما أدى إلى إصابة 13 شخصا", "مسؤولي الصحة")
    ]


def test_according_to_a_surname_in_mid_sentence_attributes_the_sentence() -> None:
    text = (
        "وقال النائب عبد الرؤوف الشريف إن الكتلة وجهت سؤالين إلى الوزير.\n"
        "أما السؤال الثاني، فيتعلق وفق الشريف، بالمقاييس المعتمدة في التعيينات، مذكرا بالفصل السابع."
    )
    doc = _quotes(text, (("عبد الرؤوف الشريف", "PER"),))
    second = [q for q in doc.quotes if q.text.startswith("أما")]
    assert [q.text for q in second] == [
        "أما السؤال الثاني، فيتعلق وفق الشريف، بالمقاييس المعتمدة في التعيينات"
    ]
    assert speaker_right(second[0].speaker_text, ["عبد الرؤوف الشريف", "الشريف"])


def test_according_to_with_an_apposition_keeps_the_clause_before() -> None:
    doc = _quotes(
        "وسيشيع القتلى اليوم الثلاثاء، بحسب ما أفاد خالد البطش، رئيس لجنة المسيرات.",
        (("خالد البطش", "PER"),),
    )
    assert _pairs(doc) == [("وسيشيع القتلى اليوم الثلاثاء", "خالد البطش")]


# --- speakers ----------------------------------------------------------------------------------


def test_subject_before_qad_beats_a_person_in_the_adjuncts() -> None:
    doc = _quotes(
        "وكان بوتين قد أكد في مايو خلال لقاء مع نظيره بشار الأسد، أن بدء العملية السياسية سيسرع الانسحاب.",
        (("بوتين", "PER"), ("بشار الأسد", "PER")),
    )
    assert [q.speaker_text for q in doc.quotes] == ["بوتين"]


def test_person_after_a_time_adjunct_is_not_the_subject() -> None:
    text = (
        'قال الرئيس الأمريكي دونالد ترامب "سنقوم بأشياء مذهلة معا في الأعوام المقبلة".\n'
        'وخاطب الرئيس الأمريكي بعد يوم من تنصيبه الموظفين في مقرهم بلانغلي قائلا: "أقف خلفكم بقوة".'
    )
    doc = _quotes(text, (("دونالد ترامب", "PER"), ("بلانغلي", "PER")))
    assert [q.speaker_text for q in doc.quotes] == ["دونالد ترامب", "دونالد ترامب"]


def test_same_source_is_the_last_speaker() -> None:
    text = (
        "وقال متحدث باسم الشرطة إن حافلة سقطت في قناة قرب المدينة.\n"
        "وأضاف المصدر نفسه أن السائق ربما فقد السيطرة على الحافلة."
    )
    doc = _quotes(text)
    assert [q.speaker_text for q in doc.quotes] == ["متحدث باسم الشرطة", "متحدث باسم الشرطة"]


def test_the_latter_is_the_last_entity_named() -> None:
    doc = _quotes(
        "وتصاعد التوتر بين بغداد وأنقرة، بعد أن قالت الأخيرة إنها تسعى إلى عملية عسكرية في الشمال.",
        (("بغداد", "GPE"), ("أنقرة", "GPE")),
    )
    assert [q.speaker_text for q in doc.quotes] == ["أنقرة"]


def test_title_without_a_name_refers_to_the_person_named_with_it() -> None:
    text = (
        "دعا رئيس الحكومة الأسبق حمادي الخياري إلى جلسة علنية في البرلمان.\n"
        "واعتبر الخياري أن البرلمان هو المكان الأنسب لكشف الحقيقة.\n"
        "وأضاف رئيس الحكومة الأسبق أن الشعب سيعرف من تاجر بالقضية."
    )
    doc = _quotes(text, (("حمادي الخياري", "PER"), ("الخياري", "PER")))
    assert [q.speaker_text for q in doc.quotes][-1] == "حمادي الخياري"


def test_subjectless_verb_after_a_sentence_about_a_named_person() -> None:
    text = (
        "وقالت المغنية سلمى الراشد إنها ستغيب عن المهرجان هذا العام.\n"
        "وألغت الممثلة نادية كريم مواعيدها العامة. وقالت إنها ستدخل في إضراب منزلي."
    )
    doc = _quotes(text, (("سلمى الراشد", "PER"), ("نادية كريم", "PER")))
    assert [q.speaker_text for q in doc.quotes] == ["سلمى الراشد", "نادية كريم"]


def test_continuing_verb_keeps_the_last_speaker() -> None:
    text = (
        "وقالت المغنية سلمى الراشد إنها ستغيب عن المهرجان هذا العام.\n"
        "وألغت الممثلة نادية كريم مواعيدها العامة. وأضافت أن قرارها نهائي."
    )
    doc = _quotes(text, (("سلمى الراشد", "PER"), ("نادية كريم", "PER")))
    assert [q.speaker_text for q in doc.quotes] == ["سلمى الراشد", "سلمى الراشد"]


def test_place_after_fi_before_the_verb_is_not_the_subject() -> None:
    doc = _quotes(
        'ولكن المقرر الخاص بحقوق الإنسان في ميانمار يضيف "نحن نعرف أن لهم صفحات كثيرة على الشبكة".',
        (("ميانمار", "GPE"),),
    )
    assert [q.speaker_text for q in doc.quotes] == ["المقرر الخاص بحقوق الإنسان في ميانمار"]


def test_scorer_ignores_quotation_marks_in_names() -> None:
    assert speaker_right('جماعة "ولاية سيناء"', ["ولاية سيناء"])
    assert not speaker_right("جماعة الفجر", ["ولاية سيناء"])


# --- open-ended input ----------------------------------------------------------------------------

_PIECES = (
    "وقال الوزير",
    "إن",
    "أن",
    "مؤكدا",
    "ملاحظا",
    "إلا أنها",
    "كما كشفت",
    "وجاء في بيان",
    "وفقا لمسؤولي الصحة",
    "وفق الشريف",
    "الأخيرة",
    "المصدر نفسه",
    "(سي.آي.إيه)",
    "الحكومة ستعمل على حل الأزمة",
    "اسم",
    ".",
    "،",
    '"',
    "\n",
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25))
def test_round3_rules_keep_spans_inside_the_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    doc = _quotes(text)
    for q in doc.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.text == q.text.strip()
    spans = sorted((q.start, q.end) for q in doc.quotes)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))  # one quote per stretch of text


def test_quoted_organisation_tagged_as_a_person_yields_to_the_named_person() -> None:
    doc = _quotes(
        'قال ممثل منظمة "رقيب"، سامر الهادي، اليوم إنه تمت ملاحظة بعض الإخلالات في الاقتراع.',
        (("رقيب", "PER"), ("سامر الهادي", "PER")),
    )
    assert [q.speaker_text for q in doc.quotes] == ["سامر الهادي"]


def test_long_subject_of_a_sentence_opening_verb_reaches_its_complementizer() -> None:
    doc = _quotes(
        "كشفت 3 مصادر مطلعة على قضية الصحفي سمير الناصري، الذي اختفى بعد زيارته للقنصلية في العاصمة "
        "في الثاني من أكتوبر الجاري، في تصريحات خاصة لقناة محلية، أن ضابطا رفيعا أشرف على العملية.",
        (("سمير الناصري", "PER"),),
    )
    assert [q.text for q in doc.quotes] == ["ضابطا رفيعا أشرف على العملية"]
    assert speaker_right(doc.quotes[0].speaker_text, ["مصادر مطلعة"])


def test_the_nearer_reporting_verb_owns_the_complementizer() -> None:
    doc = _quotes(
        "أعلنت إدارة الرئيس الأمريكي الخميس عن فرض عقوبات على شخصيات روسية، فيما قالت موسكو إنها "
        "تجهز إجراءات انتقامية.",
        (("موسكو", "GPE"),),
    )
    assert _pairs(doc) == [("تجهز إجراءات انتقامية", "موسكو")]


def test_according_to_a_glued_statement_with_a_relative_clause_before_fa_inna() -> None:
    doc = _quotes(
        "وقال قائد الأسطول إن المناورات ستبدأ غدا.\n"
        "ووفقا للبيان، الذي نشرته صحيفة (النهار)، اليوم الثلاثاء، فإن المشاركين سيتدربون على حماية الموانئ.",
    )
    last = doc.quotes[-1]
    assert last.text == "المشاركين سيتدربون على حماية الموانئ"
    assert last.speaker_text is not None


def test_according_to_verb_then_a_day_then_the_source() -> None:
    doc = _quotes(
        "يلقي الرئيس خطابا أمام مجلس الأمن للمرة الأولى منذ سنوات، حسبما أعلن الاثنين مسؤولون حكوميون.",
    )
    assert _pairs(doc) == [
        ("يلقي الرئيس خطابا أمام مجلس الأمن للمرة الأولى منذ سنوات", "مسؤولون حكوميون"),
    ]


def test_relayed_pronoun_after_fima_is_the_subject_of_the_sentence_before() -> None:
    text = (
        'وقال الرئيس الضيف يوري بافلوف إن "العلاقات بين البلدين ممتازة في كل المجالات".\n'
        "وأبلغ سالم العبيدي الرئيس الضيف بقلقه من القرار. فيما نقلت وكالات الأنباء قوله "
        '"نحن نتصدى لمحاولات فرض القرارات على أكثر القضايا حساسية".'
    )
    doc = _quotes(text, (("يوري بافلوف", "PER"), ("سالم العبيدي", "PER")))
    assert [q.speaker_text for q in doc.quotes] == ["يوري بافلوف", "سالم العبيدي"]


def test_spokesman_after_an_unnamed_official_continues_the_official() -> None:
    text = (
        "وقالت وزيرة الخارجية ليلى سامي إن بلادها تدين التجربة الصاروخية.\n"
        "واعتبر المسؤول الكوري الشمالي أن أستراليا تنفث القمامة ضد بلاده.\n"
        'وتابع المتحدث: "من الأفضل للوزيرة أن تفكر مرتين قبل أن تتكلم".'
    )
    doc = _quotes(text, (("ليلى سامي", "PER"),))
    assert [q.speaker_text for q in doc.quotes][-1] == "المسؤول الكوري الشمالي"


def test_provided_that_after_a_comma_is_no_complementizer() -> None:
    doc = _quotes(
        "كشفت مجلة رياضية عن اقتراب الاتحاد الدولي من سحب تنظيم البطولة من البلد المضيف، على أن "
        "يتخذ القرار نهاية الصيف المقبل.",
    )
    assert doc.quotes == []
    doc = _quotes("وأكد الوزير على أن الحكومة ستواصل الإصلاحات.")
    assert [q.text for q in doc.quotes] == ["الحكومة ستواصل الإصلاحات"]


def test_verbal_noun_after_a_preposition_reports_for_the_sentence_subject() -> None:
    doc = _quotes(
        "وسارعت وزارة الدفاع الأمريكية إلى نفي أن تكون قواتها قد شنت ضربات في المنطقة.",
        (("وزارة الدفاع الأمريكية", "ORG"),),
    )
    assert _pairs(doc) == [("تكون قواتها قد شنت ضربات في المنطقة", "وزارة الدفاع الأمريكية")]
    doc = _quotes("ووصل اللاعب إلى العاصمة غداة إعلان ناديه أنه سيجري عملية جراحية في بلاده.")
    assert [q.text for q in doc.quotes] == ["سيجري عملية جراحية في بلاده"]


def test_verbal_noun_as_a_subject_is_no_cue() -> None:
    doc = _quotes("واستطاع إعلان الفيلم أن يحقق مشاهدات كبيرة بعد طرحه.")
    assert doc.quotes == []


def test_a_text_that_stipulates_is_a_source() -> None:
    doc = _quotes('وأدانت المحكمة الرجلين. ونص الحكم على أن "تبنيهما للعنف لا شك فيه".')
    assert _pairs(doc) == [("تبنيهما للعنف لا شك فيه", "الحكم")]


def test_participle_owns_the_complementizer_after_a_verb_with_a_noun_object() -> None:
    doc = _quotes("ونفى الطبيب سامي العابد وضع الجنين في غرفة الأموات مؤكدا أنه بقي في قسم التوليد.")
    assert [q.text for q in doc.quotes] == ["بقي في قسم التوليد"]
    assert doc.quotes[0].cue == "مؤكدا"


def test_ala_anna_after_an_adjective_is_no_complementizer_of_the_verb() -> None:
    doc = _quotes("ولا يعتبرونه شرقيا أو غربيا، وإنما هو أديب قادر على أن يخاطب الناس جميعا.")
    assert doc.quotes == []
    doc = _quotes("وشدد رئيس الحزب على أن الانتخابات ستجرى في موعدها.")
    assert [q.text for q in doc.quotes] == ["الانتخابات ستجرى في موعدها"]
