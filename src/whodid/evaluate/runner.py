"""Run the evaluation sets through the batch interface and format their scores.

Each set lives in one module with ``NAME``, ``FILE`` and a ``score`` function. By default the
real core is used (``whodid.pipeline.annotate_many``); tests and outside tools pass their own
``annotate`` function (input records -> INTERFACE.md output dicts, same order).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whodid.evaluate.common import AnnotateFn, SetResult, read_jsonl

logger = logging.getLogger(__name__)

AnnotateFactory = Callable[[tuple[Path, ...], tuple[Path, ...]], AnnotateFn]

# set name -> (module under whodid.evaluate, data file)
_SETS: dict[str, tuple[str, str]] = {
    "conflibert_cameo": ("conflibert", "conflibert_cameo.jsonl"),
    "coder_validation": ("coder_validation", "coder_validation.jsonl"),
    "plover_gsr": ("plover_gsr", "plover_gsr.jsonl"),
    "case2021_task2": ("case2021", "case2021_task2.jsonl"),
    "ipe_sentences": ("ipe", "ipe_sentences.jsonl"),
    "event_location": ("event_location", "event_location.jsonl"),
    "polnear": ("polnear", "polnear.jsonl"),
    "geo_lgl": ("geo", "geo_lgl.jsonl"),
    "geo_geovirus": ("geo", "geo_geovirus.jsonl"),
    "actor_coding": ("actor_coding", "actor_coding.jsonl"),
    "timebank": ("timebank", "timebank.jsonl"),  # module written elsewhere; used when present
}

# the figures shown in the summary table, per set
HEADLINE: dict[str, tuple[str, ...]] = {
    "conflibert_cameo": (
        "accuracy",
        "macro_f1",
        "source_exact_f1",
        "target_exact_f1",
        "source_overlap_f1",
        "target_overlap_f1",
    ),
    "coder_validation": ("triple_p", "triple_r", "triple_f1", "root_f1", "noevent_accuracy"),
    "plover_gsr": ("type_accuracy", "mode_accuracy", "source_country_accuracy"),
    "case2021_task2": ("sub_event_accuracy", "sub_event_macro_f1", "event_type_accuracy"),
    "ipe_sentences": ("arrest_f1", "kill_f1", "force_f1", "any_action_f1", "doc_arrest_f1"),
    "event_location": ("accuracy_exact", "accuracy_overlap", "location_overlap_f1"),
    "polnear": ("content_overlap_f1", "cue_accuracy", "speaker_accuracy"),
    "geo_lgl": ("toponym_overlap_f1", "acc_161km"),
    "geo_geovirus": ("toponym_overlap_f1", "acc_161km"),
    "actor_coding": ("country_accuracy", "sector_accuracy"),
    "timebank": ("relaxed_f1", "value_accuracy", "value_f1"),
}


def _module(name: str) -> Any | None:
    module_name, _file = _SETS[name]
    full = f"whodid.evaluate.{module_name}"
    if importlib.util.find_spec(full) is None:
        return None
    module = importlib.import_module(full)
    return module if hasattr(module, "score") else None


def available_sets() -> list[str]:
    """Names of the sets that have a scorer."""
    return [name for name in _SETS if _module(name) is not None]


def pipeline_annotate(
    actor_files: tuple[Path, ...] = (), agent_files: tuple[Path, ...] = ()
) -> AnnotateFn:
    """The real core as an annotate function, with extra actor/agent dictionaries."""
    from whodid.pipeline import Options, annotate_many  # imported late: heavy and optional

    options = Options(actor_files=tuple(actor_files), agent_files=tuple(agent_files))

    def annotate(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [a.to_dict() for a in annotate_many(records, options=options)]

    return annotate


def run_set(
    name: str,
    *,
    data_dir: Path,
    annotate: AnnotateFn | None = None,
    limit: int | None = None,
    annotate_factory: AnnotateFactory | None = None,
) -> SetResult:
    """Score one set from ``data_dir``.

    ``annotate`` is used for every record; without it the real core is built by
    ``annotate_factory(actor_files, agent_files)`` (default: :func:`pipeline_annotate`), which
    lets coder_validation load each suite's PETRARCH dictionaries.
    """
    if name not in _SETS:
        raise ValueError(f"unknown evaluation set {name!r}; known: {', '.join(_SETS)}")
    module = _module(name)
    if module is None:
        raise ValueError(f"evaluation set {name!r} has no scorer yet")
    path = Path(data_dir) / _SETS[name][1]
    if not path.is_file():
        raise FileNotFoundError(f"{name}: data file {path} not found")

    factory: AnnotateFactory
    if annotate is not None:
        fixed = annotate

        def _fixed(_actors: tuple[Path, ...], _agents: tuple[Path, ...]) -> AnnotateFn:
            return fixed

        factory = _fixed
    else:
        factory = annotate_factory or pipeline_annotate

    # ipe counts documents and coder_validation filters first: they apply the limit themselves
    read_limit = None if name in ("ipe_sentences", "coder_validation") else limit
    records = read_jsonl(path, limit=read_limit)
    logger.info("evaluating %s on %d records", name, len(records))
    if name == "coder_validation":
        result: SetResult = module.score(
            records, factory, dict_dir=Path(data_dir) / module.DICT_DIR, limit=limit
        )
    elif name in ("geo_lgl", "geo_geovirus"):
        result = module.score(records, factory((), ()), name=name, limit=limit)
    else:
        result = module.score(records, factory((), ()), limit=limit)
    return result


def format_results(results: list[SetResult], *, full: bool = False) -> str:
    """A markdown table of the headline figures; ``full`` adds every metric and the notes."""
    lines = ["| set | n | scores |", "|---|---:|---|"]
    for result in results:
        keys = HEADLINE.get(result.name) or tuple(result.metrics)[:5]
        shown = [f"{k} {result.metrics[k]:.3f}" for k in keys if k in result.metrics]
        lines.append(f"| {result.name} | {result.n} | {', '.join(shown)} |")
    if full:
        for result in results:
            lines += [
                "",
                f"### {result.name} (n={result.n})",
                "",
                "| metric | value |",
                "|---|---:|",
            ]
            lines += [f"| {k} | {v:.3f} |" for k, v in result.metrics.items()]
            if result.details.get("confusion"):
                lines += ["", _confusion_table(result.details)]
            if result.notes:
                lines += [""] + [f"- {note}" for note in result.notes]
    return "\n".join(lines) + "\n"


def _confusion_table(details: dict[str, Any]) -> str:
    labels = [str(x) for x in details.get("confusion_labels") or []]
    table = details["confusion"]
    if not labels:
        labels = [str(i) for i in range(len(table))]
    rows = ["| gold \\ pred | " + " | ".join(labels) + " |", "|---|" + "---:|" * len(labels)]
    rows += [
        f"| {labels[i]} | " + " | ".join(str(c) for c in row) + " |" for i, row in enumerate(table)
    ]
    return "\n".join(rows)
