"""Where a figure is, and whether it totals a period: claims about different places or periods
are different claims, not disagreements."""

from __future__ import annotations

import datetime as dt

from rasd.model import Document, Mention, Quantity
from rasd.quantity.claims import FigureScope, figure_scopes, group_claims, same_place


def _doc(doc_id: str, text: str, places: dict[str, str], figures: list[tuple[str, str, str]]) -> Document:
    """``places`` maps a place as written → entity id; ``figures`` are (number, measure, subject)."""
    mentions = []
    for n, (name, entity_id) in enumerate(places.items()):
        start = text.index(name)
        mentions.append(
            Mention(
                id=f"{doc_id}:m{n}",
                start=start,
                end=start + len(name),
                text=name,
                type="GPE",
                entity_id=entity_id,
            )
        )
    quantities = []
    for n, (number, measure, subject) in enumerate(figures):
        start = text.index(number)
        quantities.append(
            Quantity(
                id=f"{doc_id}:q{n}",
                start=start,
                end=start + len(number),
                text=number,
                value=float(number),
                min=float(number),
                max=float(number),
                measure=measure,
                subject_text=subject,
                sentence_start=0,
                sentence_end=len(text),
            )
        )
    return Document(id=doc_id, text=text, mentions=mentions, quantities=quantities)


def test_each_figure_of_a_sentence_takes_its_own_place() -> None:
    doc = _doc(
        "a",
        "قتل 15 عنصرا من الحوثيين في الحديدة و10 في تعز يوم السبت",
        {"الحديدة": "e:hodeidah", "تعز": "e:taiz"},
        [("15", "killed", "الحوثيين"), ("10", "killed", "الحوثيين")],
    )
    scopes = figure_scopes([doc])
    assert scopes["a:q0"].place == "e:hodeidah"
    assert scopes["a:q1"].place == "e:taiz"


def test_a_patron_and_the_subjects_own_country_are_not_the_place() -> None:
    patron = _doc(
        "a",
        "قتل 9 من مسلحي الجماعة الموالية لإيران في صعدة",
        {"إيران": "e:iran", "صعدة": "e:saada"},
        [("9", "killed", "الجماعة")],
    )
    host = _doc(
        "b",
        "ويستضيف الأردن 600 ألف لاجئ سوري فروا من الحرب في سوريا",
        {"الأردن": "e:jordan", "سوريا": "e:syria"},
        [("600", "displaced", "سوري")],
    )
    scopes = figure_scopes([patron, host], {"e:syria": "SY", "e:jordan": "JO", "e:iran": "IR"})
    assert scopes["a:q0"].place == "e:saada"
    assert scopes["b:q0"].place == "e:jordan"


def test_a_total_since_a_date_is_cumulative() -> None:
    doc = _doc(
        "a",
        "وارتفع عدد القتلى منذ بدء الاحتجاجات إلى 120 في غزة",
        {"غزة": "e:gaza"},
        [("120", "killed", "الفلسطينيين")],
    )
    assert figure_scopes([doc])["a:q0"] == FigureScope("e:gaza", True)


def _fig(qid: str, value: float, measure: str, time: str | None = None, subject: str = "e:group") -> Quantity:
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


PUB = {d: dt.date(2026, 3, 2) for d in "abcd"}


def test_figures_about_different_places_are_different_claims() -> None:
    figures = [_fig("a:q0", 600_000, "displaced"), _fig("b:q0", 1_500_000, "displaced")]
    figures += [_fig("c:q0", 650_000, "displaced")]
    scopes = {
        "a:q0": FigureScope("e:jordan"),
        "b:q0": FigureScope("e:lebanon"),
        "c:q0": FigureScope("e:jordan"),
    }
    groups = group_claims(figures, published=PUB, scopes=scopes)
    assert [g.quantity_ids for g in groups] == [["a:q0", "c:q0"]]
    assert groups[0].place_entity_ids == ["e:jordan"]
    assert groups[0].disagreement  # 600,000 and 650,000 as exact figures cannot both hold
    # Without scopes the three stood in one group.
    assert len(group_claims(figures, published=PUB)) == 1


def test_tolls_of_two_named_days_do_not_contradict() -> None:
    figures = [
        _fig("a:q0", 26, "killed", "2026-03-01"),
        _fig("b:q0", 32, "killed", "2026-03-02"),
        _fig("c:q0", 40, "killed", "2026-03-02"),
    ]
    scopes = {q.id: FigureScope("e:coast") for q in figures}
    later = {d: dt.date(2026, 3, 4) for d in "abc"}  # each figure names its own day
    (group,) = group_claims(figures, published=later, scopes=scopes)
    assert group.disagreement  # 32 and 40 for the same day
    (group,) = group_claims(figures[:2], published=later, scopes=scopes)
    assert not group.disagreement
    # A figure dated only by its publication day is compared with the other days' tolls.
    (group,) = group_claims(figures[:2], published=PUB, scopes=scopes)
    assert group.disagreement


def test_a_total_is_compared_only_with_totals_and_unplaced_tolls_are_left_to_events() -> None:
    figures = [_fig("a:q0", 119, "killed"), _fig("b:q0", 17, "killed"), _fig("c:q0", 5, "killed")]
    scopes = {"a:q0": FigureScope("e:gaza", True), "b:q0": FigureScope("e:gaza")}
    assert group_claims(figures, published=PUB, scopes=scopes) == []


def test_same_place_for_towns_close_together() -> None:
    near = {"e:a": (33.50, 36.30), "e:b": (33.52, 36.35), "e:c": (36.20, 37.16)}
    assert same_place("e:a", "e:b", near)
    assert not same_place("e:a", "e:c", near)
    assert same_place(None, None) and not same_place("e:a", None)
