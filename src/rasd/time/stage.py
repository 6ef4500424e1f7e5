"""Pipeline stage: append TIMEX3 expressions to a document, anchored on its publication date."""

from __future__ import annotations

import datetime as dt

from rasd.model import Document
from rasd.time.anchor import infer_anchor
from rasd.time.recognise import find_timexes


class TimeStage:
    """Finds time expressions in ``doc.text``; relative ones are resolved against ``doc.published``.

    With ``infer_anchor=True`` a document without a publication date is anchored on a date
    inferred from its own text (``rasd.time.anchor``), ``default_anchor`` being the fallback;
    the choice is recorded in ``doc.metadata["time_anchor"]`` so readers can tell an inferred
    anchor from a published one. Rules and lexicons are compiled once at import, so
    constructing the stage is cheap.
    """

    name = "time"

    def __init__(
        self,
        use_published: bool = True,
        infer_anchor: bool = False,
        default_anchor: dt.date | str | None = None,
    ) -> None:
        self.use_published = use_published
        self.infer_anchor = infer_anchor
        self.default_anchor = (
            dt.date.fromisoformat(default_anchor) if isinstance(default_anchor, str) else default_anchor
        )

    def __call__(self, doc: Document) -> Document:
        anchor = doc.published if self.use_published else None
        if anchor is None and self.infer_anchor:
            guess = infer_anchor(doc.text, self.default_anchor)
            anchor = guess.value
            doc.metadata["time_anchor"] = guess.as_metadata()
        offset = len(doc.timexes)
        for n, timex in enumerate(find_timexes(doc.text, anchor, doc.id), start=offset + 1):
            timex.id = f"{doc.id}:t{n}"
            doc.timexes.append(timex)
        return doc
