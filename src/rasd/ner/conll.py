"""Reading CoNLL-style NER files (``token TAG`` per line, blank line between sentences).

Tolerant on purpose: tab or space separated, extra columns (Wojood lists nested
tags outermost first), ``-DOCSTART-`` lines and Wojood's ``$#$`` line-break marker.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.ner.labels import map_tags, map_type, split_tag

_SKIP_TOKENS = {"$#$"}


@dataclass(slots=True)
class ConllSentence:
    tokens: list[str]
    tags: list[list[str]]  # every tag column of each token, outermost first

    def layer(self, corpus: str = "generic") -> list[str]:
        """One flat IOB2 layer over Rasd types: per token, the outermost tag Rasd keeps."""
        chosen: list[str] = []
        for column in self.tags:
            pick = "O"
            for tag in column:
                _, raw = split_tag(tag)
                if raw is not None and map_type(raw, corpus) is not None:
                    pick = tag
                    break
            chosen.append(pick)
        return map_tags(chosen, corpus)


class ConllFormatError(ValueError):
    """A line that is not ``token TAG``; carries the file and line number."""


def iter_conll(path: Path | str) -> Iterator[ConllSentence]:
    """Sentences of a CoNLL file, in order."""
    tokens: list[str] = []
    tags: list[list[str]] = []
    with open(path, encoding="utf-8-sig") as handle:
        for lineno, raw_line in enumerate(handle, 1):
            line = raw_line.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    yield ConllSentence(tokens, tags)
                tokens, tags = [], []
                continue
            if line.startswith("-DOCSTART-"):
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            parts = [p for p in (x.strip() for x in parts) if p]
            if len(parts) == 1 and "\t" in line:
                parts = line.split()
            if len(parts) < 2:
                raise ConllFormatError(f"{path}:{lineno}: expected 'token TAG', got {line!r}")
            token = parts[0]
            column = parts[1:]
            if len(column) > 1 and "\t" in line:
                column = [t for p in column for t in p.split()]
            if token in _SKIP_TOKENS:
                continue
            tokens.append(token)
            tags.append(column)
    if tokens:
        yield ConllSentence(tokens, tags)


def read_conll(path: Path | str, corpus: str = "generic") -> list[tuple[list[str], list[str]]]:
    """``(tokens, IOB2 tags over Rasd types)`` for every sentence of ``path``."""
    return [(s.tokens, s.layer(corpus)) for s in iter_conll(path)]
