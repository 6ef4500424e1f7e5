"""Loading and running NER models: the shipped CRF, or a local Hugging Face model.

Models are loaded once per process (module-level cache keyed by the model
spec) so building the NER stage twice, or once per worker batch, is cheap.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from rasd.ner.features import FeatureExtractor

CRF_FILE = "crf.crfsuite"  # an extension the package data includes
# the model used when none is named: the BiLSTM student (tail dev 77.45 against the CRF's 74.37,
# docs/benchmarks/ner.md round 6); "crf" stays available
DEFAULT_SPEC = "student"
TRANSFORMERS_PREFIX = "transformers:"


def default_model_dir() -> Path:
    """Directory of the model shipped inside the package."""
    return Path(__file__).resolve().parent.parent / "resources" / "ner"


class NerModel(Protocol):
    description: str

    def predict_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags over Rasd types (PER, ORG, LOC, MISC, ...) for each tokenised sentence."""
        ...

    def predict_scored(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        """Tags of one sentence and, per token, the model's confidence in its tag."""
        ...


def _capitalised_latin(token: str) -> bool:
    return bool(token) and token[0].isascii() and token[0].isupper()


def extend_latin_names(tokens: Sequence[str], tags: list[str]) -> list[str]:
    """Continue a name over the capitalised Latin words that follow it ("The" + "Guardian").

    Inside Arabic text a run of capitalised Latin words is one name; the e5 teacher of the
    distilled CRF often stops after the first word, and the CRF learned that from it.
    """
    for i in range(1, len(tags)):
        prev_latin = _capitalised_latin(tokens[i - 1])
        if tags[i] == "O" and tags[i - 1] != "O" and prev_latin and _capitalised_latin(tokens[i]):
            tags[i] = "I-" + tags[i - 1][2:]
    return tags


class CrfNer:
    """The default model: a linear-chain CRF (python-crfsuite) over rich token features."""

    def __init__(self, directory: Path) -> None:
        import pycrfsuite

        path = directory / CRF_FILE
        if not path.exists():
            raise FileNotFoundError(f"no CRF NER model at {path}; run `rasd train ner`")
        self.directory = directory
        self.features = FeatureExtractor.for_model(directory)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self._lock = threading.Lock()  # a crfsuite Tagger holds per-call state
        self.description = f"crf:{directory}"

    def predict_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        out: list[list[str]] = []
        with self._lock:
            for tokens in sentences:
                if not tokens:
                    out.append([])
                    continue
                out.append(extend_latin_names(tokens, list(self._tagger.tag(self.features.sentence(tokens)))))
        return out

    def predict_scored(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        if not tokens:
            return [], []
        with self._lock:
            self._tagger.set(self.features.sentence(tokens))
            tags = extend_latin_names(tokens, list(self._tagger.tag()))
            scores = [self._tagger.marginal(tag, i) for i, tag in enumerate(tags)]
        return tags, scores


class MixedNer:
    """One model's spans, except for some types, which come from another model (``"student+crf"``).

    Spans of the other model's types are added only where the main model tagged nothing.
    """

    def __init__(self, main: NerModel, other: NerModel, other_types: Sequence[str] = ("MISC",)) -> None:
        self.main = main
        self.other = other
        self.other_types = frozenset(other_types)
        self.description = f"{main.description}+{other.description}({','.join(sorted(self.other_types))})"

    def predict_scored_batch(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        batched = getattr(self.main, "predict_scored_batch", None)
        mains = batched(sentences) if batched else [self.main.predict_scored(s) for s in sentences]
        out = []
        for tokens, (tags, scores) in zip(sentences, mains, strict=True):
            tags = ["O" if t != "O" and t[2:] in self.other_types else t for t in tags]
            if tokens:
                other_tags, other_scores = self.other.predict_scored(tokens)
                i = 0
                while i < len(other_tags):
                    tag = other_tags[i]
                    if tag.startswith("B-") and tag[2:] in self.other_types:
                        j = i + 1
                        while j < len(other_tags) and other_tags[j] == "I-" + tag[2:]:
                            j += 1
                        if all(t == "O" for t in tags[i:j]):
                            tags[i:j] = other_tags[i:j]
                            scores[i:j] = other_scores[i:j]
                        i = j
                    else:
                        i += 1
            out.append((tags, scores))
        return out

    def predict_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [tags for tags, _ in self.predict_scored_batch(sentences)]

    def predict_scored(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        return self.predict_scored_batch([tokens])[0]


_CACHE: dict[str, NerModel] = {}
_CACHE_LOCK = threading.RLock()  # re-entrant: a mixed model loads its parts


def load_model(spec: str | None = None) -> NerModel:
    """The model named by ``spec``, loaded once per process.

    ``None``: the default (``DEFAULT_SPEC``, the student since round 6); ``"crf"``: the shipped CRF;
    ``"crf:/dir"``: a CRF trained into ``/dir``; ``"student"`` / ``"student:/dir"``: the numpy
    BiLSTM student (rasd.ner.student);
    ``"e5"`` / ``"e5:/dir"``: the opt-in fine-tuned multilingual-e5-small (needs torch);
    ``"transformers:/path"``: a local Hugging Face token-classification model;
    ``"A+B"`` (e.g. ``"student+crf"``): model A's PER/ORG/LOC with model B's MISC.
    """
    key = spec or DEFAULT_SPEC
    with _CACHE_LOCK:
        model = _CACHE.get(key)
        if model is None:
            model = _build(key)
            _CACHE[key] = model
        return model


def _build(spec: str) -> NerModel:
    if spec == "crf":
        return CrfNer(default_model_dir())
    if spec.startswith("crf:"):
        return CrfNer(Path(spec[4:]))
    if "+" in spec:  # "student+crf", "student:/dir+crf:/dir2": the second model's MISC
        main, other = spec.split("+", 1)
        return MixedNer(load_model(main), load_model(other), ("MISC",))
    if spec == "student" or spec.startswith("student:"):
        from rasd.ner.student import StudentNer

        return StudentNer(Path(spec[8:]) if spec.startswith("student:") else default_model_dir())
    if spec == "e5" or spec.startswith("e5:"):
        from rasd.ner.transformer import E5Ner

        return E5Ner(Path(spec[3:]) if spec.startswith("e5:") else default_model_dir())
    if spec.startswith(TRANSFORMERS_PREFIX):
        from rasd.ner.hf import TransformersNer

        return TransformersNer(Path(spec[len(TRANSFORMERS_PREFIX) :]))
    path = Path(spec)
    if (path / CRF_FILE).exists():
        return CrfNer(path)
    raise ValueError(
        f"unknown NER model {spec!r}: use 'crf', 'crf:/dir', 'student', 'student:/dir', 'e5', 'e5:/dir'"
        " or 'transformers:/path'"
    )
