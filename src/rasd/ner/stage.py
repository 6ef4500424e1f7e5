"""The NER pipeline stage: entity mentions at offsets into the original text.

The model sees the text stage's tokens (punctuation split, clitics attached, as
in ANERcorp); a predicted span of tokens becomes one Mention from the first
token's start to the last token's end, so diacritics, tatweel and attached
clitics inside the span are reported exactly as they appear in the document.
A conjunction or preposition glued to the first word (وفرنسا، لحزب الله) is
left out of the mention, using the text stage's clitic analysis.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rasd.model import Document, Mention, Token
from rasd.ner.evaluate import spans
from rasd.ner.model import NerModel, load_model
from rasd.text.normalise import normalize


def _is_edge_junk(token: Token) -> bool:
    return token.kind in ("punct", "symbol")


_DETACHABLE = ("و", "ف", "ب", "ل", "ك")


def _name_start(token: Token) -> int:
    """Where the name starts inside its first token: after و/ف/ب/ل/ك (وفرنسا -> فرنسا).

    The article stays (الصين), and so does the ل of للـ, whose article has lost its alef.
    """
    clitics = token.clitics
    if clitics is None:
        return token.start
    skip = 0
    for i, prefix in enumerate(clitics.prefixes):
        if prefix not in _DETACHABLE:
            break
        if prefix == "ل" and clitics.prefixes[i + 1 : i + 2] == ("ال",):
            break
        skip += 1
    if skip == 0:
        return token.start
    seen = 0
    for offset, ch in enumerate(token.text):
        if normalize(ch):  # diacritics and tatweel are not letters
            if seen == skip:
                return token.start + offset
            seen += 1
    return token.start


class NerStage:
    """Appends ``Mention(source="ner")`` for every entity the model finds in each sentence.

    ``model``: ``None`` for the shipped default (the BiLSTM student), ``"crf"`` for the shipped CRF,
    ``"crf:/dir"`` for another CRF, ``"student:/dir"`` for another student, ``"e5"`` for the e5 mode,
    ``"transformers:/path"`` for a local Hugging Face token-classification model.
    """

    name = "ner"

    def __init__(self, model: str | None = None) -> None:
        self.model_spec = model
        self._model: NerModel | None = None

    @property
    def model(self) -> NerModel:
        if self._model is None:
            self._model = load_model(self.model_spec)  # cached per process
        return self._model

    def __call__(self, doc: Document) -> Document:
        if not doc.sentences and doc.text.strip():
            from rasd.text.stage import TextStage

            TextStage()(doc)  # run standalone: tokens are needed
        n = len(doc.mentions)
        sentences = [doc.sentence_tokens(sentence) for sentence in doc.sentences]
        sentences = [tokens for tokens in sentences if tokens]
        words = [[t.text for t in tokens] for tokens in sentences]
        batched = getattr(self.model, "predict_scored_batch", None)  # one call a document when the model can
        results = batched(words) if batched else [self.model.predict_scored(w) for w in words]
        for tokens, (tags, scores) in zip(sentences, results, strict=True):
            for start, end, typ in spans(tags):
                while start < end and _is_edge_junk(tokens[start]):
                    start += 1
                while end > start and _is_edge_junk(tokens[end - 1]):
                    end -= 1
                if start >= end:
                    continue
                char_start, char_end = _name_start(tokens[start]), tokens[end - 1].end
                doc.mentions.append(
                    Mention(
                        id=f"{doc.id}:m{n}",
                        start=char_start,
                        end=char_end,
                        text=doc.text[char_start:char_end],
                        type=typ,
                        score=round(sum(scores[start:end]) / (end - start), 4),
                        source="ner",
                    )
                )
                n += 1
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
