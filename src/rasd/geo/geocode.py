"""Choose one place for each place name of a document, from the document's own context.

A name like طرابلس has several candidates; the article says which: the countries
it names (its focus), the other places it names (a candidate near them wins), and
otherwise the bigger town. Obscure homonyms in countries the article never
mentions are refused rather than guessed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rasd.geo.gazetteer import ARAB_COUNTRIES, Gazetteer, Place, haversine_km, load_gazetteer

__all__ = ["GeoContext", "acceptable", "choose", "geocode_names", "haversine_km", "score"]

NEAR_KM = 300.0
# A candidate in a country the article does not mention must be at least this big.
MIN_POPULATION_OUT_OF_FOCUS = 50_000
# A world city beats a hamlet named after it (Toronto, Ohio; Havana, Florida; Madrid, Iowa)
# unless the article places other towns near the hamlet.
WORLD_CITY_POPULATION = 500_000
HAMLET_POPULATION = 20_000
MAJOR_CITY_POPULATION = 150_000  # beats a namesake town eight times smaller that nothing else supports
CAPITAL_POPULATION = 1_000_000
# Below this, a GeoNames place outside the Arab world needs another placed town within NEAR_KM.
VILLAGE_POPULATION = 5_000


@dataclass
class GeoContext:
    """What an article says about where it is: countries named and places already placed."""

    countries: Counter[str] = field(default_factory=Counter)
    points: list[tuple[float, float]] = field(default_factory=list)

    def add_country(self, code: str | None, weight: float = 1.0) -> None:
        if code:
            self.countries[code] += weight  # type: ignore[assignment]


def acceptable(place: Place, ctx: GeoContext) -> bool:
    if place.source == "kb":  # a country named outright
        return True
    if (
        place.source == "geonames"
        and place.population < VILLAGE_POPULATION
        and place.country not in ARAB_COUNTRIES
        and not any(haversine_km(place.lat, place.lon, la, lo) <= NEAR_KM for la, lo in ctx.points)
    ):
        # A foreign village the article places nothing near is a homonym, not news: Cashmere (WA)
        # for Kashmir, Joppa (AL) for Juba, La Faye (FR) for "ولا في", even in a US or French story.
        return False
    if place.country and ctx.countries.get(place.country, 0) > 0:
        return True
    if place.source == "override" and place.precision == 1:
        return True
    return place.population >= MIN_POPULATION_OUT_OF_FOCUS


def score(place: Place, ctx: GeoContext) -> float:
    # Size counts fully: a village of unknown population near other named places must not
    # beat a town of tens of thousands in a country the article also names (Sinjar).
    s = math.log10(place.population + 10)
    if place.source == "kb":
        s += 2.0
    if place.source == "override":
        s += 0.5
    if place.country:
        weight = ctx.countries.get(place.country, 0)
        if weight:
            s += 3.0 + min(weight, 6) * 0.5
    if any(haversine_km(place.lat, place.lon, la, lo) <= NEAR_KM for la, lo in ctx.points):
        s += 2.0
    return s


def choose(candidates: Sequence[Place], ctx: GeoContext) -> Place | None:
    """The best acceptable candidate (deterministic tie-break on the place key)."""
    ok = [p for p in candidates if acceptable(p, ctx)]
    if not ok:
        return None
    best = max(ok, key=lambda p: (score(p, ctx), p.population, p.key))
    if best.source == "geonames" and not (
        best.country in ARAB_COUNTRIES and ctx.countries.get(best.country, 0) > 0
    ):
        # A namesake town far from the article's other places loses to a much bigger city:
        # "باريس" in a story about Washington is still Paris, France, not Paris, Texas. Not an Arab
        # town of the article's own country: GeoNames undercounts them, and القنيطرة in a Syrian
        # story is Quneitra, not Kenitra (Morocco, 13 times bigger).
        big = max(ok, key=lambda p: (p.population, p.key))
        hamlet = best.population < HAMLET_POPULATION
        if big is best:
            return best
        if (
            big.population >= (WORLD_CITY_POPULATION if hamlet else MAJOR_CITY_POPULATION)
            and big.population >= (50 if hamlet else 8) * max(best.population, 1)
            and not any(haversine_km(best.lat, best.lon, la, lo) <= NEAR_KM for la, lo in ctx.points)
        ):
            return big
        # A capital-size city a hundred times bigger wins even when the namesake town lies near
        # another place of the story: Berlin (NH) is 300 km from New York, برلين is still Berlin.
        if big.population >= CAPITAL_POPULATION and big.population >= 100 * max(best.population, 1):
            return big
    return best


def geocode_names(
    place_names: Sequence[str],
    *,
    countries: Iterable[str] = (),
    gazetteer: Gazetteer | None = None,
    hints: Sequence[str | None] | None = None,
) -> list[Place | None]:
    """Places for the place names of one document, in order.

    ``countries`` are ISO codes the document is known to be about (from its actors);
    the names themselves add countries (a named country, an unambiguous town) before
    the ambiguous ones are decided. ``hints`` gives, per name, a country the text itself
    attaches to that name ("سنجار العراقية"); it wins over the article's focus.
    """
    gaz = gazetteer or load_gazetteer()
    ctx = GeoContext()
    for code in countries:
        ctx.add_country(code, 0.5)
    cands = [gaz.candidates(n) for n in place_names]
    for i, hint in enumerate(hints or ()):
        if hint and i < len(cands):
            local = [p for p in cands[i] if p.country == hint]
            cands[i] = local or cands[i]
    # Pass 1: countries named outright and towns with one candidate set the focus.
    for i, cs in enumerate(cands):
        country = next((p for p in cs if p.source == "kb"), None)
        if country is not None:  # a country's name means the country, not a homonymous village
            cands[i] = cs = [country]
        if len(cs) == 1 and cs[0].source in ("kb", "override"):
            ctx.add_country(cs[0].country)
        elif cs and len({p.country for p in cs}) == 1 and cs[0].source == "geonames":
            best = max(cs, key=lambda p: p.population)
            if best.population >= 1000:
                ctx.add_country(best.country, 0.5)
    # Pass 2: place the unambiguous ones to give "near" evidence, then everything.
    chosen: list[Place | None] = [None] * len(cands)
    for i, cs in enumerate(cands):
        if cs and len({p.country for p in cs}) == 1:
            chosen[i] = choose(cs, ctx)
            if chosen[i] is not None and chosen[i].precision == 1:  # type: ignore[union-attr]
                ctx.points.append((chosen[i].lat, chosen[i].lon))  # type: ignore[union-attr]
    for i, cs in enumerate(cands):
        if chosen[i] is None and cs:
            chosen[i] = choose(cs, ctx)
    return chosen
