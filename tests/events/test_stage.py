"""The per-document events stage on invented Arabic news, through the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.events.stage import EventStage
from rasd.model import Document
from rasd.pipeline import Pipeline

PUBLISHED = dt.date(2019, 4, 11)  # a Thursday


@pytest.fixture(scope="module")
def analyse() -> object:
    pipeline = Pipeline.from_names(["text", "ner", "link", "time", "quantity"])
    stage = EventStage()

    def run(text: str, doc_id: str = "d1") -> Document:
        doc = Document(id=doc_id, text=text, published=PUBLISHED)
        return stage(pipeline(doc))

    return run


def test_airstrike_with_place_date_and_fatalities(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "قتل 9 مدنيين على الأقل في غارة جوية استهدفت سوقا في مدينة إدلب يوم الثلاثاء."
    doc = analyse(text)
    [event] = doc.events
    assert event.type == "airstrike"
    assert (event.acled_event_type, event.acled_sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert event.fatalities == 9
    assert event.date == "2019-04-09" and event.date_precision == "day"
    assert event.lat is not None and abs(event.lat - 35.93) < 0.2 and event.geo_precision == 1
    assert [(s.start, s.end) for s in event.evidence] == [(0, len(text))]
    assert event.quantity_ids and event.location_mention_id is not None


def test_sentences_about_one_attack_make_one_event(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "انفجرت سيارة مفخخة قرب حاجز أمني في مدينة الموصل صباح الأربعاء، ما أسفر عن مقتل 4 أشخاص. "
        "وقال مصدر أمني إن الانفجار أدى أيضا إلى إصابة 10 آخرين. "
        "وتبنى تنظيم داعش الهجوم في بيان."
    )
    doc = analyse(text)
    [event] = doc.events
    assert event.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert len(event.evidence) == 3
    assert event.fatalities == 4
    assert any("داعش" in m.text for m in doc.mentions if m.id in event.actor_mention_ids)


def test_negated_and_planned_events_are_not_events(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("نفى الجيش شن غارات على القرية. ويعتزم التحالف شن هجوم على المدينة الشهر المقبل.")
    assert doc.events == []


def test_protest_and_clash_in_two_cities_are_two_events(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "تظاهر مئات الأشخاص في بغداد يوم الأربعاء احتجاجا على انقطاع الكهرباء. "
        "وفي مدينة حلب، اندلعت اشتباكات عنيفة بين قوات النظام وفصائل المعارضة."
    )
    doc = analyse(text)
    kinds = sorted((e.acled_event_type, e.acled_sub_event_type) for e in doc.events)
    assert kinds == [("Battles", "Armed clash"), ("Protests", "Peaceful protest")]


def test_arrest_of_protesters_is_protest_with_intervention(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("اعتقلت الشرطة 20 متظاهرا خلال مسيرة في العاصمة تونس أمس.")
    [event] = doc.events
    assert event.acled_sub_event_type == "Protest with intervention"
    assert event.date == "2019-04-10"


def test_background_is_not_an_event(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("وقتل أكثر من ألف شخص في المعارك منذ اندلاع الحرب في عام 2015.")
    assert doc.events == []


def test_traffic_accident_is_not_a_conflict_event(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("لقي 5 أشخاص مصرعهم في حادث سير على الطريق السريع.")
    assert doc.events == []


def test_stage_never_changes_text_and_is_cheap_to_rebuild(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "قصفت المدفعية بلدة قرب درعا، ما أدى إلى مقتل طفلين."
    doc = analyse(text)
    assert doc.text == text
    assert EventStage().name == "events"
    for e in doc.events:
        assert all(0 <= s.start < s.end <= len(text) and s.doc_id == doc.id for s in e.evidence)


def test_words_that_only_look_like_events(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "أعلنت الحكومة انسحابها من الاتفاق التجاري. "
        "وتظاهر الرجل بأنه طبيب. "
        "واستدعت الخارجية السفير لتسليمه مذكرة احتجاج. "
        "وتستمر المعركة الانتخابية في المدينة."
    )
    assert analyse(text).events == []


def test_an_attempt_to_storm_is_a_clash_not_a_seizure(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("ودارت اشتباكات عنيفة عند أطراف البلدة في محاولة من المسلحين لاقتحامها.")
    [event] = doc.events
    assert event.acled_sub_event_type == "Armed clash"


def test_a_condemnation_is_not_a_new_event(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("وأدانت الحكومة الهجوم الذي استهدف قافلة المساعدات الأسبوع الماضي.").events == []


def test_an_evening_dates_the_event_and_a_mixed_toll_is_not_fatalities(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("انفجرت عبوة ناسفة في بغداد مساء الثلاثاء، وارتفعت الحصيلة إلى 40 بين قتيل وجريح.")
    [event] = doc.events
    assert event.date == "2019-04-09"
    assert event.fatalities is None


def test_a_clash_with_the_attackers_is_part_of_the_attack(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "فجر انتحاري نفسه داخل مقر حكومي في مدينة كركوك صباح الاثنين. "
        "وقالت الشرطة إن قوات الأمن اشتبكت مع المهاجمين داخل المبنى."
    )
    [event] = analyse(text).events
    assert event.acled_sub_event_type == "Suicide bomb" and len(event.evidence) == 2


def test_follow_up_sentences_join_the_event_just_reported(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "انفجرت سيارة مفخخة قرب سوق شعبي في مدينة كركوك صباح الثلاثاء، ما أسفر عن مقتل 5 أشخاص. "
        "ونقل الجرحى إلى المستشفى العام في المدينة. "
        "ولم تعلن أي جهة مسؤوليتها حتى الآن. "
        "وتقع كركوك شمال العاصمة بغداد."
    )
    doc = analyse(text)
    [event] = doc.events
    starts = [s.start for s in event.evidence]
    assert len(starts) == 3 and text.index("ونقل") in starts and text.index("ولم تعلن") in starts
    assert text.index("وتقع") not in starts  # a sentence of geography is no follow-up
    assert event.fatalities == 5  # follow-ups add evidence, never figures


def test_follow_ups_far_from_any_event_are_left_out(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "وقال شهود إن الطريق مزدحم. وافتتح الوزير مستشفى جديدا في المدينة."
    assert analyse(text).events == []


def test_aghar_is_an_airstrike(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("وأغارت طائرات حربية على موقعين في مدينة إدلب ليل الثلاثاء.")
    [event] = doc.events
    assert event.acled_sub_event_type == "Air/drone strike"


def test_control_as_a_state_and_names_with_trigger_words_are_no_events(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "وأصدر المجلس المحلي في مناطق سيطرتها تعميما جديدا للتجار. "
        "ويقتصر وجود جبهة تحرير الجنوب في المدينة على مكاتب إدارية. "
        "وقال رئيس تحرير الصحيفة إن العدد المقبل سيصدر الأحد. "
        "وتهدف الخطة إلى تحرير السكان من الديون."
    )
    assert analyse(text).events == []


def test_seizing_a_town_is_still_an_event(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("سيطرت قوات المعارضة على بلدة سراقب في ريف إدلب يوم الثلاثاء بعد معارك عنيفة.")
    [event] = doc.events
    assert event.acled_event_type == "Battles"


def test_a_court_death_sentence_is_no_killing(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("قضت محكمة في مدينة حلب، السبت، بإعدام رجل مدان بقتل جاره.").events == []
    doc = analyse("أعدم مسلحون 5 رهائن في قرية قرب مدينة إدلب يوم الثلاثاء.")
    assert len(doc.events) == 1


def test_a_war_total_is_no_event_toll(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("قتل 12 شخصا في غارة جوية على مدينة إدلب يوم الثلاثاء، وقتل 350 ألف شخص في الحرب.")
    [event] = doc.events
    assert event.fatalities == 12
    doc = analyse("وقتل 350 ألف شخص في غارات جوية على مدينة إدلب يوم الثلاثاء.")
    assert all(e.fatalities is None for e in doc.events)
