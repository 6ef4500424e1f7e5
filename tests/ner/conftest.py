"""A tiny invented training corpus (never text from ../shared/data) and a CRF trained on it."""

from __future__ import annotations

from pathlib import Path

import pytest

_PEOPLE = ["سامي الخطيب", "ليلى حداد", "كريم منصور", "هدى العلي", "ناصر الحربي", "رنا يوسف"]
_PLACES = ["طرابلس", "دمشق", "الرباط", "عمان", "تونس", "فرنسا"]
_ORGS = ["حزب الأمل", "شركة النور", "جمعية الوفاق", "نادي الشروق"]


def _sentences() -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = []
    for i, person in enumerate(_PEOPLE):
        place = _PLACES[i % len(_PLACES)]
        org = _ORGS[i % len(_ORGS)]
        p = person.split()
        o = org.split()
        out.append(
            [("قال", "O"), ("الوزير", "O"), (p[0], "B-PERS"), (p[1], "I-PERS"), ("في", "O"), (place, "B-LOC"),
             ("إن", "O"), (o[0], "B-ORG"), (o[1], "I-ORG"), ("سيشارك", "O"), (".", "O")]
        )  # fmt: skip
        out.append(
            [("وصل", "O"), (p[0], "B-PERS"), (p[1], "I-PERS"), ("إلى", "O"), (place, "B-LOC"), ("أمس", "O"),
             ("بدعوة", "O"), ("من", "O"), (o[0], "B-ORG"), (o[1], "I-ORG"), (".", "O")]
        )  # fmt: skip
    return out


def write_conll(path: Path, sentences: list[list[tuple[str, str]]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "\n\n".join("\n".join(f"{t} {g}" for t, g in s) for s in sentences) + "\n", encoding="utf-8"
    )


@pytest.fixture(scope="session")
def tiny_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data_dir shaped like ../shared/data, with invented sentences."""
    root = tmp_path_factory.mktemp("data")
    sents = _sentences()
    write_conll(root / "ner" / "anercorp" / "train.txt", sents * 5)
    for split in ("dev", "test"):
        write_conll(root / "ner" / "aqmar" / f"{split}.iob2", sents[:4])
    names = root / "names" / "data_wd_arabic.normalized.aligned.tokens"
    names.parent.mkdir(parents=True)
    names.write_text("sami\tس ا م ي\t1\nlayla\tل ي ل ى\t1\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def tiny_model(tiny_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from rasd.ner.train import train

    out = tmp_path_factory.mktemp("model")
    train(
        output_dir=out,
        data_dir=tiny_data,
        seed=3,
        config={
            "clusters": False,
            "corpora": ["anercorp"],
            "max_iterations": 60,
            "silver_sentences": 0,
            "student": False,
        },
    )
    return out
