"""Exact-span NER scoring (conlleval-style) and `rasd eval ner FILE.conll`.

Gold tags are read with the one label map (PERS or PER, IOB1 or IOB2, GPE/FAC
as LOC); the model's types are mapped the same way, and results are printed
with ANERcorp names so figures compare with published ANERcorp numbers.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rasd.ner.conll import iter_conll
from rasd.ner.labels import TO_ANERCORP, map_tags, split_tag

Span = tuple[int, int, str]


def spans(tags: Sequence[str]) -> list[Span]:
    """Entity spans ``(start, end_exclusive, type)`` of a tag sequence, conlleval rules.

    A chunk starts at ``B-X``, or at ``I-X`` after anything but ``X`` (so IOB1 works),
    and ends before ``O``, ``B-``, or a tag of another type.
    """
    out: list[Span] = []
    start = -1
    current: str | None = None
    for i, tag in enumerate(tags):
        prefix, typ = split_tag(tag)
        begins = typ is not None and (prefix in ("B", "S") or typ != current)
        if current is not None and (typ is None or begins):
            out.append((start, i, current))
            current = None
        if begins:
            start, current = i, typ
        if current is not None and prefix in ("E", "L", "S"):
            out.append((start, i + 1, current))
            current = None
    if current is not None:
        out.append((start, len(tags), current))
    return out


@dataclass
class TypeScore:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class NerReport:
    """Per-type and micro scores; ``format()`` ends with the line ``micro_f1=NN.NN``."""

    per_type: dict[str, TypeScore] = field(default_factory=dict)
    sentences: int = 0
    tokens: int = 0
    seconds: float = 0.0
    model: str = ""

    @property
    def micro(self) -> TypeScore:
        total = TypeScore()
        for score in self.per_type.values():
            total.tp += score.tp
            total.gold += score.gold
            total.pred += score.pred
        return total

    @property
    def micro_f1(self) -> float:
        return 100.0 * self.micro.f1

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds > 0 else 0.0

    def format(self) -> str:
        lines = []
        if self.model:
            lines.append(f"model: {self.model}")
        lines.append(f"sentences={self.sentences} tokens={self.tokens}")
        lines.append(
            f"{'type':<6} {'precision':>9} {'recall':>7} {'f1':>6} {'gold':>6} {'pred':>6} {'correct':>7}"
        )
        for name in sorted(self.per_type):
            s = self.per_type[name]
            lines.append(
                f"{name:<6} {100 * s.precision:9.2f} {100 * s.recall:7.2f} {100 * s.f1:6.2f} "
                f"{s.gold:6d} {s.pred:6d} {s.tp:7d}"
            )
        m = self.micro
        lines.append(
            f"{'ALL':<6} {100 * m.precision:9.2f} {100 * m.recall:7.2f} {100 * m.f1:6.2f} "
            f"{m.gold:6d} {m.pred:6d} {m.tp:7d}"
        )
        lines.append(
            f"tokens_per_second={self.tokens_per_second:.0f} (prediction only, {self.seconds:.2f} s)"
        )
        lines.append(f"micro_f1={self.micro_f1:.2f}")
        return "\n".join(lines)


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> NerReport:
    """Exact-span scores of predicted against gold IOB tag sequences (types named as given)."""
    report = NerReport()
    counts: dict[str, TypeScore] = {}
    for g_tags, p_tags in zip(gold, pred, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError(f"sentence {report.sentences}: {len(g_tags)} gold tags, {len(p_tags)} predicted")
        report.sentences += 1
        report.tokens += len(g_tags)
        g_spans = Counter(spans(g_tags))
        p_spans = Counter(spans(p_tags))
        for (_, _, typ), n in g_spans.items():
            counts.setdefault(typ, TypeScore()).gold += n
        for (_, _, typ), n in p_spans.items():
            counts.setdefault(typ, TypeScore()).pred += n
        for span, n in (g_spans & p_spans).items():
            counts[span[2]].tp += n
    report.per_type = counts
    return report


def evaluate_file(path: Path | str, model: str | None = None, batch_size: int = 256) -> NerReport:
    """Score a model on any CoNLL file (``rasd eval ner FILE``); tags are mapped to ANERcorp names.

    ``model`` is as for :class:`rasd.ner.stage.NerStage` (``None``: the shipped model).
    """
    from rasd.ner.model import load_model

    ner = load_model(model)
    sentences = list(iter_conll(path))
    tokens = [s.tokens for s in sentences]
    gold = [_anercorp_names(s.layer("generic")) for s in sentences]
    started = time.perf_counter()
    predicted: list[list[str]] = []
    for i in range(0, len(tokens), batch_size):
        predicted.extend(ner.predict_batch(tokens[i : i + batch_size]))
    seconds = time.perf_counter() - started
    pred = [_anercorp_names(map_tags(p, "generic")) for p in predicted]
    report = score(gold, pred)
    report.seconds = seconds
    report.model = ner.description
    return report


def _anercorp_names(tags: Sequence[str]) -> list[str]:
    out = []
    for tag in tags:
        prefix, typ = split_tag(tag)
        out.append("O" if typ is None else f"{prefix}-{TO_ANERCORP.get(typ, typ)}")
    return out


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m rasd.ner.evaluate FILE.conll [--model SPEC]`` (what `rasd eval ner` runs)."""
    import argparse

    parser = argparse.ArgumentParser(description="Exact-span NER scores on a CoNLL file")
    parser.add_argument("conll", type=Path)
    parser.add_argument(
        "--model", default=None, help="student (default), crf, crf:/dir, student:/dir, e5, e5:/dir"
    )
    args = parser.parse_args(argv)
    print(evaluate_file(args.conll, args.model).format())


if __name__ == "__main__":
    main()
