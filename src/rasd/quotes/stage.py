"""The quote stage: runs after text, ner and link and appends ``doc.quotes``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rasd.model import Document
from rasd.quotes.extract import find_quotes


class QuoteStage:
    """Direct and indirect quotes with speaker mention, speaker text and reporting cue.

    The stage uses the sentences and tokens of the text stage (it runs the text stage itself
    when they are missing) and the mentions of ner/link when present; without mentions it
    still finds quotes and gives speakers as text. Its lexicons are plain module constants,
    so constructing it is free.
    ``replace``: drop quotes already on the document instead of appending to them.
    """

    name = "quotes"

    def __init__(self, *, replace: bool = True) -> None:
        self.replace = replace

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens and doc.text.strip():
            from rasd.text.stage import TextStage

            TextStage()(doc)
        found = find_quotes(doc)
        if self.replace:
            doc.quotes = found
        else:
            taken = {q.id for q in doc.quotes}
            doc.quotes.extend(q for q in found if q.id not in taken)
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
