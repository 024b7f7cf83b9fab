"""ACLED event types, and the table-driven decision of which one (if any) a coded event is.

The rules live in ``data/ontology/acled.yaml``: an ordered list, first match wins. Each rule
tests the CAMEO code (by prefix), the PLOVER type and mode, the actors' sectors and words of
the trigger; see the comments at the top of that file.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from whodid.ontology._files import (
    DataPath,
    OntologyDataError,
    default_file,
    line_of,
    read_yaml,
    string_list,
)
from whodid.ontology.cameo import _table as _cameo_table
from whodid.ontology.plover import _ontology as _plover_ontology

logger = logging.getLogger(__name__)

ACLED_FILE = "acled.yaml"
_RULE_KEYS = frozenset(
    {
        "id",
        "cameo",
        "type",
        "mode",
        "source",
        "not_source",
        "target",
        "either",
        "trigger",
        "trigger_also",
    }
)
_CONDITION_KEYS = _RULE_KEYS - {"id"}
_SECTOR_RE = re.compile(r"^[A-Z]{3}$")
_WORD_RE = re.compile(r"^[a-z0-9']+\*?( [a-z0-9']+\*?)*$")
_PHRASE_RE = re.compile(r"^[a-z0-9']+( [a-z0-9']+)*$")


@dataclass(frozen=True, slots=True)
class AcledRule:
    """One line of the decision table; ``result`` None means "ACLED does not code this"."""

    id: str
    line: int | None
    result: tuple[str, str] | None
    cameo: tuple[str, ...] = ()
    types: frozenset[str] = frozenset()
    modes: frozenset[str] = frozenset()
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    either: frozenset[str] = frozenset()
    not_source: frozenset[str] = frozenset()
    trigger: re.Pattern[str] | None = None
    trigger_also: re.Pattern[str] | None = None

    def matches(
        self,
        *,
        cameo: str,
        plover_type: str,
        plover_mode: str | None,
        source_sector: str | None,
        target_sector: str | None,
        trigger: str,
    ) -> bool:
        return self.matches_event_kind(
            cameo=cameo, plover_type=plover_type, plover_mode=plover_mode
        ) and self.matches_context(
            source_sector=source_sector, target_sector=target_sector, trigger=trigger
        )

    def matches_event_kind(self, *, cameo: str, plover_type: str, plover_mode: str | None) -> bool:
        """The conditions on the code, PLOVER type and mode (the same for every such event)."""
        if self.cameo and not cameo.startswith(self.cameo):
            return False
        if self.types and plover_type not in self.types:
            return False
        return not (self.modes and plover_mode not in self.modes)

    def matches_context(
        self, *, source_sector: str | None, target_sector: str | None, trigger: str
    ) -> bool:
        """The conditions on the actors' sectors and the trigger words."""
        if self.source and source_sector not in self.source:
            return False
        if self.target and target_sector not in self.target:
            return False
        if self.either and not (source_sector in self.either or target_sector in self.either):
            return False
        if self.not_source and source_sector in self.not_source:
            return False
        if self.trigger is not None and not self.trigger.search(trigger):
            return False
        return self.trigger_also is None or bool(self.trigger_also.search(trigger))


@dataclass(frozen=True, slots=True)
class AcledTable:
    event_types: dict[str, tuple[str, ...]]
    rules: tuple[AcledRule, ...]
    # phrases whose words say nothing of the event ("riot police" names a unit, not a riot),
    # each with what stands in its place ("police") before the trigger words are read
    masked: re.Pattern[str] | None = None
    masked_as: dict[str, str] = field(default_factory=dict)

    def unmask(self, text: str) -> str:
        """The context with its masked phrases replaced."""
        if self.masked is None or not text:
            return text
        return self.masked.sub(lambda m: self.masked_as[m.group(0)], text)

    _by_kind: dict[tuple[str, str, str | None], tuple[AcledRule, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def rules_for(
        self, cameo: str, plover_type: str, plover_mode: str | None
    ) -> tuple[AcledRule, ...]:
        """The rules, in order, whose code, type and mode conditions hold for such an event.

        Worked out once per (code, type, mode) and kept: only the sector and trigger
        conditions of these rules are left to test for each event.
        """
        key = (cameo, plover_type, plover_mode)
        found = self._by_kind.get(key)
        if found is None:
            found = tuple(
                rule
                for rule in self.rules
                if rule.matches_event_kind(
                    cameo=cameo, plover_type=plover_type, plover_mode=plover_mode
                )
            )
            self._by_kind[key] = found
        return found


def normalise_trigger(text: str | None) -> str:
    """Lower-case, hyphens/slashes/underscores as spaces, single spaces."""
    if not text:
        return ""
    # three plain replacements: no pattern looked up and run for each event
    lowered = text.lower().replace("-", " ").replace("/", " ").replace("_", " ")
    return " ".join(lowered.split())


def _word_pattern(entries: list[str]) -> re.Pattern[str]:
    parts = []
    for entry in entries:
        words = [
            re.escape(w.rstrip("*")) + (r"[a-z0-9']*" if w.endswith("*") else "")
            for w in entry.split()
        ]
        parts.append(r"\s+".join(words))
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])")


def load_acled_table(path: DataPath | None = None) -> AcledTable:
    """Read and check the ACLED types and rules (default: the packaged file).

    Errors name the file and the line of the offending rule: unknown keys, unknown CAMEO codes,
    PLOVER types or modes, undefined @groups, malformed sector codes or trigger words, results
    that are not one of ACLED's (event type, sub-event type) pairs, repeated rule ids.
    """
    source = path if path is not None else default_file(ACLED_FILE)
    data = read_yaml(source)
    top = line_of(data)

    def bad(message: str, line: int | None) -> OntologyDataError:
        return OntologyDataError(message, path=source, line=line)

    raw_types = data.get("event_types")
    if not isinstance(raw_types, dict):
        raise bad("'event_types' should be a mapping", top)
    event_types = {
        name: string_list(subs, what=name, path=source, line=line_of(raw_types))
        for name, subs in raw_types.items()
        if name != "__line__"
    }
    groups = _named_lists(data, "sector_groups", source)
    words = _named_lists(data, "trigger_words", source)
    masked = _masked_phrases(data, source)
    for name, members in groups.items():
        for sector in members:
            if not _SECTOR_RE.match(sector):
                raise bad(
                    f"sector group {name}: malformed sector code {sector!r}",
                    line_of(data.get("sector_groups")),
                )
    for name, entries in words.items():
        for entry in entries:
            if not _WORD_RE.match(entry):
                raise bad(
                    f"trigger words {name}: malformed entry {entry!r}",
                    line_of(data.get("trigger_words")),
                )

    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list):
        raise bad("'rules' should be a list", top)
    rules: list[AcledRule] = []
    seen: set[str] = set()
    cameo = _cameo_table()
    plover = _plover_ontology().types
    all_modes = {m for t in plover.values() for m in t.modes}
    for raw in raw_rules:
        line = line_of(raw)
        if not isinstance(raw, dict):
            raise bad("each rule should be a mapping", top)
        keys = set(raw) - {"__line__", "acled"}
        unknown = keys - _RULE_KEYS
        if unknown:
            raise bad(f"unknown rule key(s): {', '.join(sorted(unknown))}", line)
        if "acled" not in raw:
            raise bad("rule has no 'acled' result (use null for 'not coded')", line)
        rule_id = raw.get("id")
        if not isinstance(rule_id, str) or not rule_id:
            raise bad("rule has no id", line)
        if rule_id in seen:
            raise bad(f"rule id {rule_id!r} used twice", line)
        seen.add(rule_id)
        if not keys & _CONDITION_KEYS:
            raise bad(f"rule {rule_id} has no condition", line)

        def lst(key: str, raw: dict[str, Any] = raw, line: int | None = line) -> tuple[str, ...]:
            return string_list(raw.get(key, []), what=key, path=source, line=line)

        codes = lst("cameo")
        for code in codes:
            if code not in cameo:
                raise bad(f"unknown CAMEO code {code!r}", line)
        types = lst("type")
        for t in types:
            if t not in plover:
                raise bad(f"unknown PLOVER type {t!r}", line)
        modes = lst("mode")
        for m in modes:
            if m not in all_modes:
                raise bad(f"unknown PLOVER mode {m!r}", line)

        def sectors(key: str, line: int | None = line) -> frozenset[str]:
            out: set[str] = set()
            for item in lst(key):
                if item.startswith("@"):
                    if item[1:] not in groups:
                        raise bad(f"undefined sector group {item}", line)
                    out.update(groups[item[1:]])
                elif _SECTOR_RE.match(item):
                    out.add(item)
                else:
                    raise bad(f"malformed sector code {item!r}", line)
            return frozenset(out)

        def pattern(key: str, line: int | None = line) -> re.Pattern[str] | None:
            entries: list[str] = []
            for item in lst(key):
                if item.startswith("@"):
                    if item[1:] not in words:
                        raise bad(f"undefined trigger word list {item}", line)
                    entries.extend(words[item[1:]])
                elif _WORD_RE.match(item):
                    entries.append(item)
                else:
                    raise bad(f"malformed trigger word {item!r}", line)
            return _word_pattern(entries) if entries else None

        result = raw["acled"]
        if result is not None:
            if not (isinstance(result, list) and len(result) == 2):
                raise bad("'acled' should be [event type, sub-event type] or null", line)
            if result[1] not in event_types.get(result[0], ()):
                raise bad(f"{result[0]!r} / {result[1]!r} is not an ACLED sub-event type", line)
            result = (result[0], result[1])
        rules.append(
            AcledRule(
                id=rule_id,
                line=line,
                result=result,
                cameo=codes,
                types=frozenset(types),
                modes=frozenset(modes),
                source=sectors("source"),
                target=sectors("target"),
                either=sectors("either"),
                not_source=sectors("not_source"),
                trigger=pattern("trigger"),
                trigger_also=pattern("trigger_also"),
            )
        )
    logger.debug("loaded %d ACLED rules from %s", len(rules), source)
    return AcledTable(
        event_types, tuple(rules), _word_pattern(list(masked)) if masked else None, masked
    )


def _masked_phrases(data: dict[str, Any], source: DataPath) -> dict[str, str]:
    """``masked_phrases``: phrase -> the words that stand in its place (may be empty)."""
    raw = data.get("masked_phrases", {})
    line = line_of(raw) if isinstance(raw, dict) else line_of(data)
    if not isinstance(raw, dict):
        raise OntologyDataError("'masked_phrases' should be a mapping", path=source, line=line)
    masked: dict[str, str] = {}
    for phrase, stand_in in raw.items():
        if phrase == "__line__":
            continue
        stand_in = stand_in or ""
        if not (isinstance(phrase, str) and _PHRASE_RE.match(phrase)):
            raise OntologyDataError(
                f"masked phrases: malformed phrase {phrase!r}", path=source, line=line
            )
        if not (isinstance(stand_in, str) and (not stand_in or _PHRASE_RE.match(stand_in))):
            raise OntologyDataError(
                f"masked phrases: malformed stand-in {stand_in!r}", path=source, line=line
            )
        masked[phrase] = f" {stand_in} "
    return masked


def _named_lists(data: dict[str, Any], key: str, source: DataPath) -> dict[str, tuple[str, ...]]:
    raw = data.get(key, {})
    if not isinstance(raw, dict):
        raise OntologyDataError(f"'{key}' should be a mapping", path=source, line=line_of(data))
    return {
        name: string_list(items, what=f"{key}.{name}", path=source, line=line_of(raw))
        for name, items in raw.items()
        if name != "__line__"
    }


@functools.cache
def _default_table() -> AcledTable:
    return load_acled_table()


def acled_types() -> dict[str, tuple[str, ...]]:
    """ACLED's six event types, each with its sub-event types."""
    return dict(_default_table().event_types)


def acled_rule_for(
    *,
    cameo: str,
    plover_type: str,
    plover_mode: str | None,
    source_sector: str | None,
    target_sector: str | None,
    trigger: str | None = None,
    table: AcledTable | None = None,
) -> AcledRule | None:
    """The rule that decides the event's ACLED type (for explanations), or None."""
    table = table or _default_table()
    rules = table.rules_for(cameo or "", plover_type, plover_mode)
    if not rules:  # most events (statements, meetings) are of no kind ACLED codes
        return None
    text = table.unmask(normalise_trigger(trigger))
    src = source_sector.upper() if source_sector else None
    tgt = target_sector.upper() if target_sector else None
    for rule in rules:
        if rule.matches_context(source_sector=src, target_sector=tgt, trigger=text):
            return rule
    return None


def acled_for(
    *,
    cameo: str,
    plover_type: str,
    plover_mode: str | None,
    source_sector: str | None,
    target_sector: str | None,
    trigger: str | None = None,
) -> tuple[str, str] | None:
    """(event type, sub-event type) for events ACLED codes; None for those it does not.

    The CAMEO code decides first; trigger words refine it where CAMEO is coarser than ACLED
    (weapons, mobs, crowd control), the actors' sectors separate battles from violence against
    civilians, and PLOVER type/mode decide where the code alone does not.
    """
    rule = acled_rule_for(
        cameo=cameo,
        plover_type=plover_type,
        plover_mode=plover_mode,
        source_sector=source_sector,
        target_sector=target_sector,
        trigger=trigger,
    )
    return rule.result if rule is not None else None
