"""Claim groups across documents and the disagreement rule."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from rasd.model import Document, Quantity
from rasd.quantity.claims import (
    claim_groups_for_documents,
    claim_interval,
    format_claim_groups,
    group_claims,
    group_id,
)
from rasd.quantity.stage import QuantityStage


def q(
    doc: str,
    n: int,
    value: float | None,
    qualifier: str = "exact",
    *,
    lo=None,
    hi=None,
    subject="داعش",
    measure="fighters",
    time=None,
    parsed=True,
) -> Quantity:
    if qualifier == "exact" or qualifier == "approx":
        lo = value if lo is None else lo
        hi = value if hi is None else hi
    return Quantity(
        id=f"{doc}:q{n}",
        start=0,
        end=1,
        text=str(value),
        value=value,
        min=lo,
        max=hi,
        qualifier=qualifier,
        measure=measure,
        subject_text=subject,
        time=time,
        parsed=parsed,
    )


PUB = {"a": dt.date(2016, 3, 1), "b": dt.date(2016, 3, 5), "c": dt.date(2016, 6, 1)}


def test_intervals() -> None:
    assert claim_interval(q("a", 0, 100)) == (98, 102)
    assert claim_interval(q("a", 0, 100, "approx")) == (90, 110)
    assert claim_interval(q("a", 0, 5)) == (4, 6)  # at least ±1
    assert claim_interval(q("a", 0, 20, "at_least", lo=20)) == (20, math.inf)
    assert claim_interval(q("a", 0, 20, "at_most", hi=20)) == (0, 20)
    assert claim_interval(q("a", 0, None, "range", lo=10, hi=30)) == (10, 30)
    assert claim_interval(q("a", 0, 100, "vague", lo=100)) == (100, math.inf)
    assert claim_interval(q("a", 0, None, parsed=False)) is None


def test_groups_by_subject_and_measure_across_documents() -> None:
    groups = group_claims(
        [
            q("a", 0, 5000),
            q("b", 0, 5000, "approx"),
            q("a", 1, 30, measure="killed"),
            q("b", 1, 12, subject="الجيش"),
            q("c", 0, 9, subject=None),
        ],
        published=PUB,
    )
    assert len(groups) == 1  # killed and الجيش appear in one document only; no subject: no group
    g = groups[0]
    assert (g.measure, g.quantity_ids, g.disagreement, g.subject_key) == (
        "fighters",
        ["a:q0", "b:q0"],
        False,
        "داعش",
    )
    assert g.id == group_id("داعش", "fighters") and g.id.startswith("cg:")


def test_disagreement_when_ranges_cannot_all_hold() -> None:
    g = group_claims([q("a", 0, 5000), q("b", 0, 9000)], published=PUB)[0]
    assert g.disagreement
    g = group_claims([q("a", 0, 5000, "at_least", lo=5000), q("b", 0, 9000)], published=PUB)[0]
    assert not g.disagreement
    g = group_claims(
        [q("a", 0, 5000, "at_most", hi=5000), q("b", 0, None, "range", lo=6000, hi=7000)], published=PUB
    )[0]
    assert g.disagreement
    g = group_claims([q("a", 0, 5000, "approx"), q("b", 0, 5400)], published=PUB)[0]
    assert not g.disagreement  # within ±10%


def test_figures_for_different_times_do_not_contradict() -> None:
    g = group_claims([q("a", 0, 5000), q("c", 0, 9000)], published=PUB)[0]
    assert not g.disagreement  # three months apart
    g = group_claims([q("a", 0, 5000, time="2016-01-01"), q("b", 0, 9000, time="2016-01-10")], published=PUB)[
        0
    ]
    assert g.disagreement  # their own times are close even if publication is not
    g = group_claims([q("a", 0, 5000), q("b", 0, 900, "change")], published=PUB)[0]
    assert not g.disagreement  # a change is a new state, not a rival figure


def test_unparsed_never_causes_disagreement() -> None:
    g = group_claims([q("a", 0, 5000), q("b", 0, None, parsed=False)], published=PUB)[0]
    assert not g.disagreement and len(g.quantity_ids) == 2


def test_deterministic() -> None:
    qs = [q("b", 0, 9000), q("a", 0, 5000)]
    assert group_claims(qs, published=PUB) == group_claims(list(reversed(qs)), published=PUB)


def test_end_to_end_with_stage_and_table() -> None:
    stage = QuantityStage()
    docs = [
        stage(
            Document(
                id="x",
                text="قال المرصد إن 300 مقاتل من حركة النجمة قتلوا.",
                source="قناة أ",
                published=dt.date(2016, 3, 1),
            )
        ),
        stage(
            Document(
                id="y",
                text="أعلن الجيش مقتل 90 مقاتلا من حركة النجمة.",
                source="قناة ب",
                published=dt.date(2016, 3, 1),  # the same day's toll (no day named in either report)
            )
        ),
    ]
    groups = claim_groups_for_documents(docs)
    assert len(groups) == 1 and groups[0].measure == "killed" and groups[0].disagreement
    table = format_claim_groups(
        groups,
        {x.id: x for d in docs for x in d.quantities},
        {d.id: d for d in docs},
        subject="حركة النجمة",
        measure="killed",
    )
    assert "DISAGREEMENT" in table and "قناة أ" in table and "الجيش" in table and "300" in table
    assert "2016-03-01" in table and "أعلن الجيش" in table
    assert format_claim_groups(groups, {}, {}, measure="troops") == "no claim groups match\n"


def test_link_subjects_uses_entity_names_and_aliases() -> None:
    from rasd.model import Entity, Quantity
    from rasd.quantity.claims import link_subjects

    entities = [
        Entity(id="E1", type="ORG", name="تنظيم الدولة الإسلامية", aliases=["داعش", "تنظيم داعش"]),
        Entity(id="E2", type="ORG", name="الجيش الوطني الليبي", aliases=["الجيش الليبي"]),
    ]

    def q(qid: str, subject: str | None, entity: str | None = None) -> Quantity:
        return Quantity(
            id=qid,
            start=0,
            end=1,
            text="1",
            value=1,
            min=1,
            max=1,
            measure="fighters",
            subject_text=subject,
            subject_entity_id=entity,
        )

    found = link_subjects(
        [
            q("a:q0", "تنظيم داعش"),
            q("b:q0", "لتنظيم داعش"),
            q("c:q0", "داعش", "E9"),
            q("d:q0", "جماعة مجهولة"),
            q("e:q0", None),
        ],
        entities,
    )
    assert found == {"a:q0": "E1", "b:q0": "E1"}


def _fig(qid: str, value: float, measure: str, time: str, subject: str = "E1") -> Quantity:
    from rasd.model import Quantity

    return Quantity(
        id=qid,
        start=0,
        end=1,
        text=str(value),
        value=value,
        min=value,
        max=value,
        measure=measure,
        subject_entity_id=subject,
        time=time,
    )


def test_flow_figures_are_grouped_per_incident() -> None:
    from rasd.quantity.claims import group_claims

    figures = [
        _fig("a:q0", 5, "killed", "2026-01-03"),
        _fig("b:q0", 12, "killed", "2026-01-03"),
        _fig("c:q0", 40, "killed", "2026-02-20"),
        _fig("d:q0", 40, "killed", "2026-02-21"),
    ]
    groups = group_claims(figures)
    assert sorted(g.quantity_ids for g in groups) == [["a:q0", "b:q0"], ["c:q0", "d:q0"]]
    by_first = {g.quantity_ids[0]: g for g in groups}
    assert by_first["a:q0"].disagreement and not by_first["c:q0"].disagreement
    assert len({g.id for g in groups}) == 2


def test_figures_in_one_document_do_not_contradict_each_other() -> None:
    from rasd.quantity.claims import group_claims

    at_least_five = _fig("b:q0", 5, "killed", "2026-01-03")
    at_least_five.qualifier, at_least_five.max = "at_least", None
    figures = [
        _fig("a:q0", 5, "killed", "2026-01-03"),
        _fig("a:q1", 9, "killed", "2026-01-03"),
        at_least_five,
    ]
    (group,) = group_claims(figures)
    assert not group.disagreement


def test_stock_figures_compare_across_weeks_by_iso_week() -> None:
    from rasd.quantity.claims import group_claims

    figures = [_fig("a:q0", 3000, "fighters", "2026-W05"), _fig("b:q0", 7000, "fighters", "2026-02-10")]
    (group,) = group_claims(figures)
    assert group.disagreement


def test_event_claim_groups_compare_the_tolls_of_one_reported_event() -> None:
    import datetime as dt

    from rasd.model import ClaimGroup, Entity, Event, Quantity, Span
    from rasd.quantity.claims import event_claim_groups

    def killed(qid: str, doc: str, value: int, qualifier: str = "exact") -> Quantity:
        q = Quantity(
            id=qid,
            start=0,
            end=2,
            text=str(value),
            value=value,
            min=value,
            max=None if qualifier == "at_least" else value,
            qualifier=qualifier,
            measure="killed",
        )
        q.doc_id = doc
        return q

    figures = {
        "a:q0": killed("a:q0", "a", 12, "at_least"),
        "b:q0": killed("b:q0", "b", 15),
        "c:q0": killed("c:q0", "c", 21),
        "c:q1": killed("c:q1", "c", 3),
    }
    strike = Event(
        id="ev1",
        type="airstrike",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        date="2026-03-11",
        evidence=[Span("a", 0, 5), Span("b", 0, 5), Span("c", 0, 5)],
        location_entity_id="E-derna",
        quantity_ids=["a:q0", "b:q0", "c:q0"],
    )
    lone = Event(
        id="ev2",
        type="shelling",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        date="2026-03-12",
        evidence=[Span("c", 9, 20)],
        quantity_ids=["c:q1"],
    )
    places = {"E-derna": Entity(id="E-derna", type="GPE", name="درنة")}
    published = {d: dt.date(2026, 3, 12) for d in "abc"}
    (group,) = event_claim_groups([strike, lone], figures, published, places=places)
    assert group.measure == "killed" and group.quantity_ids == ["a:q0", "b:q0", "c:q0"]
    assert group.disagreement  # 15 and 21 cannot both be the toll
    assert group.subject_key == "airstrike · درنة · 2026-03-11" and group.subject_entity_id is None
    assert group.place_entity_ids == ["E-derna"]
    # Already grouped by subject: not repeated.
    existing = ClaimGroup("cg:x", "E-army", "killed", ["a:q0", "b:q0", "c:q0", "zz"], True)
    assert event_claim_groups([strike], figures, published, existing=[existing]) == []
    consistent = dict(figures, **{"c:q0": killed("c:q0", "c", 15)})
    assert not event_claim_groups([strike], consistent, published)[0].disagreement


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("حركة النجمة", None, True),  # a group title with a complement
        ("مقاتلين سوريين", None, True),  # a country adjective
        ("داعش", None, True),  # the actor KB knows it
        ("النجمة", "m3", True),  # the tagger saw a name there
        ("الأدلة", None, False),
        ("فصيل", None, False),
        ("التنظيم وأفراد", None, False),  # a title followed by a conjunct, not a complement
        ("", None, False),
    ],
)
def test_only_subjects_that_name_a_party_are_grouped_without_an_entity(
    text: str, mention: str | None, expected: bool
) -> None:
    from rasd.quantity.claims import names_a_party

    assert names_a_party(text, mention) is expected


def test_figures_about_a_common_noun_are_not_grouped() -> None:
    groups = group_claims([q("a", 0, 240, subject="الأدلة"), q("b", 0, 240, subject="الأدلة")], published=PUB)
    assert groups == []
