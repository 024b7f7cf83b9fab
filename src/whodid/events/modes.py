"""PLOVER modes from the words around an event (``data/lexicons/modes.yaml``).

The mode of an event is, in this order: the lexicon entry's (if the event's final type has
it); for an act recoded to another type, its act's mode where the new type has it ("will
arrest": a threat of arrest); the trigger's own word where the CAMEO code covers two modes
("went on strike" vs "boycotted"); the CAMEO code's mode; the event's means, cause or doer
("killed by a car bomb": explosives; "attacked with machetes": primitive); its victim
("killed the rebel commander": assassinate). The same file names the explosive devices that
can stand as an event's source.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

from whodid.events.lexicon import Entry, LexiconError
from whodid.nlp.tree import children, lefts
from whodid.ontology import plover_for, plover_types

MODES_FILE = "modes.yaml"
_SECTIONS = ("triggers", "instruments", "victims", "devices")

# Where a trigger's means, cause or doer stand: "killed in a blast", "attacked with knives",
# "was hit by a rocket", "a drone strike killed", "car bomb attack".
_SCOPE_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "prep", "npadvmod", "compound", "amod"})
# An act of violence readied but not done is a mobilisation of the weapons it would use.
_WEAPON_MODES = frozenset(
    {"firearms", "explosives", "heavy-weapons", "aerial", "drone", "unconventional"}
)


@dataclass(frozen=True, slots=True)
class ModeCues:
    triggers: tuple[tuple[str, frozenset[str]], ...] = ()
    instruments: tuple[tuple[str, frozenset[str]], ...] = ()
    victims: tuple[tuple[str, frozenset[str]], ...] = ()
    devices: frozenset[str] = frozenset()


def _words(value: Any, what: str, name: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise LexiconError(f"{name}: {what} must be a list of words")
    return frozenset(w.strip().lower() for w in value)


def load_mode_cues(name: str, text: str) -> ModeCues:
    """Read and check the cue file: known sections, known PLOVER modes, lists of words."""
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict) or set(data) - set(_SECTIONS):
        raise LexiconError(f"{name}: expected the sections {', '.join(_SECTIONS)}")
    known = {m for modes in plover_types().values() for m in modes}
    tables: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
    for section in ("triggers", "instruments", "victims"):
        table = data.get(section) or {}
        if not isinstance(table, dict):
            raise LexiconError(f"{name}: '{section}' must map PLOVER modes to words")
        for mode in table:
            if mode not in known:
                raise LexiconError(f"{name}: {section}: {mode!r} is not a PLOVER mode")
        tables[section] = tuple(
            (mode, _words(words, f"{section}: {mode}", name)) for mode, words in table.items()
        )
    return ModeCues(
        triggers=tables["triggers"],
        instruments=tables["instruments"],
        victims=tables["victims"],
        devices=_words(data.get("devices") or [], "devices", name),
    )


@functools.cache
def _modes_of() -> dict[str, tuple[str, ...]]:
    return plover_types()


@functools.cache
def mode_cues() -> ModeCues:
    """The built-in cue file, read once per process."""
    path = resources.files("whodid") / "data" / "lexicons" / MODES_FILE
    return load_mode_cues(f"lexicons/{MODES_FILE}", path.read_text("utf-8"))


def token_words(tokens: Iterable[Token]) -> set[str]:
    """Lemmas and lower forms of the tokens, and each with the word before it ("car bomb")."""
    words: set[str] = set()
    for tok in tokens:
        lemma = tok.lemma_.lower()
        words.add(lemma)
        words.add(tok.lower_)
        if tok.i > 0:
            before = tok.doc[tok.i - 1].lower_
            words.add(f"{before} {lemma}")
            words.add(f"{before} {tok.lower_}")
    return words


def _first(
    table: tuple[tuple[str, frozenset[str]], ...], words: set[str], allowed: tuple[str, ...]
) -> str | None:
    for mode, cues in table:
        if mode in allowed and not cues.isdisjoint(words):
            return mode
    return None


def _scope(trigger: list[Token], source: Token | None) -> list[Token]:
    """The trigger's phrase, its subjects, agents, prepositional phrases and modifiers, and the
    source with its own modifiers (a subject a participle shares: "..., killing three")."""
    head = trigger[0]
    tokens = list(trigger)
    for child in children(head):
        if child.dep_ in _SCOPE_DEPS:
            tokens.extend(child.subtree)
    if source is not None:
        tokens.append(source)
        for left in lefts(source):
            tokens.extend(left.subtree)
    return tokens


def event_mode(
    entry: Entry,
    plover_type: str,
    code_mode: str | None,
    *,
    trigger: list[Token],
    source: Token | None,
    target: Token | None,
    cues: ModeCues | None = None,
) -> str | None:
    """The PLOVER mode of an event of ``plover_type`` (see the module's docstring)."""
    allowed = _modes_of().get(plover_type, ())
    if not allowed:
        return None
    if entry.mode in allowed:
        return entry.mode
    if entry.mode in _WEAPON_MODES and "weapons" in allowed:
        return "weapons"  # "prepared to resume shelling": the guns made ready
    if code_mode is None and plover_type != plover_for(entry.code)[0]:
        # a recoded act keeps the mode of the act it stands for, where its new type has it
        # ("threatened to arrest the strikers": a threat of arrest)
        carried = plover_for(entry.code)[1]
        if carried in allowed:
            return carried
    cues = cues if cues is not None else mode_cues()
    if code_mode is not None and any(code_mode == mode for mode, _ in cues.triggers):
        # "Conduct strike or boycott": the trigger's own word says which
        return _first(cues.triggers, token_words(trigger), allowed) or code_mode
    if code_mode is not None:
        return code_mode
    found = _first(cues.instruments, token_words(_scope(trigger, source)), allowed)
    if found is None and target is not None:
        found = _first(cues.victims, token_words(_head_words(target)), allowed)
    return found


def _head_words(target: Token) -> list[Token]:
    """The target's head with its compounds ("the rebel commander", "the prime minister")."""
    return [*(t for t in lefts(target) if t.dep_ == "compound"), target]


def is_device(token: Token, cues: ModeCues | None = None) -> bool:
    """Is the token an explosive device or its going off ("a roadside bomb", "the blast")?"""
    cues = cues if cues is not None else mode_cues()
    return not cues.devices.isdisjoint(token_words([token]))
