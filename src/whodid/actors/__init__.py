"""Actors: the knowledge base (countries, organisations, groups, people, agents), PETRARCH/TABARI
importers
and the resolution of argument heads to coded actors."""

from whodid.actors.entries import (
    ActorEntry,
    AgentEntry,
    CodeWindow,
    DataError,
    plover_sector,
    split_code,
)
from whodid.actors.explain import Explanation, explain
from whodid.actors.kb import ActorKB, LookupResult
from whodid.actors.petrarch import (
    load_actor_file,
    load_agent_file,
    parse_actor_dictionary,
    parse_agent_dictionary,
)
from whodid.actors.resolve import DocActors

__all__ = [
    "ActorEntry",
    "ActorKB",
    "AgentEntry",
    "CodeWindow",
    "DataError",
    "DocActors",
    "Explanation",
    "LookupResult",
    "explain",
    "load_actor_file",
    "load_agent_file",
    "parse_actor_dictionary",
    "parse_agent_dictionary",
    "plover_sector",
    "split_code",
]
