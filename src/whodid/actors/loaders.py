"""Load and validate the built-in actor data (TSV/YAML under whodid/data/actors) and the project's
own YAML
format for user actors and agents. Every error names the file and line."""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Iterator, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml

from whodid.actors.entries import SECTORS, ActorEntry, ActorKind, AgentEntry, CodeWindow, DataError

__all__ = [
    "regular_plural",
    "load_builtin_actors",
    "load_builtin_agents",
    "load_yaml_actors",
    "load_yaml_agents",
    "read_data_text",
]

logger = logging.getLogger(__name__)

_CODE = re.compile(r"^[A-Z0-9\-+#]{3,}$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.\-+]*$")


def read_data_text(name: str) -> tuple[str, str]:
    """(text, display path) of a built-in data file."""
    res = resources.files("whodid").joinpath("data").joinpath("actors").joinpath(name)
    return res.read_text(encoding="utf-8"), f"whodid/data/actors/{name}"


def regular_plural(word: str) -> str:
    """Regular English plural of the last word of a phrase (lower case)."""
    w = word
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    if w.endswith("man"):
        return w[:-3] + "men"
    return w + "s"


def is_acronym(name: str) -> bool:
    """Short all-capital names (US, UN, PRI) must match case-sensitively."""
    if _ACRONYM.match(name) is None:  # most names fail here: test it before counting
        return False
    return sum(c.isalpha() for c in name) <= 5  # the match starts with a letter


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def _demonym_forms(adj: str) -> list[str]:
    if adj.endswith(("ese", "ss", "sh", "ch", "men", ".", "y")):
        return [adj]
    return [adj, adj + "s"]


def _check_code(code: Any, path: str, line: int) -> str:
    if not isinstance(code, str) or not _CODE.match(code):
        raise DataError(path, line, f"bad code {code!r}: expected upper-case letters like 'USAGOV'")
    return code


def _check_sector(sector: Any, path: str, line: int) -> str | None:
    if sector is None:
        return None
    if sector not in SECTORS:
        raise DataError(
            path, line, f"unknown sector {sector!r}; known: {', '.join(sorted(SECTORS))}"
        )
    return str(sector)


def _with_case(names: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(names), tuple(n for n in names if is_acronym(n))


# ---------------------------------------------------------------- countries (TSV)


def parse_countries(text: str, path: str) -> list[ActorEntry]:
    out: list[ActorEntry] = []
    seen: set[str] = set()
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) != 7:
            raise DataError(path, lineno, f"expected 7 tab-separated columns, found {len(cells)}")
        code, name, aliases, adjectives, capitals, seats, alt = (c.strip() for c in cells)
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise DataError(path, lineno, f"bad ISO alpha-3 code {code!r}")
        if code in seen:
            raise DataError(path, lineno, f"duplicate country code {code}")
        seen.add(code)
        if not name:
            raise DataError(path, lineno, "empty country name")
        names = [name, *_split(aliases)]
        for adj in _split(adjectives):
            names.extend(_demonym_forms(adj))
        names_t, cs = _with_case(names)
        out.append(
            ActorEntry(
                key=f"country:{code}",
                name=name,
                kind="country",
                names=names_t,
                code=code,
                country=code,
                source=path,
                case_sensitive=cs,
            )
        )
        caps = _split(capitals)
        for cap in caps:
            out.append(
                ActorEntry(
                    key=f"capital:{code}:{cap}",
                    # 'Warsaw said ...' names Warsaw, coded as Poland's government; a spelling
                    # of an earlier capital ('Prishtina') names that one
                    name=_spelling_of(cap, caps),
                    kind="place",
                    names=(cap,),
                    code=code + "GOV",
                    country=code,
                    sector="GOV",
                    source=path,
                )
            )
        for seat in _split(seats):
            seat_name, _, sector = seat.partition("=")
            sector = sector or "GOV"
            _check_sector(sector, path, lineno)
            out.append(
                ActorEntry(
                    key=f"seat:{code}:{seat_name}",
                    name=name,
                    kind="place",
                    names=(seat_name,),
                    code=code + sector,
                    country=code,
                    sector=sector,
                    source=path,
                )
            )
        for alt_code in _split(alt):
            if not re.fullmatch(r"[A-Z]{3}", alt_code):
                raise DataError(path, lineno, f"bad alternative code {alt_code!r}")
    return out


def _spelling_of(name: str, names: Sequence[str]) -> str:
    """The first of ``names`` that ``name`` is another spelling of ('Prishtina' of 'Pristina',
    'Washington DC' of 'Washington'), else ``name``."""
    for other in names:
        if other == name:
            return name
        if difflib.SequenceMatcher(None, other.lower(), name.lower()).ratio() >= 0.8:
            return other
    return name


def country_alt_codes(text: str) -> dict[str, str]:
    """Non-ISO CAMEO/PETRARCH country codes -> ISO alpha-3 (from the alt_codes column)."""
    out: dict[str, str] = {}
    for raw in text.splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        cells = raw.split("\t")
        for alt in _split(cells[6]) if len(cells) == 7 else []:
            out.setdefault(alt, cells[0])
    return out


# ---------------------------------------------------------------- YAML with line numbers


# libyaml's parser when PyYAML was built with it (same values and line marks, ~5x faster).
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_records(text: str, path: str) -> Iterator[tuple[Any, int]]:
    """Yield (value, line) for each item of a top-level YAML sequence."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return
        if not isinstance(node, yaml.SequenceNode):
            raise DataError(path, node.start_mark.line + 1, "expected a list of entries")
        for item in node.value:
            yield loader.construct_object(item, deep=True), item.start_mark.line + 1
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError(path, mark.line + 1 if mark else None, f"invalid YAML: {exc}") from exc
    finally:
        loader.dispose()


def _date(value: Any, path: str, line: int) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        v = value.replace("-", "")
        if re.fullmatch(r"\d{8}", v):
            return date(int(v[:4]), int(v[4:6]), int(v[6:]))
    raise DataError(path, line, f"bad date {value!r}: expected YYYY-MM-DD")


def actor_from_mapping(
    rec: Any, line: int, path: str, *, default_kind: str, source: str
) -> ActorEntry:
    if not isinstance(rec, dict):
        raise DataError(path, line, "expected a mapping with at least 'name'")
    unknown = set(rec) - {
        "name",
        "aliases",
        "code",
        "sector",
        "country",
        "kind",
        "gender",
        "offices",
        "codes",
        "before",
        "plover_country",
    }
    if unknown:
        raise DataError(path, line, f"unknown field(s): {', '.join(sorted(unknown))}")
    name = rec.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataError(path, line, "missing or empty 'name'")
    aliases = rec.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DataError(path, line, "'aliases' must be a list of strings")
    code = rec.get("code")
    if code is not None:
        _check_code(code, path, line)
    country = rec.get("country")
    if country is not None and not (
        isinstance(country, str) and re.fullmatch(r"[A-Z]{3}", country)
    ):
        raise DataError(path, line, f"bad country {country!r}: expected ISO alpha-3")
    sector = _check_sector(rec.get("sector"), path, line)
    windows = []
    for w in rec.get("offices") or rec.get("codes") or []:
        if not isinstance(w, dict) or "code" not in w:
            raise DataError(path, line, f"{name}: each office needs a 'code'")
        windows.append(
            CodeWindow(
                code=_check_code(w["code"], path, line),
                start=_date(w.get("start"), path, line),
                end=_date(w.get("end"), path, line),
                role=str(w.get("role") or ""),
                sector=_check_sector(w.get("sector"), path, line),
            )
        )
    if code is None and not windows:
        raise DataError(path, line, f"{name}: needs a 'code' or dated 'offices'")
    kind = rec.get("kind") or default_kind
    if kind not in ("country", "organisation", "group", "person", "place", "other"):
        raise DataError(path, line, f"unknown kind {kind!r}")
    names_t, cs = _with_case([name, *aliases])
    return ActorEntry(
        key=f"{kind}:{name}",
        name=name,
        kind=cast(ActorKind, kind),
        names=names_t,
        code=code,
        country=country,
        sector=sector,
        windows=tuple(windows),
        gender=rec.get("gender"),
        before=_check_sector(rec.get("before"), path, line),
        plover_country=rec.get("plover_country"),
        source=source,
        case_sensitive=cs,
    )


def parse_yaml_actors(text: str, path: str, *, default_kind: str, source: str) -> list[ActorEntry]:
    return [
        actor_from_mapping(rec, line, path, default_kind=default_kind, source=source)
        for rec, line in yaml_records(text, path)
    ]


# ---------------------------------------------------------------- agents


def agent_forms(phrase: str, plurals: list[str] | None) -> tuple[str, ...]:
    """Singular plus plural forms; ``plurals`` None = regular plural, [] = none."""
    base = phrase.lower().strip()
    forms = [base]
    if plurals is None:
        forms.append(regular_plural(base))
    else:
        forms.extend(p.lower().strip() for p in plurals)
    return tuple(dict.fromkeys(forms))


def parse_agents_tsv(text: str, path: str, *, source: str) -> list[AgentEntry]:
    out: list[AgentEntry] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) != 4:
            raise DataError(path, lineno, f"expected 4 tab-separated columns, found {len(cells)}")
        phrase, sector, kind, plurals = (c.strip() for c in cells)
        _check_sector(sector, path, lineno)
        if kind not in ("person", "group", "body", "generic"):
            raise DataError(path, lineno, f"unknown kind {kind!r}")
        plist = None if plurals == "" else ([] if plurals == "-" else _split(plurals))
        out.append(
            AgentEntry(
                phrase=phrase,
                code=sector,
                kind=kind,
                forms=agent_forms(phrase, plist),
                source=source,
            )
        )
    return out


def parse_yaml_agents(text: str, path: str, *, source: str) -> list[AgentEntry]:
    out: list[AgentEntry] = []
    for rec, line in yaml_records(text, path):
        if not isinstance(rec, dict) or not isinstance(rec.get("phrase"), str) or "code" not in rec:
            raise DataError(path, line, "an agent needs 'phrase' and 'code'")
        code = str(rec["code"]).strip()
        prefix = code.endswith("~")
        code = code.strip("~")
        _check_code(code, path, line)
        plurals = rec.get("plurals")
        if plurals is not None and not isinstance(plurals, list):
            raise DataError(path, line, "'plurals' must be a list")
        kind = rec.get("kind", "person")
        out.append(
            AgentEntry(
                phrase=rec["phrase"],
                code=code,
                kind=kind,
                prefix=prefix,
                forms=agent_forms(rec["phrase"], plurals),
                source=source,
            )
        )
    return out


def load_builtin_actors() -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    text, path = read_data_text("countries.tsv")
    entries.extend(parse_countries(text, path))
    for fname, kind in (
        ("organisations.yaml", "organisation"),
        ("groups.yaml", "group"),
        ("people.yaml", "person"),
    ):
        text, path = read_data_text(fname)
        entries.extend(parse_yaml_actors(text, path, default_kind=kind, source="builtin"))
    from whodid.actors.offices import merge_people, parse_offices  # offices imports this module

    text, path = read_data_text("offices.tsv")
    return merge_people(entries, parse_offices(text, path))


def load_builtin_agents() -> list[AgentEntry]:
    text, path = read_data_text("agents.tsv")
    return parse_agents_tsv(text, path, source="builtin")


def parse_field_words(text: str, path: str) -> dict[str, str]:
    """``field_words.tsv``: word (or two words) of a body's name -> the sector of its field."""
    fields: dict[str, str] = {}
    header_seen = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if len(cells) != 3:
            raise DataError(path, lineno, f"expected 3 tab-separated columns, found {len(cells)}")
        if not header_seen:
            if cells != ["word", "sector", "example"]:
                raise DataError(path, lineno, "header should be word/sector/example")
            header_seen = True
            continue
        word, sector, example = cells
        _check_sector(sector, path, lineno)
        if not word or word != word.lower() or len(word.split()) > 2:
            raise DataError(path, lineno, f"{word!r}: one or two lower-case words expected")
        if not example:
            raise DataError(path, lineno, f"{word!r} needs an example name")
        fields[word] = sector
    return fields


def load_builtin_field_words() -> dict[str, str]:
    text, path = read_data_text("field_words.tsv")
    return parse_field_words(text, path)


def load_yaml_actors(path: Path) -> list[ActorEntry]:
    text = path.read_text(encoding="utf-8")
    return parse_yaml_actors(text, str(path), default_kind="other", source=str(path))


def load_yaml_agents(path: Path) -> list[AgentEntry]:
    return parse_yaml_agents(path.read_text(encoding="utf-8"), str(path), source=str(path))
