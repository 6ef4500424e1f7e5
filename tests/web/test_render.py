"""View helpers: highlighted text, map framing, timeline bars, the offline API page."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from rasd.model import Document, Entity, Mention, Quantity, Timex
from rasd.store.queries import DayCount
from rasd.web.render import MAP_SCALE, highlight_document, map_view, openapi_operations, timeline_bars


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_overlapping_spans_keep_the_longest_and_text_is_escaped() -> None:
    text = "قتل 12 شخصا في بنغازي <script>alert(1)</script> أمس الأربعاء"
    doc = Document(id="d", text=text)
    start = text.index("بنغازي")
    doc.mentions.append(
        Mention(id="m1", start=start, end=start + 6, text="بنغازي", type="GPE", entity_id="E1")
    )
    doc.quantities.append(
        Quantity(
            id="q1",
            start=4,
            end=11,
            text="12 شخصا",
            value=12,
            min=12,
            max=12,
            qualifier="exact",
            measure="killed",
        )
    )
    doc.quantities.append(
        Quantity(
            id="q2", start=4, end=6, text="12", value=12, min=12, max=12, qualifier="exact", measure="killed"
        )
    )
    t0 = text.index("أمس")
    doc.timexes.append(
        Timex(id="t1", start=t0, end=len(text), text=text[t0:], type="DATE", value="2026-03-11")
    )
    names = {"E1": Entity(id="E1", type="GPE", name="بنغازي", name_en="Benghazi")}
    out = str(highlight_document(doc, names))
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert _plain(out) == text
    assert out.count("<mark") == 3  # the short quantity inside the long one is dropped
    assert 'href="/entities/E1"' in out and "Benghazi" in out


@given(
    text=st.text(min_size=1, max_size=60),
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8),
)
def test_highlighting_never_changes_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    doc = Document(id="d", text=text)
    for i, (a, b) in enumerate(spans):
        a, b = sorted((min(a, len(text)), min(b, len(text))))
        doc.mentions.append(Mention(id=f"m{i}", start=a, end=b, text=text[a:b], type="PER"))
    out = str(highlight_document(doc, {}))
    assert _plain(out) == text
    for start, end, inner in re.findall(r'data-start="(\d+)" data-end="(\d+)"[^>]*>(.*?)</mark>', out):
        assert _plain(inner) == text[int(start) : int(end)]


def test_map_frames_every_point() -> None:
    places = [
        Entity(id="a", type="GPE", name="بنغازي", lat=32.1, lon=20.07, mention_count=9),
        Entity(id="b", type="GPE", name="سرت", lat=31.2, lon=16.59, mention_count=1),
        Entity(id="c", type="ORG", name="بلا مكان"),
    ]
    view = map_view(places)
    x0, y0, w, h = map(float, view.view_box.split())
    assert [p.entity.id for p in view.points] == ["a", "b"]  # no coordinates, no point; biggest first
    for p in view.points:
        assert x0 <= p.x <= x0 + w and y0 <= p.y <= y0 + h
        assert p.x == p.entity.lon * MAP_SCALE and p.y == -p.entity.lat * MAP_SCALE
    assert view.points[0].r > view.points[1].r
    assert map_view([]).view_box == "-1800 -900 3600 1800"


def test_timeline_fills_gaps_and_coarsens_long_spans() -> None:
    bars = timeline_bars([DayCount("2026-01-15", 1), DayCount("2026-01-18", 3)])
    assert [(b.label, b.count) for b in bars] == [
        ("2026-01-15", 1),
        ("2026-01-16", 0),
        ("2026-01-17", 0),
        ("2026-01-18", 3),
    ]
    assert bars[-1].height == 100.0
    months = timeline_bars([DayCount("2016-01-15", 2), DayCount("2018-07-18", 3), DayCount("bad", 4)])
    assert months[0].label == "2016-01" and months[-1].label == "2018-07" and len(months) == 31
    assert sum(b.count for b in months) == 5
    assert len(timeline_bars([DayCount("0990-01-01", 1), DayCount("2018-07-18", 1)], max_bars=60)) == 60
    assert timeline_bars([]) == []


def test_openapi_operations_flatten_parameters() -> None:
    spec = {
        "paths": {
            "/api/x": {
                "get": {
                    "summary": "X",
                    "parameters": [
                        {
                            "name": "q",
                            "in": "query",
                            "schema": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                        }
                    ],
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Entity"},
                                    }
                                }
                            }
                        }
                    },
                }
            }
        }
    }
    (op,) = openapi_operations(spec)
    assert (op.method, op.path, op.response) == ("GET", "/api/x", "list of Entity")
    assert op.parameters[0]["type"] == "string | null"


def test_map_frames_events_too() -> None:
    from rasd.model import Event, Span

    strike = Event(
        id="ev1",
        type="airstrike",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        date="2026-03-01",
        evidence=[Span("a", 0, 5), Span("b", 0, 5)],
        lat=32.76,
        lon=22.64,
    )
    undated = Event(
        id="ev2", type="arrest", acled_event_type=None, acled_sub_event_type=None, date=None, evidence=[]
    )
    view = map_view([], events=[strike, undated])
    x0, y0, w, h = map(float, view.view_box.split())
    assert [p.event.id for p in view.events] == ["ev1"] and view.points == []
    p = view.events[0]
    assert x0 <= p.x <= x0 + w and y0 <= p.y <= y0 + h
