"""The TimeML scorer on a tiny invented corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rasd.time.evaluate import evaluate_timeml, read_tml

DOC1 = (
    '<?xml version="1.0"?>\n<TimeML>\nوصل الوفد '
    '<TIMEX3 tid="t1" type="DATE" value="2020-05-01">اليوم</TIMEX3> '
    'بعد رحلة استمرت <TIMEX3 tid="t2" type="DURATION" value="P2D">يومين</TIMEX3> و'
    '<TIMEX3 tid="t3" type="DATE" value="PAST_REF">سابقا</TIMEX3> كان هنا منذ '
    '<TIMEX3 tid="t4" type="DURATION" value="P9Y">تسع</TIMEX3> &amp; سنين.\n</TimeML>\n'
)
DOC2 = '<TimeML>تنطلق الدورة <TIMEX3 tid="t1" type="DATE" value="2020-05-04">الاثنين</TIMEX3> المقبل</TimeML>'


def test_read_tml_offsets(tmp_path: Path) -> None:
    (tmp_path / "doc1.tml").write_text(DOC1, encoding="utf-8")
    gold = read_tml(tmp_path / "doc1.tml")
    assert [g.text for g in gold.timexes] == ["اليوم", "يومين", "سابقا", "تسع"]
    assert all(gold.text[g.start : g.end] == g.text for g in gold.timexes)
    assert "&" in gold.text and "<" not in gold.text


def test_evaluate_counts_strict_relaxed_and_values(tmp_path: Path) -> None:
    (tmp_path / "doc1.tml").write_text(DOC1, encoding="utf-8")
    (tmp_path / "doc2.tml").write_text(DOC2, encoding="utf-8")
    report = evaluate_timeml(tmp_path, anchor=dt.date(2020, 5, 1), dev_last=1)
    dev, test = report.splits["dev"], report.splits["test"]
    # dev: اليوم, يومين, سابقا exact; "تسع" is missed because "&" separates it from its unit
    assert (dev.gold, dev.strict, dev.value_correct) == (4, 3, 3)
    # test: the system span "الاثنين المقبل" overlaps the gold "الاثنين" (relaxed, not strict), same value
    assert (test.gold, test.system, test.strict, test.relaxed_gold, test.value_correct) == (1, 1, 0, 1, 1)
    assert report.splits["all"].gold == 5
    table = report.format()
    assert "| dev (1 docs) | 4 |" in table and "| test (1 docs) | 1 |" in table
