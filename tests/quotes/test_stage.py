"""The quote stage on invented sentences: direct, indirect, speakers, and what is not a quote.

Mentions are written by hand here (as the ner/link stages would add them) so that each test
pins the quote rules, not the tagger; ``test_corpus.py`` runs the real ner/link stages.
"""

from __future__ import annotations

from rasd.model import Document, Mention
from rasd.quotes import QuoteStage, find_quotes
from rasd.text.stage import TextStage


def _doc(text: str, mentions: tuple[tuple[str, str], ...] = ()) -> Document:
    doc = TextStage()(Document(id="t", text=text))
    for n, (name, kind) in enumerate(mentions):
        start = text.index(name)
        doc.mentions.append(Mention(id=f"t:m{n}", start=start, end=start + len(name), text=name, type=kind))
    return doc


def _quotes(text: str, mentions: tuple[tuple[str, str], ...] = ()) -> Document:
    return QuoteStage()(_doc(text, mentions))


def test_direct_quote_after_colon_with_guillemets() -> None:
    doc = _quotes(
        "وقال المتحدث باسم الوزارة أحمد سالم: «سنواصل العمل حتى النهاية».",
        (("أحمد سالم", "PER"),),
    )
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.text == "سنواصل العمل حتى النهاية"
    assert q.direct is True
    assert q.cue == "وقال"
    assert q.speaker_text == "أحمد سالم"
    assert q.speaker_mention_id == "t:m0"


def test_direct_quote_in_straight_marks_after_complementizer() -> None:
    doc = _quotes('وأكد المدير سامي العلي أن "المشروع سيكتمل قبل نهاية العام".', (("سامي العلي", "PER"),))
    assert [(q.text, q.direct, q.speaker_text) for q in doc.quotes] == [
        ("المشروع سيكتمل قبل نهاية العام", True, "سامي العلي")
    ]


def test_indirect_quote_with_organisation_speaker() -> None:
    doc = _quotes(
        "أكدت وزارة الصحة في بيان أن عدد المصابين ارتفع خلال الأسبوع الماضي.",
        (("وزارة الصحة", "ORG"),),
    )
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.text == "عدد المصابين ارتفع خلال الأسبوع الماضي"
    assert q.direct is False
    assert q.cue == "أكدت"
    assert (q.speaker_text, q.speaker_mention_id) == ("وزارة الصحة", "t:m0")


def test_title_before_name_gives_the_person() -> None:
    doc = _quotes(
        "قال وزير الخارجية الفرنسي جان إيف لودريان إن بلاده ترفض أي تصعيد في المنطقة.",
        (("الخارجية الفرنسي", "ORG"), ("جان إيف لودريان", "PER")),
    )
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker_text == "جان إيف لودريان"
    assert doc.quotes[0].speaker_mention_id == "t:m1"
    assert doc.quotes[0].text == "بلاده ترفض أي تصعيد في المنطقة"


def test_chained_wa_adafa_keeps_the_previous_speaker() -> None:
    text = (
        "قال رئيس البلدية خالد منصور إن الطرق ستفتح غدا أمام السيارات.\n"
        "وأضاف أن فرق الصيانة تعمل طوال الليل لإصلاح الأضرار.\n"
        "وتابع: لا أحد سيبقى دون كهرباء بعد اليوم."
    )
    doc = _quotes(text, (("خالد منصور", "PER"),))
    assert [q.speaker_mention_id for q in doc.quotes] == ["t:m0", "t:m0", "t:m0"]
    assert [q.direct for q in doc.quotes] == [False, False, True]
    assert doc.quotes[1].text == "فرق الصيانة تعمل طوال الليل لإصلاح الأضرار"
    assert doc.quotes[2].text == "لا أحد سيبقى دون كهرباء بعد اليوم"


def test_participle_continues_the_speaker_and_splits_the_clause() -> None:
    doc = _quotes(
        "وقالت الناطقة ليلى حداد إن المفاوضات متواصلة، مشيرة إلى أن الجولة المقبلة ستعقد في تونس.",
        (("ليلى حداد", "PER"),),
    )
    assert [q.text for q in doc.quotes] == ["المفاوضات متواصلة", "الجولة المقبلة ستعقد في تونس"]
    assert {q.speaker_text for q in doc.quotes} == {"ليلى حداد"}
    assert doc.quotes[1].cue == "مشيرة"


def test_definite_title_refers_back_to_the_named_speaker() -> None:
    text = (
        "أعلن وزير المالية كريم الهادي أن الميزانية الجديدة ستقدم الشهر المقبل.\n"
        "وأضاف الوزير أن الضرائب لن ترتفع هذا العام."
    )
    doc = _quotes(text, (("كريم الهادي", "PER"),))
    assert [q.speaker_mention_id for q in doc.quotes] == ["t:m0", "t:m0"]


def test_unnamed_organisation_and_source_phrases() -> None:
    doc = _quotes(
        "قالت الوزارة في بيان إن الامتحانات ستجري في موعدها المحدد.\n"
        "وقال مصدر عسكري إن القوات تقدمت نحو الجسر الشمالي.\n"
        "وقال شهود عيان إن الانفجار وقع قرب السوق المركزي."
    )
    assert [(q.speaker_text, q.speaker_mention_id) for q in doc.quotes] == [
        ("الوزارة", None),
        ("مصدر عسكري", None),
        ("شهود عيان", None),
    ]


def test_subject_before_the_verb() -> None:
    doc = _quotes(
        "لكن هيئة الانتخابات قالت إن النتائج النهائية ستعلن يوم الخميس.",
        (("هيئة الانتخابات", "ORG"),),
    )
    assert [(q.speaker_text, q.text) for q in doc.quotes] == [
        ("هيئة الانتخابات", "النتائج النهائية ستعلن يوم الخميس")
    ]


def test_relayed_speaker_is_the_one_quoted() -> None:
    doc = _quotes("ونقلت وكالة الأنباء عن مسؤول أمني قوله إن الهجوم أسفر عن أضرار مادية فقط.")
    assert [(q.speaker_text, q.text, q.cue) for q in doc.quotes] == [
        ("مسؤول أمني", "الهجوم أسفر عن أضرار مادية فقط", "ونقلت")
    ]


def test_according_to_leading_and_trailing() -> None:
    doc = _quotes(
        "وفقا لمصادر محلية، فإن الاشتباكات استمرت حتى الفجر في الأحياء الشرقية.\n"
        "وتضررت ثلاث مدارس في القصف الأخير على البلدة، بحسب منظمة الإغاثة الدولية.",
        (("منظمة الإغاثة الدولية", "ORG"),),
    )
    assert [(q.text, q.speaker_text, q.direct) for q in doc.quotes] == [
        ("الاشتباكات استمرت حتى الفجر في الأحياء الشرقية", "مصادر محلية", False),
        ("وتضررت ثلاث مدارس في القصف الأخير على البلدة", "منظمة الإغاثة الدولية", False),
    ]


def test_trailing_according_to_does_not_duplicate_a_speakers_quote() -> None:
    doc = _quotes(
        "وقال مسؤولون إن المساعدات وصلت إلى المخيم، وفقا لوكالة الأنباء الرسمية.",
    )
    assert [(q.text, q.speaker_text) for q in doc.quotes] == [("المساعدات وصلت إلى المخيم", "مسؤولون")]


def test_quote_before_its_cue() -> None:
    doc = _quotes('"الوضع تحت السيطرة تماما"، قال المتحدث باسم الشرطة للصحفيين.')
    assert len(doc.quotes) == 1
    assert doc.quotes[0].text == "الوضع تحت السيطرة تماما"
    assert doc.quotes[0].speaker_text == "المتحدث باسم الشرطة"
    assert doc.quotes[0].direct is True


def test_quoted_names_are_not_quotes() -> None:
    doc = _quotes(
        'أطلق الجيش عملية "درع الشمال" في المنطقة الحدودية.\n'
        "وصل وفد من حركة «النهضة» إلى العاصمة أمس.\n"
        'وطالب الوزير السكان بـ"الهدوء" خلال الأيام المقبلة.'
    )
    assert doc.quotes == []


def test_quoted_name_as_subject_is_not_speech() -> None:
    doc = _quotes('وأكد "التجمع الوطني" الذي يشارك في الحكومة أنه سيدعم الإصلاحات الجديدة.')
    assert [(q.text, q.speaker_text, q.direct) for q in doc.quotes] == [
        ("سيدعم الإصلاحات الجديدة", "التجمع الوطني", False)
    ]


def test_quoted_fragment_inside_reported_content_stays_indirect() -> None:
    doc = _quotes('وقال الرئيس إن بلاده "لن تقبل بذلك" مهما كانت الضغوط الخارجية.')
    assert len(doc.quotes) == 1
    assert doc.quotes[0].direct is False
    assert doc.quotes[0].text == 'بلاده "لن تقبل بذلك" مهما كانت الضغوط الخارجية'


def test_unclosed_quote_stops_at_the_paragraph_end() -> None:
    text = 'وقال الوزير: "لن نتراجع عن هذا القرار مهما حدث\nوفي سياق آخر، افتتح المعرض الدولي للكتاب.'
    doc = _quotes(text)
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.text == "لن نتراجع عن هذا القرار مهما حدث"
    assert q.end <= text.index("\n")


def test_editorial_formulas_have_no_speaker_and_no_quote() -> None:
    doc = _quotes("يذكر أن المدينة شهدت احتجاجات مماثلة العام الماضي.\nويشار إلى أن الطريق أغلق مرتين.")
    assert doc.quotes == []


def test_headline_line_is_skipped() -> None:
    doc = _quotes(
        'الوزير: "لا تراجع عن الإصلاح"\nقال وزير التربية إن الإصلاح سيطبق على كل المدارس في الخريف.'
    )
    assert [q.text for q in doc.quotes] == ["الإصلاح سيطبق على كل المدارس في الخريف"]


def test_paragraph_quote_continues_the_last_speaker() -> None:
    text = (
        "وقالت الممثلة سلمى ناصر إن الفيلم صور في ثلاث مدن مختلفة.\n"
        '"كان العمل صعبا لكن الفريق كان رائعا طوال الوقت".'
    )
    doc = _quotes(text, (("سلمى ناصر", "PER"),))
    assert [(q.direct, q.speaker_mention_id) for q in doc.quotes] == [(False, "t:m0"), (True, "t:m0")]


def test_stage_runs_the_text_stage_when_tokens_are_missing() -> None:
    doc = QuoteStage()(Document(id="raw", text="وقال المدير إن العمل سيستأنف غدا صباحا."))
    assert doc.tokens
    assert [q.text for q in doc.quotes] == ["العمل سيستأنف غدا صباحا"]
    assert doc.quotes[0].id == "raw:q0"


def test_find_quotes_is_pure_and_the_stage_replaces() -> None:
    doc = _doc("وقال المدير إن العمل سيستأنف غدا صباحا.")
    first = find_quotes(doc)
    assert doc.quotes == []
    stage = QuoteStage()
    stage(doc)
    stage(doc)
    assert [q.id for q in doc.quotes] == [q.id for q in first]
    assert QuoteStage.name == "quotes"


def test_loosely_spaced_straight_quotes_pair_up() -> None:
    doc = _quotes(
        'وقال المدير " نحن فخورون بما حققه الفريق هذا الموسم ".\nوقال إن" المرحلة المقبلة أصعب بكثير" .'
    )
    assert [(q.text, q.direct) for q in doc.quotes] == [
        ("نحن فخورون بما حققه الفريق هذا الموسم", True),
        ("المرحلة المقبلة أصعب بكثير", True),
    ]


def test_relayed_with_naqlan_an_gives_the_official() -> None:
    doc = _quotes("ذكرت وكالة الأنباء، نقلا عن مسؤول حكومي إن المفاوضات ستستأنف الشهر المقبل.")
    assert [(q.text, q.speaker_text) for q in doc.quotes] == [
        ("المفاوضات ستستأنف الشهر المقبل", "مسؤول حكومي")
    ]


def test_long_quote_after_a_weak_verb_and_a_following_participle() -> None:
    doc = _quotes(
        'كتب الوزير نادر سليم على حسابه "نحن ملتزمون بحماية كل المواطنين دون استثناء" مشيرا إلى أن '
        "الخطة ستعلن قريبا.",
        (("نادر سليم", "PER"),),
    )
    assert [(q.text, q.direct, q.speaker_text) for q in doc.quotes] == [
        ("نحن ملتزمون بحماية كل المواطنين دون استثناء", True, "نادر سليم"),
        ("الخطة ستعلن قريبا", False, "نادر سليم"),
    ]


def test_according_to_what_someone_told_an_outlet() -> None:
    doc = _quotes(
        "ستفتح المدارس أبوابها الأسبوع المقبل، بحسب ما صرح به لإذاعة محلية، المدير الجهوي سمير العربي.",
        (("سمير العربي", "PER"),),
    )
    assert [(q.text, q.speaker_text) for q in doc.quotes] == [
        ("ستفتح المدارس أبوابها الأسبوع المقبل", "سمير العربي")
    ]


def test_a_noun_in_ta_marbuta_is_not_a_verb_with_a_pronoun() -> None:
    # folded, "وإضافة" looks like "وأضاف" + "ه"; it is the noun "in addition"
    doc = _quotes("وإضافة إلى ذلك أن المشروع تأخر كثيرا عن موعده.")
    assert doc.quotes == []


def test_manner_adverbs_and_pronoun_objects_are_not_speakers() -> None:
    text = (
        "وعلق رئيس النادي فريد ساسي على الهزيمة.\n"
        'فقال ساخرا: "المهم أن يكون الملعب جاهزا في الموسم المقبل".\n'
        'ونشر رسالة قال فيها "سنعود أقوى من قبل في المباريات القادمة".'
    )
    doc = _quotes(text, (("فريد ساسي", "PER"),))
    assert [q.speaker_mention_id for q in doc.quotes] == ["t:m0", "t:m0"]
    assert all(q.direct for q in doc.quotes)


def test_audience_after_the_speaker_is_left_out() -> None:
    doc = _quotes(
        "وقال السفير لدبلوماسيين أجانب إن السفارة ستنتقل قريبا إلى المدينة.\n"
        "وأضاف رئيس الهيئة الوطنية لمكافحة الفساد أن التحقيق سيشمل الجميع."
    )
    assert [q.speaker_text for q in doc.quotes] == ["السفير", "رئيس الهيئة الوطنية لمكافحة الفساد"]
