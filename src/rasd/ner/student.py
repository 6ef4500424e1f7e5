"""The neural student: a small BiLSTM tagger distilled from the e5 teacher, run with numpy only.

Each token becomes one vector built from what the CRF also sees (folded word and
clitic-stripped stem looked up in frozen fastText news vectors, a character CNN,
the three word-cluster levels, shape, proclitics, gazetteer and trigger flags, the
KB phrase tag), a one-layer BiLSTM reads the sentence, and a softmax per token is
decoded under the IOB2 constraint (``I-X`` only after ``B-X``/``I-X``) like the e5 mode.

Torch is needed only to train it (``rasd.ner.student_train``); inference is numpy,
batched over the sentences of a document, with the context-free part of every
token's vector cached per distinct token string.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rasd.ner.features import Lexicon, match_phrases, shape, strip_clitics
from rasd.ner.labels import MODEL_TYPES
from rasd.ner.lexicon import TRIGGERS
from rasd.text.normalise import normalize

STUDENT_WEIGHTS = "student.npz"
STUDENT_CONFIG = "student.json"
VECTORS_FILE = "student_vectors.npz"  # int8 fastText vectors of the commonest news words, per-row scales

LABELS: tuple[str, ...] = ("O", *(f"{p}-{t}" for t in MODEL_TYPES for p in ("B", "I")))
SHAPES: tuple[str, ...] = ("", "empty", "num", "punct", "other", "ar", "LAT", "Lat", "lat")
GAZ_FLAGS: tuple[str, ...] = ("LOC", "LOCP", "PERN")
KB_KINDS: tuple[str, ...] = ("GPE", "ORG", "PER", "NORP", "PLACE")
KB_TAGS: tuple[str, ...] = ("", *(f"{p}-{k}" for k in KB_KINDS for p in ("B", "I")))
# every proclitic string rasd.ner.features.strip_clitics can return
PREFIXES: tuple[str, ...] = (
    "",
    *(c + p for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك", "لل") if c + p),
    *(c + p + "ال" for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك")),
)
MAX_CHARS = 15  # characters of a folded word the char CNN reads (longer words are cut)


def flag_names() -> tuple[str, ...]:
    """Binary inputs, in a fixed order: gazetteer flags, trigger classes, diacritics, OOV markers."""
    return (*(f"g={f}" for f in GAZ_FLAGS), *(f"t={t}" for t in sorted(TRIGGERS)), "diac", "oov_w", "oov_s")


@dataclass(frozen=True, slots=True)
class TokenIds:
    """Context-free integer inputs of one token string (0 is "none"/padding everywhere)."""

    word: int
    stem: int
    chars: tuple[int, ...]
    clusters: tuple[int, int, int]
    shape: int
    prefix: int
    flags: tuple[int, ...]
    low: str  # folded, lower-cased form (what the KB phrase matcher compares)
    known: int = 0  # id of the folded word among the training words with a learned embedding (0: none)


class StudentVocab:
    """Maps tokens to the student's integer inputs; shared by training and inference."""

    def __init__(self, words: Sequence[str], chars: str, lexicon: Lexicon, known: Sequence[str] = ()) -> None:
        self.words = list(words)
        self.word_index = {w: i + 1 for i, w in enumerate(self.words)}  # 0: no vector
        self.known = list(known)
        self.known_index = {w: i + 1 for i, w in enumerate(self.known)}  # 0: not a training word
        self.chars = chars
        self.char_index = {c: i + 2 for i, c in enumerate(chars)}  # 0: padding, 1: unknown character
        self.lexicon = lexicon
        self.flags = flag_names()
        self._flag_index = {f: i for i, f in enumerate(self.flags)}
        self._prefix_index = {p: i for i, p in enumerate(PREFIXES)}
        self._shape_index = {s: i for i, s in enumerate(SHAPES)}
        self._kb_index = {t: i for i, t in enumerate(KB_TAGS)}
        self._cache: dict[str, TokenIds] = {}

    @property
    def n_chars(self) -> int:
        return len(self.chars) + 2

    def ids(self, token: str) -> TokenIds:
        cached = self._cache.get(token)
        if cached is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            cached = self._compute(token)
            self._cache[token] = cached
        return cached

    def _compute(self, token: str) -> TokenIds:
        norm = normalize(token) or token
        low = norm.lower()
        prefix, stem = strip_clitics(low)
        word = self.word_index.get(low, 0)
        stem_id = self.word_index.get(stem, 0)
        chars = tuple(self.char_index.get(c, 1) for c in low[:MAX_CHARS])
        clusters = self.lexicon.clusters.get(low) or self.lexicon.clusters.get(stem) or ()
        cl = tuple(int(c) + 1 for c in clusters[:3]) + (0,) * (3 - len(clusters[:3]))
        names: set[str] = set()
        for key in {low, stem}:
            names.update(f"g={f}" for f in self.lexicon.gazetteer.get(key, ()) if f in GAZ_FLAGS)
        for name, words in TRIGGERS.items():
            if low in words or stem in words:
                names.add(f"t={name}")
        if token != norm:
            names.add("diac")
        if not word:
            names.add("oov_w")
        if not stem_id:
            names.add("oov_s")
        flags = tuple(sorted(self._flag_index[n] for n in names))
        return TokenIds(
            word,
            stem_id,
            chars,
            (cl[0], cl[1], cl[2]),
            self._shape_index.get(shape(token), 0),
            self._prefix_index.get(prefix, 0),
            flags,
            low,
            self.known_index.get(low, 0),
        )

    def kb_tags(self, infos: Sequence[TokenIds]) -> list[int]:
        """Per token, the id of its KB phrase tag (0: in no known multi-word name)."""
        if not self.lexicon.phrases:
            return [0] * len(infos)
        return [self._kb_index.get(t, 0) for t in match_phrases([i.low for i in infos], self.lexicon)]


def load_vectors(directory: Path) -> tuple[list[str], np.ndarray]:
    """Words and their (dequantised, float32) vectors from ``student_vectors.npz``."""
    with np.load(directory / VECTORS_FILE) as data:
        words = bytes(data["words"]).decode("utf-8").split("\n")
        table = data["q"].astype(np.float32) * data["scale"].astype(np.float32)[:, None]
    return words, table


def save_vectors(directory: Path, words: Sequence[str], vectors: np.ndarray) -> None:
    """int8 with one float16 scale a row: a quarter of float32, and the student trains on these values."""
    scale = np.abs(vectors).max(axis=1) / 127.0 + 1e-12
    q = np.clip(np.round(vectors / scale[:, None]), -127, 127).astype(np.int8)
    directory.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        directory / VECTORS_FILE,
        words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
        q=q,
        scale=scale.astype(np.float16),
    )


def reverse_within(x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each row's first ``length`` steps reversed, padding left where it is."""
    b, t = x.shape[:2]
    idx = np.tile(np.arange(t), (b, 1))
    rev = lengths[:, None] - 1 - idx
    idx = np.where(rev >= 0, rev, idx)
    return x[np.arange(b)[:, None], idx]


def constrained_viterbi(logp: np.ndarray, lengths: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Best IOB2-valid label ids per sentence of a padded ``(B, T, L)`` log-probability batch."""
    b, t, _ = logp.shape
    penalty = np.where(allowed, 0.0, -1e9)
    score = logp[:, 0] + penalty[-1][None]
    back = np.zeros(logp.shape, dtype=np.int64)
    for step in range(1, t):
        cand = score[:, :, None] + penalty[None, :-1]
        back[:, step] = cand.argmax(axis=1)
        new = cand.max(axis=1) + logp[:, step]
        score = np.where((step < lengths)[:, None], new, score)
    path = np.zeros((b, t), dtype=np.int64)
    cur = score.argmax(axis=1)
    rows = np.arange(b)
    for step in range(t - 1, 0, -1):
        active = step <= lengths - 1
        path[:, step] = cur
        cur = np.where(active, back[rows, step, cur], cur)
    path[:, 0] = cur
    return path


def length_groups(
    items: Sequence[int], lengths: Sequence[int], step_cost: int = 8, cap: int = 64
) -> list[list[int]]:
    """Split items sorted by length into batches minimising padded LSTM work.

    A batch of ``b`` sentences padded to ``t`` words costs about ``t * (step_cost + b)``
    (a fixed cost a time step, measured at ~8 rows' worth, plus each row's work): dynamic programming
    over the sorted lengths finds the cheapest split, with at most ``cap`` sentences a batch.
    """
    n = len(items)
    best = [0.0] + [float("inf")] * n
    cut = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - cap), end):
            cost = best[start] + lengths[end - 1] * (step_cost + end - start)
            if cost < best[end]:
                best[end], cut[end] = cost, start
    groups: list[list[int]] = []
    end = n
    while end > 0:
        groups.append(list(items[cut[end] : end]))
        end = cut[end]
    return groups[::-1]


class StudentNer:
    """BiLSTM student over numpy arrays (no torch at run time)."""

    def __init__(self, directory: Path, lexicon: Lexicon | None = None) -> None:
        from rasd.ner.transformer import allowed_transitions

        cfg_path = directory / STUDENT_CONFIG
        if not cfg_path.exists():
            raise FileNotFoundError(f"no NER student at {directory}; run `rasd train ner`")
        self.config: dict[str, Any] = json.loads(cfg_path.read_text(encoding="utf-8"))
        self.labels: list[str] = list(self.config["labels"])
        words, table = load_vectors(directory)
        with np.load(directory / STUDENT_WEIGHTS) as data:
            known = bytes(data["known_words"]).decode("utf-8").split("\n") if "known_words" in data else []
            w = {k: data[k].astype(np.float32) for k in data.files if k != "known_words"}
        self.vocab = StudentVocab(words, self.config["chars"], lexicon or Lexicon.load(directory), known)
        self.table = np.vstack([np.zeros((1, table.shape[1]), np.float32), table])
        self.w = w
        h = w["lstm.weight_hh_l0"].shape[1]
        self.hidden = h
        # gates reordered i, f, o, g and the sigmoid gates' rows halved: sigmoid(x) = (tanh(x / 2) + 1) / 2,
        # so one tanh a time step covers all four gates; both directions stacked
        order = np.concatenate([np.arange(0, 2 * h), np.arange(3 * h, 4 * h), np.arange(2 * h, 3 * h)])
        scale = np.concatenate([np.full(3 * h, 0.5, np.float32), np.ones(h, np.float32)])
        self.w_ih = np.stack(
            [(w[f"lstm.weight_ih_l0{s}"][order] * scale[:, None]).T for s in ("", "_reverse")]
        )
        self.w_hh = np.stack(
            [(w[f"lstm.weight_hh_l0{s}"][order] * scale[:, None]).T for s in ("", "_reverse")]
        )
        biases = [w[f"lstm.bias_ih_l0{s}"] + w[f"lstm.bias_hh_l0{s}"] for s in ("", "_reverse")]
        self.b = np.stack([bias[order] * scale for bias in biases])
        k = w["char_conv.weight"]  # (F, C, 3) -> (C * 3, F): the char convolution as one matmul
        self.char_kernel = np.ascontiguousarray(k.reshape(k.shape[0], -1).T)
        self.allowed = allowed_transitions(self.labels)
        self._rows: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self.description = f"student:{directory}"

    def _add_rows(self, tokens: Sequence[str]) -> None:
        """Compute and cache the context-free part of the input vector of new token strings, at once."""
        new = [t for t in dict.fromkeys(tokens) if t not in self._rows]
        if not new:
            return
        if len(self._rows) + len(new) > 100_000:
            self._rows.clear()
        w = self.w
        ids = [self.vocab.ids(t) for t in new]
        n = len(new)
        chars = np.zeros((n, MAX_CHARS + 2), dtype=np.int64)  # one zero column each side: the conv padding
        flags = np.zeros((n, len(self.vocab.flags)), np.float32)
        for r, info in enumerate(ids):
            chars[r, 1 : 1 + len(info.chars)] = info.chars
            flags[r, list(info.flags)] = 1.0
        emb = w["char_emb.weight"][chars]
        emb[:, 0] = 0.0
        emb[:, -1] = 0.0
        windows = np.stack([emb[:, i : i + MAX_CHARS] for i in range(3)], axis=3)  # (N, L, C, 3)
        conv = windows.reshape(n * MAX_CHARS, -1) @ self.char_kernel + w["char_conv.bias"]
        char_vec = np.maximum(conv, 0.0).reshape(n, MAX_CHARS, -1).max(axis=1)
        cl = np.array([i.clusters for i in ids], dtype=np.int64)
        parts = [
            self.table[[i.word for i in ids]],
            self.table[[i.stem for i in ids]],
            char_vec,
            w["c0_emb.weight"][cl[:, 0]],
            w["c1_emb.weight"][cl[:, 1]],
            w["c2_emb.weight"][cl[:, 2]],
            w["shape_emb.weight"][[i.shape for i in ids]],
            w["prefix_emb.weight"][[i.prefix for i in ids]],
            flags,
        ]
        if "known_emb.weight" in w:
            parts.append(w["known_emb.weight"][[i.known for i in ids]])
        rows = np.hstack(parts).astype(np.float32)
        for token, row in zip(new, rows, strict=True):
            self._rows[token] = row

    def _inputs(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        t = int(lengths.max())
        kb_emb = self.w["kb_emb.weight"]
        self._add_rows([tok for s in sentences for tok in s])
        dim = len(self._rows[sentences[0][0]]) + kb_emb.shape[1]
        x = np.zeros((len(sentences), t, dim), np.float32)
        split = dim - kb_emb.shape[1]
        for i, tokens in enumerate(sentences):
            x[i, : len(tokens), :split] = [self._rows[tok] for tok in tokens]
            x[i, : len(tokens), split:] = kb_emb[self.vocab.kb_tags([self.vocab.ids(tok) for tok in tokens])]
        return x, lengths

    def log_probs(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Per-token label log-probabilities ``(B, T, L)`` of non-empty sentences, and their lengths."""
        x, lengths = self._inputs(sentences)
        h = self.hidden
        both = np.stack([x, reverse_within(x, lengths)])  # (2, B, T, I)
        b, t = x.shape[:2]
        proj = np.matmul(both.reshape(2, b * t, -1), self.w_ih).reshape(2, b, t, -1)
        proj += self.b[:, None, None, :]
        hs = np.zeros((2, b, h), np.float32)
        cs = np.zeros((2, b, h), np.float32)
        out = np.zeros((2, b, t, h), np.float32)
        for step in range(t):  # few numpy calls a step: at a document's batch size they dominate
            g = np.matmul(hs, self.w_hh)
            g += proj[:, :, step]
            np.tanh(g, out=g)
            sig = g[..., : 3 * h]
            sig *= 0.5
            sig += 0.5
            cs *= sig[..., h : 2 * h]
            cs += sig[..., :h] * g[..., 3 * h :]
            hs = sig[..., 2 * h : 3 * h] * np.tanh(cs)
            out[:, :, step] = hs
        feats = np.concatenate([out[0], reverse_within(out[1], lengths)], axis=-1)
        logits = feats @ self.w["out.weight"].T + self.w["out.bias"]
        logits -= logits.max(axis=-1, keepdims=True)
        return logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True)), lengths

    def predict_scored_batch(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        """Tags and per-token probabilities of the chosen tags, for every sentence at once."""
        from rasd.ner.model import extend_latin_names

        out: list[tuple[list[str], list[float]]] = [([], []) for _ in sentences]
        todo = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        with self._lock:  # the row cache is shared
            for chunk in length_groups(todo, [len(sentences[i]) for i in todo]):
                batch = [list(sentences[i]) for i in chunk]
                logp, lengths = self.log_probs(batch)
                paths = constrained_viterbi(logp, lengths, self.allowed)
                for r, i in enumerate(chunk):
                    n = int(lengths[r])
                    ids = paths[r, :n]
                    tags = extend_latin_names(batch[r], [self.labels[j] for j in ids])
                    probs = np.exp(logp[r, np.arange(n), ids])
                    out[i] = (tags, [round(float(p), 4) for p in probs])
        return out

    def predict_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [tags for tags, _ in self.predict_scored_batch(sentences)]

    def predict_scored(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        return self.predict_scored_batch([tokens])[0]
