"""Round 2 classes found on open text: according-to sources in quotation marks, statements that
speak for their issuer, definite heads resolved in the article, relative clauses after an object,
and according-to phrases whose verb has a pronoun object. Invented sentences; mentions by hand."""

from __future__ import annotations

from rasd.model import Document, Mention
from rasd.quotes import QuoteStage
from rasd.text.stage import TextStage


def _quotes(text: str, mentions: tuple[tuple[str, str], ...] = ()) -> Document:
    doc = TextStage()(Document(id="t", text=text))
    for n, (name, kind) in enumerate(mentions):
        start = text.index(name)
        doc.mentions.append(Mention(id=f"t:m{n}", start=start, end=start + len(name), text=name, type=kind))
    return QuoteStage()(doc)


def test_quoted_agency_after_according_to_verb_is_the_source_not_a_quote() -> None:
    text = (
        "قال الوزير كمال داود إن المفاوضات ستستمر أسبوعا آخر.\n"
        'وأغلقت الشرطة الطريق الرئيسي المؤدي إلى الميناء منذ الصباح، وفق ما ذكرت "وكالة الأنباء".'
    )
    doc = _quotes(text, (("كمال داود", "PER"), ("وكالة الأنباء", "ORG")))
    assert all(q.text != "وكالة الأنباء" for q in doc.quotes)
    trailing = [q for q in doc.quotes if q.text.startswith("وأغلقت الشرطة")]
    assert len(trailing) == 1
    assert trailing[0].speaker_text == "وكالة الأنباء"
    assert trailing[0].direct is False


def test_quoted_agency_before_the_clause_speaks_for_it() -> None:
    doc = _quotes(
        'وبحسب "نجمة الشمال"، فإن السفينة غادرت الميناء قبل العاصفة بساعات.', (("نجمة الشمال", "ORG"),)
    )
    assert [(q.text, q.speaker_text) for q in doc.quotes] == [
        ("السفينة غادرت الميناء قبل العاصفة بساعات", "نجمة الشمال")
    ]


def test_statement_of_the_police_gives_the_police() -> None:
    doc = _quotes("وذكر بيان للشرطة أن ثلاثة أشخاص أصيبوا في الحادث.")
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker_text == "الشرطة"
    assert doc.quotes[0].text == "ثلاثة أشخاص أصيبوا في الحادث"


def test_report_issued_by_an_organisation_gives_the_organisation() -> None:
    doc = _quotes(
        "وأكد تقرير صادر عن منظمة الصحة العالمية أن الوباء تراجع في معظم المحافظات.",
        (("منظمة الصحة العالمية", "ORG"),),
    )
    assert [q.speaker_text for q in doc.quotes] == ["منظمة الصحة العالمية"]


def test_statement_in_construct_state_gives_its_issuer() -> None:
    doc = _quotes("وأضاف بيان الجيش الوطني أن الدوريات ستتواصل طوال الليل.", (("الجيش الوطني", "ORG"),))
    assert [q.speaker_text for q in doc.quotes] == ["الجيش الوطني"]


def test_statement_without_issuer_speaks_as_itself() -> None:
    doc = _quotes("وقال بيان إن الاجتماع سيعقد في موعده المحدد.")
    assert [q.speaker_text for q in doc.quotes] == ["بيان"]


def test_according_to_statement_from_an_institution() -> None:
    doc = _quotes(
        "ووفقا لبيان من المفوضية الأوروبية، علق الاتحاد واردات اللحوم من ثلاث دول.",
        (("المفوضية الأوروبية", "ORG"),),
    )
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker_text == "المفوضية الأوروبية"
    assert doc.quotes[0].text.startswith("علق الاتحاد")


def test_definite_company_resolves_to_the_company_named_earlier() -> None:
    text = (
        "فازت شركة النخيل الذهبية بعقد لبناء الجسر الجديد في المدينة.\n"
        "وقالت الشركة إن الأشغال ستبدأ مطلع الشهر المقبل."
    )
    doc = _quotes(text, (("النخيل الذهبية", "ORG"),))
    assert [q.speaker_text for q in doc.quotes] == ["شركة النخيل الذهبية"]


def test_definite_army_resolves_to_the_army_named_earlier() -> None:
    text = "قصف الجيش الوطني مواقع للمسلحين شمال البلاد.\nوأعلن الجيش أنه دمر ثلاثة مخازن للأسلحة."
    doc = _quotes(text, (("الجيش الوطني", "ORG"),))
    assert [q.speaker_text for q in doc.quotes] == ["الجيش الوطني"]


def test_definite_head_with_two_possible_antecedents_stays_as_written() -> None:
    text = "اشتبك الجيش الوطني مع الجيش الجمهوري قرب الحدود.\nوقال الجيش إن خسائره كانت محدودة في المعارك."
    doc = _quotes(text, (("الجيش الوطني", "ORG"), ("الجيش الجمهوري", "ORG")))
    assert [q.speaker_text for q in doc.quotes] == ["الجيش"]


def test_definite_president_resolves_to_the_person_named_after_the_title() -> None:
    text = (
        "استقبل الرئيس الموريتاني أحمد ولد سالم وفدا من رجال الأعمال.\n"
        "وقال الرئيس إن بلاده تشجع الاستثمار في الطاقة الشمسية."
    )
    doc = _quotes(text, (("أحمد ولد سالم", "PER"),))
    assert [(q.speaker_text, q.speaker_mention_id) for q in doc.quotes] == [("أحمد ولد سالم", "t:m0")]


def test_relative_clause_after_an_object_takes_the_main_subject() -> None:
    doc = _quotes(
        "ونشرت جمعية الأمل على حسابها على تويتر صورا قالت إنها تظهر آثار الفيضان في القرية.",
        (("جمعية الأمل", "ORG"), ("تويتر", "ORG")),
    )
    assert [q.speaker_text for q in doc.quotes] == ["جمعية الأمل"]
    assert doc.quotes[0].text == "تظهر آثار الفيضان في القرية"


def test_according_to_with_a_pronoun_object_names_the_source_after_it() -> None:
    doc = _quotes("تنطلق حملة التلقيح في المدارس يوم الاثنين، وفق ما أعلنت عنه السلطات الصحية.")
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker_text == "السلطات الصحية"
    assert doc.quotes[0].text.startswith("تنطلق حملة التلقيح")


def test_according_to_common_noun_source_is_the_speaker() -> None:
    doc = _quotes("وبحسب مصادر محلية، فإن الاشتباكات استمرت حتى ساعة متأخرة من الليل.")
    assert [q.speaker_text for q in doc.quotes] == ["مصادر محلية"]


def test_long_quote_after_verb_in_according_to_phrase_is_still_a_quote() -> None:
    doc = _quotes(
        'وقال الوزير سامي نور: "سنفتح المعبر أمام المسافرين ابتداء من الغد".', (("سامي نور", "PER"),)
    )
    assert [(q.text, q.direct) for q in doc.quotes] == [("سنفتح المعبر أمام المسافرين ابتداء من الغد", True)]


def test_negated_reporting_verb_is_no_quote() -> None:
    doc = _quotes("ولم تؤكد الوزارة أن المفاوضات ستستأنف قبل نهاية الشهر.")
    assert doc.quotes == []


def test_but_she_said_takes_the_definite_subject_of_the_sentence() -> None:
    doc = _quotes("ولم تكشف اللجنة العليا عن أسماء الموقوفين، لكنها أشارت إلى أن عددهم بلغ عشرين شخصا.")
    assert [q.speaker_text for q in doc.quotes] == ["اللجنة العليا"]


def test_person_in_apposition_after_a_relation_noun_is_the_speaker() -> None:
    doc = _quotes(
        "وقال شقيق سلمى، يوسف حداد، إن العائلة لم تتلق أي اتصال من الشرطة.",
        (("سلمى", "PER"), ("يوسف حداد", "PER")),
    )
    assert [q.speaker_text for q in doc.quotes] == ["يوسف حداد"]


def test_and_the_statement_added_finds_the_issuer_of_an_earlier_statement() -> None:
    text = (
        "أغلقت السلطات المعبر الحدودي، وفق بيان صدر صباح اليوم عن وزارة الداخلية.\n"
        "وأضاف البيان أن المعبر سيفتح من جديد بعد انتهاء التحقيق."
    )
    doc = _quotes(text, (("وزارة الداخلية", "ORG"),))
    assert [q.speaker_text for q in doc.quotes] == ["وزارة الداخلية", "وزارة الداخلية"]


def test_said_in_it_after_a_time_adjunct_takes_the_sentence_subject() -> None:
    doc = _quotes(
        "وأصدر المدرب كريم سالم إعلانا في نوفمبر الماضي قال فيه إنه سيعتزل بعد نهاية الموسم.",
        (("كريم سالم", "PER"),),
    )
    assert [q.speaker_text for q in doc.quotes] == ["كريم سالم"]


def test_the_statement_refers_to_the_subject_that_issued_it_in_a_statement() -> None:
    text = (
        "وعبرت إدارة المعرض الدولي في بيان أصدرته اليوم عن أسفها لتأجيل الافتتاح.\n"
        "وأضاف البيان أن موعدا جديدا سيحدد خلال الأيام المقبلة."
    )
    doc = _quotes(text)
    assert [q.speaker_text for q in doc.quotes] == ["إدارة المعرض الدولي"]


def test_issuer_in_construct_state_stops_before_the_verb_object() -> None:
    doc = _quotes("كما دعا بيان المجلس الأطراف المتنازعة إلى وقف القتال، مؤكدا أن الحل سياسي فقط.")
    assert all(q.speaker_text != "المجلس الأطراف المتنازعة" for q in doc.quotes)


def test_reporting_noun_after_a_quantifier_is_no_cue() -> None:
    doc = _quotes('ووقع الطرفان الاتفاق دون أي ذكر لعبارة "الانسحاب الكامل وغير المشروط من المدينة" في نصه.')
    assert doc.quotes == []


def test_letters_inside_a_code_are_no_complementizer() -> None:
    doc = _quotes("وأكدت الوزارة ظهور حالة جديدة بسلالة إتش7إن9 من الفيروس في الشمال.")
    assert doc.quotes == []


def test_impersonal_expected_that_with_conjunction_is_no_quote() -> None:
    doc = _quotes("ويتوقع أن يرد السفير على الخطاب خلال جلسة الغد.")
    assert doc.quotes == []


def test_aside_inside_the_clause_does_not_end_it() -> None:
    doc = _quotes("وقال سامر عيسى إن الشحنة - فيما يبدو - تأخرت لأسباب إدارية.", (("سامر عيسى", "PER"),))
    assert [q.text for q in doc.quotes] == ["الشحنة - فيما يبدو - تأخرت لأسباب إدارية"]


def test_agencies_relaying_his_words_leave_him_the_speaker() -> None:
    text = (
        "وقال الرئيس نبيل حداد إن بلاده تريد السلام.\n"
        'فيما نقلت وكالات الأنباء قوله في تصريحات مترجمة "نحن نرفض كل الضغوط الخارجية علينا".'
    )
    doc = _quotes(text, (("نبيل حداد", "PER"),))
    assert [q.speaker_text for q in doc.quotes] == ["نبيل حداد", "نبيل حداد"]


def test_news_agency_cited_after_a_clause_does_not_go_on_speaking() -> None:
    text = (
        "قال الوزير نبيل حداد إن المفاوضات متعثرة.\n"
        "وتوقفت المحادثات في العاصمة منذ يومين، وفق ما ذكرته وكالة الأنباء الوطنية.\n"
        "وأضاف أن الوفد سيعود إلى البلاد غدا."
    )
    doc = _quotes(text, (("نبيل حداد", "PER"), ("وكالة الأنباء الوطنية", "ORG")))
    assert [q.speaker_text for q in doc.quotes] == ["نبيل حداد", "وكالة الأنباء الوطنية", "نبيل حداد"]


def test_quoted_noun_object_after_a_preposition_is_no_quote() -> None:
    doc = _quotes(
        'وأعربت الحكومة عن "استنكارها الشديد للهجوم الذي استهدف القافلة الإنسانية".', (("الحكومة", "ORG"),)
    )
    assert doc.quotes == []


def test_quoted_term_before_according_to_is_no_direct_quote() -> None:
    doc = _quotes('وجرى الإجلاء بموجب اتفاق برعاية "دولية"، وفق ما أكده المرصد المحلي.')
    assert all(q.text != "دولية" for q in doc.quotes)


def test_quoted_sub_heading_takes_no_cue_from_the_next_paragraph() -> None:
    doc = _quotes('حملة "تضليل"\nوقالت الهيئة المستقلة إن الحملة تستهدف الناشطين في العاصمة.')
    assert [q.text for q in doc.quotes] == ["الحملة تستهدف الناشطين في العاصمة"]


def test_quoted_name_that_speaks_in_the_next_clause_is_no_quote() -> None:
    doc = _quotes(
        'وذكرت وكالة الأنباء أن "رابطة المصدرين" قالت في تقرير لها إن الصادرات تراجعت هذا العام.',
        (("رابطة المصدرين", "ORG"),),
    )
    assert [(q.text, q.speaker_text) for q in doc.quotes] == [("الصادرات تراجعت هذا العام", "رابطة المصدرين")]


def test_participle_before_a_colon_takes_the_reporting_verbs_subject() -> None:
    doc = _quotes('وقال الباجي في تصريحاته مشيرا إلى الشركة الوطنية: "لا بد من دعم النقل العمومي".')
    assert [q.speaker_text for q in doc.quotes] == ["الباجي"]


def test_conjoined_verb_after_a_named_subject_takes_that_subject() -> None:
    doc = _quotes(
        "حذت هيئة الدواء الوطنية حذو نظيرتها الأوروبية وقالت إنها تعد خطة لتسريع إقرار الأدوية.",
        (("هيئة الدواء الوطنية", "ORG"),),
    )
    assert [q.speaker_text for q in doc.quotes] == ["هيئة الدواء الوطنية"]


def test_conjoined_verb_after_a_prepositional_opening_does_not_take_its_object() -> None:
    text = (
        "قال الوزير رامي صالح إن الاجتماع كان مثمرا.\n"
        "ومنذ لقائه مع كريم في الشهر الماضي، بدا نبيل متفائلا، وشدد على أن الحرب باتت مستبعدة."
    )
    doc = _quotes(text, (("رامي صالح", "PER"), ("كريم", "PER"), ("نبيل", "PER")))
    assert [q.speaker_text for q in doc.quotes] == ["رامي صالح", "نبيل"]


def test_participle_subject_stops_before_the_verbs_own_content_clause() -> None:
    text = (
        "قال النائب سمير بدر إن المقترح غريب.\n"
        "وأكد أن الرئيس كمال عمر نبه إلى أهمية الاستقلالية، مذكرا بأنه ليس عضوا في الحزب."
    )
    doc = _quotes(text, (("سمير بدر", "PER"), ("كمال عمر", "PER")))
    assert [q.speaker_text for q in doc.quotes] == ["سمير بدر", "سمير بدر", "سمير بدر"]
