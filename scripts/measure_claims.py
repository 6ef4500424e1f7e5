"""Claim groups over a stored corpus: before/after dropping repeated texts and subjects naming no party.

PYTHONPATH=src python scripts/measure_claims.py STORE.db   (read-only use; point it at a copy)
"""

import random
import sys
import time

from rasd.api import _stored_quantities
from rasd.quantity.claims import group_claims, link_subjects, subject_text_key
from rasd.store import Store

store = Store(sys.argv[1])
t = time.perf_counter()
docs = list(store.iter_documents(annotations=["quantities"], with_text=False))
all_q = [q for d in docs for q in d.quantities]
published = {d.id: d.published for d in docs}
dedup_q, _ = _stored_quantities(docs)
subjects = link_subjects(all_q, store.entities())
for q in all_q:
    q.subject_entity_id = subjects.get(q.id, q.subject_entity_id)


def old_key(q):  # the rule before: any subject text
    return q.subject_entity_id or (subject_text_key(q.subject_text) if q.subject_text else None)


before = group_claims(all_q, old_key, published=published)
after_dedup = group_claims(dedup_q, old_key, published=published)
after = group_claims(dedup_q, published=published)
print("quantities", len(all_q), "after dropping duplicate texts", len(dedup_q))
for name, gs in (("before", before), ("dedup only", after_dedup), ("dedup + subject filter", after)):
    print(
        name,
        len(gs),
        "groups,",
        sum(g.disagreement for g in gs),
        "disagreements,",
        sum(1 for g in gs if g.subject_entity_id),
        "with an entity",
    )
keys_after = {g.id for g in after}
dropped = [g for g in after_dedup if g.id not in keys_after]
random.seed(7)
print(
    "sample of dropped subject keys:", [g.subject_key for g in random.sample(dropped, min(40, len(dropped)))]
)
kept_text = [g for g in after if not g.subject_entity_id]
print(
    "sample of kept text-key groups:",
    [g.subject_key for g in random.sample(kept_text, min(40, len(kept_text)))],
)
print(round(time.perf_counter() - t, 1), "s")
