"""TimeStage appends anchored timexes to a Document without touching its text."""

from __future__ import annotations

import datetime as dt

from rasd.model import Document, Timex
from rasd.pipeline import create_stage
from rasd.time.stage import TimeStage

TEXT = "قال المتحدث أمس الأربعاء إن القوات تقدمت خلال الأيام الثلاثة الماضية، وإن الهدنة بدأت في 23 مارس."


def test_stage_appends_timexes_anchored_on_published() -> None:
    doc = Document(id="n1", text=TEXT, published=dt.date(2014, 3, 27))
    out = TimeStage()(doc)
    assert out.text == TEXT
    assert [(t.id, t.text, t.value) for t in out.timexes] == [
        ("n1:t1", "أمس الأربعاء", "2014-03-26"),
        ("n1:t2", "الأيام الثلاثة الماضية", "P3D"),
        ("n1:t3", "23 مارس", "2014-03-23"),
    ]


def test_stage_without_publication_date_leaves_relative_values_empty() -> None:
    doc = TimeStage()(Document(id="n2", text=TEXT))
    assert [t.value for t in doc.timexes] == [None, "P3D", None]


def test_ids_continue_after_existing_timexes() -> None:
    doc = Document(id="n3", text=TEXT, published=dt.date(2014, 3, 27))
    doc.timexes.append(Timex(id="n3:t1", start=0, end=3, text=TEXT[:3], type="DATE", value=None))
    TimeStage()(doc)
    assert [t.id for t in doc.timexes] == ["n3:t1", "n3:t2", "n3:t3", "n3:t4"]


def test_stage_is_registered_in_the_pipeline() -> None:
    stage = create_stage("time")
    assert stage.name == "time"
    doc = stage(Document(id="n4", text="وصل الوفد اليوم", published=dt.date(2020, 5, 1)))
    assert [t.value for t in doc.timexes] == ["2020-05-01"]
