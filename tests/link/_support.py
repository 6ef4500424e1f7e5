"""Shared helper of the linking and geocoding tests: a document with hand-placed mentions."""

from __future__ import annotations

from rasd.model import Document, Mention


def doc(doc_id: str, text: str, spans: list[tuple[str, str]]) -> Document:
    """A document whose mentions are the given (surface, type) pairs, found in order in text."""
    d = Document(id=doc_id, text=text)
    pos = 0
    for i, (surface, etype) in enumerate(spans):
        start = text.index(surface, pos)
        d.mentions.append(
            Mention(id=f"{doc_id}:m{i}", start=start, end=start + len(surface), text=surface, type=etype)
        )
        pos = start + len(surface)
    return d
