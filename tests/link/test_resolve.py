"""Resolution within and across documents on invented mentions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.link.resolve import entity_id, link_document, resolve_corpus
from rasd.model import Document, Mention
from tests.link._support import doc


def entity_of(docs: list[Document], doc_id: str, surface: str) -> str | None:
    for d in docs:
        if d.id == doc_id:
            for m in d.mentions:
                if m.text == surface:
                    return m.entity_id
    raise AssertionError(surface)


def test_titles_partial_names_and_variants_across_documents() -> None:
    a = doc(
        "a",
        "قال المشير خليفة حفتر إن قواته تقدمت، وأضاف حفتر أن المعركة انتهت.",
        [("المشير خليفة حفتر", "PER"), ("حفتر", "PER")],
    )
    b = doc("b", "التقى حفتر وفداً في بنغازي.", [("حفتر", "PER"), ("بنغازي", "GPE")])
    c = doc(
        "c",
        "زار فلاديمر بوتين القاهرة، وقال فلاديمير بوتين إن ...",
        [("فلاديمر بوتين", "PER"), ("فلاديمير بوتين", "PER")],
    )
    docs = [a, b, c]
    entities = {e.id: e for e in resolve_corpus(docs)}
    haftar = entity_of(docs, "a", "المشير خليفة حفتر")
    assert entity_of(docs, "a", "حفتر") == haftar == entity_of(docs, "b", "حفتر")
    assert entities[haftar].name_en == "Khalifa Haftar" and entities[haftar].name_en_source == "kb"
    assert entity_of(docs, "c", "فلاديمر بوتين") == entity_of(docs, "c", "فلاديمير بوتين")


def test_unambiguous_family_name_links_only_within_context() -> None:
    full = doc(
        "a",
        "قال عبد الحميد الدبيبة إن الحكومة ... وأكد الدبيبة ذلك.",
        [("عبد الحميد الدبيبة", "PER"), ("الدبيبة", "PER")],
    )
    link_document(full)
    assert full.mentions[0].link_key == full.mentions[1].link_key


def test_people_sharing_a_name_part_stay_apart() -> None:
    a = doc(
        "a",
        "قال محمد علي الحوثي إن ... وقال عبد الملك الحوثي إن ... ثم قال الحوثي",
        [("محمد علي الحوثي", "PER"), ("عبد الملك الحوثي", "PER"), ("الحوثي", "PER")],
    )
    b = doc(
        "b",
        "قال سليم العتيبي ... وقال فهد العتيبي ... ورد العتيبي",
        [("سليم العتيبي", "PER"), ("فهد العتيبي", "PER"), ("العتيبي", "PER")],
    )
    docs = [a, b]
    resolve_corpus(docs)
    ids_a = [m.entity_id for m in a.mentions]
    ids_b = [m.entity_id for m in b.mentions]
    assert len(set(ids_a)) == 3
    assert len(set(ids_b)) == 3


def test_rival_bodies_city_province_and_group_named_after_a_city() -> None:
    d = doc(
        "a",
        "اتهمت حكومة الوفاق الوطني الحكومة المؤقتة ... ودخلت القوات درنة بعد طرد مجلس شورى مجاهدي درنة، "
        "فيما تقدمت قوات أخرى في محافظة الحديدة نحو مدينة الحديدة وفي ليبيا",
        [
            ("حكومة الوفاق الوطني", "ORG"),
            ("الحكومة المؤقتة", "ORG"),
            ("درنة", "GPE"),
            ("مجلس شورى مجاهدي درنة", "ORG"),
            ("محافظة الحديدة", "GPE"),
            ("الحديدة", "GPE"),
            ("ليبيا", "GPE"),
        ],
    )
    entities = {e.id: e for e in resolve_corpus([d])}
    ids = [m.entity_id for m in d.mentions]
    assert len(set(ids)) == len(ids)
    derna, hodeidah, province = entities[ids[2]], entities[ids[5]], entities[ids[4]]
    assert derna.geo_precision == 1 and derna.lat is not None and abs(derna.lat - 32.76) < 0.2
    assert province.geo_precision == 3 and hodeidah.geo_precision == 1
    assert entities[ids[3]].category == "rebel group"


def test_clitics_synonyms_acronyms_and_latin_script_merge() -> None:
    a = doc(
        "a",
        "انتقد مسؤول لحزب الله دور الناتو، وكتبت الغارديان ...",
        [("لحزب الله", "ORG"), ("الناتو", "ORG"), ("الغارديان", "ORG")],
    )
    b = doc(
        "b",
        "وقال حزب الله إن حلف شمال الأطلسي ... حسب The Guardian",
        [("حزب الله", "ORG"), ("حلف شمال الأطلسي", "ORG"), ("The Guardian", "ORG")],
    )
    c = doc(
        "c",
        "سيطرت هيئة تحرير الشام ... وقالت تحرير الشام",
        [("هيئة تحرير الشام", "ORG"), ("تحرير الشام", "ORG")],
    )
    docs = [a, b, c]
    resolve_corpus(docs)
    for x, y in zip(a.mentions, b.mentions, strict=True):
        assert x.entity_id == y.entity_id
    assert c.mentions[0].entity_id == c.mentions[1].entity_id


def test_unknown_entities_are_clustered_named_and_transliterated() -> None:
    a = doc(
        "a", "قال القيادي سالم بوزريبة إن ... وأكد بوزريبة", [("سالم بوزريبة", "PER"), ("بوزريبة", "PER")]
    )
    b = doc("b", "ونفى سالم بوزريبة ذلك", [("سالم بوزريبة", "PER")])
    entities = resolve_corpus([a, b])
    assert len(entities) == 1
    e = entities[0]
    assert e.type == "PER" and e.mention_count == 3 and e.kb_id is None
    assert e.name == "سالم بوزريبة"
    assert e.name_en_source == "transliteration" and e.name_en and e.name_en.isascii()
    assert e.id == entity_id("name:PER:" + "سالم بوزريبه")


def test_resolution_is_deterministic_and_ids_are_stable() -> None:
    def build() -> list[Document]:
        return [
            doc("a", "دخلت القوات طرابلس في ليبيا", [("طرابلس", "GPE"), ("ليبيا", "GPE")]),
            doc(
                "b",
                "عاد ميقاتي إلى طرابلس في لبنان",
                [("ميقاتي", "PER"), ("طرابلس", "GPE"), ("لبنان", "GPE")],
            ),
        ]

    first, second = build(), build()
    e1 = [(e.id, e.name_en, e.mention_count) for e in resolve_corpus(first)]
    e2 = [(e.id, e.name_en, e.mention_count) for e in resolve_corpus(list(reversed(second)))]
    assert sorted(e1) == sorted(e2)
    # Tripoli, Libya and Tripoli, Lebanon are two entities.
    assert first[0].mentions[0].entity_id != first[1].mentions[1].entity_id


def test_mentions_without_resolvable_names_are_not_dropped() -> None:
    d = doc("a", "قال «»  ثم ... 123", [("«»", "PER"), ("123", "MISC")])
    entities = resolve_corpus([d])
    assert all(m.entity_id for m in d.mentions)
    assert sum(e.mention_count for e in entities) == 2


def test_one_word_organisation_head_within_a_document() -> None:
    d = doc(
        "a",
        "قال مرصد الجبل الأخضر للحقوق إن ... وأضاف المرصد أن ... بينما قالت هيئة الإغاثة ...",
        [("مرصد الجبل الأخضر للحقوق", "ORG"), ("المرصد", "ORG"), ("هيئة الإغاثة", "ORG")],
    )
    link_document(d)
    assert d.mentions[0].link_key != d.mentions[2].link_key
    # "المرصد" folds to a different first word than "مرصد": no guess is made.
    assert d.mentions[1].link_key != d.mentions[2].link_key
    e = doc(
        "b",
        "قال المرصد الليبي لحقوق الإنسان ... وأضاف المرصد",
        [("المرصد الليبي لحقوق الإنسان", "ORG"), ("المرصد", "ORG")],
    )
    link_document(e)
    assert e.mentions[0].link_key == e.mentions[1].link_key


def test_user_kb_from_environment(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    from rasd.link import kb as kb_module
    from rasd.link import resolve as resolve_module

    user = tmp_path / "mine.jsonl"
    row = {
        "id": "xx-brigade",
        "type": "ORG",
        "name": "كتيبة النجم الساطع",
        "name_en": "Shining Star Brigade",
        "category": "political militia",
        "country": "LY",
    }
    user.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    monkeypatch.setenv("RASD_KB_PATH", str(user))
    try:
        d = doc("a", "هاجمت كتيبة النجم الساطع موقعاً", [("كتيبة النجم الساطع", "ORG")])
        [entity] = resolve_corpus([d])
        assert entity.name_en == "Shining Star Brigade" and entity.category == "political militia"
    finally:
        monkeypatch.delenv("RASD_KB_PATH")
        resolve_module._RES_CACHE.clear()
        kb_module.clear_cache()


_TYPES = ["PER", "ORG", "GPE", "LOC", "FAC", "NORP", "MISC", "weird"]
_WORDS = ["حفتر", "خليفة", "و", "ال", "ليبيا", "«", "#", "The", "درنة", "حزب", "الله", " ", "١٢", "🙂", ""]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), min_size=0, max_size=4).map(" ".join),
            st.sampled_from(_TYPES),
        ),
        max_size=8,
    )
)
def test_resolution_never_crashes_and_drops_nothing(pairs: list[tuple[str, str]]) -> None:
    text = " | ".join(p[0] for p in pairs)
    d = Document(id="h", text=text)
    pos = 0
    for i, (surface, etype) in enumerate(pairs):
        start = text.index(surface, pos) if surface else pos
        d.mentions.append(
            Mention(id=f"h{i}", start=start, end=start + len(surface), text=surface, type=etype)
        )
        pos = start + len(surface)
    entities = resolve_corpus([d])
    assert all(m.entity_id for m in d.mentions)
    assert sum(e.mention_count for e in entities) == len(pairs)
    assert len({e.id for e in entities}) == len(entities)


def test_countries_get_province_or_country_precision() -> None:
    d = doc("a", "قال مسؤول في اليمن إن ...", [("اليمن", "GPE")])
    [entity] = resolve_corpus([d])
    assert entity.geo_precision == 3 and entity.kb_id == "wikidata:Q805" and entity.country == "YE"


def test_a_province_without_its_own_entry_is_not_its_town() -> None:
    d = doc(
        "a",
        "قصفت الطائرات مدينة حمص وريفها في محافظة حمص وسط سوريا",
        [("حمص", "GPE"), ("محافظة حمص", "GPE"), ("سوريا", "GPE")],
    )
    entities = {e.id: e for e in resolve_corpus([d])}
    town, province = (entities[m.entity_id or ""] for m in d.mentions[:2])
    assert town.id != province.id
    assert town.geo_precision == 1 and province.geo_precision == 3
    assert province.lat == town.lat and province.country == "SY"
    assert province.name_en and province.name_en.endswith("province")
