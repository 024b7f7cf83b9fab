"""time stage: temporal expressions (TIMEX3) and event dating, rule-based and fast."""

from whodid.time.dating import date_event, relative_step, value_to_date
from whodid.time.timex import find_timexes

__all__ = ["date_event", "find_timexes", "relative_step", "value_to_date"]
