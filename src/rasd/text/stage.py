"""The text stage: paragraphs, sentences, tokens and clitics for every later stage."""

from __future__ import annotations

from rasd.model import Document
from rasd.text.clitics import analyse
from rasd.text.segment import paragraphs, split_sentences
from rasd.text.tokenize import iter_tokens


class TextStage:
    name = "text"

    def __init__(self, clitics: bool = True) -> None:
        self.clitics = clitics

    def __call__(self, doc: Document) -> Document:
        doc.paragraphs = paragraphs(doc.text)
        doc.tokens = []
        doc.sentences = []
        for index, para in enumerate(doc.paragraphs):
            first = len(doc.tokens)
            tokens = list(iter_tokens(doc.text, para.start, para.end))
            if self.clitics:
                for tok in tokens:
                    tok.clitics = analyse(tok)
            doc.tokens.extend(tokens)
            doc.sentences.extend(split_sentences(tokens, index, first))
        return doc
