"""Events: ACLED-typed, evidence-linked, one per real-world event.

* ``rasd.events.types`` — ACLED taxonomy, our finer types and their Arabic triggers.
* ``rasd.events.stage.EventStage`` — the per-document stage (``name = "events"``).
* ``rasd.events.merge.merge_events`` — the corpus-level merge across documents.
* ``rasd.export.acled.write_acled_csv`` — ACLED-compatible CSV.
"""
