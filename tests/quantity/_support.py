"""Shared helpers of the quantity tests: run the stage on one invented sentence."""

from __future__ import annotations

import datetime as dt

from rasd.model import Document, Quantity
from rasd.quantity.stage import QuantityStage

OUTLET = "إذاعة المثال"


def quantities(text: str) -> list[Quantity]:
    doc = Document(id="d", text=text, source=OUTLET, published=dt.date(2018, 3, 4))
    return QuantityStage()(doc).quantities


def only(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, [(q.text, q.measure) for q in found]
    return found[0]


def figures(text: str) -> list[tuple[float | None, str]]:
    return [(q.value, q.measure) for q in quantities(text)]
