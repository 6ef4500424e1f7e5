"""Regenerate the shipped NER model from ../shared/data (fixed seed).

python scripts/train_ner.py                       # CRF + clusters + gazetteer -> src/rasd/resources/ner
python scripts/train_ner.py --crf-only            # keep clusters/gazetteer, refit the CRF
python scripts/train_ner.py --crf-only --set silver_sentences=0 --set gold_repeat=1   # no distillation (#1)
python scripts/train_ner.py --out /tmp/m --crf-only --set features=cbg,gbg            # opt-in feature groups
python scripts/train_ner.py --out /tmp/m --crf-only --set features=kb,nisba,chain      # kb: default (round 4)
python scripts/train_ner.py --e5                  # also fine-tune the opt-in e5 mode (needs torch)
python scripts/train_ner.py --student-only        # refit the BiLSTM student (needs torch; reuses its vectors)
python scripts/train_ner.py --out /tmp/m --student-only --set dev_split=tail --set student_silver=8000
python scripts/train_ner.py --out /tmp/m --set c1=0.1 --set corpora=anercorp,aqmar
python scripts/train_ner.py --write-dev /tmp/dev.conll  # ANERcorp dev split (keep it outside the repo;
#                                                  --set dev_split=tail for the tail split),
python -m rasd.ner.evaluate /tmp/dev.conll --model e5        # to score any model on
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path
from typing import Any

from rasd.ner.labels import to_anercorp
from rasd.ner.train import default_data_dir, load_corpora, train, train_student_model, train_transformer


def _value(text: str) -> Any:
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    if text in ("true", "false"):
        return text == "true"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="output directory (default: the shipped model)"
    )
    parser.add_argument(
        "--data", type=Path, default=None, help="shared data directory (default: ../shared/data)"
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--crf-only", action="store_true", help="reuse clusters and gazetteer already in --out"
    )
    parser.add_argument("--e5", action="store_true", help="also fine-tune the opt-in e5-small mode")
    parser.add_argument("--e5-only", action="store_true", help="only fine-tune the e5-small mode")
    parser.add_argument(
        "--student-only",
        action="store_true",
        help="only train the BiLSTM student (reuses --out resources)",
    )
    parser.add_argument("--set", action="append", default=[], help="config override key=value")
    parser.add_argument(
        "--write-dev", type=Path, default=None, help="write the ANERcorp dev split (CoNLL) there and stop"
    )
    args = parser.parse_args()
    if args.write_dev:
        split = next((i.split("=", 1)[1] for i in args.set if i.startswith("dev_split=")), "chunks")
        dev = load_corpora(args.data or default_data_dir(), args.seed, ["anercorp"], split)["anercorp_dev"]
        args.write_dev.write_text(
            "".join(
                "".join(f"{t} {g}\n" for t, g in zip(toks, to_anercorp(tags), strict=True)) + "\n"
                for toks, tags in dev
            ),
            encoding="utf-8",
        )
        return
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    pairs = (i.split("=", 1) for i in args.set)
    config = {
        k: [x for x in v.split(",") if x] if k in ("corpora", "features") else _value(v) for k, v in pairs
    }
    if args.crf_only:
        config.setdefault("student", False)  # --crf-only refits the CRF alone
    if args.student_only:
        metrics = train_student_model(args.out, args.data, args.seed, config)
        print(json.dumps(metrics, ensure_ascii=False, indent=2))
        return
    if not args.e5_only:
        metrics = train(args.out, args.data, args.seed, config, rebuild_resources=not args.crf_only)
        print(json.dumps(metrics, ensure_ascii=False, indent=2))
    if args.e5 or args.e5_only:
        print(
            json.dumps(
                train_transformer(args.out, args.data, args.seed, config), ensure_ascii=False, indent=2
            )
        )


if __name__ == "__main__":
    main()
