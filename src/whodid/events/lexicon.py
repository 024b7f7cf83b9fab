"""The event lexicon: readable YAML entries compiled once into lookup tables.

One file per CAMEO root lives in ``whodid/data/lexicons/events/``. Each entry is a mapping::

    - id: disapprove.accuse          # unique, used as the event's ``rule``
      code: "112"                    # CAMEO code
      verbs: [accuse, "point finger at"]   # verb lemma + required particles/prepositions
      nouns: [accusation]            # nominal triggers ("the arrest of", "diplomatic note")
      objects: [plan, proposal]      # optional: object head lemmas the trigger must govern;
                                     # "@gpe", "@person" ... match any object of that entity type
      not_objects: [ball]            # optional: object lemmas that rule the entry out
      symmetric: false               # true: "A and B met" gives A->B and B->A
      swap: false                    # true: the grammatical object is the source ("receive X from")
      negated_code: "016"            # optional: denied, the event is this one ("not the fault of")
      possessor: target              # optional, nouns: "Zambada's arrest" (default: by CAMEO root)
      implicit_source: COP           # optional: the sector that acts when the text names no one
      complement_aux: [must, should] # optional: the trigger's that-clause must carry one of these
      clause: true                   # optional: the trigger must govern a that-clause or a
                                     # reported clause ("protested that the police ...")
                                     # ("were arrested": police); shown as an empty-span actor
      recipient: true                # optional: the trigger must name a recipient, in one of
                                     # its target_preps or as an indirect object ("sent drones
                                     # to X", "sent X drones"; not "sent drones across the
                                     # border", no gift)
      theme_object: true             # optional: an object named in ``objects`` is the thing
                                     # given, imposed or moved; the target is the recipient or
                                     # place in a prepositional phrase ("imposed sanctions on X")
      own_forces: true               # optional: the object is the source's own forces, which it
                                     # moves: an agentless passive's subject or an event noun's
                                     # of-phrase is the source ("troops were withdrawn", "the
                                     # deployment of X troops")
      mode: null                     # optional PLOVER mode
      example: "Mexico accused the United States of meddling."

A phrase's first word is the head lemma (verb) or, for nouns, its last word; the other words must
stand next to the head in the parse (particles, prepositions, modifiers). A preposition named in
a verb phrase marks the target ("lash out against X"). Light verbs ("hold", "launch", "issue")
lend their subject to a nominal trigger in their object ("held talks", "issued a warning").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from whodid.ontology import is_cameo_code

PREPOSITIONS = frozenset(
    """
    about above across after against along among around as at before behind below beneath
    beside between beyond by despite down during for from in inside into near of off on onto
    out outside over past regarding since through throughout to toward towards under until
    up upon via with within without
    """.split()
)
_ENTRY_KEYS = frozenset(
    """
    id code verbs nouns objects not_objects symmetric swap mode example target_preps
    negated_code possessor implicit_source complement_aux theme_object own_forces clause note
    recipient
    """.split()
)


class LexiconError(ValueError):
    """A lexicon file holds an entry that cannot be used; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Phrase:
    head: str  # lemma of the head word
    extras: tuple[str, ...] = ()  # other words that must attach to the head
    prep: str | None = None  # preposition whose object is the target


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    code: str
    example: str
    verbs: tuple[Phrase, ...] = ()
    nouns: tuple[Phrase, ...] = ()
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    symmetric: bool = False
    swap: bool = False
    mode: str | None = None
    target_preps: tuple[str, ...] = ()
    negated_code: str | None = None  # code of the event when the text denies this one
    possessor: str = "auto"  # a nominal trigger's possessor is its "source", "target", or auto
    implicit_source: str | None = None  # sector of the unnamed actor ("were arrested": COP)
    complement_aux: frozenset[str] = frozenset()  # "said Y must ...": a modal its clause needs
    theme_object: bool = False  # the named object is what is given or imposed, not the target
    own_forces: bool = False  # the object is the source's own forces ("troops were withdrawn")
    clause: bool = False  # "protested that ...": the trigger must govern a that-clause
    recipient: bool = False  # "sent drones to X": the trigger must name whom it goes to
    source: str = ""  # file:line, for messages

    @property
    def specificity(self) -> int:
        """How much of the sentence the entry constrains: more specific entries win."""
        words = max((len(p.extras) for p in (*self.verbs, *self.nouns)), default=0)
        return words + (2 if self.objects or self.complement_aux or self.clause else 0)


@dataclass(slots=True)
class Lexicon:
    entries: list[Entry] = field(default_factory=list)
    by_verb: dict[str, list[Entry]] = field(default_factory=dict)
    by_noun: dict[str, list[Entry]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    reciprocal_verbs: frozenset[str] = frozenset()
    contact_verbs: frozenset[str] = frozenset()
    travel_verbs: frozenset[str] = frozenset()
    series_nouns: frozenset[str] = frozenset()
    stative_passives: frozenset[str] = frozenset()
    discards: tuple[tuple[str, ...], ...] = ()
    recodes: dict[str, dict[str, str]] = field(default_factory=dict)
    _words: frozenset[str] | None = None
    _event_nouns: frozenset[str] | None = None

    def recode(self, kind: str, code: str) -> str | None:
        """The code an event of ``code`` takes under modality ``kind`` (longest prefix wins)."""
        table = self.recodes.get(kind, {})
        for cut in range(len(code), 1, -1):
            if code[:cut] in table:
                return table[code[:cut]]
        return None

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        self._words = None
        self._event_nouns = None
        for head in dict.fromkeys(p.head for p in entry.verbs):
            self.by_verb.setdefault(head, []).append(entry)
        for head in dict.fromkeys(p.head for p in entry.nouns):
            self.by_noun.setdefault(head, []).append(entry)

    def words(self) -> frozenset[str]:
        """Every word of every trigger phrase ("lathicharge", "shelling"): common words."""
        if self._words is None:
            self._words = frozenset(
                word.lower()
                for entry in self.entries
                for phrase in (*entry.verbs, *entry.nouns)
                for word in (phrase.head, *phrase.extras)
            )
        return self._words

    def event_nouns(self) -> frozenset[str]:
        """Nouns that name an event on their own ("accusation", "curfew"), not only as the head
        of a longer phrase ("a third country", "a no-fly zone")."""
        if self._event_nouns is None:
            self._event_nouns = frozenset(
                phrase.head for entry in self.entries for phrase in entry.nouns if not phrase.extras
            )
        return self._event_nouns

    def finish(self) -> None:
        """Order candidates so that the most specific entry is tried first."""
        for table in (self.by_verb, self.by_noun):
            for key, items in table.items():
                table[key] = sorted(items, key=lambda e: -e.specificity)


def _phrase(text: str, *, noun: bool, where: str) -> Phrase:
    words = text.lower().split()
    if not words:
        raise LexiconError(f"{where}: empty phrase")
    if noun:
        # "air strike": the head is last; "claim of responsibility": the head precedes "of".
        cut = next((i for i, w in enumerate(words) if w in PREPOSITIONS and i > 0), None)
        if cut is not None:
            return Phrase(head=words[cut - 1], extras=(*words[: cut - 1], *words[cut:]))
        return Phrase(head=words[-1], extras=tuple(words[:-1]))
    extras = tuple(words[1:])
    prep = next(
        (
            w
            for w in reversed(extras)
            if w in PREPOSITIONS and w not in ("out", "up", "off", "down")
        ),
        None,
    )
    return Phrase(head=words[0], extras=extras, prep=prep)


def _as_list(value: Any, key: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise LexiconError(f"{where}: '{key}' must be a string or a list of strings")


def parse_entry(raw: Any, where: str) -> Entry:
    """Validate one YAML mapping and turn it into an Entry."""
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: each entry must be a mapping, got {type(raw).__name__}")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {sorted(unknown)}")
    for key in ("id", "code", "example"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise LexiconError(f"{where}: entry needs a non-empty string '{key}'")
    code = raw["code"]
    for key in ("code", "negated_code"):
        value = raw.get(key)
        if value is not None and not (isinstance(value, str) and is_cameo_code(value)):
            raise LexiconError(
                f"{where}: {value!r} is not a CAMEO code ({key} of entry {raw['id']})"
            )
    possessor = raw.get("possessor", "auto")
    if possessor not in ("auto", "source", "target"):
        raise LexiconError(f"{where}: possessor must be source, target or auto (entry {raw['id']})")
    verbs = tuple(
        _phrase(v, noun=False, where=where) for v in _as_list(raw.get("verbs"), "verbs", where)
    )
    nouns = tuple(
        _phrase(n, noun=True, where=where) for n in _as_list(raw.get("nouns"), "nouns", where)
    )
    if not verbs and not nouns:
        raise LexiconError(f"{where}: entry {raw['id']} needs 'verbs' or 'nouns'")
    return Entry(
        id=raw["id"],
        code=code,
        example=raw["example"],
        verbs=verbs,
        nouns=nouns,
        objects=frozenset(o.lower() for o in _as_list(raw.get("objects"), "objects", where)),
        not_objects=frozenset(
            o.lower() for o in _as_list(raw.get("not_objects"), "not_objects", where)
        ),
        symmetric=bool(raw.get("symmetric", False)),
        swap=bool(raw.get("swap", False)),
        mode=raw.get("mode"),
        target_preps=tuple(_as_list(raw.get("target_preps"), "target_preps", where)),
        negated_code=raw.get("negated_code"),
        possessor=possessor,
        implicit_source=raw.get("implicit_source"),
        complement_aux=frozenset(_as_list(raw.get("complement_aux"), "complement_aux", where)),
        theme_object=bool(raw.get("theme_object", False)),
        own_forces=bool(raw.get("own_forces", False)),
        clause=bool(raw.get("clause", False)),
        recipient=bool(raw.get("recipient", False)),
        source=where,
    )


_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it


class _LineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A YAML loader that remembers the line of each mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_entries(path: Path | str, text: str | None = None) -> list[Entry]:
    """Read one lexicon file; any problem raises LexiconError naming file and line."""
    name = str(path)
    try:
        data = yaml.load(
            text if text is not None else Path(path).read_text("utf-8"), Loader=_LineLoader
        )
    except yaml.YAMLError as exc:
        raise LexiconError(f"{name}: not valid YAML: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise LexiconError(f"{name}: a lexicon file is a list of entries")
    entries = []
    for raw in data:
        line = raw.pop("__line__", "?") if isinstance(raw, dict) else "?"
        entries.append(parse_entry(raw, f"{name}:{line}"))
    return entries


def _data_dir() -> Any:
    return resources.files("whodid") / "data" / "lexicons"


def _read_word_list(name: str) -> list[str]:
    path = _data_dir() / name
    words = []
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line.lower())
    return words


def build_lexicon(files: Iterable[tuple[str, str]]) -> Lexicon:
    """Compile (name, YAML text) pairs into a Lexicon; ids must be unique."""
    lexicon = Lexicon()
    seen: dict[str, str] = {}
    for name, text in files:
        for entry in load_entries(name, text):
            if entry.id in seen:
                raise LexiconError(
                    f"{entry.source}: duplicate id {entry.id!r} (first at {seen[entry.id]})"
                )
            seen[entry.id] = entry.source
            lexicon.add(entry)
    lexicon.finish()
    return lexicon


@functools.cache
def default_lexicon() -> Lexicon:
    """The built-in lexicon, loaded and compiled once per process."""
    folder = _data_dir() / "events"
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    lexicon = build_lexicon((f"events/{p.name}", p.read_text("utf-8")) for p in files)
    lexicon.light_verbs = frozenset(_read_word_list("light_verbs.txt"))
    lexicon.reciprocal_verbs = frozenset(_read_word_list("reciprocal_verbs.txt"))
    lexicon.contact_verbs = frozenset(_read_word_list("contact_verbs.txt"))
    lexicon.travel_verbs = frozenset(_read_word_list("travel_verbs.txt"))
    lexicon.series_nouns = frozenset(_read_word_list("series_nouns.txt"))
    lexicon.stative_passives = frozenset(_read_word_list("stative_passives.txt"))
    lexicon.discards = tuple(tuple(d.split()) for d in _read_word_list("discards.txt"))
    lexicon.recodes = load_recodes(
        "recodes.yaml", (_data_dir() / "recodes.yaml").read_text("utf-8")
    )
    return lexicon


RECODE_KINDS = ("intent", "preparation", "refusal", "obligation")


def load_recodes(name: str, text: str) -> dict[str, dict[str, str]]:
    """The modality recode tables; every key and value must be a CAMEO code (or prefix)."""
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict) or set(data) - set(RECODE_KINDS):
        raise LexiconError(f"{name}: expected the mappings {', '.join(RECODE_KINDS)}")
    tables: dict[str, dict[str, str]] = {}
    for kind, table in data.items():
        if not isinstance(table, dict):
            raise LexiconError(f"{name}: '{kind}' must map codes to codes")
        for key, value in table.items():
            if not (
                isinstance(key, str)
                and is_cameo_code(key)
                and isinstance(value, str)
                and is_cameo_code(value)
            ):
                raise LexiconError(
                    f"{name}: {kind}: {key!r} -> {value!r} is not a pair of CAMEO codes"
                )
        tables[kind] = dict(table)
    return tables
