"""TIMEX3 value arithmetic: calendar shifts, ISO weeks, seasons, decades, Hijri dates.

Pure functions of dates; the recogniser decides *what* an expression means and
calls these to turn it into a TIMEX3 value string against the publication date.
"""

from __future__ import annotations

import datetime as dt
import math

# Python ordinal of Julian Day Number 0 offset: date.fromordinal(jdn - _JDN_OFFSET).
_JDN_OFFSET = 1721425
_ISLAMIC_EPOCH_JDN = 1948440  # 1 Muharram 1 AH (16 July 622, Julian)


def hijri_to_jdn(year: int, month: int, day: int) -> int:
    """Julian day number of a date in the tabular (arithmetical) Islamic calendar.

    The 30-year cycle with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 (the
    "Kuwaiti algorithm"); it can differ from Umm al-Qura or sighting by a day or two.
    """
    return (
        day
        + math.ceil(29.5 * (month - 1))
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + _ISLAMIC_EPOCH_JDN
        - 1
    )


def hijri_to_gregorian(year: int, month: int, day: int, strict: bool = True) -> dt.date:
    """Gregorian date of a tabular Hijri date; ValueError for impossible dates.

    ``strict=False`` accepts the 30th of a month the tabular calendar gives 29 days: news
    dated by sighting or Umm al-Qura has such days (it becomes the next tabular day).
    """
    if not (1 <= month <= 12 and 1 <= day <= 30 and 1 <= year <= 3000):
        raise ValueError(f"not a Hijri date: {year}-{month}-{day}")
    if strict and day == 30 and hijri_month_length(year, month) < 30:
        raise ValueError(f"Hijri month {year}-{month} has 29 days")
    return dt.date.fromordinal(hijri_to_jdn(year, month, day) - _JDN_OFFSET)


def hijri_month_length(year: int, month: int) -> int:
    nxt = hijri_to_jdn(year + (month == 12), month % 12 + 1, 1)
    return nxt - hijri_to_jdn(year, month, 1)


def gregorian_to_hijri(date: dt.date) -> tuple[int, int, int]:
    """Tabular Hijri (year, month, day) of a Gregorian date."""
    jdn = date.toordinal() + _JDN_OFFSET
    year = (30 * (jdn - _ISLAMIC_EPOCH_JDN) + 10646) // 10631
    month = min(12, math.ceil((jdn - (29 + hijri_to_jdn(year, 1, 1))) / 29.5) + 1)
    month = max(1, month)
    day = jdn - hijri_to_jdn(year, month, 1) + 1
    return year, month, day


def hijri_year_in_gregorian(year: int, month: int) -> int:
    """The Hijri year whose ``month`` falls (by its middle) in Gregorian ``year`` ("رمضان 2017")."""
    guess = round((year - 622) * 33 / 32)
    for candidate in (guess - 1, guess, guess + 1, guess + 2):
        if hijri_to_gregorian(candidate, month, 15).year == year:
            return candidate
    return guess


def shift_days(date: dt.date, days: int) -> str:
    return (date + dt.timedelta(days=days)).isoformat()


def shift_month(date: dt.date, months: int) -> tuple[int, int]:
    index = date.year * 12 + (date.month - 1) + months
    return index // 12, index % 12 + 1


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week_value(date: dt.date, weeks: int = 0) -> str:
    """ISO week of ``date`` shifted by ``weeks``: "2015-W53"."""
    year, week, _ = (date + dt.timedelta(weeks=weeks)).isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    """The latest ``weekday`` (Monday = 0) on or before ``anchor``."""
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: dt.date, weekday: int) -> dt.date:
    """The earliest ``weekday`` (Monday = 0) on or after ``anchor``."""
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


def weekday_relative(anchor: dt.date, weekday: int, relation: int) -> dt.date:
    """``weekday`` strictly before (-1), on or before (0) or strictly after (+1) ``anchor``."""
    if relation < 0:
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)
    if relation > 0:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    return weekday_on_or_before(anchor, weekday)


def month_relative(anchor: dt.date, month: int, relation: int, day: int | None = None) -> int:
    """Year of ``month`` (or of ``day`` ``month``) said with a relation word: last (-1), this (0)
    or next (+1). With a day, "24 يونيو المقبل" said on 2 June is this June, not next year's."""
    return relative_year(anchor.year, anchor.month, anchor.day, month, relation, day)


def relative_year(year: int, cur_month: int, cur_day: int, month: int, relation: int, day: int | None) -> int:
    """Calendar-independent core of :func:`month_relative` (also used for Hijri months)."""
    target = (month, day if day is not None else 0)
    current = (cur_month, cur_day if day is not None else 0)
    if relation < 0:
        return year if target < current else year - 1
    if relation > 0:
        return year if target > current else year + 1
    return year


_SEASON_ORDER = ("SP", "SU", "FA", "WI")  # a winter belongs to the year of its December


def season_of(date: dt.date) -> tuple[int, str]:
    """(year, code) of the season containing ``date``; winter belongs to its December's year."""
    m = date.month
    if m == 12:
        return date.year, "WI"
    if m <= 2:
        return date.year - 1, "WI"
    return date.year, ("SP", "SU", "FA")[(m - 3) // 3]


def season_value(anchor: dt.date, code: str, relation: int | None) -> str:
    """TIMEX3 season ("2013-WI"): the latest such season on or before the anchor, or the
    one before (-1) or after (+1) the current season."""
    year, current = season_of(anchor)
    index = year * 4 + _SEASON_ORDER.index(current)
    target = _SEASON_ORDER.index(code)
    latest = index - ((_SEASON_ORDER.index(current) - target) % 4)
    if relation is None or relation == 0:
        chosen = latest
    elif relation < 0:
        chosen = latest if latest < index else latest - 4
    else:
        chosen = latest + 4
    return f"{chosen // 4:04d}-{_SEASON_ORDER[chosen % 4]}"


def decade_value(anchor: dt.date | None, tens: int, century: int | None = None) -> str | None:
    """TIMEX3 decade ("196") for "الستينيات": the latest such decade not after the anchor."""
    if century is not None:
        return f"{century:02d}{tens}"
    if anchor is None:
        return None
    start = anchor.year // 100 * 100 + tens * 10
    if start > anchor.year:
        start -= 100
    return f"{start // 10:03d}"


def duration_value(count: float | None, letter: str, clock: bool) -> str:
    """TIMEX3 duration ("P4M", "PT3H", "PXY" when the count is vague)."""
    if count is None:
        number = "X"
    elif float(count).is_integer():
        number = str(int(count))
    else:
        number = f"{count:g}"
    return f"PT{number}{letter}" if clock else f"P{number}{letter}"


def shift_by_unit(anchor: dt.date, count: int, letter: str) -> tuple[str, str] | None:
    """The point ``count`` units after (negative: before) the anchor, at that unit's precision."""
    if letter == "D":
        return shift_days(anchor, count), "day"
    if letter == "W":
        return iso_week_value(anchor, count), "week"
    if letter == "M":
        return month_value(*shift_month(anchor, count)), "month"
    if letter == "Y":
        year = anchor.year + count
        return (f"{year:04d}", "year") if 0 < year < 10000 else None
    if letter == "DE":
        decade = anchor.year // 10 + count
        return (f"{decade:03d}", "decade") if 0 < decade < 1000 else None
    if letter == "CE":
        century = anchor.year // 100 + count
        return (f"{century:02d}", "century") if 0 < century < 100 else None
    return None
