"""Optional backend: a local Hugging Face token-classification model (``transformers:/path``).

For users who already have one (e.g. a CAMeLBERT NER checkpoint). Loaded from a
local folder only (``local_files_only``): nothing is downloaded. Its label names go
through rasd.ner.labels like any corpus's tags. Needs ``transformers`` and ``torch``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rasd.ner.labels import map_tags


class TransformersNer:
    """NerModel over ``AutoModelForTokenClassification``; a word's tag is its first piece's."""

    def __init__(self, path: Path, max_length: int = 512) -> None:
        import torch
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        if not path.exists():
            raise FileNotFoundError(f"no Hugging Face model at {path}")
        self._torch = torch
        self.tokenizer: Any = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        self.model: Any = AutoModelForTokenClassification.from_pretrained(str(path), local_files_only=True)
        self.model.eval()
        self.id2label = {int(k): str(v) for k, v in self.model.config.id2label.items()}
        self.max_length = max_length
        self.description = f"transformers:{path}"

    def _probs(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        if not tokens:
            return [], []
        enc = self.tokenizer(
            list(tokens), is_split_into_words=True, truncation=True, max_length=self.max_length,
            return_tensors="pt",
        )  # fmt: skip
        with self._torch.inference_mode():
            probs = self._torch.softmax(self.model(**enc).logits[0], dim=-1)
        raw = ["O"] * len(tokens)
        scores = [0.0] * len(tokens)
        seen: set[int] = set()
        for piece, word in enumerate(enc.word_ids(0)):
            if word is None or word in seen:
                continue
            seen.add(word)
            best = int(probs[piece].argmax())
            raw[word] = self.id2label.get(best, "O")
            scores[word] = float(probs[piece, best])
        return map_tags(raw, "generic"), scores

    def predict_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [self._probs(s)[0] for s in sentences]

    def predict_scored(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        return self._probs(tokens)
