"""How a string resolves to an actor, and why: the KB entries and agents found in it, the office
each named person held on the date, what the document taught before it, and the result. Behind
``whodid actor``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language

from whodid.actors.dated import office_code
from whodid.actors.entries import ActorEntry
from whodid.actors.kb import ActorKB
from whodid.actors.resolve import DocActors
from whodid.records import Actor

__all__ = ["Explanation", "Piece", "explain"]


@dataclass(frozen=True, slots=True)
class Piece:
    """One KB mention inside the string: a named actor (with its code on the date) or an agent."""

    text: str
    kind: str  # country, organisation, group, person, place, other, agent
    name: str
    code: str | None
    status: str  # office, former, before, last, default (named actors); agent
    role: str = ""  # the office held on the date, for people
    source: str = "builtin"
    others: tuple[str, ...] = ()  # further entries with the same name (the first one wins)


@dataclass(frozen=True, slots=True)
class Explanation:
    text: str
    when: date | None
    actor: Actor | None
    pieces: tuple[Piece, ...] = ()
    memory: tuple[Actor, ...] = ()  # what earlier mentions of the context taught the document
    steps: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "date": self.when.isoformat() if self.when else None,
            "actor": self.actor.to_dict() if self.actor else None,
            "pieces": [
                {
                    "text": p.text,
                    "kind": p.kind,
                    "name": p.name,
                    "code": p.code,
                    "status": p.status,
                    "role": p.role,
                    "source": p.source,
                    "others": list(p.others),
                }
                for p in self.pieces
            ],
            "memory": [a.to_dict() for a in self.memory],
            "steps": list(self.steps),
        }


def _role_at(entry: ActorEntry, when: date | None) -> str:
    for w in entry.windows:
        if when is not None and w.holds(when):
            return w.role
    return ""


def _last_role(entry: ActorEntry) -> str:
    ended = [w for w in entry.windows if w.end is not None]
    return max(ended, key=lambda w: w.end or date.min).role if ended else ""


def explain(
    text: str,
    *,
    nlp: Language,
    kb: ActorKB | None = None,
    when: date | None = None,
    context: str | None = None,
) -> Explanation:
    """Resolve ``text`` (inside ``context`` if it occurs there, else after it) on date ``when``."""
    kb = kb or ActorKB.builtin()
    text = text.strip()
    if not text:
        raise ValueError("empty actor text")
    if context and text in context:
        full, start = context, context.rindex(text)
    elif context:
        full, start = f"{context.rstrip()} {text}", len(context.rstrip()) + 1
    else:
        full, start = text, 0
    doc = nlp(full)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    if span is None or not len(span):
        raise ValueError(f"cannot find {text!r} in the parsed text")
    actors = DocActors(kb, doc, published=when)
    actor = actors.resolve(span.root)
    when_used = when or date.today()
    pieces: list[Piece] = []
    steps: list[str] = []
    for m in actors.mentions:
        if m.start < span.start or m.end > span.end:
            continue
        words = doc[m.start : m.end].text
        if m.agent is not None:
            a = m.agent
            pieces.append(Piece(words, "agent", a.phrase, a.code, "agent", source=a.source))
            steps.append(f"{words!r} is a role ({a.kind}) giving sector {a.sector}")
            continue
        entry = m.entries[0]
        code, _sector, status = office_code(entry, when)
        role = _role_at(entry, when_used) if status != "last" else _last_role(entry)
        others = tuple(f"{e.name} ({e.kind}, {e.source})" for e in m.entries[1:])
        pieces.append(
            Piece(words, entry.kind, entry.name, code, status, role, entry.source, others)
        )
        said = {
            "office": f"in office as {role or 'dated code'} on {when_used}",
            "former": f"out of office on {when_used}: former official",
            "last": f"most recent office, {role or 'dated code'} (no date given)",
            "before": f"not yet in office on {when_used}",
            "default": "default code",
        }[status]
        steps.append(f"{words!r} names {entry.name} ({entry.kind}) -> {code} ({said})")
    memory = tuple(m.actor for m in actors.memory.memos if m.start < doc[span.start].idx)
    if actor is not None:
        inside = doc[span.start].idx <= actor.start and actor.end <= doc[span.end - 1].idx + len(
            doc[span.end - 1]
        )
        named = {p.name for p in pieces if p.kind != "agent"}
        earlier = next((m for m in reversed(memory) if actor.name and m.name == actor.name), None)
        if earlier is not None and actor.name not in named:
            steps.append(
                f"the document named it earlier: {earlier.text!r} is {earlier.name} "
                f"({earlier.code or 'no code'})"
            )
        if not inside:
            steps.append(f"refers to the earlier mention {actor.text!r} in the same sentence")
        dated = [p for p in pieces if p.kind == "person" and p.name == actor.name]
        if (
            dated
            and dated[0].code != actor.code
            and dated[0].status in ("former", "before", "last")
        ):
            steps.append(
                f"the text's title or country gives {actor.code} instead of the dated "
                f"{dated[0].code} ('former'/'ex-' keep ELI)"
            )
        steps.append(
            f"result: {actor.code or 'no code'} (country {actor.country or '-'}, "
            f"sector {actor.sector or '-'}, name {actor.name or '-'})"
        )
    else:
        steps.append("not an actor")
    return Explanation(text, when, actor, tuple(pieces), memory, tuple(steps))
