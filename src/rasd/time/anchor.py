"""Infer a document creation time from the document's own text.

News without a publication date still dates itself: "أمس الجمعة" says the article was
written on a Saturday, "اليوم الخميس 24 ديسمبر 2015" names the day outright, and a dateline
("الخميس 24 ديسمبر 2015" on the first line) does the same. This module reads only the text;
the caller may add a corpus-level default (for instance the collection date), which serves as
the fallback and resolves weekday-only evidence to a concrete day.

Conventions (documented in docs/benchmarks/time.md):
- An explicit date tied to a deictic word or standing as a dateline wins over everything else.
- Weekday evidence ("غدا الاثنين" -> the article's day is a Sunday) picks the latest such
  weekday on or before the default: a corpus default is normally when the corpus was collected,
  and no article in it was published later. Without a default a weekday alone names no date.
- Several weekday cues vote; ties go to the cue that comes first in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from rasd.text.normalise import NormalizedText
from rasd.time import lexicon as lx
from rasd.time.recognise import DEI, MON, OS, WD, S, _key

_YEAR = rf"(?:{OS}[,،]?{OS}(?:عام{S})?(?P<year>\d{{4}}))?"
_DATE = rf"(?P<day>\d{{1,2}}){OS}(?:من{S})?(?:شهر{S})?(?P<mon>{MON}){_YEAR}"
_SEP = rf"{OS}[,،-]?{OS}"
# "اليوم الخميس"، "أمس الجمعة 18 ديسمبر 2015"، "غدا، 25 ديسمبر"
_DEICTIC_CUE = re.compile(
    rf"(?<!\w)[وف]?(?:يوم{S})?(?P<dei>{DEI})(?:{S}(?:يوم{S})?(?P<wd>{WD}))?(?:{_SEP}(?:{_DATE}))?(?!\w)"
)
# A dateline: a full date with its year, alone on a short first line or opening the text.
_DATELINE = re.compile(rf"^\W*(?:(?:يوم{S})?(?P<wd>{WD}){_SEP})?{_DATE}(?!\w)")
_DATELINE_REACH = 80  # characters of the first line where a dateline may stand


@dataclass(frozen=True, slots=True)
class AnchorGuess:
    """The anchor chosen for a document and why (``source`` names the evidence)."""

    value: dt.date | None
    inferred: bool  # True when the text supplied the date or narrowed the default
    source: str  # "dated-deictic", "dateline", "weekday", "default", "none"
    start: int | None = None  # original offsets of the deciding evidence
    end: int | None = None

    def as_metadata(self) -> dict[str, object]:
        """JSON-ready form for ``Document.metadata["time_anchor"]``."""
        return {
            "value": self.value.isoformat() if self.value else None,
            "inferred": self.inferred,
            "source": self.source,
            "evidence": [self.start, self.end] if self.start is not None else None,
        }


def _gregorian_date(m: re.Match[str], default: dt.date | None) -> dt.date | None:
    """The date of a ``_DATE`` match; a missing year comes from the default (or None)."""
    month = lx.MONTHS.get(_key(m.group("mon")))
    if month is None or month.hijri:
        return None
    year = int(m.group("year")) if m.group("year") else (default.year if default else None)
    if year is None or not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month.number, int(m.group("day")))
    except ValueError:
        return None


def infer_anchor(text: str, default: dt.date | None = None) -> AnchorGuess:
    """Anchor for a document without a publication date, from its text (and ``default``)."""
    norm = NormalizedText(text)
    folded = norm.text
    first_line = folded.lstrip()[:_DATELINE_REACH]
    lead = len(folded) - len(folded.lstrip())
    dateline = _DATELINE.match(first_line)
    if dateline and dateline.group("year"):
        date = _gregorian_date(dateline, default)
        named = dateline.group("wd")
        if date and (named is None or lx.WEEKDAYS[_key(named)] == date.weekday()):
            start, end = norm.to_original(lead + dateline.start(), lead + dateline.end())
            return AnchorGuess(date, True, "dateline", start, end)
    votes: Counter[int] = Counter()
    first_seen: dict[int, tuple[int, int]] = {}
    for m in _DEICTIC_CUE.finditer(folded):
        offset = lx.DEICTIC_DAYS[_key(m.group("dei"))]
        if m.group("mon"):
            date = _gregorian_date(m, default)
            weekday_ok = m.group("wd") is None or (
                date is not None and lx.WEEKDAYS[_key(m.group("wd"))] == date.weekday()
            )
            if date and weekday_ok:
                start, end = norm.to_original(m.start(), m.end())
                return AnchorGuess(date - dt.timedelta(days=offset), True, "dated-deictic", start, end)
        if m.group("wd"):
            weekday = (lx.WEEKDAYS[_key(m.group("wd"))] - offset) % 7
            votes[weekday] += 1
            first_seen.setdefault(weekday, norm.to_original(m.start(), m.end()))
    if votes and default is not None:
        best = max(votes, key=lambda w: (votes[w], -first_seen[w][0]))
        date = default - dt.timedelta(days=(default.weekday() - best) % 7)
        start, end = first_seen[best]
        return AnchorGuess(date, True, "weekday", start, end)
    if default is not None:
        return AnchorGuess(default, False, "default")
    return AnchorGuess(None, False, "none")
