"""Pipeline stage: append TIMEX3 expressions to a document, anchored on its publication date."""

from __future__ import annotations

from rasd.model import Document
from rasd.time.recognise import find_timexes


class TimeStage:
    """Finds time expressions in ``doc.text``; relative ones are resolved against ``doc.published``.

    Rules and lexicons are compiled once at import, so constructing the stage is cheap.
    """

    name = "time"

    def __init__(self, use_published: bool = True) -> None:
        self.use_published = use_published

    def __call__(self, doc: Document) -> Document:
        anchor = doc.published if self.use_published else None
        offset = len(doc.timexes)
        for n, timex in enumerate(find_timexes(doc.text, anchor, doc.id), start=offset + 1):
            timex.id = f"{doc.id}:t{n}"
            doc.timexes.append(timex)
        return doc
