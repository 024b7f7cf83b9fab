"""POLECAT (PLOVER) event records, tab-separated with POLECAT's column names, from merged events.

Filled: id, date, PLOVER type and mode, intensity (the Goldstein value of the CAMEO code, on
POLECAT's -10..10 scale), quad code, actor and recipient name/country/sector/raw words, the
location's name, province, country and point, source outlets, publication date, language,
version.  Left empty: contexts, COW codes, titles, Wikipedia ids, city/district split and
GeoNames ids, story people/organisations/locations.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

__all__ = ["POLECAT_COLUMNS", "polecat_row", "write_polecat"]

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Event Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
)
# POLECAT's quad codes name the classes; CAMEO's quad classes number them in the same order.
_QUAD = {
    1: "VERBAL COOPERATION",
    2: "MATERIAL COOPERATION",
    3: "VERBAL CONFLICT",
    4: "MATERIAL CONFLICT",
}


def _party(prefix: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    return {
        f"{prefix} Name": actor.get("name") or actor.get("text") or "",
        f"{prefix} Country": actor.get("country") or "",
        f"Primary {prefix} Sector": actor.get("sector") or "",
        f"{prefix} Sectors": actor.get("sector") or "",
        f"{prefix} Name Raw": actor.get("text") or "",
    }


def polecat_row(row: dict[str, Any], *, version: str = "whodid") -> list[Any]:
    """One merged event as POLECAT columns."""
    plover = row.get("plover") or {}
    place = row.get("location") or {}
    published = row.get("published") or row.get("first_day")
    values: dict[str, Any] = {
        "Event ID": row.get("event_id"),
        "Event Date": row.get("date") or (row.get("first_day") or ""),
        "Event Type": (plover.get("type") or "").upper(),
        "Event Mode": plover.get("mode") or "",
        "Event Intensity": row.get("goldstein", ""),
        "Quad Code": _QUAD.get(row.get("quad_class") or 0, ""),
        **_party("Actor", row.get("source")),
        **_party("Recipient", row.get("target")),
        "Placename": place.get("name") or "",
        "Province": place.get("admin1") or "",
        "Country": place.get("country") or "",
        "Latitude": "" if place.get("lat") is None else place["lat"],
        "Longitude": "" if place.get("lon") is None else place["lon"],
        "Raw Placename": place.get("text") or "",
        "Feature Type": place.get("feature") or "",
        "Source": ";".join(row.get("sources") or []),
        "Publication Date": str(published) if published else "",
        "Language": "en",
        "Version": version,
    }
    return [values.get(column, "") for column in POLECAT_COLUMNS]


def write_polecat(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Tab-separated POLECAT records with a header line, as POLECAT's files have."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(POLECAT_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(polecat_row(row))
        count += 1
    return count
