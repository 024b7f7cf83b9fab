"""Importers for PETRARCH/TABARI actor and agent dictionaries (text formats), plus file-type
dispatch.

Actor dictionary::

    PHRASE_WORDS [CODE]          # new entry; words joined by '_' or blanks; trailing '_' ignored
    +SYNONYM_PHRASE              # synonym of the entry above
        [CODE <19950601]         # date restriction: before (or on) the date
        [CODE >19950601]         # after (or on)
        [CODE 19950601-19990815] # between (inclusive); dates YYYYMMDD or YYMMDD
        [CODE]                   # default code given on its own line

Agent dictionary::

    !PERSON! = MAN, MEN, WOMAN   # substitution marker
    PHRASE {PLURALS} [~CODE]     # ~CODE: appended to the actor code; CODE~: put before it;
                                 # {} = no plural; no braces = regular plural generated

Comments: ``<!-- ... -->`` (also over several lines), ``#`` and legacy ``;`` to end of line.
Lines that cannot be understood are skipped with a logged warning naming file and line; nothing
here raises on bad input.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from whodid.actors.entries import ActorEntry, AgentEntry, CodeWindow
from whodid.actors.loaders import agent_forms, load_yaml_actors, load_yaml_agents

__all__ = ["parse_actor_dictionary", "parse_agent_dictionary", "load_actor_file", "load_agent_file"]

logger = logging.getLogger(__name__)

_PHRASE_CHARS = re.compile(r"^[\w.'’&/\-,+()!]+(?: [\w.'’&/\-,+()!]+)*$", re.UNICODE)
_CODE_BLOCK = re.compile(r"\[([^\[\]]*)\]")
_DATE = r"(\d{8}|\d{6})"
_RESTRICT = re.compile(
    rf"^(?P<code>[A-Za-z0-9\-+#/]*)\s*(?:(?P<op>[<>])\s*(?P<d1>{_DATE})|(?P<a>{_DATE})\s*-\s*(?P<b>{_DATE}))?$"
)
_DISCARD_CODES = {"+++", "###"}
_STATE_CODE = re.compile(r"^[A-Z]{3}$")


def _strip_comments(lines: Sequence[str]) -> list[tuple[int, str]]:
    """(line number, text) with comments removed; indentation is kept."""
    out: list[tuple[int, str]] = []
    in_comment = False
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\n\r")
        if in_comment:
            if "-->" in line:
                line = line.split("-->", 1)[1]
                in_comment = False
            else:
                continue
        while True:
            m = re.search(r"<!\s*--", line)
            if not m:
                break
            end = line.find("-->", m.end())
            if end < 0:
                line = line[: m.start()]
                in_comment = True
                break
            line = line[: m.start()] + line[end + 3 :]
        line = re.sub(r"(^|(?<=[\s\]]))[#;].*$", "", line)
        if line.strip():
            out.append((lineno, line))
    return out


def _parse_date(text: str) -> date:
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return date(year, int(text[2:4]), int(text[4:]))
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


def _norm_code(code: str) -> str | None:
    code = code.strip().upper().split("/")[0]
    if not code or code in _DISCARD_CODES:
        return None
    return code


def _parse_restriction(body: str) -> CodeWindow | None:
    m = _RESTRICT.match(body.strip())
    if not m or not m.group("code"):
        return None
    code = _norm_code(m.group("code"))
    try:
        if m.group("op") == "<":
            return CodeWindow(code=code, end=_parse_date(m.group("d1")))
        if m.group("op") == ">":
            return CodeWindow(code=code, start=_parse_date(m.group("d1")))
        if m.group("a"):
            return CodeWindow(
                code=code, start=_parse_date(m.group("a")), end=_parse_date(m.group("b"))
            )
    except ValueError:
        return None
    return CodeWindow(code=code)


def _phrase(text: str) -> str | None:
    words = text.replace("_", " ").split()
    phrase = " ".join(words)
    if not phrase or not _PHRASE_CHARS.match(phrase):
        return None
    return phrase


class _Draft:
    def __init__(self, phrase: str, line: int) -> None:
        self.names = [phrase]
        self.line = line
        self.default: str | None = None
        self.has_default = False
        self.windows: list[CodeWindow] = []

    def entry(self, path: str) -> ActorEntry | None:
        if not self.has_default and not self.windows:
            logger.warning("%s:%d: actor %r has no code; skipped", path, self.line, self.names[0])
            return None
        # a bare three-letter code is a state's ("GERMANY [DEU]"): a country, whose name in
        # "officials in X", "the envoys of X" gives the role its country
        state = not self.windows and bool(self.default and _STATE_CODE.match(self.default))
        return ActorEntry(
            key=f"petrarch:{path}:{self.line}",
            name=self.names[0].title(),
            kind="country" if state else "other",
            names=tuple(self.names),
            code=self.default,
            country=self.default if state else None,
            windows=tuple(self.windows),
            source=path,
        )


def parse_actor_dictionary(text: str, *, path: str = "<actors>") -> list[ActorEntry]:
    """Parse a PETRARCH/TABARI actor dictionary into actor entries (in file order)."""
    entries: list[ActorEntry] = []
    draft: _Draft | None = None

    def close() -> None:
        nonlocal draft
        if draft is not None:
            e = draft.entry(path)
            if e is not None:
                entries.append(e)
        draft = None

    for lineno, line in _strip_comments(text.splitlines()):
        body = line.strip()
        if body.startswith("+"):
            phrase = _phrase(body[1:])
            if draft is None or phrase is None:
                logger.warning(
                    "%s:%d: synonym %r without a valid entry; skipped", path, lineno, body
                )
                continue
            draft.names.append(phrase)
            continue
        if body.startswith("["):
            blocks = _CODE_BLOCK.findall(body)
            rest = _CODE_BLOCK.sub("", body).strip()
            window = _parse_restriction(blocks[0]) if len(blocks) == 1 and not rest else None
            if draft is None or window is None:
                logger.warning("%s:%d: cannot read code line %r; skipped", path, lineno, body)
                continue
            if window.start is None and window.end is None:
                draft.default, draft.has_default = window.code, True
            else:
                draft.windows.append(window)
            continue
        close()
        blocks = _CODE_BLOCK.findall(body)
        head = _CODE_BLOCK.sub(" ", body).strip()
        phrase = _phrase(head)
        if phrase is None or len(blocks) > 1 or "[" in head or "]" in head:
            logger.warning("%s:%d: cannot read actor line %r; skipped", path, lineno, body)
            continue
        draft = _Draft(phrase, lineno)
        if blocks:
            window = _parse_restriction(blocks[0])
            if window is None:
                logger.warning(
                    "%s:%d: cannot read code %r; entry kept without it", path, lineno, blocks[0]
                )
            elif window.start is None and window.end is None:
                draft.default, draft.has_default = window.code, True
            else:
                draft.windows.append(window)
    close()
    return entries


_MACRO = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_AGENT = re.compile(
    r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[\s*(?P<code>[^\]]*?)\s*\]\s*$"
)


def parse_agent_dictionary(text: str, *, path: str = "<agents>") -> list[AgentEntry]:
    """Parse a PETRARCH agent dictionary into agent entries."""
    macros: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for lineno, line in _strip_comments(text.splitlines()):
        body = line.strip()
        m = _MACRO.match(body)
        if m:
            macros[m.group(1).upper()] = [v.strip() for v in m.group(2).split(",") if v.strip()]
            continue
        m = _AGENT.match(body)
        code = m.group("code").replace(" ", "") if m else ""
        if not m or not re.fullmatch(r"~?[A-Za-z0-9]+~?", code) or code.count("~") > 1:
            logger.warning("%s:%d: cannot read agent line %r; skipped", path, lineno, body)
            continue
        prefix = code.endswith("~")
        code = code.strip("~").upper()
        raw_phrase = m.group("phrase").strip()
        variants = [raw_phrase]
        expanded = False
        for name in re.findall(r"!(\w+)!", raw_phrase):
            if name.upper() not in macros:
                logger.warning(
                    "%s:%d: unknown substitution marker !%s!; skipped", path, lineno, name
                )
                variants = []
                break
            variants = [
                v.replace(f"!{name}!", sub) for v in variants for sub in macros[name.upper()]
            ]
            expanded = True
        plurals_raw = m.group("plurals")
        for variant in variants:
            phrase = _phrase(variant)
            if phrase is None:
                logger.warning("%s:%d: cannot read agent phrase %r; skipped", path, lineno, variant)
                continue
            if expanded or plurals_raw is not None:
                plist = [] if expanded else [" ".join(p.split("_")) for p in plurals_raw.split()]
            else:
                plist = None
            out.append(
                AgentEntry(
                    phrase=phrase.lower(),
                    code=code,
                    kind="person",
                    prefix=prefix,
                    forms=agent_forms(phrase, plist),
                    source=path,
                )
            )
    return out


def load_actor_file(path: Path) -> list[ActorEntry]:
    """Load a user actor file: ``.yaml``/``.yml`` in the project format, ``.csv``/``.tsv`` tables,
    anything else as PETRARCH text.
    """
    path = Path(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        return load_yaml_actors(path)
    if path.suffix.lower() in (".csv", ".tsv"):
        from whodid.actors.tables import load_csv_actors

        return load_csv_actors(path)
    return parse_actor_dictionary(
        path.read_text(encoding="utf-8", errors="replace"), path=str(path)
    )


def load_agent_file(path: Path) -> list[AgentEntry]:
    """Load a user agent file: ``.yaml``/``.yml`` in the project format, ``.csv``/``.tsv`` tables,
    anything else as PETRARCH text.
    """
    path = Path(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        return load_yaml_agents(path)
    if path.suffix.lower() in (".csv", ".tsv"):
        from whodid.actors.tables import load_csv_agents

        return load_csv_agents(path)
    return parse_agent_dictionary(
        path.read_text(encoding="utf-8", errors="replace"), path=str(path)
    )
