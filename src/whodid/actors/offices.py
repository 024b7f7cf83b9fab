"""Office tables: one row per office held (``offices.tsv``, or a user's CSV/TSV), grouped into
person entries with dated codes and merged with people described elsewhere (``people.yaml``).

Columns: ``name, country, gender, aliases, code, start, end, role``; a person's country, gender
and aliases may be given on any of their rows (usually the first). Dates are ``YYYY-MM-DD``, or
``YYYY-MM`` where only the month is known (a start then means the first day of the month, an end
the last); an end of ``-`` or empty means "still in office".
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from whodid.actors.entries import ActorEntry, CodeWindow, DataError, split_code
from whodid.actors.loaders import is_acronym

__all__ = ["OFFICE_COLUMNS", "parse_offices", "merge_people", "parse_month_date"]

OFFICE_COLUMNS = ("name", "country", "gender", "aliases", "code", "start", "end", "role")
_CODE = re.compile(r"^[A-Z0-9\-]{3,}$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month_date(value: str, *, end: bool, path: str, line: int) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` (first or last day of the month) or ``-``/empty (open)."""
    value = value.strip()
    if value in ("", "-"):
        return None
    try:
        m = _DAY.match(value)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = _MONTH.match(value)
        if m:
            year, month = int(m[1]), int(m[2])
            day = calendar.monthrange(year, month)[1] if end else 1
            return date(year, month, day)
    except ValueError:
        pass
    raise DataError(path, line, f"bad date {value!r}: expected YYYY-MM-DD, YYYY-MM or '-'")


@dataclass
class _Person:
    name: str
    line: int
    country: str | None = None
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)
    windows: list[CodeWindow] = field(default_factory=list)


def _rows(text: str, path: str) -> Iterable[tuple[int, list[str]]]:
    """(line, cells) of a tab- or comma-separated table; '#' lines and a header row skipped."""
    lines = text.splitlines()
    sample = next((ln for ln in lines if ln.strip() and not ln.startswith("#")), "")
    delimiter = "\t" if "\t" in sample else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for cells in reader:
        line = reader.line_num
        if not cells or not "".join(cells).strip() or cells[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in cells]
        if [c.lower() for c in cells[:2]] == ["name", "country"]:
            continue  # header row
        yield line, cells


def parse_offices(text: str, path: str, *, source: str = "builtin") -> list[ActorEntry]:
    """Person entries from an office table (TSV or CSV), in order of first appearance."""
    people: dict[str, _Person] = {}
    for line, cells in _rows(text, path):
        if len(cells) != len(OFFICE_COLUMNS):
            raise DataError(
                path,
                line,
                f"expected {len(OFFICE_COLUMNS)} columns ({', '.join(OFFICE_COLUMNS)}), "
                f"found {len(cells)}",
            )
        name, country, gender, aliases, code, start, end, role = cells
        if not name:
            raise DataError(path, line, "empty name")
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise DataError(path, line, f"bad country {country!r}: expected ISO alpha-3")
        if gender not in ("", "m", "f"):
            raise DataError(path, line, f"bad gender {gender!r}: expected m, f or empty")
        if not _CODE.match(code):
            raise DataError(
                path, line, f"bad code {code!r}: expected upper-case letters like 'USAGOV'"
            )
        window = CodeWindow(
            code=code,
            start=parse_month_date(start, end=False, path=path, line=line),
            end=parse_month_date(end, end=True, path=path, line=line),
            role=role,
        )
        if window.start and window.end and window.end < window.start:
            raise DataError(path, line, f"office ends ({end}) before it starts ({start})")
        person = people.setdefault(name, _Person(name, line))
        person.country = person.country or country or None
        person.gender = person.gender or gender or None
        person.aliases.extend(a.strip() for a in aliases.split("|") if a.strip())
        person.windows.append(window)
    return [_entry(p, path, source) for p in people.values()]


def _entry(p: _Person, path: str, source: str) -> ActorEntry:
    windows = sorted(p.windows, key=lambda w: w.start or date.min)
    country = p.country or next(
        (split_code(w.code)[0] for w in windows if split_code(w.code)[0]), None
    )
    names = tuple(dict.fromkeys([p.name, *p.aliases]))
    return ActorEntry(
        key=f"person:{p.name}",
        name=p.name,
        kind="person",
        names=names,
        code=None,
        country=country,
        windows=tuple(windows),
        gender=p.gender,
        source=source if source != "builtin" else "builtin",
        case_sensitive=tuple(n for n in names if is_acronym(n)),
    )


def merge_people(entries: Sequence[ActorEntry], extra: Sequence[ActorEntry]) -> list[ActorEntry]:
    """``entries`` with the people of ``extra`` added; a person already present (same name) gains
    the offices and aliases it lacks instead of a second entry."""
    out = list(entries)
    index = {e.name: i for i, e in enumerate(out) if e.kind == "person"}
    for person in extra:
        i = index.get(person.name)
        if i is None:
            index[person.name] = len(out)
            out.append(person)
            continue
        old = out[i]
        starts = {(w.start, w.code) for w in old.windows}
        windows = [*old.windows, *(w for w in person.windows if (w.start, w.code) not in starts)]
        names = tuple(dict.fromkeys([*old.names, *person.names]))
        out[i] = replace(
            old,
            names=names,
            windows=tuple(sorted(windows, key=lambda w: w.start or date.min)),
            gender=old.gender or person.gender,
            country=old.country or person.country,
            case_sensitive=tuple(dict.fromkeys([*old.case_sensitive, *person.case_sensitive])),
        )
    return out
