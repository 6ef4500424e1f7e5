"""Flagged claim groups of a stored corpus, before and after the place/period rules, with a seeded
sample printed for a human judge (is it one claim, and do the sources really disagree?).

PYTHONPATH=src python scripts/sample_claims.py STORE.db [SEED]   (read-only use; point it at a copy)
"""

import random
import sys

from rasd.api import _stored_quantities
from rasd.quantity.claims import claim_title, figure_scopes, group_claims, link_subjects, town_coordinates
from rasd.store import Store

store = Store(sys.argv[1])
docs = list(store.iter_documents(annotations=["mentions", "quantities"], with_text=True))
ents_list = store.entities()
all_q = [q for d in docs for q in d.quantities]
published = {d.id: d.published for d in docs}
source = {d.id: d.source for d in docs}
dedup_q, _ = _stored_quantities(docs)
subjects = link_subjects(all_q, ents_list)
for q in all_q:
    q.subject_entity_id = subjects.get(q.id, q.subject_entity_id)
scopes = figure_scopes(docs, {e.id: e.country for e in ents_list if e.type in ("GPE", "LOC")})
print("scoped", len(scopes), "cumulative", sum(s.cumulative for s in scopes.values()), "of", len(dedup_q))
before = group_claims(dedup_q, published=published)
groups = group_claims(dedup_q, published=published, scopes=scopes, coordinates=town_coordinates(ents_list))
print("groups / flagged without places and periods:", len(before), sum(g.disagreement for g in before))
print("groups / flagged with places and periods:", len(groups), sum(g.disagreement for g in groups))
ents = {e.id: e for e in ents_list}
byid = {q.id: q for q in dedup_q}
flagged = [g for g in groups if g.disagreement]
if len(sys.argv) > 2:
    random.seed(int(sys.argv[2]))
    for g in random.sample(flagged, min(20, len(flagged))):
        print("=" * 100)
        print("GROUP", g.id, "title:", claim_title(g, ents), "measure:", g.measure, "n=", len(g.quantity_ids))
        for qid in g.quantity_ids[:8]:
            q = byid[qid]
            d = store.get_document(q.doc_id, annotations=False)
            t = d.text
            s = t.rfind(".", 0, q.start) + 1
            e = t.find(".", q.end)
            e = len(t) if e < 0 else e
            ctx = t[max(s, q.start - 220) : min(e, q.end + 160)].replace("\n", " ")
            sc = scopes.get(q.id)
            pl = (ents[sc.place].name if sc and sc.place else None, sc.cumulative if sc else False)
            head = f"[{published[q.doc_id]} {source[q.doc_id]}] v={q.value} min={q.min} max={q.max}"
            print(f"  {head} qual={q.qualifier} place/total={pl} | {ctx}")
