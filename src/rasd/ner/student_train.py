"""Training the neural student (needs torch; inference in rasd.ner.student does not).

The student learns from ANERcorp train (gold), Wojood and news sentences labelled
by the e5 teacher (silver), with the frozen int8 fastText vectors it ships with;
the weights are exported to ``student.npz`` for the numpy forward pass.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rasd.ner.features import Lexicon
from rasd.ner.student import (
    KB_TAGS,
    LABELS,
    MAX_CHARS,
    PREFIXES,
    SHAPES,
    STUDENT_CONFIG,
    STUDENT_WEIGHTS,
    StudentVocab,
    load_vectors,
    save_vectors,
)
from rasd.text.normalise import normalize

Sentences = list[tuple[list[str], list[str]]]

STUDENT_DEFAULTS: dict[str, Any] = {
    "student_hidden": 128,
    "student_char_dim": 24,
    "student_char_filters": 64,
    "student_epochs": 12,
    "student_lr": 3e-3,
    "student_batch": 64,
    "student_dropout": 0.4,
    "student_vocab": 50_000,
    "student_threads": 1,  # one thread: the shipped fit is reproducible (and the machine is shared)
    "student_known_dim": 64,  # >0: a learned embedding of this size for words seen twice in gold data
    "student_known_min": 2,
    "student_word_dropout": 0.1,  # share of known-word ids hidden in training (teaches the "unseen" row)
}


def build_student_vectors(ft: Any, counts: Counter[str], output_dir: Path, vocab: int) -> dict[str, Any]:
    """The ``vocab`` commonest news words (and their stems) with their fastText vectors, int8."""
    from rasd.ner.train import vector_vocabulary

    words = vector_vocabulary(counts, vocab)
    vectors = np.stack([ft.get_word_vector(w) for w in words]).astype(np.float32)
    save_vectors(output_dir, words, vectors)
    return {"student_vector_words": len(words)}


def char_alphabet(sets: Sequence[Sentences], min_count: int = 3) -> str:
    """Folded characters seen at least ``min_count`` times in the training words, sorted."""
    counts: Counter[str] = Counter()
    for sentences in sets:
        for tokens, _ in sentences:
            for tok in tokens:
                counts.update(normalize(tok).lower()[:MAX_CHARS])
    return "".join(sorted(c for c, n in counts.items() if n >= min_count))


def _net(cfg: dict[str, Any], table: np.ndarray, vocab: StudentVocab) -> Any:
    import torch
    from torch import nn

    class StudentNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            padded = np.vstack([np.zeros((1, table.shape[1]), np.float32), table])
            self.words = nn.Embedding.from_pretrained(torch.from_numpy(padded), freeze=True)
            c_dim, n_filters = int(cfg["student_char_dim"]), int(cfg["student_char_filters"])
            self.char_emb = nn.Embedding(vocab.n_chars, c_dim, padding_idx=0)
            self.char_conv = nn.Conv1d(c_dim, n_filters, 3, padding=1)
            self.c0_emb = nn.Embedding(1025, 16)
            self.c1_emb = nn.Embedding(257, 8)
            self.c2_emb = nn.Embedding(65, 8)
            self.shape_emb = nn.Embedding(len(SHAPES), 4)
            self.prefix_emb = nn.Embedding(len(PREFIXES), 8)
            self.kb_emb = nn.Embedding(len(KB_TAGS), 8)
            known_dim = int(cfg["student_known_dim"])
            self.known_emb = nn.Embedding(len(vocab.known) + 1, known_dim) if known_dim else None
            n_in = 2 * table.shape[1] + n_filters + 16 + 8 + 8 + 4 + 8 + len(vocab.flags) + known_dim + 8
            self.drop = nn.Dropout(float(cfg["student_dropout"]))
            hidden = int(cfg["student_hidden"])
            self.lstm = nn.LSTM(n_in, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(LABELS))

        def forward(self, batch: dict[str, Any]) -> Any:
            t = batch["word"].shape[1]
            # the char CNN runs once per distinct word of the batch
            chars = self.char_emb(batch["uchars"]).transpose(1, 2)
            char_vec = torch.relu(self.char_conv(chars)).max(dim=2).values[batch["cidx"]]
            cl = batch["clusters"]
            x = torch.cat(
                [
                    self.words(batch["word"]),
                    self.words(batch["stem"]),
                    char_vec,
                    self.c0_emb(cl[..., 0]),
                    self.c1_emb(cl[..., 1]),
                    self.c2_emb(cl[..., 2]),
                    self.shape_emb(batch["shape"]),
                    self.prefix_emb(batch["prefix"]),
                    batch["flags"],
                    *self._known(batch["known"]),
                    self.kb_emb(batch["kb"]),
                ],
                dim=-1,
            )
            packed = nn.utils.rnn.pack_padded_sequence(
                self.drop(x), batch["lengths"], batch_first=True, enforce_sorted=False
            )
            out, _ = self.lstm(packed)
            out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=t)
            return self.out(self.drop(out))

        def _known(self, ids: Any) -> list[Any]:
            if self.known_emb is None:
                return []
            if self.training:
                ids = ids.masked_fill(torch.rand(ids.shape) < float(cfg["student_word_dropout"]), 0)
            return [self.known_emb(ids)]

    return StudentNet()


def _encode(sentences: Sentences, vocab: StudentVocab, weight: float = 1.0) -> list[dict[str, Any]]:
    """Integer arrays per sentence (the numpy side's inputs, in training form)."""
    label_index = {lab: i for i, lab in enumerate(LABELS)}
    n_flags = len(vocab.flags)
    out = []
    for tokens, tags in sentences:
        if not tokens:
            continue
        infos = [vocab.ids(t) for t in tokens]
        chars = np.zeros((len(tokens), MAX_CHARS), np.int64)
        flags = np.zeros((len(tokens), n_flags), np.float32)
        for i, info in enumerate(infos):
            chars[i, : len(info.chars)] = info.chars
            flags[i, list(info.flags)] = 1.0
        out.append(
            {
                "word": np.array([i.word for i in infos], np.int64),
                "stem": np.array([i.stem for i in infos], np.int64),
                "chars": chars,
                "clusters": np.array([i.clusters for i in infos], np.int64),
                "shape": np.array([i.shape for i in infos], np.int64),
                "prefix": np.array([i.prefix for i in infos], np.int64),
                "flags": flags,
                "kb": np.array(vocab.kb_tags(infos), np.int64),
                "known": np.array([i.known for i in infos], np.int64),
                "labels": np.array([label_index.get(t, 0) for t in tags], np.int64),
                "weight": np.full(len(tokens), weight, np.float32),
            }
        )
    return out


def _collate(items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    import torch

    lengths = [len(i["word"]) for i in items]
    t = max(lengths)
    batch: dict[str, Any] = {"lengths": torch.tensor(lengths)}
    for key in items[0]:
        first = items[0][key]
        arr = np.zeros((len(items), t, *first.shape[1:]), first.dtype)
        if key == "labels":
            arr[:] = -100
        for r, item in enumerate(items):
            arr[r, : len(item[key])] = item[key]
        batch[key] = torch.from_numpy(arr)
    flat = batch.pop("chars").numpy().reshape(-1, MAX_CHARS)
    uchars, cidx = np.unique(flat, axis=0, return_inverse=True)
    batch["uchars"] = torch.from_numpy(uchars)
    batch["cidx"] = torch.from_numpy(cidx.reshape(len(items), t))
    return batch


def export_weights(net: Any, output_dir: Path, known: Sequence[str] = ()) -> None:
    """Every trained tensor (not the frozen word table) as float32 in ``student.npz``, and the known words."""
    state = {k: v.detach().cpu().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    state.pop("words.weight")
    if known:
        state["known_words"] = np.frombuffer("\n".join(known).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(output_dir / STUDENT_WEIGHTS, **state)


def known_words(gold: Sentences, min_count: int) -> list[str]:
    """Folded words seen ``min_count`` times in the gold training data (sorted, so the ids are stable)."""
    counts: Counter[str] = Counter(normalize(t).lower() for tokens, _ in gold for t in tokens)
    return sorted(w for w, n in counts.items() if n >= min_count)


def train_student(
    train_sets: Sequence[Sentences],
    output_dir: Path,
    config: dict[str, Any] | None = None,
    seed: int = 13,
    dev: Sentences | None = None,
    log: Callable[[str], None] = print,
    weights: Sequence[float] | None = None,
) -> dict[str, Any]:
    """Fit the student on the concatenated sets and export it.

    The first set is the gold one: its words get learned embeddings when ``student_known_dim`` > 0.
    ``weights``: one loss weight per set (gold above silver) instead of repeating a set, which
    would cost an epoch that much more time.

    ``dev`` is only scored after each epoch for the log; the epoch count is fixed by the config.
    """
    import torch

    cfg = {**STUDENT_DEFAULTS, **(config or {})}
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.set_num_threads(int(cfg["student_threads"]))
    words, table = load_vectors(output_dir)
    known = known_words(train_sets[0], int(cfg["student_known_min"])) if int(cfg["student_known_dim"]) else []
    vocab = StudentVocab(words, char_alphabet(train_sets), Lexicon.load(output_dir), known)
    (output_dir / STUDENT_CONFIG).write_text(
        json.dumps(
            {
                "labels": list(LABELS),
                "chars": vocab.chars,
                "flags": list(vocab.flags),
                "hidden": int(cfg["student_hidden"]),
                "seed": seed,
                "config": {k: v for k, v in cfg.items() if k.startswith("student_")},
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    set_weights = list(weights) if weights is not None else [1.0] * len(train_sets)
    data = [item for sets, w in zip(train_sets, set_weights, strict=True) for item in _encode(sets, vocab, w)]
    net = _net(cfg, table, vocab)
    params = [p for p in net.parameters() if p.requires_grad]
    epochs = int(cfg["student_epochs"])
    batch_size = int(cfg["student_batch"])
    opt = torch.optim.Adam(params, lr=float(cfg["student_lr"]))
    steps = epochs * ((len(data) + batch_size - 1) // batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=float(cfg["student_lr"]), total_steps=steps)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100, reduction="none")
    rng = random.Random(seed)
    started = time.perf_counter()
    history: list[dict[str, Any]] = []
    for epoch in range(epochs):
        net.train()
        # batches of similar length (shuffled within and across buckets): little padding
        order = sorted(range(len(data)), key=lambda i: (len(data[i]["word"]), rng.random()))
        batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        rng.shuffle(batches)
        total = 0.0
        for ids in batches:
            batch = _collate([data[i] for i in ids])
            logits = net(batch)
            token_loss = loss_fn(logits.reshape(-1, len(LABELS)), batch["labels"].reshape(-1))
            w = batch["weight"].reshape(-1)
            loss = (token_loss * w).sum() / w.sum()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
        row: dict[str, Any] = {
            "epoch": epoch + 1,
            "loss": round(total / len(batches), 4),
            "seconds": round(time.perf_counter() - started),
        }
        if dev is not None:
            export_weights(net, output_dir, known)
            row["dev_micro_f1"] = round(score_student(output_dir, dev), 2)
        history.append(row)
        log(f"student: {row}")
    export_weights(net, output_dir, known)
    return {
        "student_train_sentences": len(data),
        "student_seconds": round(time.perf_counter() - started, 1),
        "student_history": history,
    }


def score_student(model_dir: Path, sentences: Sentences) -> float:
    """Micro-F1 of the numpy student in ``model_dir`` (loaded fresh) on labelled sentences."""
    from rasd.ner.evaluate import score
    from rasd.ner.student import StudentNer

    model = StudentNer(model_dir)
    pred = model.predict_batch([toks for toks, _ in sentences])
    return score([tags for _, tags in sentences], pred).micro_f1


def load_net(model_dir: Path) -> Any:
    """The exported student as a torch module again (for checking the numpy forward pass)."""
    import torch

    from rasd.ner.student import STUDENT_CONFIG as CFG

    saved = json.loads((model_dir / CFG).read_text(encoding="utf-8"))
    cfg = {**STUDENT_DEFAULTS, **saved["config"]}
    words, table = load_vectors(model_dir)
    with np.load(model_dir / STUDENT_WEIGHTS) as data:
        state = {k: torch.from_numpy(data[k]) for k in data.files if k != "known_words"}
        known = bytes(data["known_words"]).decode("utf-8").split("\n") if "known_words" in data else []
    vocab = StudentVocab(words, saved["chars"], Lexicon.load(model_dir), known)
    net = _net(cfg, table, vocab)
    state["words.weight"] = net.words.weight.detach().clone()
    net.load_state_dict(state)
    net.eval()
    return net


def torch_log_probs(model_dir: Path, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """Per-sentence label log-probabilities of the exported student, computed by torch."""
    import torch

    from rasd.ner.student import StudentNer

    net = load_net(model_dir)
    vocab = StudentNer(model_dir).vocab
    items = _encode([(list(s), ["O"] * len(s)) for s in sentences], vocab)
    with torch.inference_mode():
        logp = torch.log_softmax(net(_collate(items)), dim=-1).numpy()
    return [logp[r, : len(s)] for r, s in enumerate(sentences)]


def parity(model_dir: Path, sentences: Sequence[Sequence[str]], batch: int = 64) -> dict[str, Any]:
    """How closely the numpy forward pass follows torch on these sentences (labels and log-probs)."""
    from rasd.ner.student import StudentNer, constrained_viterbi

    model = StudentNer(model_dir)
    sentences = [list(s) for s in sentences if s]
    same = total = 0
    worst = 0.0
    for i in range(0, len(sentences), batch):
        chunk = sentences[i : i + batch]
        logp, lengths = model.log_probs(chunk)
        ours = constrained_viterbi(logp, lengths, model.allowed)
        ref = torch_log_probs(model_dir, chunk)
        for r, exp in enumerate(ref):
            n = len(chunk[r])
            worst = max(worst, float(np.abs(logp[r, :n] - exp).max()))
            padded = np.zeros((1, n, exp.shape[1]), exp.dtype)
            padded[0] = exp
            theirs = constrained_viterbi(padded, np.array([n]), model.allowed)[0]
            same += int((ours[r, :n] == theirs).sum())
            total += n
    return {
        "sentences": len(sentences),
        "tokens": total,
        "same_label": same,
        "max_abs_logprob_diff": worst,
    }
