"""Ordered, named stages over a Document (like spaCy components).

A stage is any callable ``Document -> Document`` with a ``name``. Stages are
found by name in ``STAGE_FACTORIES`` and imported lazily, so a pipeline that
does not use a heavy stage never loads its model. A stage that raises on one
document records a :class:`ProcessingError` on that document; the rest of the
stages and the rest of the batch go on.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from rasd.model import Document, ProcessingError

log = logging.getLogger(__name__)


@runtime_checkable
class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


# name -> "module:factory". The factory is called with keyword options from the
# pipeline configuration and returns a Stage.
STAGE_FACTORIES: dict[str, str] = {
    "text": "rasd.text.stage:TextStage",
    "ner": "rasd.ner.stage:NerStage",
    "time": "rasd.time.stage:TimeStage",
    "quantity": "rasd.quantity.stage:QuantityStage",
    "link": "rasd.link.stage:LinkStage",
    "quotes": "rasd.quotes.stage:QuoteStage",
    "events": "rasd.events.stage:EventStage",
}

# Stages in the order they must run; a configuration picks a subset.
# Quotes after quantity: the quantity stage's holder rules were measured in that order.
# Events last: they read places, dates and killed figures from the stages before.
DEFAULT_STAGES: tuple[str, ...] = ("text", "ner", "link", "time", "quantity", "quotes", "events")


def register_stage(name: str, target: str) -> None:
    """Make a stage available by name (``target`` is ``"module:factory"``)."""
    STAGE_FACTORIES[name] = target


def available_stages() -> list[str]:
    """Stage names whose module can be imported in this installation."""
    names = []
    for name, target in STAGE_FACTORIES.items():
        try:
            found = importlib.util.find_spec(target.split(":", 1)[0]) is not None
        except ModuleNotFoundError:
            found = False
        if found:
            names.append(name)
    return names


def create_stage(name: str, **options: Any) -> Stage:
    try:
        target = STAGE_FACTORIES[name]
    except KeyError:
        known = ", ".join(sorted(STAGE_FACTORIES))
        raise ValueError(f"unknown stage {name!r}; known stages: {known}") from None
    module_name, _, attr = target.partition(":")
    factory: Callable[..., Stage] = getattr(importlib.import_module(module_name), attr)
    stage = factory(**options)
    if not getattr(stage, "name", None):
        stage.name = name
    return stage


@dataclass
class Pipeline:
    """Runs stages in order; a failing stage becomes a ProcessingError row."""

    stages: list[Stage] = field(default_factory=list)

    @classmethod
    def from_names(
        cls, names: Sequence[str] | None = None, options: dict[str, dict[str, Any]] | None = None
    ) -> Pipeline:
        names = list(DEFAULT_STAGES if names is None else names)
        order = {n: i for i, n in enumerate(DEFAULT_STAGES)}
        names.sort(key=lambda n: order.get(n, len(order)))
        if names and names[0] != "text" and "text" not in names:
            names.insert(0, "text")  # every other stage needs sentences and tokens
        options = options or {}
        return cls([create_stage(n, **options.get(n, {})) for n in names])

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            try:
                doc = stage(doc)
            except Exception as exc:
                reason = f"{type(exc).__name__}: {exc}"
                log.debug("stage %s failed on %s\n%s", stage.name, doc.id, traceback.format_exc())
                doc.errors.append(ProcessingError(doc_id=doc.id, stage=stage.name, reason=reason))
                if stage.name == "text":
                    break  # nothing downstream can run without tokens
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
