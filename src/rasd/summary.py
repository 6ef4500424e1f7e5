"""A short, human summary of a store (what `make demo` prints)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from rasd.store import Store


def print_summary(store: Store, console: Console, top: int = 10) -> None:
    counts = store.counts()
    console.print(
        "Rasd knowledge base: " + ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items()),
        markup=False,
        highlight=False,
    )
    entities = sorted(store.entities(), key=lambda e: (-e.mention_count, e.id))[:top]
    if entities:
        table = Table("entity", "type", "English", "kb", "mentions", title="Most mentioned entities")
        for e in entities:
            table.add_row(e.name, e.type, e.name_en or "", e.kb_id or "", str(e.mention_count))
        console.print(table)
    groups = [g for g in store.claim_groups() if g.disagreement]
    groups.sort(key=lambda g: (-len(g.quantity_ids), g.id))
    if groups:
        from rasd.quantity.claims import claim_title, format_figure

        names = {e.id: e for e in store.entities()}
        quantities = store.quantities_by_id(q for g in groups[:top] for q in g.quantity_ids)
        table = Table("subject", "measure", "figures (holder)", title="Figures the sources disagree on")
        for g in groups[:top]:
            subject = claim_title(g, names)
            figures = "; ".join(
                f"{format_figure(q)} ({q.holder_text or '?'})"
                for q in (quantities.get(i) for i in g.quantity_ids)
                if q is not None
            )
            table.add_row(subject, g.measure, figures)
        console.print(table)
    events = sorted(
        store.corpus_events(), key=lambda e: (-len({s.doc_id for s in e.evidence}), e.date or "", e.id)
    )[:top]
    if events:
        names = {e.id: e for e in store.entities()}
        table = Table("date", "event", "ACLED type", "where", "killed", "reports", title="Events")
        for ev in events:
            place = names.get(ev.location_entity_id or "")
            table.add_row(
                ev.date or "?",
                ev.type,
                ev.acled_event_type or "",
                place.label if place else "",
                "" if ev.fatalities is None else str(ev.fatalities),
                str(len({s.doc_id for s in ev.evidence})),
            )
        console.print(table)
    errors = store.errors(limit=3)
    if errors:
        console.print(f"{counts['errors']} errors recorded (see `rasd errors`), e.g.:", markup=False)
        for error in errors:
            where = error.doc_id or error.source
            console.print(f"  [{error.stage}] {where}: {error.reason}", markup=False, highlight=False)
