"""Silver NER training data: news sentences labelled by the opt-in e5 model (distillation).

The slow, more accurate e5 mode labels a seeded sample of news sentences that
show name-like evidence (gazetteer or trigger-word hits); the fast CRF then
trains on them next to the gold corpora. The labelled sentences are derived
text, so they are cached outside the repository (``RASD_CACHE`` or
``~/.cache/rasd``); only the CRF trained on them ships.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path

from rasd.model import Document
from rasd.ner.features import Lexicon, strip_clitics
from rasd.ner.lexicon import TRIGGERS
from rasd.text.normalise import normalize

log = logging.getLogger(__name__)

Sentences = list[tuple[list[str], list[str]]]

MIN_TOKENS = 6
MAX_TOKENS = 45


def cache_dir() -> Path:
    env = os.environ.get("RASD_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "rasd"


def _articles(data_dir: Path) -> list[str]:
    texts: list[str] = []
    for path in sorted((data_dir / "news").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if record.get("text"):
                    texts.append(str(record["text"]))
    return texts


def evidence(tokens: list[str], lexicon: Lexicon) -> int:
    """How many tokens look like part of a name (gazetteer flag or trigger word)."""
    hits = 0
    for tok in tokens:
        low = normalize(tok).lower()
        stem = strip_clitics(low)[1]
        flagged = lexicon.gazetteer.get(low) or lexicon.gazetteer.get(stem)
        hits += bool(flagged or any(low in words or stem in words for words in TRIGGERS.values()))
    return hits


def news_sentences(data_dir: Path, lexicon: Lexicon, n: int, seed: int) -> Iterator[list[str]]:
    """Up to ``n`` tokenised news sentences with >= 2 evidence hits, articles in seeded random order."""
    from rasd.text.stage import TextStage

    texts = _articles(data_dir)
    random.Random(seed).shuffle(texts)
    stage = TextStage()
    seen: set[str] = set()
    count = 0
    for i, text in enumerate(texts):
        doc = stage(Document(id=f"silver-{i}", text=text[:6000]))
        for sent in doc.sentences[:6]:  # a few sentences an article: more stories, less repetition
            tokens = [t.text for t in doc.tokens[sent.token_start : sent.token_end]]
            if not MIN_TOKENS <= len(tokens) <= MAX_TOKENS:
                continue
            key = normalize(" ".join(tokens))
            if key in seen or evidence(tokens, lexicon) < 2:
                continue
            seen.add(key)
            yield tokens
            count += 1
            if count >= n:
                return


def teacher_fingerprint(e5_dir: Path, decode: str | None = None) -> str:
    """Short hash of the teacher's files (weights, config) and decoding: the silver cache key.

    Silver labelled by another teacher must never be reused, so everything that changes
    the teacher's predictions goes into the key (``decode`` overrides the config's decoding).
    """
    from rasd.ner.transformer import CONFIG_FILE, WEIGHTS_FILE

    digest = hashlib.sha256()
    if decode:
        digest.update(b"decode=" + decode.encode() + b"\0")
    for name in (WEIGHTS_FILE, CONFIG_FILE):
        path = e5_dir / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"missing") + b"\0")
    return digest.hexdigest()[:12]


def silver_sentences(
    data_dir: Path,
    lexicon_dir: Path,
    e5_dir: Path,
    n: int,
    seed: int = 13,
    batch: int = 64,
    decode: str | None = None,
) -> Sentences:
    """``n`` news sentences labelled by the e5 model in ``e5_dir``, cached per (teacher, n, seed).

    ``decode`` (``argmax`` or ``viterbi``) overrides the teacher's own decoding.
    """
    teacher = teacher_fingerprint(e5_dir, decode)
    path = cache_dir() / f"ner_silver_n{n}_s{seed}_t{teacher}.conll"
    if path.exists():
        return _read(path)
    # the selection is a deterministic stream: a cache of the first m < n or m >= n sentences is a prefix
    cached = sorted(
        (int(p.name.split("_n")[1].split("_")[0]), p)
        for p in cache_dir().glob(f"ner_silver_n*_s{seed}_t{teacher}.conll")
    )
    bigger = [p for m, p in cached if m >= n]
    if bigger:
        return _read(bigger[0])[:n]
    out: Sentences = _read(cached[-1][1]) if cached else []
    from rasd.ner.transformer import E5Ner

    model = E5Ner(e5_dir, threads=1, decode=decode)
    lexicon = Lexicon.load(lexicon_dir)
    started = time.perf_counter()
    pending: list[list[str]] = []
    for i, tokens in enumerate(news_sentences(data_dir, lexicon, n, seed)):
        if i < len(out):
            continue
        pending.append(tokens)
        if len(pending) >= batch:
            out.extend(zip(pending, model.predict_batch(pending), strict=True))
            pending = []
            log.info("silver: %d sentences labelled, %.0f s", len(out), time.perf_counter() - started)
    if pending:
        out.extend(zip(pending, model.predict_batch(pending), strict=True))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        for tokens, tags in out:
            handle.write("".join(f"{t}\t{g}\n" for t, g in zip(tokens, tags, strict=True)) + "\n")
    tmp.replace(path)
    return out


def _read(path: Path) -> Sentences:
    out: Sentences = []
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if tokens:
                    out.append((tokens, tags))
                tokens, tags = [], []
                continue
            tok, tag = line.rsplit("\t", 1)
            tokens.append(tok)
            tags.append(tag)
    if tokens:
        out.append((tokens, tags))
    return out
