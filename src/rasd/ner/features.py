"""Token features for the CRF: folded form, clitic-stripped stem, shape, affixes,
word clusters, gazetteers and trigger words, over a window of +-2 tokens.

Everything is computed on ``normalize(token)`` so diacritics, tatweel, hamza
variants and Arabic-Indic digits do not split the vocabulary. Word-level
features are cached per distinct token string, which is what keeps the
default model fast on one core.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rasd.ner.lexicon import CHAIN_BREAKERS, TRIGGERS
from rasd.text.normalise import normalize

CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
PHRASES_FILE = "kb_phrases.tsv.gz"  # multi-word names (actor KB, curated places), built by rasd.ner.train
FEATURES_FILE = "features.json"  # the feature recipe a CRF was trained with (absent: the base set)

# Optional feature groups, chosen per model (see docs/benchmarks/ner.md for what each gained):
# "cbg": coarse word-cluster bigrams with the previous / next word;
# "gbg": gazetteer/trigger flags of the neighbour conjoined with this word's flags;
# "kb": longest multi-word match against the phrase gazetteer (actor KB + curated places), as
#       B-/I- position plus the KB type, for the word and its neighbours;
# "nisba": the word is a nisba adjective of a known place (الروماني <- رومانيا), so a name before it
#          is often a team, firm or body ("فلومينيزي البرازيلي");
# "chain": distance (1-4) to an organisation head or person title earlier in an unbroken run of
#          Arabic words (construct chains such as "مجلس الاحتياطي الاتحادي").
EXTRA_FEATURES = ("cbg", "gbg", "kb", "nisba", "chain")
MAX_PHRASE = 8  # longest phrase the matcher tries, in words

_CONJ = "وف"
_PREP = "بلك"


def strip_clitics(word: str) -> tuple[str, str]:
    """``(proclitics, stem)`` of a folded word: و/ف, then ب/ل/ك, then the article ال.

    Conservative (the stem keeps at least 2-3 letters) because names such as
    "وليد" or "فلسطين" start with clitic letters; the CRF sees word and stem.
    """
    prefix = ""
    stem = word
    if len(stem) > 3 and stem[0] in _CONJ:
        prefix, stem = stem[0], stem[1:]
    if len(stem) > 3 and stem[0] in _PREP:
        if stem[0] == "ل" and stem[1] == "ل" and len(stem) > 3:
            return prefix + "لل", stem[2:]  # ل + ال, written "لل"
        prefix, stem = prefix + stem[0], stem[1:]
    if len(stem) > 3 and stem.startswith("ال"):
        prefix, stem = prefix + "ال", stem[2:]
    return prefix, stem


def shape(token: str) -> str:
    """Coarse script/case class of a raw token."""
    if not token:
        return "empty"
    ch = token[0]
    if any(c.isdigit() for c in token) and all(c.isdigit() or c in ".,،٫٬/:-" for c in token):
        return "num"
    if not ch.isalpha():
        return "punct" if not ch.isalnum() else "other"
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
        return "ar"
    if ch < "\u0250":  # Latin, with accented letters
        if token.isupper() and len(token) > 1:
            return "LAT"
        return "Lat" if ch.isupper() else "lat"
    return "other"


@dataclass
class Lexicon:
    """Derived resources shared by training and prediction (clusters, gazetteers)."""

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # first folded word -> (all folded words, type) of every phrase starting with it, longest first
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)

    def add_phrases(self, entries: Iterable[tuple[str, str]]) -> None:
        """Index ``(phrase, type)`` pairs (already folded, space-separated) by their first word."""
        index: dict[str, set[tuple[tuple[str, ...], str]]] = {}
        for phrase, kind in entries:
            words = tuple(phrase.split())
            if words and len(words) <= MAX_PHRASE:
                index.setdefault(words[0], set()).add((words, kind))
        for first, items in index.items():
            merged = set(self.phrases.get(first, ())) | items
            self.phrases[first] = tuple(sorted(merged, key=lambda x: (-len(x[0]), x)))

    @classmethod
    def load(cls, directory: Path) -> Lexicon:
        lex = cls()
        path = directory / CLUSTERS_FILE
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                for line in handle:
                    word, *ids = line.rstrip("\n").split("\t")
                    lex.clusters[word] = tuple(ids)
        path = directory / GAZETTEER_FILE
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                for line in handle:
                    word, flags = line.rstrip("\n").split("\t")
                    lex.gazetteer[word] = tuple(flags.split(","))
        path = directory / PHRASES_FILE
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                rows = (line.rstrip("\n").split("\t") for line in handle)
                lex.add_phrases((row[0], row[1]) for row in rows if len(row) >= 2)
        return lex


def clitic_variants(low: str) -> tuple[str, ...]:
    """The folded word and its forms without glued و/ف and ب/ل/ك (the article kept: للبنك -> البنك)."""
    out = [low]
    rest = low
    if len(rest) > 3 and rest[0] in _CONJ:
        rest = rest[1:]
        out.append(rest)
    if len(rest) > 3 and rest[0] in _PREP:
        out.append("ال" + rest[2:] if rest.startswith("لل") else rest[1:])
    return tuple(out)


def match_phrases(lows: Sequence[str], lexicon: Lexicon) -> list[str]:
    """Per word, ``B-TYPE`` / ``I-TYPE`` of the longest phrase match covering it (left to right), else "".

    Only the first word may carry glued clitics (والناتو, لحلف); the others must match exactly.
    """
    tags = [""] * len(lows)
    i = 0
    n = len(lows)
    while i < n:
        best = 0
        kind = ""
        for first in clitic_variants(lows[i]):
            for words, typ in lexicon.phrases.get(first, ()):
                k = len(words)
                if k <= best or i + k > n:
                    continue
                if all(lows[i + j] == words[j] for j in range(1, k)):
                    best, kind = k, typ
                    break  # entries are longest first
        if best:
            tags[i] = "B-" + kind
            for j in range(i + 1, i + best):
                tags[j] = "I-" + kind
            i += best
        else:
            i += 1
    return tags


@dataclass(frozen=True, slots=True)
class WordInfo:
    """Features of one token string, independent of its context."""

    own: tuple[str, ...]  # features used only at position 0
    ctx: tuple[str, ...]  # short features also used for the neighbours
    coarse: str = ""  # the 256-cluster id (or the shape when the word has no cluster)
    flags: str = "-"  # gazetteer and trigger flags, joined


class FeatureExtractor:
    """Maps a tokenised sentence to crfsuite feature lists."""

    def __init__(self, lexicon: Lexicon | None = None, window: int = 2, extra: Iterable[str] = ()) -> None:
        self.lexicon = lexicon or Lexicon()
        self.window = window
        self.extra = frozenset(extra)
        unknown = self.extra - set(EXTRA_FEATURES)
        if unknown:
            raise ValueError(f"unknown NER feature groups {sorted(unknown)}; known: {EXTRA_FEATURES}")
        self._cbg = "cbg" in self.extra
        self._gbg = "gbg" in self.extra
        self._kb = "kb" in self.extra
        self._nisba = "nisba" in self.extra
        self._chain = "chain" in self.extra
        self._cache: dict[str, WordInfo] = {}

    @classmethod
    def for_model(cls, directory: Path) -> FeatureExtractor:
        """The extractor a CRF in ``directory`` was trained with (its features.json, if any)."""
        path = directory / FEATURES_FILE
        cfg = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        return cls(Lexicon.load(directory), window=int(cfg.get("window", 2)), extra=cfg.get("extra", ()))

    def word_info(self, token: str) -> WordInfo:
        info = self._cache.get(token)
        if info is None:
            if len(self._cache) > 50_000:  # ~20 feature strings a word: keep memory bounded
                self._cache.clear()
            info = self._compute(token)
            self._cache[token] = info
        return info

    def _compute(self, token: str) -> WordInfo:
        norm = normalize(token) or token
        low = norm.lower()
        prefix, stem = strip_clitics(low)
        shp = shape(token)
        own = [
            f"p={prefix}",
            f"s1={low[-1:]}",
            f"s2={low[-2:]}",
            f"s3={low[-3:]}",
            f"st2={stem[:2]}",
            f"st3={stem[:3]}",
            f"ss2={stem[-2:]}",
            f"len={min(len(stem), 8)}",
        ]
        if token != norm:
            own.append("diac")
        ctx = [f"w={low}", f"stem={stem}", f"sh={shp}"]
        clusters = self.lexicon.clusters.get(low) or self.lexicon.clusters.get(stem)
        if clusters:
            ctx.extend(f"c{i}={c}" for i, c in enumerate(clusters))
        else:
            ctx.append("c=none")
        stem_clusters = self.lexicon.clusters.get(stem)
        if stem_clusters and stem != low:
            own.extend(f"sc{i}={c}" for i, c in enumerate(stem_clusters))
        for key in {low, stem}:
            for flag in self.lexicon.gazetteer.get(key, ()):
                ctx.append(f"g={flag}")
        for name, words in TRIGGERS.items():
            if low in words or stem in words:
                ctx.append(f"t={name}")
        if self._nisba and self._is_nisba(stem):
            ctx.append("nis")
        coarse = f"{clusters[1] if clusters and len(clusters) > 1 else shp}"
        flags = "+".join(sorted(f[2:] for f in ctx if f.startswith(("g=", "t=")))) or "-"
        return WordInfo(tuple(own), tuple(ctx), coarse, flags)

    def _is_nisba(self, stem: str) -> bool:
        """``stem`` (article and clitics stripped) is an adjective of a known place: روماني(ه) <- رومانيا."""
        for suffix in ("يه", "ي", "يين", "يون"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                base = stem[: -len(suffix)]
                break
        else:
            return False
        for place in (base, base + "ا", base + "يا", "ال" + base, base + "ه"):
            if "LOC" in self.lexicon.gazetteer.get(place, ()):
                return True
            if any(w == (place,) and t == "LOC" for w, t in self.lexicon.phrases.get(place, ())):
                return True
        return False

    def _chains(self, tokens: Sequence[str], infos: Sequence[WordInfo]) -> list[str]:
        """Per word, "ORGk" / "PERk": k words after an organisation head / person title, run unbroken."""
        out = [""] * len(tokens)
        last: tuple[str, int] | None = None
        for i, info in enumerate(infos):
            if last is not None and (shape(tokens[i]) != "ar" or info.ctx[0][2:] in CHAIN_BREAKERS):
                last = None
            if last is not None and i - last[1] <= 4:
                out[i] = f"{last[0]}{i - last[1]}"
            if "t=TORG" in info.ctx:
                last = ("ORG", i)
            elif "t=TPER" in info.ctx:
                last = ("PER", i)
        return out

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """One feature list per token."""
        infos = [self.word_info(t) for t in tokens]
        n = len(tokens)
        kb: list[str] = []
        if self._kb:
            kb = match_phrases([i.ctx[0][2:] for i in infos], self.lexicon)
        chains = self._chains(tokens, infos) if self._chain else []
        out: list[list[str]] = []
        for i, info in enumerate(infos):
            feats = ["bias", *info.own, *info.ctx]
            if kb:
                for off in (-1, 0, 1):
                    j = i + off
                    if 0 <= j < n and kb[j]:
                        feats.append(f"{off}:kb={kb[j]}")
                if kb[i] and i > 0:
                    feats.append(f"kbw-={infos[i - 1].ctx[1]}|{kb[i]}")
            if chains and chains[i]:
                feats.append(f"ch={chains[i]}")
            for off in range(-self.window, self.window + 1):
                if off == 0:
                    continue
                j = i + off
                if 0 <= j < n:
                    feats.extend(f"{off}:{f}" for f in infos[j].ctx)
                elif j == -1 or j == n:
                    feats.append(f"{off}:BOUND")
            if i > 0:
                feats.append(f"bg-={infos[i - 1].ctx[1]}|{info.ctx[1]}")
            if i + 1 < n:
                feats.append(f"bg+={info.ctx[1]}|{infos[i + 1].ctx[1]}")
            if self._cbg:
                prev = infos[i - 1].coarse if i > 0 else "BOS"
                nxt = infos[i + 1].coarse if i + 1 < n else "EOS"
                feats.append(f"cb-={prev}|{info.coarse}")
                feats.append(f"cb+={info.coarse}|{nxt}")
                feats.append(f"cw-={prev}|{info.ctx[0]}")
            if self._gbg:
                prev = infos[i - 1].flags if i > 0 else "BOS"
                nxt = infos[i + 1].flags if i + 1 < n else "EOS"
                if prev != "-" or info.flags != "-":
                    feats.append(f"gb-={prev}|{info.flags}")
                if nxt != "-" or info.flags != "-":
                    feats.append(f"gb+={info.flags}|{nxt}")
            out.append(feats)
        return out


def write_feature_config(directory: Path, window: int, extra: Iterable[str]) -> None:
    """Record the feature recipe next to the CRF so prediction builds the same features."""
    cfg = {"window": window, "extra": sorted(set(extra))}
    (directory / FEATURES_FILE).write_text(json.dumps(cfg, sort_keys=True) + "\n", encoding="utf-8")
