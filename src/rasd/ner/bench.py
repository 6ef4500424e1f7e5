"""NER speed, load time and memory: the numbers in docs/benchmarks/ner.md.

Speed is words (CoNLL tokens) per second of prediction, on one thread, for the
shipped CRF, the opt-in e5 mode, and a bert-base-sized token classifier with
random weights (12 layers, 768 hidden, 3072 feed-forward, same sentences, same
run, subword lengths from the e5 SentencePiece vocabulary) for the speed ratio.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rasd.ner.conll import iter_conll


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def time_model(spec: str | None, sentences: Sequence[Sequence[str]], batch_size: int = 64) -> dict[str, Any]:
    """Load time, peak-RSS growth and words/s of one model spec."""
    from rasd.ner.model import load_model

    before = _rss_mb()
    started = time.perf_counter()
    model = load_model(spec)
    load_seconds = time.perf_counter() - started
    model.predict_batch([list(s) for s in sentences[:8]])  # warm caches as a running pipeline would
    started = time.perf_counter()
    for i in range(0, len(sentences), batch_size):
        model.predict_batch(sentences[i : i + batch_size])
    seconds = time.perf_counter() - started
    words = sum(len(s) for s in sentences)
    return {
        "model": spec or "crf",
        "load_seconds": round(load_seconds, 2),
        "peak_rss_growth_mb": round(_rss_mb() - before, 1),
        "words": words,
        "words_per_second": round(words / seconds),
    }


def time_bert_base(sentences: Sequence[Sequence[str]], batch_size: int = 32) -> dict[str, Any]:
    """Words/s of a randomly initialised bert-base-sized token classifier (torch, CPU)."""
    import torch

    from rasd.ner.e5 import read_image

    tok = read_image().tokenizer
    torch.manual_seed(0)
    vocab, hidden = 30_000, 768
    layer = torch.nn.TransformerEncoderLayer(hidden, 12, 3072, activation="gelu", batch_first=True)
    encoder = torch.nn.TransformerEncoder(layer, 12, enable_nested_tensor=False)
    embed = torch.nn.Embedding(vocab, hidden)
    pos = torch.nn.Embedding(512, hidden)
    head = torch.nn.Linear(hidden, 9)
    encoder.eval()
    pieces = [[0, *[i % vocab for w in s for i in tok.word_ids(w)][:510], 2] for s in sentences]
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
    started = time.perf_counter()
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            batch = [pieces[i] for i in order[b : b + batch_size]]
            width = max(len(p) for p in batch)
            ids = torch.zeros((len(batch), width), dtype=torch.long)
            pad = torch.ones((len(batch), width), dtype=torch.bool)
            for r, p in enumerate(batch):
                ids[r, : len(p)] = torch.tensor(p)
                pad[r, : len(p)] = False
            x = embed(ids) + pos(torch.arange(width))[None]
            head(encoder(x, src_key_padding_mask=pad)).argmax(-1)
    seconds = time.perf_counter() - started
    words = sum(len(s) for s in sentences)
    return {
        "model": "bert-base-sized (random weights)",
        "words": words,
        "words_per_second": round(words / seconds),
    }


def run(
    conll: Path, models: Sequence[str | None], bert: bool = True, limit: int | None = None
) -> list[dict[str, Any]]:
    """One row per model; single-threaded (torch threads set to 1)."""
    sentences = [s.tokens for s in iter_conll(conll)]
    if limit:
        sentences = sentences[:limit]
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        bert = False
    rows = [time_model(spec, sentences) for spec in models]
    if bert:
        rows.append(time_bert_base(sentences))
    return rows


def model_size_mb(directory: Path) -> float:
    return round(sum(p.stat().st_size for p in directory.iterdir() if p.is_file()) / 1e6, 2)
