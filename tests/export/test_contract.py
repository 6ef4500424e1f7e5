import io
import json
from pathlib import Path

import jsonschema
import pytest

from rasd.export import export_dict, write_json
from rasd.model import ClaimGroup, Entity
from rasd.store import Store
from tests.conftest import SCHEMA
from tests.store.test_store import annotated_document


@pytest.fixture
def schema() -> dict:
    if not SCHEMA.exists():
        pytest.skip(f"contract schema not found at {SCHEMA}")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def filled_store(url: str) -> Store:
    store = Store(url)
    store.save_document(annotated_document())
    store.replace_entities(
        [
            Entity(
                id="E1",
                type="GPE",
                name="طرابلس",
                name_en="Tripoli",
                kb_id="geonames:2210247",
                lat=32.88,
                lon=13.19,
                mention_count=1,
            )
        ],
        {"d1:m0": "E1"},
    )
    store.replace_claim_groups(
        [
            ClaimGroup(
                id="c1", subject_entity_id=None, measure="troops", quantity_ids=["d1:q0"], disagreement=False
            )
        ]
    )
    return store


def test_export_validates_against_contract(db_url: str, schema: dict) -> None:
    store = filled_store(db_url)
    data = export_dict(store)
    jsonschema.validate(data, schema)
    assert data["mentions"][0]["entity_id"] == "E1"
    assert data["quantities"][0]["holder_entity_id"] == "E1"
    assert data["quantities"][0]["value"] == 300 and isinstance(data["quantities"][0]["value"], int)
    buffer = io.StringIO()
    write_json(store, buffer)
    assert json.loads(buffer.getvalue()) == data
    store.close()


def test_export_is_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for name in ("a.db", "b.db"):
        store = filled_store(str(tmp_path / name))
        buffer = io.StringIO()
        write_json(store, buffer)
        outputs.append(buffer.getvalue())
        store.close()
    assert outputs[0] == outputs[1]


def test_empty_store_is_valid(sqlite_url: str, schema: dict) -> None:
    buffer = io.StringIO()
    write_json(Store(sqlite_url), buffer)
    jsonschema.validate(json.loads(buffer.getvalue()), schema)
