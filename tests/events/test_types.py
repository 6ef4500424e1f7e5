"""The ontology table: every finer type is ACLED-typed, the taxonomy is ACLED's."""

from __future__ import annotations

from rasd.events import types as ty
from rasd.events.detect import find_triggers, is_irrealis, lexicon


def test_acled_taxonomy_has_six_types_and_25_sub_types() -> None:
    assert set(ty.ACLED_EVENT_TYPES) == {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    }
    assert sum(len(subs) for subs in ty.ACLED_TAXONOMY.values()) == 25
    assert all(definition.strip() for subs in ty.ACLED_TAXONOMY.values() for definition in subs.values())


def test_every_finer_type_maps_to_one_acled_pair() -> None:
    for t in ty.EVENT_TYPES:
        assert t.acled_sub_event_type in ty.ACLED_TAXONOMY[t.acled_event_type], t.name
    assert ty.acled_pair("airstrike") == ("Explosions/Remote violence", "Air/drone strike")
    assert ty.acled_pair("kidnapping") == ("Violence against civilians", "Abduction/forced disappearance")
    assert ty.acled_pair("ceasefire") == ("Strategic developments", "Agreement")
    assert set(ty.DISORDER_TYPE) == set(ty.ACLED_EVENT_TYPES)


def test_triggers_match_with_clitics_and_spelling_variants() -> None:
    text = "وبالغارات الجوية قُتل رجل، واشتبكت القوات مع مسلحين، وأعلنوا هدنةً"
    found = {t.type for t in find_triggers(text)}
    assert {"airstrike", "armed_clash", "ceasefire"} <= found
    # offsets point into the original text, diacritics included
    for t in find_triggers(text):
        assert text[t.start : t.end].strip() == text[t.start : t.end]
    assert lexicon() is lexicon()


def test_longest_trigger_wins() -> None:
    [t] = [t for t in find_triggers("انفجرت سيارة مفخخة قرب السوق") if t.type != "bombing"]
    assert t.type == "car_bomb"


def test_negation_future_and_modality_are_irrealis() -> None:
    assert is_irrealis("ولم ")
    assert is_irrealis("ونفى الجيش أن يكون قد شن ")
    assert is_irrealis("يعتزم الجيش شن ")
    assert is_irrealis("وحذرت المنظمة من ")
    assert is_irrealis("قد يشن التنظيم ")


def test_past_reports_are_realis() -> None:
    assert not is_irrealis("وقد ")
    assert not is_irrealis("وقال المرصد إن ")
    assert not is_irrealis("")
