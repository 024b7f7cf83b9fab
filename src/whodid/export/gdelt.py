"""GDELT 2.0 event table rows (61 tab-separated columns, no header) from merged events.

Filled where our data says it: ids, dates, actor codes/names/countries/types, event codes,
quad class, Goldstein, mention/source/article counts (correct ones: merged across outlets),
the action location's type, name and point, date added and source URL.  Left empty: ethnic,
religion and known-group codes, tone, actor locations, and FIPS country/ADM codes and
GeoNames feature ids (whodid gives ISO alpha-3 countries, not FIPS 10-4).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import IO, Any

__all__ = ["GDELT_COLUMNS", "gdelt_row", "write_gdelt"]

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}


def _day(row: dict[str, Any]) -> date | None:
    value = row.get("date")
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    first = row.get("first_day") or row.get("published")
    return first if isinstance(first, date) else None


def _actor(prefix: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    if not actor.get("code"):  # GDELT records coded actors only
        return {}
    name = actor.get("name") or actor.get("text") or ""
    return {
        f"{prefix}Code": actor.get("code") or "",
        f"{prefix}Name": " ".join(name.upper().split()),
        f"{prefix}CountryCode": actor.get("country") or "",
        f"{prefix}Type1Code": actor.get("sector") or "",
    }


def _geo_type(place: dict[str, Any]) -> int | str:
    feature, country = place.get("feature"), place.get("country")
    if feature == "country":
        return 1
    if feature == "admin1":
        return 2 if country == "USA" else 5
    if feature in ("city", "admin2", "other", "region"):
        return 3 if country == "USA" else 4
    return ""


def _action_geo(place: dict[str, Any] | None) -> dict[str, Any]:
    if not place:
        return {}
    parts = [place.get("name") or place.get("text"), place.get("admin1"), place.get("country")]
    full = ", ".join(dict.fromkeys(p for p in parts if p))
    return {
        "ActionGeo_Type": _geo_type(place),
        "ActionGeo_FullName": full,
        "ActionGeo_Lat": "" if place.get("lat") is None else f"{place['lat']:.4f}",
        "ActionGeo_Long": "" if place.get("lon") is None else f"{place['lon']:.4f}",
    }


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    """One merged event (from :func:`whodid.export.query.iter_events`) as GDELT 2.0 columns."""
    day = _day(row)
    cameo = row.get("cameo") or ""
    added = row.get("published") or row.get("first_day")
    values: dict[str, Any] = {
        "GLOBALEVENTID": int(row["event_id"][:15], 16),
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        **_actor("Actor1", row.get("source")),
        **_actor("Actor2", row.get("target")),
        "IsRootEvent": 1 if row.get("sentence") == 0 else 0,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": row.get("cameo_root") or cameo[:2],
        "QuadClass": row.get("quad_class", ""),
        "GoldsteinScale": row.get("goldstein", ""),
        "NumMentions": row.get("num_mentions", ""),
        "NumSources": row.get("num_sources", ""),
        "NumArticles": row.get("num_reports", ""),
        **_action_geo(row.get("location")),
        "DATEADDED": added.strftime("%Y%m%d000000") if isinstance(added, date) else "",
        "SOURCEURL": row.get("url") or next(iter(row.get("urls") or []), ""),
    }
    return [
        "" if values.get(column) is None else values.get(column, "") for column in GDELT_COLUMNS
    ]


def write_gdelt(rows: Iterable[dict[str, Any]], out: IO[str], *, header: bool = False) -> int:
    """Tab-separated GDELT 2.0 event rows; GDELT's own files have no header line."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        writer.writerow(GDELT_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(gdelt_row(row))
        count += 1
    return count
