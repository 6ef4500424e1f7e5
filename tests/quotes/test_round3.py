"""Round 3 classes (recall and speakers): clause ends (participles, "إلا أن", "كما" + verb), unclosed
quotation marks, more verb forms, "وجاء في بيان X أن", "according to" after a stray stop or in
mid-sentence, abbreviations, verbal nouns, and speakers (قد, adjuncts, المصدر نفسه, الأخيرة, untitled
titles, the subject of the sentence before). Invented sentences and names; mentions by hand."""

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
        "واعتبر النائب كريم الساحلي أن الميزانية لا تستجيب لحاجات الجهات الداخلية، ملاحظا أن "
        "الاستثمار العمومي تراجع منذ عامين.",
        (("كريم الساحلي", "PER"),),
    )
    assert [q.text for q in doc.quotes] == [
        "الميزانية لا تستجيب لحاجات الجهات الداخلية",
        "الاستثمار العمومي تراجع منذ عامين",
    ]


def test_participle_that_is_also_a_noun_does_not_end_the_clause() -> None:
    doc = _quotes("وقال الوزير إن المنظمة أرسلت مذكرة احتجاج إلى السفارة.")
    assert [q.text for q in doc.quotes] == ["المنظمة أرسلت مذكرة احتجاج إلى السفارة"]


def test_however_ends_the_clause_but_an_exception_does_not() -> None:
    doc = _quotes("وتقول البلدية إنها أصلحت معظم الطرقات، إلا أنها لا تملك ميزانية للإنارة.")
    assert [q.text for q in doc.quotes] == ["أصلحت معظم الطرقات"]
    doc = _quotes("وقال الوزير إنه لا يملك إلا أن يرحب بالاتفاق الجديد.")
    assert [q.text for q in doc.quotes] == ["لا يملك إلا أن يرحب بالاتفاق الجديد"]


def test_as_well_with_a_reporting_verb_is_a_new_quote_of_the_same_speaker() -> None:
    doc = _quotes(
        "ولفتت الجامعة إلى أن الامتحانات جرت في ظروف عادية، كما كشفت أن النتائج ستعلن الأسبوع المقبل.",
    )
    assert [q.text for q in doc.quotes] == ["الامتحانات جرت في ظروف عادية", "النتائج ستعلن الأسبوع المقبل"]
    assert doc.quotes[0].speaker_text == doc.quotes[1].speaker_text


def test_as_well_verb_after_a_name_takes_the_sentence_subject() -> None:
    doc = _quotes(
        "أعلن وزير الفلاحة، نبيل القاسمي، أن الوزارة تابعت ملف الفلاح مراد الهمامي منذ البداية، "
        "كما أوضح أنهم صرفوا التعويضات كاملة.",
        (("نبيل القاسمي", "PER"), ("مراد الهمامي", "PER")),
    )
    assert [q.speaker_text for q in doc.quotes] == ["نبيل القاسمي", "نبيل القاسمي"]


def test_writer_reference_after_wadhalika_stays_in_the_clause() -> None:
    doc = _quotes("قال المدرب إن الفريق قدم أفضل مبارياته وذلك في إشارة إلى الفوز الأخير على المتصدر.")
    assert [q.text for q in doc.quotes] == [
        "الفريق قدم أفضل مبارياته وذلك في إشارة إلى الفوز الأخير على المتصدر"
    ]


def test_a_consequence_clause_is_not_the_verbs_complement() -> None:
    doc = _quotes("وغضب السكان الذين يعتبرون الحديقة ملكا لهم، ما دفعهم إلى اعتبار أن البلدية خانت وعدها.")
    assert doc.quotes == []


# --- quotation marks -------------------------------------------------------------------------


def test_unclosed_mark_ends_at_its_sentence_when_a_new_quotation_opens() -> None:
    text = (
        'وقال الوزير إن الإجراء بمثابة "عقاب جماعي للسكان المحليين. وتحدثت تقارير عن احتجاجات ليلية. '
        'وقالت النقابة، إن "الإضراب يشمل كل القطاعات".'
    )
    regions = quote_regions(text, TextStage()(Document(id="r", text=text)).paragraphs)
    assert [(text[r.start : r.end], r.closed) for r in regions] == [
        ("عقاب جماعي للسكان المحليين", False),
        ("الإضراب يشمل كل القطاعات", True),
    ]
    doc = _quotes(text)
    assert [q.text for q in doc.quotes] == [
        'الإجراء بمثابة "عقاب جماعي للسكان المحليين',
        "الإضراب يشمل كل القطاعات",
    ]


def test_quotation_after_a_participle_is_not_taken_by_the_next_paragraphs_verb() -> None:
    text = (
        'وقال المدرب في مقابلته: "فريقنا لا يخشى أحدا،" لافتا إلى أن "الموسم سيكون صعبا على الجميع."\n'
        'وأضاف المدرب قائلا: "لم نخسر منذ البداية."'
    )
    doc = _quotes(text)
    assert "الموسم سيكون صعبا على الجميع." in [q.text for q in doc.quotes]


def test_quoted_name_after_a_naming_noun_is_not_a_quote() -> None:
    doc = _quotes('وأطلق المهندس على مشروعه اسم "مدينة الغد الخضراء الكبرى"، وقال إنه أراد تشجيع الشباب.')
    assert [q.text for q in doc.quotes] == ["أراد تشجيع الشباب"]


def test_short_quoted_line_alone_is_a_subheading() -> None:
    text = (
        'ويضيف الصياد: "البحر مصدر رزقنا الوحيد منذ عقود".\n'
        '"نحن والبحر عائلة واحدة منذ زمن بعيد"\n'
        "وفي عيون الشيخ يبدو الميناء القديم أجمل."
    )
    doc = _quotes(text)
    assert [q.text for q in doc.quotes] == ["البحر مصدر رزقنا الوحيد منذ عقود"]


def test_full_stop_inside_an_abbreviation_keeps_the_verb_in_the_sentence() -> None:
    doc = _quotes(
        "قال الوزير سالم العتيبي لمراسلي وكالة الأنباء (أ.ف.ب) في مقر الوزارة بالعاصمة مساء أمس الأحد "
        '"لقد أنجزنا كل ما وعدنا به الناخبين في المدن الداخلية".',
        (("سالم العتيبي", "PER"),),
    )
    assert _pairs(doc) == [("لقد أنجزنا كل ما وعدنا به الناخبين في المدن الداخلية", "سالم العتيبي")]


# --- cues --------------------------------------------------------------------------------------


def test_dual_present_verb_in_a_relative_clause() -> None:
    doc = _quotes(
        "ولا يشمل القرار فرنسا وإيطاليا، اللتين تؤكدان أنهما ملتزمتان بالاتفاق منذ البداية.",
        (("فرنسا", "GPE"), ("إيطاليا", "GPE")),
    )
    assert [q.text for q in doc.quotes] == ["ملتزمتان بالاتفاق منذ البداية"]
    assert speaker_right(doc.quotes[0].speaker_text, ["فرنسا"])


def test_complain_and_estimate_verbs_with_a_complementizer() -> None:
    doc = _quotes("ويشكو تجار في السوق المركزية من أن الرسوم الجديدة تضر بأرباحهم.")
    assert [q.text for q in doc.quotes] == ["الرسوم الجديدة تضر بأرباحهم"]
    doc = _quotes("وقدرت إدارة المهرجان أن عشرين ألف زائر دخلوا المعرض في يومه الأول.")
    assert [q.text for q in doc.quotes] == ["عشرين ألف زائر دخلوا المعرض في يومه الأول"]
    doc = _quotes("وقدرت البلدية الخسائر بمليون دينار.")
    assert doc.quotes == []


def test_came_in_a_statement_with_a_complementizer_is_the_issuers_quote() -> None:
    doc = _quotes(
        "وجاء في بيان منسوب للحركة أن اثنين من أعضائها اعتقلا في المداهمة.\n"
        "وأضاف البيان أن التحقيق مستمر منذ أسبوع.",
    )
    assert _pairs(doc) == [
        ("اثنين من أعضائها اعتقلا في المداهمة", "الحركة"),
        ("التحقيق مستمر منذ أسبوع", "الحركة"),
    ]


def test_according_to_after_a_stray_full_stop_attributes_the_sentence_before() -> None:
    doc = _quotes(
        "انهار سقف مدرسة قديمة في القرية خلال العاصفة، مما أدى إلى إصابة خمسة تلاميذ. "
        "وفقا لمسؤولي الدفاع المدني."
    )
    assert _pairs(doc) == [
        (
            "انهار سقف مدرسة قديمة في القرية خلال العاصفة، مما أدى إلى إصابة خمسة تلاميذ",
            "مسؤولي الدفاع المدني",
        )
    ]


def test_according_to_a_surname_in_mid_sentence_attributes_the_sentence() -> None:
    text = (
        "وقال النائب كمال الساحلي إن الكتلة قدمت مطلبين إلى الوزير.\n"
        "أما المطلب الثاني، فيتعلق وفق الساحلي، بشروط الترقية في الوظيفة العمومية، مذكرا بالقانون الأساسي."
    )
    doc = _quotes(text, (("كمال الساحلي", "PER"),))
    second = [q for q in doc.quotes if q.text.startswith("أما")]
    assert [q.text for q in second] == [
        "أما المطلب الثاني، فيتعلق وفق الساحلي، بشروط الترقية في الوظيفة العمومية"
    ]
    assert speaker_right(second[0].speaker_text, ["كمال الساحلي", "الساحلي"])


def test_according_to_with_an_apposition_keeps_the_clause_before() -> None:
    doc = _quotes(
        "وستنطلق القافلة صباح الغد، بحسب ما أفاد منير الطرابلسي، رئيس لجنة التنظيم.",
        (("منير الطرابلسي", "PER"),),
    )
    assert _pairs(doc) == [("وستنطلق القافلة صباح الغد", "منير الطرابلسي")]


def test_according_to_a_glued_statement_with_a_relative_clause_before_fa_inna() -> None:
    doc = _quotes(
        "وقال رئيس اللجنة إن الدورة ستبدأ غدا.\n"
        "ووفقا للبيان، الذي نشرته صحيفة محلية، اليوم الثلاثاء، فإن الدورة ستضم فرقا من عشر دول.",
    )
    last = doc.quotes[-1]
    assert last.text == "الدورة ستضم فرقا من عشر دول"
    assert last.speaker_text is not None


def test_according_to_verb_then_a_day_then_the_source() -> None:
    doc = _quotes(
        "تفتح المكتبة الوطنية أبوابها ليلا للمرة الأولى منذ سنوات، حسبما أعلن الخميس مسؤولون محليون."
    )
    assert _pairs(doc) == [("تفتح المكتبة الوطنية أبوابها ليلا للمرة الأولى منذ سنوات", "مسؤولون محليون")]


def test_verbal_noun_after_a_preposition_reports_for_the_sentence_subject() -> None:
    doc = _quotes(
        "وسارعت وزارة الصحة إلى نفي أن تكون المستشفيات قد رفضت استقبال المرضى.",
        (("وزارة الصحة", "ORG"),),
    )
    assert _pairs(doc) == [("تكون المستشفيات قد رفضت استقبال المرضى", "وزارة الصحة")]
    doc = _quotes("وعاد العداء إلى بلده غداة إعلان اتحاده أنه سيغيب عن البطولة القارية.")
    assert [q.text for q in doc.quotes] == ["سيغيب عن البطولة القارية"]


def test_verbal_noun_as_a_subject_is_no_cue() -> None:
    doc = _quotes("واستطاع إعلان المسلسل أن يجذب جمهورا واسعا منذ بثه.")
    assert doc.quotes == []


def test_a_text_that_stipulates_is_a_source() -> None:
    doc = _quotes('ورفضت المحكمة الطعن. ونص الحكم على أن "الإجراءات احترمت القانون كاملا".')
    assert _pairs(doc) == [("الإجراءات احترمت القانون كاملا", "الحكم")]


def test_participle_owns_the_complementizer_after_a_verb_with_a_noun_object() -> None:
    doc = _quotes("ونفى المدير سامي العابد تأجيل الامتحانات مؤكدا أنها ستجرى في موعدها المحدد.")
    assert [q.text for q in doc.quotes] == ["ستجرى في موعدها المحدد"]
    assert doc.quotes[0].cue == "مؤكدا"


def test_the_nearer_reporting_verb_owns_the_complementizer() -> None:
    doc = _quotes(
        "أعلنت إدارة الجامعة الخميس عن رفع رسوم التسجيل على الطلبة الأجانب، فيما قالت نقابة الطلبة إنها "
        "تجهز تحركات احتجاجية.",
        (("نقابة الطلبة", "ORG"),),
    )
    assert _pairs(doc) == [("تجهز تحركات احتجاجية", "نقابة الطلبة")]


def test_long_subject_of_a_sentence_opening_verb_reaches_its_complementizer() -> None:
    doc = _quotes(
        "كشفت 3 مصادر مطلعة على ملف المصنع المغلق، الذي توقف عن العمل بعد حريق كبير في الصيف الماضي "
        "في المنطقة الصناعية، في تصريحات خاصة لإذاعة محلية، أن المستثمر الجديد سيعيد فتحه قريبا.",
    )
    assert [q.text for q in doc.quotes] == ["المستثمر الجديد سيعيد فتحه قريبا"]
    assert speaker_right(doc.quotes[0].speaker_text, ["مصادر مطلعة"])


def test_provided_that_after_a_comma_is_no_complementizer() -> None:
    doc = _quotes("كشفت صحيفة محلية عن قرب افتتاح الجسر الجديد أمام السيارات، على أن يفتح للمشاة لاحقا.")
    assert doc.quotes == []
    doc = _quotes("وأكد الوزير على أن الحكومة ستواصل الإصلاحات.")
    assert [q.text for q in doc.quotes] == ["الحكومة ستواصل الإصلاحات"]


def test_ala_anna_after_an_adjective_is_no_complementizer_of_the_verb() -> None:
    doc = _quotes("ولا يعدونه محافظا أو ثوريا، وإنما هو سياسي قادر على أن يقنع خصومه بسهولة.")
    assert doc.quotes == []
    doc = _quotes("وشدد رئيس الحزب على أن الانتخابات ستجرى في موعدها.")
    assert [q.text for q in doc.quotes] == ["الانتخابات ستجرى في موعدها"]


# --- speakers ----------------------------------------------------------------------------------


def test_subject_before_qad_beats_a_person_in_the_adjuncts() -> None:
    doc = _quotes(
        "وكان الرئيس سامي فرحات قد أكد في مايو خلال لقاء مع نظيره كمال الهاشمي، أن بدء الحوار سيسرع "
        "الإصلاحات.",
        (("سامي فرحات", "PER"), ("كمال الهاشمي", "PER")),
    )
    assert [q.speaker_text for q in doc.quotes] == ["سامي فرحات"]


def test_person_after_a_time_adjunct_is_not_the_subject() -> None:
    text = (
        'قال الرئيس الموريتاني كريم المنصوري "سننجز مشاريع كبيرة معا في الأعوام المقبلة".\n'
        'وخاطب الرئيس الموريتاني بعد يوم من عودته الموظفين في مقرهم بقرطاج قائلا: "أقف خلفكم بقوة".'
    )
    doc = _quotes(text, (("كريم المنصوري", "PER"), ("قرطاج", "PER")))
    assert [q.speaker_text for q in doc.quotes] == ["كريم المنصوري", "كريم المنصوري"]


def test_same_source_is_the_last_speaker() -> None:
    text = (
        "وقال متحدث باسم الحماية المدنية إن حريقا اندلع في مستودع قرب الميناء.\n"
        "وأضاف المصدر نفسه أن النيران أخمدت بعد ساعتين."
    )
    doc = _quotes(text)
    assert [q.speaker_text for q in doc.quotes] == [
        "متحدث باسم الحماية المدنية",
        "متحدث باسم الحماية المدنية",
    ]


def test_the_latter_is_the_last_entity_named() -> None:
    doc = _quotes(
        "واشتد الخلاف بين مدريد ولشبونة، بعد أن قالت الأخيرة إنها سترفع الرسوم على الشاحنات.",
        (("مدريد", "LOC"), ("لشبونة", "LOC")),
    )
    assert [q.speaker_text for q in doc.quotes] == ["لشبونة"]


def test_title_without_a_name_refers_to_the_person_named_with_it() -> None:
    text = (
        "دعا رئيس الهيئة السابق منصف العياري إلى جلسة علنية في البرلمان.\n"
        "واعتبر العياري أن البرلمان هو المكان الأنسب لعرض التقرير.\n"
        "وأضاف رئيس الهيئة السابق أن الرأي العام سيعرف كل التفاصيل."
    )
    doc = _quotes(text, (("منصف العياري", "PER"), ("العياري", "PER")))
    assert [q.speaker_text for q in doc.quotes][-1] == "منصف العياري"


def test_subjectless_verb_after_a_sentence_about_a_named_person() -> None:
    text = (
        "وقالت المغنية سلمى الراشد إنها ستغيب عن المهرجان هذا العام.\n"
        "وألغت الممثلة نادية كريم مواعيدها العامة. وقالت إنها ستتفرغ لعائلتها هذا الصيف."
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
        'ولكن المبعوث الخاص للمنظمة في تمبكتو يضيف "نحن نعرف أن الطريق ما زال طويلا أمامنا".',
        (("تمبكتو", "GPE"),),
    )
    assert [q.speaker_text for q in doc.quotes] == ["المبعوث الخاص للمنظمة في تمبكتو"]


def test_quoted_organisation_tagged_as_a_person_yields_to_the_named_person() -> None:
    doc = _quotes(
        'قال ممثل جمعية "رقيب"، سامر الهادي، اليوم إن عملية الفرز جرت في هدوء تام.',
        (("رقيب", "PER"), ("سامر الهادي", "PER")),
    )
    assert [q.speaker_text for q in doc.quotes] == ["سامر الهادي"]


def test_relayed_pronoun_after_fima_is_the_subject_of_the_sentence_before() -> None:
    text = (
        'وقال الرئيس الضيف يوري بافلوف إن "العلاقات بين البلدين ممتازة في كل المجالات".\n'
        "وأبلغ سالم العبيدي الرئيس الضيف بقلقه من القرار. فيما نقلت وكالات الأنباء قوله "
        '"نحن نرفض كل محاولة لفرض الأمر الواقع على شعبنا".'
    )
    doc = _quotes(text, (("يوري بافلوف", "PER"), ("سالم العبيدي", "PER")))
    assert [q.speaker_text for q in doc.quotes] == ["يوري بافلوف", "سالم العبيدي"]


def test_spokesman_after_an_unnamed_official_continues_the_official() -> None:
    text = (
        "وقالت وزيرة الداخلية ليلى سامي إن الوضع تحت السيطرة.\n"
        "واعتبر المسؤول الأمني الرفيع أن الحدود الجنوبية آمنة تماما.\n"
        'وتابع المتحدث: "لن نسمح بأي تسلل مهما كانت الظروف".'
    )
    doc = _quotes(text, (("ليلى سامي", "PER"),))
    assert [q.speaker_text for q in doc.quotes][-1] == "المسؤول الأمني الرفيع"


def test_scorer_ignores_quotation_marks_in_names() -> None:
    assert speaker_right('حركة "الفجر الجديد"', ["الفجر الجديد"])
    assert not speaker_right('حركة "الفجر الجديد"', ["الفجر الجديد"], marks_are_words=True)
    assert not speaker_right("حركة الأمل", ["الفجر الجديد"])


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
    "إلى نفي",
    "على",
    "وفقا لمسؤولي الإسعاف",
    "وفق الساحلي",
    "الأخيرة",
    "المصدر نفسه",
    "(أ.ف.ب)",
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
