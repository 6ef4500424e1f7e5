"""Calendar arithmetic behind TIMEX3 values: Hijri conversion, ISO weeks, seasons, weekdays."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from rasd.time import normalise as nm


def test_known_tabular_hijri_dates() -> None:
    assert nm.hijri_to_gregorian(1, 1, 1) == dt.date(
        622, 7, 19
    )  # proleptic Gregorian of 16 July 622 (Julian)
    assert nm.hijri_to_gregorian(1436, 9, 1) == dt.date(2015, 6, 18)
    assert nm.hijri_to_gregorian(1437, 1, 1) == dt.date(2015, 10, 15)
    assert nm.gregorian_to_hijri(dt.date(2015, 12, 24)) == (1437, 3, 12)


def test_impossible_hijri_dates_raise() -> None:
    for args in ((1435, 13, 1), (1435, 0, 1), (1435, 1, 31)):
        try:
            nm.hijri_to_gregorian(*args)
        except ValueError:
            continue
        raise AssertionError(f"accepted {args}")


@given(st.dates(min_value=dt.date(700, 1, 1), max_value=dt.date(2500, 12, 31)))
def test_hijri_round_trip(date: dt.date) -> None:
    y, m, d = nm.gregorian_to_hijri(date)
    assert 1 <= m <= 12 and 1 <= d <= 30
    assert nm.hijri_to_gregorian(y, m, d) == date


@given(
    st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2100, 12, 24)),
    st.integers(0, 6),
    st.sampled_from([-1, 0, 1]),
)
def test_weekday_relative(anchor: dt.date, weekday: int, relation: int) -> None:
    day = nm.weekday_relative(anchor, weekday, relation)
    assert day.weekday() == weekday
    if relation == 0:
        assert 0 <= (anchor - day).days < 7
    elif relation < 0:
        assert 1 <= (anchor - day).days <= 7
    else:
        assert 1 <= (day - anchor).days <= 7


def test_iso_weeks_and_month_shifts() -> None:
    assert nm.iso_week_value(dt.date(2014, 3, 26)) == "2014-W13"
    assert nm.iso_week_value(dt.date(2015, 12, 24), 1) == "2015-W53"
    assert nm.iso_week_value(dt.date(2016, 1, 1), -1) == "2015-W52"
    assert nm.shift_month(dt.date(2014, 1, 31), -1) == (2013, 12)
    assert nm.month_relative(dt.date(2014, 3, 26), 3, -1) == 2013  # "مارس الماضي" said in March
    assert nm.month_relative(dt.date(2014, 3, 26), 2, -1) == 2014
    assert nm.month_relative(dt.date(2014, 3, 26), 3, 1) == 2015


def test_seasons() -> None:
    assert nm.season_of(dt.date(2016, 2, 1)) == (2015, "WI")
    assert nm.season_value(dt.date(2015, 12, 24), "SU", None) == "2015-SU"
    assert nm.season_value(dt.date(2015, 12, 24), "WI", -1) == "2014-WI"
    assert nm.season_value(dt.date(2015, 7, 1), "WI", None) == "2014-WI"
    assert nm.season_value(dt.date(2015, 7, 1), "SU", 1) == "2016-SU"


def test_durations_and_shifts() -> None:
    assert nm.duration_value(4, "M", False) == "P4M"
    assert nm.duration_value(1.5, "H", True) == "PT1.5H"
    assert nm.duration_value(None, "Y", False) == "PXY"
    assert nm.shift_by_unit(dt.date(2015, 12, 24), -95, "Y") == ("1920", "year")
    assert nm.shift_by_unit(dt.date(2015, 12, 24), 2, "M") == ("2016-02", "month")
    assert nm.shift_by_unit(dt.date(5, 1, 1), -10, "Y") is None
    assert nm.decade_value(dt.date(2015, 1, 1), 2) == "192"
    assert nm.decade_value(dt.date(2025, 1, 1), 2) == "202"
    assert nm.decade_value(None, 6) is None
