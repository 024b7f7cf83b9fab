"""evaluate stage: scorers behind ``whodid eval``, measured through the batch interface."""

from whodid.evaluate.common import AnnotateFn, SetResult
from whodid.evaluate.runner import available_sets, format_results, run_set

__all__ = ["AnnotateFn", "SetResult", "available_sets", "format_results", "run_set"]
